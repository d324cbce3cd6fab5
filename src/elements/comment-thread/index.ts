import { defineElement } from '../../shared/define-element.js';
import { CommentForm } from './comment-form.js';
import { CommentThread } from './comment-thread.js';

export { CommentThread, CommentForm };
export * from './events.js';
defineElement('review-comment-form', CommentForm);
defineElement('comment-thread', CommentThread);

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
    'review-comment-form': CommentForm;
  }
}
