/**
 * Counts requests per client; answers the seconds to wait when over the limit, or 0 when allowed.
 * In memory for one process (RateLimiter); writes in the database when several processes share
 * the limit (server/store/postgres/rate-limit.ts). In memory, entries are swept once there are
 * many, so a flood of addresses costs at most a few MB.
 */
export interface WriteLimiter {
  /** Counts a request; the seconds to wait when over the limit, or 0 when allowed. */
  hit(client: string, now: number): number | Promise<number>;
  /** Seconds to wait when the client is already over the limit, without counting anything. */
  wait(client: string, now: number): number | Promise<number>;
}

/**
 * Makes the limiters the routes keep (wrong tokens, sign-in attempts, reports): in this process's
 * memory by default, in the database on PostgreSQL so that every process counts against one limit.
 * `name` keeps each limiter's counters apart where they share a table.
 */
export type LimiterFactory = (name: string, limit: number, windowMs: number) => WriteLimiter;

export const memoryLimiters: LimiterFactory = (_name, limit, windowMs) => new RateLimiter(limit, windowMs);

/** Requests per window per client, in a fixed window (a minute unless told), in this process's memory. */
export class RateLimiter implements WriteLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #hits = new Map<string, { start: number; count: number }>();
  #lastSweep = 0;

  constructor(limitPerMinute: number, windowMs = 60_000) {
    this.#limit = limitPerMinute;
    this.#windowMs = windowMs;
  }

  /** Counts a write; returns the seconds to wait when over the limit, or 0 when allowed. */
  hit(client: string, now = Date.now()): number {
    if (this.#limit <= 0) return 0;
    if (this.#hits.size > 10_000 && now - this.#lastSweep > 1000) this.#sweep(now);
    const entry = this.#hits.get(client);
    if (!entry || now - entry.start >= this.#windowMs) {
      this.#hits.set(client, { start: now, count: 1 });
      return 0;
    }
    entry.count++;
    return entry.count > this.#limit ? Math.ceil((entry.start + this.#windowMs - now) / 1000) : 0;
  }

  /** Seconds to wait when the client is already over the limit, without counting anything. */
  wait(client: string, now = Date.now()): number {
    if (this.#limit <= 0) return 0;
    const entry = this.#hits.get(client);
    if (!entry || now - entry.start >= this.#windowMs || entry.count < this.#limit) return 0;
    return Math.ceil((entry.start + this.#windowMs - now) / 1000);
  }

  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [key, entry] of this.#hits) if (now - entry.start >= this.#windowMs) this.#hits.delete(key);
    // Still full (a flood from many addresses): forget the oldest windows first.
    for (const key of this.#hits.keys()) {
      if (this.#hits.size <= 100_000) break;
      this.#hits.delete(key);
    }
  }
}
