import type { Review, ReviewApiError } from '../api/index.js';

/** A review arrived and is shown. Bubbles and crosses shadow roots. */
export class ReviewLoadEvent extends Event {
  static readonly type = 'review-load';
  readonly review: Review;
  constructor(review: Review) {
    super(ReviewLoadEvent.type, { bubbles: true, composed: true });
    this.review = review;
  }
}

/** Loading failed; the element shows an error state with Retry. Bubbles and crosses shadow roots. */
export class ReviewErrorEvent extends Event {
  static readonly type = 'review-error';
  readonly error: ReviewApiError | Error;
  constructor(error: ReviewApiError | Error) {
    super(ReviewErrorEvent.type, { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'review-load': ReviewLoadEvent;
    'review-error': ReviewErrorEvent;
  }
}
