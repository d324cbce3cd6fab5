import type pg from 'pg';
import type { WriteLimiter } from '../../rate-limit.js';

/**
 * The same fixed one-minute window as RateLimiter, counted in PostgreSQL so that every process
 * behind a load balancer counts against one limit. One upsert per write, atomic under concurrency:
 * the row lock serialises hits of one client, whichever process they reach.
 */
export class PgRateLimiter implements WriteLimiter {
  readonly #pool: pg.Pool;
  readonly #limit: number;
  readonly #windowMs: number;
  #lastSweep = 0;

  constructor(pool: pg.Pool, limitPerMinute: number, windowMs = 60_000) {
    this.#pool = pool;
    this.#limit = limitPerMinute;
    this.#windowMs = windowMs;
  }

  async hit(client: string, now: number): Promise<number> {
    if (this.#limit <= 0) return 0;
    if (now - this.#lastSweep > this.#windowMs) {
      this.#lastSweep = now;
      await this.#pool.query('DELETE FROM rate_limits WHERE window_start <= $1', [now - this.#windowMs]);
    }
    const { rows } = await this.#pool.query<{ window_start: number; hits: number }>(
      `INSERT INTO rate_limits AS r (client, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (client) DO UPDATE SET
         window_start = CASE WHEN $2 - r.window_start >= $3 THEN $2 ELSE r.window_start END,
         hits = CASE WHEN $2 - r.window_start >= $3 THEN 1 ELSE r.hits + 1 END
       RETURNING window_start, hits`,
      [client, now, this.#windowMs],
    );
    const { window_start: start, hits } = rows[0];
    return hits > this.#limit ? Math.max(1, Math.ceil((start + this.#windowMs - now) / 1000)) : 0;
  }
}
