import type { Review } from '../api/types.js';
import { ReviewApiError } from '../api/errors.js';

/** A review arrived and is shown. Bubbles and crosses shadow roots. */
export class ReviewLoadEvent extends Event {
  static readonly type = 'review-load';
  readonly review: Review;
  constructor(review: Review) {
    super(ReviewLoadEvent.type, { bubbles: true, composed: true });
    this.review = review;
  }
}

/**
 * Loading failed; the element shows an error state with Retry. Bubbles and crosses shadow roots.
 * `error` is always a `ReviewApiError`, so listeners can switch on `error.code`: anything else that
 * failed (a chunk that did not load, a bug) arrives wrapped, as code `unknown` with the original
 * as its `cause`.
 */
export class ReviewErrorEvent extends Event {
  static readonly type = 'review-error';
  readonly error: ReviewApiError;
  constructor(error: unknown) {
    super(ReviewErrorEvent.type, { bubbles: true, composed: true });
    this.error =
      error instanceof ReviewApiError
        ? error
        : new ReviewApiError({ code: 'unknown', detail: String((error as Error | undefined)?.message ?? error), cause: error });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'review-load': ReviewLoadEvent;
    'review-error': ReviewErrorEvent;
  }
}
