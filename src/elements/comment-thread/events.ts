import type { Comment, CommentInput } from '../../api/index.js';

/** A reader is about to post. Cancelable: a host can ask for a captcha or a sign-in first. */
export class CommentPostEvent extends CustomEvent<{ input: CommentInput }> {
  static readonly type = 'comment-post';
  constructor(input: CommentInput) {
    super(CommentPostEvent.type, { detail: { input }, bubbles: true, composed: true, cancelable: true });
  }
}

/** The server accepted a comment (it may be `pending` moderation). */
export class CommentPostedEvent extends CustomEvent<{ comment: Comment }> {
  static readonly type = 'comment-posted';
  constructor(comment: Comment) {
    super(CommentPostedEvent.type, { detail: { comment }, bubbles: true, composed: true });
  }
}

/** Posting, editing or deleting failed; the words are kept and Retry is offered. */
export class CommentErrorEvent extends CustomEvent<{ error: Error; input?: CommentInput }> {
  static readonly type = 'comment-error';
  constructor(error: Error, input?: CommentInput) {
    super(CommentErrorEvent.type, { detail: { error, input }, bubbles: true, composed: true });
  }
}

// In the data layer, which <comment-count> loads too: this file is then the thread's alone.
export { COMMENTS_CHANGED, type CommentsChangedDetail } from '../../data/contexts.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-post': CommentPostEvent;
    'comment-posted': CommentPostedEvent;
    'comment-error': CommentErrorEvent;
  }
}
