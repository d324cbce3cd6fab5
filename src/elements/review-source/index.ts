import { defineElement } from '../../shared/define-element.js';
import { ReviewSource } from './review-source.js';

export { ReviewSource };
defineElement('review-source', ReviewSource);

declare global {
  interface HTMLElementTagNameMap {
    'review-source': ReviewSource;
  }
}
