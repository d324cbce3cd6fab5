import type { DroppedField } from '../api/lenient.js';
import type { Review } from '../api/types.js';
import { ReviewApiError } from '../api/errors.js';

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

/**
 * Loading failed; the element shows its error state. Bubbles and crosses shadow roots. The error is
 * in `detail.error` (`event.error` kept for older code) and is always a `ReviewApiError`, so
 * listeners can switch on `error.code`: anything else that failed (a chunk that did not load, a
 * bug) arrives wrapped, as code `unknown` with the original as its `cause`.
 */
export class ReviewErrorEvent extends CustomEvent<{ error: ReviewApiError }> {
  static readonly type = 'review-error';
  /** @deprecated Use `detail.error`. */
  readonly error: ReviewApiError;
  constructor(error: unknown) {
    const wrapped =
      error instanceof ReviewApiError
        ? error
        : new ReviewApiError({
            code: 'unknown',
            detail: String((error as Error | undefined)?.message ?? error),
            cause: error,
          });
    super(ReviewErrorEvent.type, { detail: { error: wrapped }, bubbles: true, composed: true });
    this.error = wrapped;
  }
}

/**
 * The review is shown, without some optional fields that were malformed (a poster without a URL, a
 * year written as text): `detail.fields` says which and why. Fired after `review-load`; the library
 * writes nothing to the console, so this is how a page's owner learns their document needs fixing.
 */
export class ReviewWarningEvent extends CustomEvent<{ fields: readonly DroppedField[] }> {
  static readonly type = 'review-warning';
  constructor(fields: readonly DroppedField[]) {
    super(ReviewWarningEvent.type, { detail: { fields }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'review-load': ReviewLoadEvent;
    'review-warning': ReviewWarningEvent;
    'review-error': ReviewErrorEvent;
  }
}
