import { ContextConsumer } from '@lit/context';
import { css, html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseReview, type Review } from '../../api/index.js';
import { safeLinkUrl } from '../../api/urls.js';
import { reviewSourceContext, reviewStateContext } from '../../data/contexts.js';
import { resolveOrigin } from '../../data/origin.js';
import { plural } from '../../shared/format.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase } from '../../shared/i18n/index.js';
import { COMMENTS_CHANGED, type CommentsChangedDetail } from '../comment-thread/events.js';
import { watchCount } from './batch.js';
import { loadLiveCount } from './live-loader.js';
import { baseUrl } from '../../shared/base-url.js';

/**
 * @tag comment-count
 * @summary "12 comments" for one review; every count on a page shares one request.
 *
 * Give it `review` (and `api`), or put it inside a `<review-source>`. Counts with their own
 * `review` share one `GET /v1/comment-counts?ids=…` per API for the whole page; inside a source,
 * it shows the count of the review the source already loaded (no request). Either way it updates
 * when a `<comment-thread>` on the page posts or deletes. With `href`, it is a link (to the
 * thread). It shows nothing until it knows the number, and nothing if it cannot get it (it
 * asks again by itself). Given a review without a request (`data`, or a
 * `<script type="application/json">` child), it shows that review's `commentCount`.
 *
 * It resolves where its review comes from by the rule every element uses (`resolveOrigin`), but
 * does not load through `DataController`: its load is one page-wide batch for every count, not a
 * request of its own, and the controller with `@lit/task` would add 1.6 KB gzip to it.
 *
 * @csspart base - The text, or the link.
 *
 * @cssprop --comment-count-link-color - Colour of the link (defaults to `--review-accent`).
 *
 * @cssstate loading - The count is not known yet.
 * @cssstate live - With `live`: the stream of changes is open.
 */
export class CommentCount extends ReviewElement {
  protected override readonly localize = new LocaleController(this, enBase);
  static override styles = [
    ReviewElement.styles,
    css`
      :host {
        display: inline;
      }
      a {
        color: var(--comment-count-link-color, var(--_accent));
      }
    `,
  ];

  /** Id of the review. */
  @property() review?: string;
  /** Base URL of the review API. */
  @property() api?: string;
  /** Makes the count a link, e.g. `#comments`. */
  @property() href?: string;
  /**
   * Follow the count as it changes (`GET {api}/reviews/{review}/events`, Server-Sent Events; one
   * connection per review for the whole page). The number changes in place. The stream closes when
   * this turns off or the element leaves the page.
   */
  @property({ type: Boolean }) live = false;

  @state() private count: number | undefined;
  readonly #source = new ContextConsumer(this, { context: reviewSourceContext, subscribe: true });
  readonly #provided = new ContextConsumer(this, { context: reviewStateContext, subscribe: true });
  #unwatch?: () => void;
  #watching = '';
  #preloaded: number | undefined;
  #following = false;

  /** Give a review without a request: its `commentCount` shows (when no `review` or source says otherwise). */
  set data(review: Review | undefined) {
    this.#preloaded = review?.commentCount;
    this.requestUpdate();
  }
  get data(): Review | undefined {
    return undefined;
  }

  get #target() {
    const { api, id, client } = resolveOrigin(this, this.#source.value);
    return api && id && client ? { api, id, client } : undefined;
  }

  /**
   * Inside a source (no `review` or `api` of its own), the review the source loaded already has
   * the count: no request of its own, so a page for one review makes two requests, not three.
   * Once a thread on the page changes that review's comments, it asks the API like the others.
   */
  get #fromSource(): boolean {
    return !this.review && !this.api && !this.#live && !this.live;
  }
  #live = false;

  #onChanged = (event: Event) => {
    const { api, reviewId } = (event as CustomEvent<CommentsChangedDetail>).detail;
    const target = this.#target;
    if (this.#live || !target || target.api !== api || target.id !== reviewId) return;
    this.#live = true;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script && this.#preloaded === undefined) {
      try {
        this.#preloaded = parseReview(JSON.parse(script.textContent ?? ''), baseUrl()).commentCount;
      } catch {
        // Not a review: nothing to show, as when a count cannot be loaded.
      }
    }
    document.addEventListener(COMMENTS_CHANGED, this.#onChanged);
    // Moved or put back: watch again (disconnecting stopped it), which asks if the count is unknown.
    this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    // The live code (live-count.ts, a controller) loads only for a count that asks for it.
    if (this.live && !this.#following && !isServer) {
      this.#following = true;
      void loadLiveCount().then(
        ({ LiveCount }) =>
          new LiveCount(
            this,
            () => (this.live ? this.#target : undefined),
            (states) => this.setStates(states),
            (count) => (this.count = count),
          ),
      );
    }
    const target = this.#fromSource ? undefined : this.#target;
    const key = target ? `${target.api}\n${target.id}` : '';
    if (key === this.#watching || !this.isConnected) return;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = key;
    this.count = undefined;
    if (target) this.#unwatch = watchCount(target.client, target.api, target.id, (count) => (this.count = count));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(COMMENTS_CHANGED, this.#onChanged);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = '';
  }

  /** From the API; else the source's review (a static document's too); else the review given. */
  get #count(): number | undefined {
    const provided = this.#provided.value;
    if (!this.#fromSource && this.#target) return this.count;
    return provided ? (provided.status === 'ready' ? provided.value?.commentCount : undefined) : this.#preloaded;
  }

  protected override updated(): void {
    this.setStates({ loading: this.#count === undefined });
  }

  protected override render() {
    const count = this.#count;
    if (count === undefined) return nothing;
    const { t, locale } = this.localize;
    const text = count === 0 ? t.noComments : plural(locale, t.comments, count);
    const href = this.href && (this.href.startsWith('#') ? this.href : safeLinkUrl(this.href, baseUrl()));
    return href ? html`<a part="base" href=${href}>${text}</a>` : html`<span part="base">${text}</span>`;
  }
}
