import { defineElement } from '../../shared/define-element.js';
import { ContentWarning } from './content-warning.js';

export { ContentWarning };
export * from './events.js';
defineElement('content-warning', ContentWarning);

declare global {
  interface HTMLElementTagNameMap {
    'content-warning': ContentWarning;
  }
}
