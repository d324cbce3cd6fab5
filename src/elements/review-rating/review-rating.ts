import { html, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { formatNumber } from '../../shared/format.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase } from '../../shared/i18n/index.js';
import { styles } from './review-rating.styles.js';

// One five-point star on a 24×24 grid; the filled copy is clipped for half stars.
const STAR = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';
const star = (kind: 'full' | 'half' | 'empty') =>
  svg`<svg part="star star-${kind}" class=${kind} viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path class="off" d=${STAR}></path><path class="on" d=${STAR}></path></svg>`;

/**
 * @tag review-rating
 * @summary A score as stars or a number, with one accessible name ("3.5 out of 5").
 *
 * Stars are shown for scales of up to ten; values round to the nearest half star. Larger scales
 * (out of 100, say) show as a number, as does `display="number"`. Screen readers hear one phrase,
 * never the stars one by one.
 *
 * @csspart base - The wrapper, which carries the accessible name.
 * @csspart star - Each star; also `star-full`, `star-half` or `star-empty`.
 * @csspart value - The number, in number display.
 *
 * @cssprop [--review-rating-size=1.25em] - Size of one star.
 * @cssprop --review-rating-fill - Colour of filled stars (defaults to `--review-rating-color`).
 * @cssprop --review-rating-empty - Colour of empty stars (defaults to `--review-border`).
 */
export class ReviewRating extends ReviewElement {
  protected override readonly localize = new LocaleController(this, enBase);
  static override styles = [ReviewElement.styles, styles];

  /** The score. */
  @property({ type: Number }) value = 0;
  /** The best possible score. */
  @property({ type: Number }) best = 5;
  /** `stars` (the default for scales up to 10) or `number`. */
  @property() display: 'stars' | 'number' = 'stars';
  /** Replaces the spoken name ("3.5 out of 5"), e.g. to add who gave the score. */
  @property() label?: string;

  #clamped(): number {
    const best = this.best > 0 ? this.best : 5;
    return Math.min(Math.max(Number.isFinite(this.value) ? this.value : 0, 0), best);
  }

  protected override render() {
    const best = this.best > 0 ? this.best : 5;
    const value = this.#clamped();
    const { locale, t } = this.localize;
    const number = (n: number) => formatNumber(locale, n, { maximumFractionDigits: 1 });
    const name = this.label || t.ratingOutOf(number(value), number(best));
    const asStars = this.display !== 'number' && best <= 10 && Number.isInteger(best);
    if (!asStars) {
      return html`<span part="base" role="img" aria-label=${name}
        ><span part="value" aria-hidden="true">${number(value)}/${number(best)}</span></span
      >`;
    }
    const halves = Math.round(value * 2);
    const stars = Array.from({ length: best }, (_, i) =>
      star(halves >= (i + 1) * 2 ? 'full' : halves === i * 2 + 1 ? 'half' : 'empty'),
    );
    return html`<span part="base" role="img" aria-label=${name}>${stars}</span>`;
  }
}
