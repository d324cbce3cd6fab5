import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { reviewSourceContext, reviewStateContext, type ReviewSourceInfo } from '../../data/contexts.js';
import { ReviewDataElement } from '../../data/review-data-element.js';
import { sharedClient } from '../../data/shared-client.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';

/**
 * @tag review-source
 * @summary Loads one review and hands it to every review element inside it.
 *
 * Give it `api` + `review` (a review API) or `src` (a static review document). It loads once; the
 * elements inside render from that one load, and a `lang` on it sets the language of its subtree.
 * It renders nothing of its own.
 *
 * @slot - The review elements (and any other content) that show this review.
 *
 * @fires {ReviewLoadEvent} review-load - The review loaded. `event.review` is the document.
 * @fires {ReviewErrorEvent} review-error - The review could not be loaded. `event.error` is a `ReviewApiError`.
 */
export class ReviewSource extends ReviewDataElement {
  protected override readonly localize = new LocaleController(this, {});
  static override styles = [
    ReviewElement.styles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  readonly #stateProvider = new ContextProvider(this, { context: reviewStateContext });
  readonly #sourceProvider = new ContextProvider(this, { context: reviewSourceContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('review') || !this.#sourceProvider.value) {
      const info: ReviewSourceInfo = { client: sharedClient(this.api), api: this.api, reviewId: this.review };
      this.#sourceProvider.setValue(info);
    }
  }

  protected override updated(): void {
    // The controller's state object only changes identity when the state does, so this notifies
    // consumers exactly once per change.
    this.#stateProvider.setValue(this.reviewData.state);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
