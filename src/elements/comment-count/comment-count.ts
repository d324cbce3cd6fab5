import { ContextConsumer } from '@lit/context';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { absoluteUrl, safeLinkUrl } from '../../api/urls.js';
import { reviewSourceContext, reviewStateContext } from '../../data/contexts.js';
import { sharedClient } from '../../data/shared-client.js';
import { plural } from '../../shared/format.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enBase } from '../../shared/i18n/index.js';
import { COMMENTS_CHANGED, type CommentsChangedDetail } from '../comment-thread/events.js';
import { watchCount } from './batch.js';

/**
 * @tag comment-count
 * @summary "12 comments" for one review; every count on a page shares one request.
 *
 * Give it `review` (and `api`), or put it inside a `<review-source>`. Counts with their own
 * `review` share one `GET /v1/comment-counts?ids=…` per API for the whole page; inside a source,
 * it shows the count of the review the source already loaded (no request). Either way it updates
 * when a `<comment-thread>` on the page posts or deletes. With `href`, it is a link (to the
 * thread). It shows nothing until it knows the number, and nothing if it cannot get it.
 *
 * @csspart base - The text, or the link.
 *
 * @cssprop --comment-count-link-color - Colour of the link (defaults to `--review-accent`).
 *
 * @cssstate loading - The count is not known yet.
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

  @state() private count: number | undefined;
  readonly #source = new ContextConsumer(this, { context: reviewSourceContext, subscribe: true });
  readonly #provided = new ContextConsumer(this, { context: reviewStateContext, subscribe: true });
  #unwatch?: () => void;
  #watching = '';

  get #target(): { api: string; id: string } | undefined {
    const api = this.api ?? this.#source.value?.api;
    const id = this.review ?? this.#source.value?.reviewId;
    return api && id ? { api: absoluteUrl(api), id } : undefined;
  }

  /**
   * Inside a source (no `review` or `api` of its own), the review the source loaded already has
   * the count: no request of its own, so a page for one review makes two requests, not three.
   * Once a thread on the page changes that review's comments, it asks the API like the others.
   */
  get #fromSource(): boolean {
    return !this.review && !this.api && !this.#live;
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
    document.addEventListener(COMMENTS_CHANGED, this.#onChanged);
    // Moved or put back: watch again (disconnecting stopped it), which asks if the count is unknown.
    this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const target = this.#fromSource ? undefined : this.#target;
    const key = target ? `${target.api}\n${target.id}` : '';
    if (key === this.#watching || !this.isConnected) return;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = key;
    this.count = undefined;
    if (target) {
      const client = this.api ? sharedClient(this.api) : (this.#source.value?.client ?? sharedClient(target.api));
      this.#unwatch = watchCount(client, target.api, target.id, (count) => (this.count = count));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(COMMENTS_CHANGED, this.#onChanged);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = '';
  }

  protected override render() {
    // From the source's review (a static document's too), or from the API.
    const provided = this.#provided.value;
    const fromReview = this.#fromSource || !this.#target;
    const count = fromReview ? (provided?.status === 'ready' ? provided.review?.commentCount : undefined) : this.count;
    this.setStates({ loading: count === undefined });
    if (count === undefined) return nothing;
    const { t, locale } = this.localize;
    const text = count === 0 ? t.noComments : plural(locale, t.comments, count);
    const href = this.href && (this.href.startsWith('#') ? this.href : safeLinkUrl(this.href, document.baseURI));
    return href ? html`<a part="base" href=${href}>${text}</a>` : html`<span part="base">${text}</span>`;
  }
}
