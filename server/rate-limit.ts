/**
 * Counts writes per client; answers the seconds to wait when over the limit, or 0 when allowed.
 * In memory for one process (SQLite); in the database when several processes share the limit
 * (server/store/postgres/rate-limit.ts).
 */
export interface WriteLimiter {
  hit(client: string, now: number): number | Promise<number>;
}

/** Writes per minute per client, in a fixed one-minute window, in this process's memory. */
export class RateLimiter implements WriteLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #hits = new Map<string, { start: number; count: number }>();

  constructor(limitPerMinute: number, windowMs = 60_000) {
    this.#limit = limitPerMinute;
    this.#windowMs = windowMs;
  }

  /** Counts a write; returns the seconds to wait when over the limit, or 0 when allowed. */
  hit(client: string, now = Date.now()): number {
    if (this.#limit <= 0) return 0;
    if (this.#hits.size > 10_000) this.#sweep(now);
    const entry = this.#hits.get(client);
    if (!entry || now - entry.start >= this.#windowMs) {
      this.#hits.set(client, { start: now, count: 1 });
      return 0;
    }
    entry.count++;
    return entry.count > this.#limit ? Math.ceil((entry.start + this.#windowMs - now) / 1000) : 0;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#hits) if (now - entry.start >= this.#windowMs) this.#hits.delete(key);
  }
}
