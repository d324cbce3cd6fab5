import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DataView } from '../../data/data-view.js';
import { ReviewDataElement } from '../../data/review-data-element.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase } from '../../shared/i18n/index.js';
import { styles } from './review-card.styles.js';
import { syncJsonLd } from './structured-data.js';
import { errorMessage, errorTemplate, loadStateStyles } from '../../shared/load-states.js';
import { emptyTemplate, loadedTemplate, skeletonTemplate, type View } from './review-card.templates.js';

/**
 * @tag review-card
 * @summary The review at a glance: poster, the work, the scores, the verdict, credits and a link.
 *
 * Works alone (`src`, or `api` + `review`) or inside `<review-source>`. While loading it shows a
 * skeleton of the same size; on failure, what went wrong in words and a working Retry. Unless
 * `no-structured-data` is set, it adds schema.org `Review` JSON-LD as a light-DOM child, so search
 * engines see the review (the reviewer's own score only, never other sites' ratings).
 *
 * @slot actions - Extra controls for the footer (share, bookmark…).
 *
 * @fires {ReviewLoadEvent} review-load - The review loaded and is shown. `event.review` is the document.
 * @fires {ReviewErrorEvent} review-error - The review could not be loaded. `event.error` has a stable `code`.
 *
 * @csspart base - The card's box.
 * @csspart poster - The poster frame (a placeholder when there is no poster).
 * @csspart head - Eyebrow, titles and facts, beside the poster.
 * @csspart details - Ratings, verdict, summary, credits and footer.
 * @csspart eyebrow - Type, year and countries above the title.
 * @csspart title - The work's title (a heading).
 * @csspart original-title - The original title, when it differs.
 * @csspart facts - Runtime, genres and age rating.
 * @csspart not-warned - Among the facts: the author chose not to give content warnings (`contentWarnings: "not-warned"`).
 * @csspart ratings - The row of scores.
 * @csspart score - The reviewer's own score.
 * @csspart rating__base - The stars of the reviewer's score (from `<review-rating>`).
 * @csspart rating__star - Each star of the reviewer's score.
 * @csspart external-ratings - Ratings from other sites.
 * @csspart verdict - The one-line verdict.
 * @csspart summary - The summary (clamped to a few lines).
 * @csspart credits - The review's credits (author, translator, director, …; roles listed in docs/vocabulary.md).
 * @csspart footer - Date, comment count, link and the actions slot.
 * @csspart date - The publication date.
 * @csspart comment-count - The comment count (a link to the comments when there is a URL).
 * @csspart link - "Read the full review".
 * @csspart error - The error box.
 * @csspart error-title - The error's heading.
 * @csspart error-message - What went wrong, in words.
 * @csspart retry-button - Retry.
 * @csspart empty - The message shown when no review is configured.
 *
 * @cssprop [--review-card-poster-width=9rem] - Width of the poster (4.5rem compact).
 * @cssprop [--review-card-padding=var(--review-space)] - Padding inside the card.
 * @cssprop [--review-card-title-size=1.375em] - Font size of the title.
 * @cssprop --review-card-background - The card's background (defaults to `--review-surface`).
 * @cssprop --review-card-border - The card's border.
 * @cssprop [--review-card-summary-lines=3] - Lines of summary shown before it is cut.
 * @cssprop [--review-card-verdict-lines=2] - Lines of verdict shown before it is cut.
 * @cssprop --review-text - Text colour. See docs/theming.md for all global tokens.
 * @cssprop --review-accent - Links and buttons.
 *
 * @cssstate loading - Waiting for the review.
 * @cssstate error - Loading failed.
 * @cssstate empty - No review configured.
 */
export class ReviewCard extends ReviewDataElement {
  protected override readonly localize = new LocaleController(this, enBase);
  static override styles = [ReviewElement.styles, loadStateStyles, styles];

  /** `full` shows everything; `compact` suits listings: no summary, credits or other sites' ratings. */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';
  /** Level of the title heading (1–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Leave out the schema.org JSON-LD (when the page already has its own). */
  @property({ type: Boolean, attribute: 'no-structured-data' }) noStructuredData = false;

  readonly #view = new DataView(this, this.reviewData, {
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('[part~="title"]'),
    setStates: (states) => this.setStates(states),
  });

  protected override render() {
    const { status, value: review } = this.reviewData.state;
    const view: View = {
      locale: this.localize.locale,
      t: this.localize.t,
      compact: this.layout === 'compact',
      heading: this.headingLevel,
    };
    const { t } = view;
    const retrying = this.#view.retrying;
    const label =
      status === 'ready' && review
        ? t.cardLabel(review.work.title)
        : status === 'error' || retrying
          ? t.errorTitle
          : status === 'loading'
            ? t.loading
            : t.empty;
    const content = this.#view.render({
      loading: () => skeletonTemplate(view),
      error: (error, retrying) => errorTemplate(t.errorTitle, error, retrying, this.#view.retry, t),
      empty: () => emptyTemplate(view),
      ready: (value) => loadedTemplate(value, view),
    });
    const error = status === 'error' ? this.reviewData.state.error : undefined;
    return html`<article part="base" aria-label=${label} aria-busy=${status === 'loading' && !retrying ? 'true' : 'false'}>${content}</article>
      <p class="visually-hidden" role="status">${error ? errorMessage(error, t) : ''}</p>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { status, value: review } = this.reviewData.state;
    if (status === 'ready' || status === 'idle' || this.noStructuredData) {
      syncJsonLd(this, status === 'ready' && !this.noStructuredData ? review : undefined);
    }
  }
}
