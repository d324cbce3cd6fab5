import { ContextConsumer, ContextRoot } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Review } from '../api/index.js';
import { ReviewErrorEvent, ReviewLoadEvent } from './events.js';
import { reviewSourceContext, reviewStateContext, type LoadStatus, type ReviewSourceInfo, type ReviewState } from './contexts.js';
import { sharedClient } from './shared-client.js';

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

const STATUS: Record<TaskStatus, LoadStatus> = {
  [TaskStatus.INITIAL]: 'idle',
  [TaskStatus.PENDING]: 'loading',
  [TaskStatus.COMPLETE]: 'ready',
  [TaskStatus.ERROR]: 'error',
};

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
  readonly #task: Task<[string | undefined, string | undefined, string | undefined, ReviewSourceInfo | undefined], Review>;
  #revalidate = false;
  #state: ReviewState | undefined;
  #announced: unknown;

  constructor(host: Host) {
    ensureContextRoot();
    this.#host = host;
    host.addController(this);
    this.#provided = new ContextConsumer(host, { context: reviewStateContext, subscribe: true });
    this.#source = new ContextConsumer(host, { context: reviewSourceContext, subscribe: true });
    this.#task = new Task(host, {
      args: () => [host.src, host.api, host.review, host.api ? undefined : this.#source.value] as const,
      task: async ([src, api, id, source], { signal }) => {
        const revalidate = this.#revalidate;
        this.#revalidate = false;
        if (src) return sharedClient().getDocument(src, { signal, revalidate });
        if (id && api) return sharedClient(api).getReview(id, { signal, revalidate });
        if (id && source?.api) return source.client.getReview(id, { signal, revalidate });
        return initialState;
      },
    });
  }

  /** True when the element loads its own review rather than taking the provided one. */
  get standalone(): boolean {
    const h = this.#host;
    return Boolean(h.src || (h.review && (h.api || this.#source.value?.api)));
  }

  /** The state to render: provided by a source, or of the element's own load. */
  get state(): ReviewState {
    if (!this.standalone && this.#provided.value) return this.#provided.value;
    const task = this.#task;
    const status = STATUS[task.status];
    const prev = this.#state;
    if (prev && prev.status === status && prev.review === task.value && prev.error === task.error) return prev;
    this.#state = {
      status,
      review: task.value,
      error: task.error as Error | undefined,
      reload: () => this.reload(),
    };
    return this.#state;
  }

  /** Loads again, asking the server whether the review changed (after an error, or on demand). */
  reload(): void {
    if (!this.standalone && this.#provided.value) {
      this.#provided.value.reload();
      return;
    }
    this.#revalidate = true;
    void this.#task.run();
  }

  hostUpdated(): void {
    const { status, review, error } = this.state;
    const settled = status === 'ready' ? review : status === 'error' ? error : undefined;
    if (!settled || settled === this.#announced) return;
    this.#announced = settled;
    this.#host.dispatchEvent(status === 'ready' ? new ReviewLoadEvent(review!) : new ReviewErrorEvent(error!));
  }
}
