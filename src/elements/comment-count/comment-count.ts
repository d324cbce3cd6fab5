import { ContextConsumer } from '@lit/context';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { absoluteUrl, safeLinkUrl } from '../../api/urls.js';
import { reviewSourceContext, reviewStateContext } from '../../data/contexts.js';
import { sharedClient } from '../../data/shared-client.js';
import { plural } from '../../shared/format.js';
import { ReviewElement } from '../../shared/review-element.js';
import { watchCount } from './batch.js';

/**
 * @tag comment-count
 * @summary "12 comments" for one review; every count on a page shares one request.
 *
 * Give it `review` (and `api`, or sit inside a `<review-source>` with an API). All counts on the
 * page that use the same API are fetched together in one `GET /v1/comment-counts?ids=…`, and
 * update when a `<comment-thread>` on the page posts or deletes. Inside a source built from a
 * static document, it shows the document's `commentCount`. With `href`, it is a link (to the
 * thread). It shows nothing until it knows the number, and nothing if it cannot get it.
 *
 * @csspart base - The text, or the link.
 *
 * @cssprop --comment-count-link-color - Colour of the link (defaults to `--review-accent`).
 *
 * @cssstate loading - The count is not known yet.
 */
export class CommentCount extends ReviewElement {
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

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const target = this.#target;
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
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = '';
  }

  protected override render() {
    // A static document (no API) still knows its own count.
    const count = this.#target ? this.count : this.#provided.value?.review?.commentCount;
    this.setStates({ loading: count === undefined });
    if (count === undefined) return nothing;
    const { t, locale } = this.localize;
    const text = count === 0 ? t.thread.none : plural(locale, t.comments, count);
    const href = this.href && (this.href.startsWith('#') ? this.href : safeLinkUrl(this.href, document.baseURI));
    return href ? html`<a part="base" href=${href}>${text}</a>` : html`<span part="base">${text}</span>`;
  }
}
