import { defineElement } from '../../shared/define-element.js';
import { ContentWarningSettings } from './content-warning-settings.js';

export { ContentWarningSettings };
defineElement('content-warning-settings', ContentWarningSettings);

declare global {
  interface HTMLElementTagNameMap {
    'content-warning-settings': ContentWarningSettings;
  }
}
