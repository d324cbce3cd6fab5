import type pg from 'pg';
import { Subscribers, type LiveEvent, type LiveEventType, type LiveFeed } from '../../live/feed.js';
import type { PgListener } from './listener.js';

const CHANNEL = 'review_events';
/** Events are kept this long for reconnects to resume from. */
const KEEP_MS = 60 * 60 * 1000;
/** A reconnect that missed more than this reloads the thread instead. */
const MAX_RESUME = 500;

/**
 * Live events for several processes: each event is a row of review_events (its seq is the SSE
 * id), written with a NOTIFY naming it; every process's listener reads the rows it has
 * subscribers for and hands them on. The rows are fetched rather than sent in the notification
 * because a comment (10 000 characters) can exceed NOTIFY's 8000-byte payload.
 *
 * Order: a per-review transaction-scoped advisory lock around the insert makes one review's events
 * commit in seq order, so "everything after seq N" never skips an event that commits late.
 */
export class PgFeed implements LiveFeed {
  readonly #pool: pg.Pool;
  readonly #subscribers = new Subscribers();
  /** Per review, the delivery in progress: notifications are handled in the order they came. */
  readonly #delivering = new Map<string, Promise<void>>();
  #lastSweep = 0;

  constructor(pool: pg.Pool, listener: PgListener) {
    this.#pool = pool;
    listener.on(CHANNEL, (payload) => this.#notified(payload));
    listener.onReconnect((downSince) => void this.#catchUp(downSince));
  }

  /**
   * After the listener was down, hands on what was published meanwhile to the streams open here
   * (a second early, for clocks; streams drop ids they already sent).
   */
  async #catchUp(downSince: number): Promise<void> {
    const reviews = this.#subscribers.reviews();
    if (!reviews.length) return;
    try {
      const { rows } = await this.#pool.query<LiveEvent & { review_id: string }>(
        'SELECT seq AS id, type, data, review_id FROM review_events WHERE review_id = ANY($1) AND created_at >= $2 ORDER BY seq',
        [reviews, downSince - 1000],
      );
      for (const { review_id: reviewId, ...event } of rows) this.#subscribers.deliver(reviewId, event);
    } catch (error) {
      console.error('review-server: live events after reconnecting:', (error as Error).message);
    }
  }

  #notified(payload: string): void {
    let message: { r: string; s: number[] };
    try {
      message = JSON.parse(payload) as { r: string; s: number[] };
    } catch {
      return;
    }
    const { r: reviewId, s: seqs } = message;
    if (!this.#subscribers.has(reviewId)) return;
    const previous = this.#delivering.get(reviewId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const { rows } = await this.#pool.query<LiveEvent>(
          'SELECT seq AS id, type, data FROM review_events WHERE seq = ANY($1) ORDER BY seq',
          [seqs],
        );
        for (const event of rows) this.#subscribers.deliver(reviewId, event);
      })
      .catch((error: Error) => console.error('review-server: live events:', error.message));
    this.#delivering.set(reviewId, next);
    void next.finally(() => {
      if (this.#delivering.get(reviewId) === next) this.#delivering.delete(reviewId);
    });
  }

  async publish(reviewId: string, events: { type: LiveEventType; data: string }[]): Promise<void> {
    if (!events.length) return;
    await this.#sweep();
    const db = await this.#pool.connect();
    try {
      await db.query('BEGIN');
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`review-events:${reviewId}`]);
      const seqs: number[] = [];
      const now = Date.now();
      for (const e of events) {
        const { rows } = await db.query<{ seq: number }>(
          'INSERT INTO review_events (review_id, type, data, created_at) VALUES ($1, $2, $3, $4) RETURNING seq',
          [reviewId, e.type, e.data, now],
        );
        seqs.push(rows[0].seq);
      }
      await db.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ r: reviewId, s: seqs })]);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  }

  subscribe(reviewId: string, listener: (event: LiveEvent) => void): () => void {
    return this.#subscribers.add(reviewId, listener);
  }

  async position(reviewId: string): Promise<number> {
    const { rows } = await this.#pool.query<{ id: number }>(
      `SELECT greatest((SELECT max(seq) FROM review_events WHERE review_id = $1), (SELECT through FROM review_events_pruned)) AS id`,
      [reviewId],
    );
    return rows[0].id;
  }

  async since(reviewId: string, afterId: number): Promise<LiveEvent[] | undefined> {
    const { rows: bounds } = await this.#pool.query<{ through: number; last: number | null }>(
      'SELECT through, (SELECT max(seq) FROM review_events) AS last FROM review_events_pruned',
    );
    const { through, last } = bounds[0];
    if (afterId < through || afterId > Math.max(last ?? 0, through)) return undefined;
    const { rows } = await this.#pool.query<LiveEvent>(
      'SELECT seq AS id, type, data FROM review_events WHERE review_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [reviewId, afterId, MAX_RESUME + 1],
    );
    return rows.length > MAX_RESUME ? undefined : rows;
  }

  /** Keeps the log to the last hour; remembers how far it was cut, for since(). */
  async #sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    await this.#pool.query(
      `WITH gone AS (DELETE FROM review_events WHERE created_at < $1 RETURNING seq)
       UPDATE review_events_pruned SET through = greatest(through, (SELECT max(seq) FROM gone)) WHERE EXISTS (SELECT 1 FROM gone)`,
      [now - KEEP_MS],
    );
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#delivering.values());
  }
}
