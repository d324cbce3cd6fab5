import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ReviewErrorEvent, ReviewLoadEvent } from './events.js';
import { reviewSourceContext, reviewStateContext, type ReviewState } from './contexts.js';
import type { LoadArgs, ReviewLoader } from './review-loader.js';
import { retryLater, worthRetrying } from '../shared/retry-later.js';

/** `review-loader.js` itself (most elements), or a function that imports it when first needed. */
export type LoaderModule = typeof import('./review-loader.js');

/** The properties an element exposes to say where its review comes from. */
export interface ReviewSourceProps {
  /** URL of a static review document. */
  src?: string;
  /** Base URL of a review API (`https://reviews.example/v1`). */
  api?: string;
  /** Id of the review at `api`. */
  review?: string;
}

type Host = ReactiveControllerHost & HTMLElement & ReviewSourceProps;

const ROOT = Symbol.for('review-elements/context-root');

/**
 * Lets a `<review-source>` that is defined after its children (per-element imports in any order)
 * still answer them: ContextRoot replays context requests that nobody answered. Once per page.
 */
function ensureContextRoot(): void {
  const g = globalThis as { [ROOT]?: boolean };
  if (g[ROOT] || typeof document === 'undefined') return;
  g[ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Gives an element its review. With its own `src`, or `review` (+ `api`, or the `api` of the
 * surrounding source), it loads through the page-wide client; otherwise it takes what the nearest
 * `<review-source>` provides. Loads go through `@lit/task`, which aborts a superseded load and
 * drops its result, so a stale response never overwrites a newer one.
 *
 * It also fires `review-load` / `review-error` on the host when the state settles.
 */
export class ReviewController implements ReactiveController {
  readonly #host: Host;
  readonly #provided: ContextConsumer<typeof reviewStateContext, Host>;
  readonly #source: ContextConsumer<typeof reviewSourceContext, Host>;
  readonly #lazy: (() => Promise<LoaderModule>) | undefined;
  #loader: ReviewLoader | undefined;
  #importing = false;
  #importError: Error | undefined;
  #state: ReviewState | undefined;
  #announced: unknown;
  readonly #autoRetry: boolean;
  #attempt = 0;
  #cancelRetry: (() => void) | undefined;

  /**
   * @param loader `review-loader.js`, for elements that often load on their own; or
   *   `() => import('…/review-loader.js')`, for one that rarely does, so its bundle leaves out
   *   the client and its validation until an element on the page needs them.
   * @param options.autoRetry For an element without a Retry button: after a failure that may pass,
   *   load again by itself (see `retryLater`).
   */
  constructor(host: Host, loader: LoaderModule | (() => Promise<LoaderModule>), options: { autoRetry?: boolean } = {}) {
    this.#autoRetry = options.autoRetry ?? false;
    ensureContextRoot();
    this.#host = host;
    host.addController(this);
    this.#provided = new ContextConsumer(host, { context: reviewStateContext, subscribe: true });
    this.#source = new ContextConsumer(host, { context: reviewSourceContext, subscribe: true });
    if (typeof loader === 'function') this.#lazy = loader;
    else this.#loader = new loader.ReviewLoader(host, () => this.#args());
  }

  #args(): LoadArgs {
    const h = this.#host;
    return [h.src, h.api, h.review, h.api ? undefined : this.#source.value];
  }

  /** True when the element loads its own review rather than taking the provided one. */
  get standalone(): boolean {
    const h = this.#host;
    return Boolean(h.src || (h.review && (h.api || this.#source.value?.api)));
  }

  /** The state to render: provided by a source, or of the element's own load. */
  get state(): ReviewState {
    if (!this.standalone && this.#provided.value) return this.#provided.value;
    const loader = this.#loader;
    // Before a lazily imported loader arrives the element is loading (or failed to get the code).
    const status = loader ? loader.status : this.#importError ? 'error' : this.standalone ? 'loading' : 'idle';
    const review = loader?.review;
    const error = loader ? loader.error : this.#importError;
    const prev = this.#state;
    if (prev && prev.status === status && prev.review === review && prev.error === error) return prev;
    this.#state = { status, review, error, reload: () => this.reload() };
    return this.#state;
  }

  /** Loads again, asking the server whether the review changed (after an error, or on demand). */
  reload(): void {
    if (!this.standalone && this.#provided.value) {
      this.#provided.value.reload();
      return;
    }
    if (this.#loader) this.#loader.reload();
    else this.#import();
  }

  #import(): void {
    if (this.#importing || !this.#lazy) return;
    this.#importing = true;
    this.#importError = undefined;
    this.#lazy().then(
      (module) => {
        // Created outside an update, then an update runs the task with the element's arguments.
        this.#loader = new module.ReviewLoader(this.#host, () => this.#args());
      },
      (error: unknown) => {
        this.#importError = Object.assign(new Error('The review code could not be loaded', { cause: error }), { code: 'network' });
      },
    ).finally(() => {
      this.#importing = false;
      this.#host.requestUpdate();
    });
  }

  hostConnected(): void {
    if (this.#loader && this.standalone) this.#loader.prefetch(this.#args());
  }

  hostDisconnected(): void {
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
  }

  hostUpdate(): void {
    if (!this.#loader && !this.#importError && this.standalone) this.#import();
  }

  hostUpdated(): void {
    const { status, review, error } = this.state;
    const settled = status === 'ready' ? review : status === 'error' ? error : undefined;
    if (!settled || settled === this.#announced) return;
    this.#announced = settled;
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
    if (status === 'ready') this.#attempt = 0;
    // Only the element's own load: inside a source, the source's state is the source's to retry.
    else if (this.#autoRetry && this.standalone && this.#host.isConnected && worthRetrying(error)) {
      this.#cancelRetry = retryLater(this.#attempt++, () => this.reload(), error);
    }
    this.#host.dispatchEvent(status === 'ready' ? new ReviewLoadEvent(review!) : new ReviewErrorEvent(error!));
  }
}
