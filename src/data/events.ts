import type { Review, ReviewApiError } from '../api/index.js';

/**
 * A review arrived and is shown. Bubbles and crosses shadow roots. Like every event of the
 * library, its data is in `detail` (see docs/events.md); `event.review` is kept for code written
 * before 0.2.
 */
export class ReviewLoadEvent extends CustomEvent<{ review: Review }> {
  static readonly type = 'review-load';
  /** @deprecated Use `detail.review`. */
  readonly review: Review;
  constructor(review: Review) {
    super(ReviewLoadEvent.type, { detail: { review }, bubbles: true, composed: true });
    this.review = review;
  }
}

/** Loading failed; the element shows its error state. Bubbles and crosses shadow roots; `detail.error` (`event.error` kept for older code). */
export class ReviewErrorEvent extends CustomEvent<{ error: ReviewApiError | Error }> {
  static readonly type = 'review-error';
  /** @deprecated Use `detail.error`. */
  readonly error: ReviewApiError | Error;
  constructor(error: ReviewApiError | Error) {
    super(ReviewErrorEvent.type, { detail: { error }, bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'review-load': ReviewLoadEvent;
    'review-error': ReviewErrorEvent;
  }
}
