import { defineElement } from '../../shared/define-element.js';
import { CommentForm } from './comment-form.js';
import type { CommentReport } from './comment-report.js';
import { CommentThread } from './comment-thread.js';

// <review-comment-report> is imported and defined by the thread when a reader first asks to report.
export { CommentThread, CommentForm };
export type { CommentReport };
export * from './events.js';
defineElement('review-comment-form', CommentForm);
defineElement('comment-thread', CommentThread);

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
    'review-comment-form': CommentForm;
    'review-comment-report': CommentReport;
  }
}
