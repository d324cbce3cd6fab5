import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Review } from '../api/index.js';
import type { LoadStatus, ReviewSourceInfo } from './contexts.js';
import { sharedClient } from './shared-client.js';

/** What an element loads: its `src`, `api` and `review`, and the surrounding source's info. */
export type LoadArgs = readonly [src: string | undefined, api: string | undefined, id: string | undefined, source: ReviewSourceInfo | undefined];

const STATUS: Record<TaskStatus, LoadStatus> = {
  [TaskStatus.INITIAL]: 'idle',
  [TaskStatus.PENDING]: 'loading',
  [TaskStatus.COMPLETE]: 'ready',
  [TaskStatus.ERROR]: 'error',
};

function load([src, api, id, source]: LoadArgs, signal?: AbortSignal, revalidate = false): Promise<Review> | undefined {
  if (src) return sharedClient().getDocument(src, { signal, revalidate });
  if (id && api) return sharedClient(api).getReview(id, { signal, revalidate });
  if (id && source?.api) return source.client.getReview(id, { signal, revalidate });
  return undefined;
}

/**
 * The half of `ReviewController` that talks to the API: a `@lit/task` over the page-wide client,
 * which aborts a superseded load and drops its result, so a stale response never overwrites a
 * newer one. Kept apart (with the client and its validation) so that an element which usually
 * takes its review from a `<review-source>`, like `<content-warning>`, can load it on demand.
 */
export class ReviewLoader {
  readonly #task: Task<LoadArgs, Review>;
  #revalidate = false;

  constructor(host: ReactiveControllerHost, args: () => LoadArgs) {
    this.#task = new Task(host, {
      args,
      task: async (args, { signal }) => {
        const revalidate = this.#revalidate;
        this.#revalidate = false;
        return load(args, signal, revalidate) ?? initialState;
      },
    });
  }

  /**
   * Starts the request for these arguments now, ahead of the task: an element's first render may
   * wait for the reader's catalogue, and the review should not wait behind it. The client shares
   * one request per URL, so the task's own call joins this one.
   */
  prefetch(args: LoadArgs): void {
    load(args)?.catch(() => {
      // The task's own call reports the failure.
    });
  }

  get status(): LoadStatus {
    return STATUS[this.#task.status];
  }

  get review(): Review | undefined {
    return this.#task.value;
  }

  get error(): Error | undefined {
    return this.#task.error as Error | undefined;
  }

  /** Loads again, asking the server whether the review changed. */
  reload(): void {
    this.#revalidate = true;
    void this.#task.run();
  }
}
