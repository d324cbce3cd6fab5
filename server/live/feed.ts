/**
 * Live events of one review's thread, as Server-Sent Events carry them. The feed numbers them
 * (the SSE id, for Last-Event-ID), keeps the recent ones for a reconnect to resume from, and
 * fans them out: within this process (MemoryFeed, for SQLite) or to every process through
 * PostgreSQL (PgFeed).
 */
export type LiveEventType = 'comment-created' | 'comment-updated' | 'comment-removed' | 'count';

export interface LiveEvent {
  id: number;
  type: LiveEventType;
  /** JSON text. */
  data: string;
}

export interface LiveFeed {
  /** Records and announces the events of one change, in order. */
  publish(reviewId: string, events: { type: LiveEventType; data: string }[]): Promise<void>;
  /** Calls `listener` with each event published from now on, on any process. */
  subscribe(reviewId: string, listener: (event: LiveEvent) => void): () => void;
  /** The id a fresh stream starts from: every event after it is still to come. */
  position(reviewId: string): Promise<number>;
  /** The events after `afterId`, oldest first; undefined when some are no longer kept. */
  since(reviewId: string, afterId: number): Promise<LiveEvent[] | undefined>;
  close(): Promise<void>;
}

/** How many events per review a reconnect can catch up on in memory. */
const KEPT_PER_REVIEW = 200;
const MAX_REVIEWS = 5000;

/** Fan-out by review id: the part both feeds share. */
export class Subscribers {
  readonly #byReview = new Map<string, Set<(event: LiveEvent) => void>>();

  add(reviewId: string, listener: (event: LiveEvent) => void): () => void {
    let set = this.#byReview.get(reviewId);
    if (!set) this.#byReview.set(reviewId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size && this.#byReview.get(reviewId) === set) this.#byReview.delete(reviewId);
    };
  }

  reviews(): string[] {
    return [...this.#byReview.keys()];
  }

  has(reviewId: string): boolean {
    return this.#byReview.has(reviewId);
  }

  deliver(reviewId: string, event: LiveEvent): void {
    for (const listener of this.#byReview.get(reviewId) ?? []) listener(event);
  }
}

/**
 * One process (SQLite): events in memory, the last KEPT_PER_REVIEW per review. Ids start from
 * the start time in microseconds, so ids after a restart are higher than any before it, and an id
 * from before the restart is recognised as one whose events are gone.
 */
export class MemoryFeed implements LiveFeed {
  readonly #first = Date.now() * 1000;
  #last = this.#first;
  readonly #kept = new Map<string, { events: LiveEvent[]; droppedThrough: number }>();
  readonly #subscribers = new Subscribers();

  async publish(reviewId: string, events: { type: LiveEventType; data: string }[]): Promise<void> {
    let log = this.#kept.get(reviewId);
    if (!log) {
      if (this.#kept.size >= MAX_REVIEWS) {
        const [oldest] = this.#kept.keys();
        this.#kept.delete(oldest);
      }
      this.#kept.set(reviewId, (log = { events: [], droppedThrough: this.#first }));
    }
    for (const e of events) {
      const event = { id: ++this.#last, ...e };
      log.events.push(event);
      if (log.events.length > KEPT_PER_REVIEW) log.droppedThrough = log.events.shift()!.id;
      this.#subscribers.deliver(reviewId, event);
    }
  }

  subscribe(reviewId: string, listener: (event: LiveEvent) => void): () => void {
    return this.#subscribers.add(reviewId, listener);
  }

  async position(_reviewId?: string): Promise<number> {
    return this.#last;
  }

  async since(reviewId: string, afterId: number): Promise<LiveEvent[] | undefined> {
    if (afterId > this.#last) return undefined;
    const log = this.#kept.get(reviewId);
    // A review this process has no log for: resumable only from this process's own ids.
    if (!log) return afterId >= this.#first ? [] : undefined;
    if (afterId < log.droppedThrough) return undefined;
    return log.events.filter((e) => e.id > afterId);
  }

  async close(): Promise<void> {}
}
