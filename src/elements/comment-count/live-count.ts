import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { followReview } from '../../data/live-events.js';

/**
 * `<comment-count live>`: follows the review's event stream (shared with a live thread of the same
 * review on the page: one connection) and hands each `count` event to the element, which changes
 * its number in place — no request, no blank between the old number and the new.
 */
export class LiveCount implements ReactiveController {
  readonly #target: () => { api: string; id: string } | undefined;
  readonly #setStates: (states: Record<string, boolean>) => void;
  readonly #onCount: (count: number) => void;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #following = '';
  #stop?: () => void;

  /** `target` says what to follow: the review, while `live` is on; undefined otherwise. */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    target: () => { api: string; id: string } | undefined,
    setStates: (states: Record<string, boolean>) => void,
    onCount: (count: number) => void,
  ) {
    this.#onCount = onCount;
    this.#host = host;
    this.#target = target;
    this.#setStates = setStates;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }
  hostDisconnected(): void {
    this.#follow();
  }
  hostUpdated(): void {
    this.#follow();
  }

  #follow(): void {
    const target = this.#host.isConnected ? this.#target() : undefined;
    const key = target ? `${target.api}\n${target.id}` : '';
    if (key === this.#following) return;
    this.#stop?.();
    this.#stop = undefined;
    this.#following = key;
    this.#setStates({ live: false });
    if (!target) return;
    this.#stop = followReview(target.api, target.id, {
      event: (type, data) => {
        const count = (data as { count?: unknown } | null)?.count;
        if (type === 'count' && typeof count === 'number' && Number.isInteger(count) && count >= 0)
          this.#onCount(count);
      },
      connected: (open) => this.#setStates({ live: open }),
    });
  }
}
