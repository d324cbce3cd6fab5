import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { parseReview, type Review, type ReviewClient } from '../api/index.js';
import { ensureContextRoot, reviewSourceContext, reviewStateContext } from './contexts.js';
import { DataController, type DataSpec, type Request } from './data-controller.js';
import { droppedFields } from '../api/lenient.js';
import { ReviewErrorEvent, ReviewLoadEvent, ReviewWarningEvent } from './events.js';
import { resolveOrigin, type Origin, type ReviewSourceProps } from './origin.js';
import { baseUrl } from '../shared/base-url.js';

export { resolveOrigin, type Origin, type ReviewSourceProps };

type Host = ReactiveControllerHost & HTMLElement & ReviewSourceProps;

export interface ReviewDataOptions {
  /** For an element without a Retry (`<content-warning from-review>`): ask again by itself. */
  autoRetry?: boolean;
  /**
   * True while the element needs no request of its own for the review. The thread asks only when
   * its comments page did not say whether comments are open: one request, not two.
   */
  skip?: () => boolean;
}

/**
 * Gives an element its review: its own `src`, or `review` (+ `api`), through the page-wide
 * client; else what the nearest `<review-source>` loaded; else the review given with it (`data`,
 * or a `<script type="application/json">` child). Preloaded data for the very review the element
 * names counts as loaded: the element shows it and asks nothing until a reload. Fires
 * `review-load` / `review-error` once per load. See `DataController` for the rest.
 */
export class ReviewDataController extends DataController<Review> {
  readonly #host: Host;
  readonly #source: ContextConsumer<typeof reviewSourceContext, Host>;

  constructor(host: Host, options: ReviewDataOptions = {}) {
    ensureContextRoot();
    // Made before the controller, so their values are there when it first decides.
    const provided = new ContextConsumer(host, { context: reviewStateContext, subscribe: true });
    const source = new ContextConsumer(host, { context: reviewSourceContext, subscribe: true });
    const spec: DataSpec<Review> = {
      request: () => {
        const o = resolveOrigin(host, source.value);
        if (o.src) return ['document', o.client, o.src];
        return o.own && o.id && o.client?.api && !options.skip?.() ? ['review', o.client, o.id] : undefined;
      },
      load: ([kind, client, at], signal, revalidate) =>
        kind === 'document'
          ? (client as ReviewClient).getDocument(at as string, { signal, revalidate })
          : (client as ReviewClient).getReview(at as string, { signal, revalidate }),
      provided: () => provided.value,
      parse: (json) => parseReview(json, baseUrl()),
      answers: (review: Review, request: Request) => request[0] === 'review' && request[2] === review.id,
      loadEvent: (review) => new ReviewLoadEvent(review),
      errorEvent: (error) => new ReviewErrorEvent(error),
      warningEvent: (review) => {
        const fields = droppedFields(review);
        return fields.length ? new ReviewWarningEvent(fields) : undefined;
      },
      ...options,
    };
    super(host, spec);
    this.#host = host;
    this.#source = source;
  }

  /** What the element resolved: for elements that talk to the API themselves (comments, counts). */
  get origin(): Origin {
    return resolveOrigin(this.#host, this.#source.value);
  }
}
