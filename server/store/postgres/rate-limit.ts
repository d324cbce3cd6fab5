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
  /** Prefixes this limiter's rows: several limiters (writes, wrong tokens, …) share the table. */
  readonly #prefix: string;
  #lastSweep = 0;

  constructor(pool: pg.Pool, limitPerMinute: number, windowMs = 60_000, name = 'writes') {
    this.#pool = pool;
    this.#limit = limitPerMinute;
    this.#windowMs = windowMs;
    this.#prefix = `${name}:`;
  }

  async hit(client: string, now: number): Promise<number> {
    if (this.#limit <= 0) return 0;
    if (now - this.#lastSweep > this.#windowMs) {
      this.#lastSweep = now;
      // Only this limiter's rows: another's window may be longer than this one.
      await this.#pool.query('DELETE FROM rate_limits WHERE starts_with(client, $2) AND window_start <= $1', [
        now - this.#windowMs,
        this.#prefix,
      ]);
    }
    const { rows } = await this.#pool.query<{ window_start: string; hits: number }>(
      `INSERT INTO rate_limits AS r (client, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (client) DO UPDATE SET
         window_start = CASE WHEN $2 - r.window_start >= $3 THEN $2 ELSE r.window_start END,
         hits = CASE WHEN $2 - r.window_start >= $3 THEN 1 ELSE r.hits + 1 END
       RETURNING window_start, hits`,
      [this.#prefix + client, now, this.#windowMs],
    );
    // BIGINT comes back from pg as text: made a number before any arithmetic.
    const start = Number(rows[0].window_start);
    return rows[0].hits > this.#limit ? Math.max(1, Math.ceil((start + this.#windowMs - now) / 1000)) : 0;
  }

  async wait(client: string, now: number): Promise<number> {
    if (this.#limit <= 0) return 0;
    const { rows } = await this.#pool.query<{ window_start: string; hits: number }>(
      'SELECT window_start, hits FROM rate_limits WHERE client = $1',
      [this.#prefix + client],
    );
    const row = rows[0];
    if (!row || now - Number(row.window_start) >= this.#windowMs || row.hits < this.#limit) return 0;
    return Math.max(1, Math.ceil((Number(row.window_start) + this.#windowMs - now) / 1000));
  }
}
