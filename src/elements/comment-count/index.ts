import { defineElement } from '../../shared/define-element.js';
import { CommentCount } from './comment-count.js';

export { CommentCount };
defineElement('comment-count', CommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'comment-count': CommentCount;
  }
}
