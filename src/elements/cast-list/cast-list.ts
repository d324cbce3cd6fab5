import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CastMember } from '../../api/index.js';
import { DataView } from '../../data/data-view.js';
import { ReviewDataElement } from '../../data/review-data-element.js';
import { cssVars } from '../../shared/css-vars.js';
import { formatNumber } from '../../shared/format.js';
import { errorTemplate, loadStateStyles } from '../../shared/load-states.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase, enCast } from '../../shared/i18n/index.js';
import { styles } from './cast-list.styles.js';
import { CastSelectEvent } from './events.js';
import { HeldSpace } from '../../shared/held-space.js';
import { hueFor, initials } from '../../shared/initials.js';

/**
 * @tag cast-list
 * @summary The cast of the reviewed work: photo, actor and character, as a grid or a scrolling row.
 *
 * Works alone (`src`, or `api` + `review`) or inside `<review-source>`. Photos have a fixed size
 * and load lazily, so nothing moves while they arrive (their alt text is empty: the entry already
 * names the person, and a repeated name is noise to a screen reader); a missing or broken photo becomes the
 * actor's initials on a colour of their own. With `limit`, the first entries show with a
 * "Show all" button. Each entry is named for screen readers as "Jeon Jong-seo as Jang Ok-ju".
 *
 * @fires {CastSelectEvent} cast-select - An entry's link (or, with `selectable`, its name) was activated. Cancelable; `detail.member`.
 * @fires {ReviewLoadEvent} review-load - The review loaded.
 * @fires {ReviewErrorEvent} review-error - The review could not be loaded.
 *
 * @csspart base - The wrapper.
 * @csspart scroller - The scrolling region (a focusable region in `layout="row"`).
 * @csspart list - The list of entries.
 * @csspart member - One entry.
 * @csspart photo - The photo frame.
 * @csspart initials - The initials shown instead of a photo.
 * @csspart name - The actor's name (a link when the review gives one).
 * @csspart character - The character's name.
 * @csspart show-all-button - "Show all 14" / "Show fewer".
 * @csspart empty - The message when the review lists no cast.
 * @csspart error - The error box; also `error-title`, `error-message`, `retry-button`.
 *
 * @cssprop [--cast-list-photo-size=5rem] - Width and height of each photo.
 * @cssprop [--cast-list-photo-radius=50%] - Corner radius of the photos.
 * @cssprop [--cast-list-item-width=8.5rem] - Width of an entry (the grid's minimum column width).
 * @cssprop [--cast-list-gap=var(--review-space)] - Space between entries.
 *
 * @cssstate loading - Waiting for the review.
 * @cssstate error - Loading failed.
 * @cssstate empty - No cast to show.
 * @cssstate expanded - Every entry is shown although a `limit` is set.
 */
export class CastList extends ReviewDataElement {
  protected override readonly localize = new LocaleController(this, { ...enBase, cast: enCast });
  static override styles = [ReviewElement.styles, loadStateStyles, styles];

  /** How many entries to show before "Show all"; 0 shows every one. */
  @property({ type: Number }) limit = 0;
  /** `grid` wraps entries into rows; `row` is one horizontally scrolling row. */
  @property({ reflect: true }) layout: 'grid' | 'row' = 'grid';
  /** Make entries without a link activatable too (they fire `cast-select`). */
  @property({ type: Boolean }) selectable = false;
  /** The list's accessible name; "Cast" by default. */
  @property() label?: string;

  @state() private expanded = false;
  readonly #view = new DataView(this, this.reviewData, {
    // The list is the cast's heading: it is named "Cast" (or `label`) for screen readers.
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('[part~="list"]'),
    empty: (review) => !review?.cast.length,
    setStates: (states) => this.setStates(states),
  });
  readonly #brokenPhotos = new Set<string>();

  constructor() {
    super();
    // Holds the page's space (README "Holding the space") until the cast is in: the page knows how
    // many people there are, the skeleton can only guess.
    new HeldSpace(this, () => this.reviewData.state.status !== 'loading', { clip: true });
  }
  /** The first entry "Show all" added, to take focus once rendered. */
  #focusIndex = -1;

  #select(event: Event, member: CastMember) {
    const allowed = this.dispatchEvent(new CastSelectEvent(member));
    if (!allowed) event.preventDefault();
  }

  #toggle = () => {
    this.expanded = !this.expanded;
    this.#focusIndex = this.expanded ? this.limit : -1;
  };

  protected override updated(): void {
    this.setStates({ expanded: this.expanded });
    if (this.#focusIndex < 0) return;
    const entry = this.renderRoot.querySelectorAll<HTMLElement>('[part~="member"]')[this.#focusIndex];
    this.#focusIndex = -1;
    // The first newly shown entry: its link or button if it has one, else the entry itself.
    (entry?.querySelector<HTMLElement>('a, button') ?? entry)?.focus();
  }

  protected override render() {
    const { t } = this.localize;
    return this.#view.render({
      loading: () => this.#skeleton(),
      error: (error, retrying) => errorTemplate(t.cast.errorTitle, error, retrying, this.#view.retry, t),
      empty: () => html`<p part="empty">${t.cast.empty}</p>`,
      ready: (review) => this.#cast(review.cast),
    });
  }

  #cast(cast: CastMember[]) {
    const { t } = this.localize;
    const limited = this.limit > 0 && cast.length > this.limit;
    const shown = limited && !this.expanded ? cast.slice(0, this.limit) : cast;
    const row = this.layout === 'row';
    const label = this.label || t.cast.label;
    return html`<div part="base">
      <div part="scroller" role=${row ? 'region' : nothing} aria-label=${row ? label : nothing} tabindex=${row ? '0' : nothing}>
        <ul part="list" id="list" aria-label=${label} tabindex="-1">
          ${shown.map((member) => this.#member(member))}
        </ul>
      </div>
      ${
        limited
          ? html`<button part="show-all-button" class="button" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="list" @click=${this.#toggle}>
            ${this.expanded ? t.cast.showFewer : t.cast.showAll(formatNumber(this.localize.locale, cast.length))}
          </button>`
          : nothing
      }
    </div>`;
  }

  #member(member: CastMember) {
    const { t } = this.localize;
    const name = member.character ? t.cast.member(member.name, member.character) : member.name;
    const photo = member.photo && !this.#brokenPhotos.has(member.photo) ? member.photo : undefined;
    const nameContent = member.url
      ? html`<a href=${member.url} @click=${(e: Event) => this.#select(e, member)}>${member.name}</a>`
      : this.selectable
        ? html`<button type="button" @click=${(e: Event) => this.#select(e, member)}>${member.name}</button>`
        : member.name;
    return html`<li part="member" aria-label=${name} tabindex="-1">
      <span part="photo">
        ${
          photo
            ? html`<img src=${photo} alt="" width="160" height="160" loading="lazy" decoding="async" @error=${() => this.#photoFailed(photo)} />`
            : html`<span part="initials" aria-hidden="true" ${cssVars({ '--_hue': String(hueFor(member.name)) })}>${initials(member.name)}</span>`
        }
      </span>
      <span part="name">${nameContent}</span>
      ${member.character ? html`<span part="character">${member.character}</span>` : nothing}
    </li>`;
  }

  #photoFailed(url: string) {
    this.#brokenPhotos.add(url);
    this.requestUpdate();
  }

  #skeleton() {
    const count = Math.min(this.limit || 6, 6);
    return html`<div part="base" aria-busy="true">
      <div part="scroller">
        <ul part="list" aria-label=${this.localize.t.cast.loading}>
          ${Array.from(
            { length: count },
            () => html`<li part="member" aria-hidden="true">
              <span part="photo"></span>
              <span part="name"><span class="bone name">&nbsp;</span></span>
              <span part="character"><span class="bone character">&nbsp;</span></span>
            </li>`,
          )}
        </ul>
      </div>
    </div>`;
  }
}
