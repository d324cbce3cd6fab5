import { property } from 'lit/decorators.js';
import type { Review } from '../api/index.js';
import { ReviewElement } from '../shared/review-element.js';
import { ReviewDataController } from './review-data-controller.js';

/**
 * The base of the elements that show (or give) one review: where it comes from (`src`, or
 * `api` + `review`, else the nearest `<review-source>`, else preloaded data, see
 * `ReviewDataController`), `data` and `reload()`, written once for all of them.
 */
export abstract class ReviewDataElement extends ReviewElement {
  /** URL of a static review document, used instead of `api` + `review`. */
  @property() src?: string;
  /** Base URL of the review API (`https://reviews.example/v1`). */
  @property() api?: string;
  /** Id of the review at `api` (or at the `api` of the surrounding `<review-source>`). */
  @property() review?: string;

  protected readonly reviewData = new ReviewDataController(this);

  /**
   * The review, once loaded. Set it (or put the review's JSON in a `<script type="application/json">`
   * child) to give it without a request: with `review` naming the same id, nothing is fetched
   * until `reload()`.
   */
  get data(): Review | undefined {
    return this.reviewData.state.value;
  }
  set data(review: Review | undefined) {
    this.reviewData.preloaded = review;
  }

  /** Loads the review again, asking the server whether it changed. */
  reload(): void {
    this.reviewData.reload();
  }
}
