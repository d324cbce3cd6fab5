import { defineElement } from '../../shared/define-element.js';
import { ReviewEditor } from './review-editor.js';

export { ReviewEditor };
export * from './events.js';
defineElement('review-editor', ReviewEditor);

declare global {
  interface HTMLElementTagNameMap {
    'review-editor': ReviewEditor;
  }
}
