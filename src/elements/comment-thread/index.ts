import { defineElement } from '../../shared/define-element.js';
import { CommentForm } from './comment-form.js';
import { CommentReport } from './comment-report.js';
import { CommentThread } from './comment-thread.js';

export { CommentThread, CommentForm, CommentReport };
export * from './events.js';
defineElement('review-comment-form', CommentForm);
defineElement('review-comment-report', CommentReport);
defineElement('comment-thread', CommentThread);

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
    'review-comment-form': CommentForm;
    'review-comment-report': CommentReport;
  }
}
