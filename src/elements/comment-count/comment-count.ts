import { ContextConsumer } from '@lit/context';
import { css, html, isServer, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { parseReview, type Review, type ReviewClient } from '../../api/index.js';
import { safeLinkUrl } from '../../api/urls.js';
import {
  COMMENTS_CHANGED,
  ensureContextRoot,
  reviewSourceContext,
  reviewStateContext,
  type CommentsChangedDetail,
  type ReviewState,
} from '../../data/contexts.js';
import { DataController, type DataState } from '../../data/data-controller.js';
import { resolveOrigin } from '../../data/origin.js';
import { plural } from '../../shared/format.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase } from '../../shared/i18n/index.js';
import { loadCount, watchCount } from './batch.js';
import { loadLiveCount } from './live-loader.js';
import { baseUrl } from '../../shared/base-url.js';

/** The count, or undefined while it is not known (or the server does not know the review). */
type Count = number | undefined;

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
 * It loads through `DataController` like every element (its own `review`, else the source's
 * review, else the review given); its load joins one page-wide batch for every count.
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

  readonly #source = new ContextConsumer(this, { context: reviewSourceContext, subscribe: true });
  readonly #provided = new ContextConsumer(this, { context: reviewStateContext, subscribe: true });
  /** The source's review state, seen as its count; one object per state of the review. */
  readonly #fromReview = new WeakMap<ReviewState, DataState<Count>>();
  readonly #data = new DataController<Count>(this, {
    request: () => {
      const target = this.#fromSource ? undefined : this.#target;
      return target ? [target.client, target.api, target.id] : undefined;
    },
    load: ([client, api, id]) => loadCount(client as ReviewClient, api as string, id as string),
    provided: () => {
      const state = this.#provided.value;
      if (!state) return undefined;
      let mapped = this.#fromReview.get(state);
      if (!mapped) this.#fromReview.set(state, (mapped = { ...state, value: state.value?.commentCount }));
      return mapped;
    },
    parse: (json) => parseReview(json, baseUrl()).commentCount,
  });
  #unwatch?: () => void;
  #watching = '';
  #live = false;
  #following = false;
  /** The newest count the live stream announced (it wins over the last load until the target changes). */
  #liveCount: Count;

  /** Give a review without a request: its `commentCount` shows (when no `review` or source says otherwise). */
  set data(review: Review | undefined) {
    this.#data.preloaded = review;
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

  #onChanged = (event: Event) => {
    const { api, reviewId } = (event as CustomEvent<CommentsChangedDetail>).detail;
    const target = this.#target;
    if (this.#live || !target || target.api !== api || target.id !== reviewId) return;
    this.#live = true;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    // Its chunk may run before the source's: the context root replays its requests once one answers.
    ensureContextRoot();
    super.connectedCallback();
    document.addEventListener(COMMENTS_CHANGED, this.#onChanged);
    // Moved or put back: watch again (disconnecting stopped it).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(COMMENTS_CHANGED, this.#onChanged);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = '';
  }

  protected override willUpdate(): void {
    // The live code (live-count.ts, a controller) loads only for a count that asks for it.
    if (this.live && !this.#following && !isServer) {
      this.#following = true;
      void loadLiveCount().then(
        ({ LiveCount }) =>
          new LiveCount(
            this,
            () => (this.live ? this.#target : undefined),
            (states) => this.setStates(states),
            (count) => {
              this.#liveCount = count;
              this.requestUpdate();
            },
          ),
      );
    }
    // While it shows a count of its own, it hears when that count changes (a retry of a failed
    // batch, a post in a thread) and loads it again, from the batch's memory.
    const target = this.#fromSource ? undefined : this.#target;
    const key = target && this.isConnected ? `${target.api}\n${target.id}` : '';
    if (key === this.#watching) return;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = key;
    this.#liveCount = undefined;
    if (target && key) {
      this.#unwatch = watchCount(target.api, target.id, (count) => {
        const { status, value } = this.#data.state;
        if (status === 'error' || value !== count) this.#data.reload();
      });
    }
  }

  get #count(): Count {
    return this.#liveCount ?? this.#data.state.value;
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
