import { createHash } from 'node:crypto';
import type pg from 'pg';
import * as v from 'valibot';
import { ReviewSchema } from '../../../src/api/schemas.js';
import type { Comment, Page, Review, ReviewInput, ReviewSummary } from '../../../src/api/types.js';
import { ByteCache } from '../byte-cache.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { DELETED_WIPE, newCommentId } from '../sqlite.js';
import type {
  AdminListOptions,
  CommentRecord,
  ImportedRecord,
  ListCommentsOptions,
  NewComment,
  ReviewStore,
  StoredReview,
  StoredStatus,
} from '../store.js';
import { PgDesk } from './desk.js';
import { importComments, importedIds } from './imports.js';
import type { PgListener } from './listener.js';
import { listComments, publishedCount, reachable, rescore, toRecord, type CommentRow } from './queries.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Each cache holds at most this many entries; the oldest goes first. */
const CACHE_LIMIT = 1000;
/** The channel on which every write names the review it changed (in the write's transaction). */
export const CHANGED_CHANNEL = 'review_changed';

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT && !map.has(key)) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/**
 * The store for several server processes on one PostgreSQL database. Every write commits before
 * its response; the caches (the same ones SqliteStore keeps) are per process, so every write also
 * sends NOTIFY review_changed with the review's id, in its own transaction: PostgreSQL delivers it
 * at commit to every process's listener, which drops what it cached for that review. A cached
 * read first waits for the listener to catch up (PgListener#sync, one shared round trip), so a
 * write acknowledged anywhere is seen by every read that starts after it. While the listener is
 * disconnected nothing is cached (reads go to the database), so a missed notification can never
 * leave a stale page behind.
 */
export class PostgresStore implements ReviewStore {
  readonly #pool: pg.Pool;
  readonly #listener: PgListener;
  readonly #documents = new Map<string, Review>();
  readonly #reviewCache = new Map<string, StoredReview & { document: Review; count: number }>();
  readonly #counts = new Map<string, number>();
  /** Bounded by bytes, as SqliteStore's: any number of distinct reads fits in 2 MB of JSON. */
  #pages = new ByteCache<{ revision: number; page: Page<Comment> & { total: number } }>(2 * 1024 * 1024);
  readonly #revisions = new Map<string, number>();
  /** Bumped on every change seen; a review's revision is the generation of its last change. */
  #generation = 0;
  #lastIdempotencySweep = 0;
  /** Draft or published, by review id, read and cached with the document. */
  readonly #states = new Map<string, 'draft' | 'published'>();
  /** The owner's desk (#14): admin-only storage, in desk.ts. */
  readonly desk: PgDesk;

  constructor(pool: pg.Pool, listener: PgListener) {
    this.#pool = pool;
    this.#listener = listener;
    listener.on(CHANGED_CHANNEL, (reviewId) => this.#changed(reviewId));
    listener.onReconnect(() => this.#forgetAll());
    this.desk = new PgDesk(pool, CHANGED_CHANNEL, (reviewId) => this.#changed(reviewId));
  }

  get #caching(): boolean {
    return this.#listener.connected;
  }

  #changed(reviewId: string): void {
    this.#documents.delete(reviewId);
    this.#states.delete(reviewId);
    this.#counts.delete(reviewId);
    this.#reviewCache.delete(reviewId);
    // A forgotten revision would read as 0 and could match a stale page: forget the pages too.
    if (this.#revisions.size >= CACHE_LIMIT && !this.#revisions.has(reviewId)) this.#forgetAll();
    this.#revisions.set(reviewId, ++this.#generation);
  }

  #forgetAll(): void {
    for (const map of [this.#documents, this.#states, this.#counts, this.#reviewCache, this.#revisions]) map.clear();
    this.#pages = new ByteCache(2 * 1024 * 1024);
  }

  /** Runs `work` in a transaction that also announces the change to every process. */
  async #write<T>(work: (db: pg.PoolClient) => Promise<{ reviewId: string | undefined; value: T }>): Promise<T> {
    const db = await this.#pool.connect();
    try {
      await db.query('BEGIN');
      const { reviewId, value } = await work(db);
      if (reviewId !== undefined) await db.query('SELECT pg_notify($1, $2)', [CHANGED_CHANNEL, reviewId]);
      await db.query('COMMIT');
      // This process drops its own caches now; the notification arrives too, and drops them again.
      if (reviewId !== undefined) this.#changed(reviewId);
      return value;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  }

  async isEmpty(): Promise<boolean> {
    return (await this.#pool.query('SELECT 1 FROM reviews LIMIT 1')).rowCount === 0;
  }

  async #publishedCount(reviewId: string): Promise<number> {
    const cached = this.#caching ? this.#counts.get(reviewId) : undefined;
    if (cached !== undefined) return cached;
    const revision = this.#revisions.get(reviewId);
    const count = await publishedCount(this.#pool, reviewId);
    // Kept only if no change was announced while the query ran.
    if (this.#caching && this.#revisions.get(reviewId) === revision) remember(this.#counts, reviewId, count);
    return count;
  }

  async #document(id: string): Promise<{ document: Review; state: 'draft' | 'published' } | undefined> {
    const cached = this.#caching ? this.#documents.get(id) : undefined;
    const cachedState = this.#states.get(id);
    if (cached && cachedState) return { document: cached, state: cachedState };
    const revision = this.#revisions.get(id);
    const { rows } = await this.#pool.query<{ document: string; state: 'draft' | 'published' }>(
      'SELECT document, state FROM reviews WHERE id = $1',
      [id],
    );
    if (!rows.length) return undefined;
    const document = v.parse(ReviewSchema, JSON.parse(rows[0].document));
    const state = rows[0].state;
    if (this.#caching && this.#revisions.get(id) === revision) {
      remember(this.#documents, id, document);
      remember(this.#states, id, state);
    }
    return { document, state };
  }

  async getReview(id: string): Promise<StoredReview | undefined> {
    await this.#listener.sync();
    return this.#getReview(id);
  }

  async #getReview(id: string): Promise<StoredReview | undefined> {
    const found = await this.#document(id);
    if (!found) return undefined;
    const { document, state } = found;
    const count = await this.#publishedCount(id);
    const cached = this.#reviewCache.get(id);
    if (cached && cached.document === document && cached.count === count && cached.state === state) return cached;
    const review: Review = { ...document, commentCount: count };
    const json = JSON.stringify(review);
    const stored = {
      review,
      json,
      etag: `"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"`,
      document,
      count,
      state,
    };
    return this.#caching ? remember(this.#reviewCache, id, stored) : stored;
  }

  async listReviews(cursor: string | undefined, limit: number): Promise<Page<ReviewSummary>> {
    const after = decodeCursor('reviews', cursor, ['string', 'string']);
    const { rows } = await this.#pool.query<{ id: string; published_at: string }>(
      `SELECT id, published_at FROM reviews WHERE state = 'published' ${after ? 'AND (published_at < $2 OR (published_at = $2 AND id > $3))' : ''}
       ORDER BY published_at DESC, id ASC LIMIT $1`,
      [limit + 1, ...(after ?? [])],
    );
    const page = rows.slice(0, limit);
    const items: ReviewSummary[] = [];
    await this.#listener.sync();
    for (const { id } of page) {
      const stored = await this.#getReview(id);
      if (!stored) continue;
      const { review } = stored;
      items.push({
        id: review.id,
        url: review.url,
        lang: review.lang,
        title: review.title,
        summary: review.summary,
        publishedAt: review.publishedAt,
        rating: review.rating,
        work: { title: review.work.title, type: review.work.type, year: review.work.year, poster: review.work.poster },
        commentCount: review.commentCount,
      });
    }
    const last = page.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor('reviews', [last.published_at, last.id]) : null,
    };
  }

  async putReview(input: ReviewInput, state?: 'draft' | 'published'): Promise<{ created: boolean }> {
    const review = v.parse(ReviewSchema, input);
    return this.#write(async (db) => {
      // xmax = 0 only for a freshly inserted row: "created" without a second query or a race.
      const { rows } = await db.query<{ created: boolean }>(
        `INSERT INTO reviews (id, document, published_at, state) VALUES ($1, $2, $3, coalesce($4, 'published'))
         ON CONFLICT (id) DO UPDATE SET document = excluded.document, published_at = excluded.published_at,
           state = coalesce($4, reviews.state), version = reviews.version + 1
         RETURNING (xmax = 0) AS created`,
        [review.id, JSON.stringify(review), new Date(review.publishedAt).toISOString(), state ?? null],
      );
      return { reviewId: review.id, value: { created: rows[0].created } };
    });
  }

  async listComments(
    reviewId: string,
    options: ListCommentsOptions,
  ): Promise<(Page<Comment> & { total: number }) | undefined> {
    // Decoding checks the cursor is in the one spelling we make (or throws): the key is canonical.
    decodeCursor(options.sort, options.cursor, options.sort === 'top' ? ['number', 'number'] : ['number']);
    if (options.parentId && !(await reachable(this.#pool, reviewId, options.parentId))) return undefined;
    await this.#listener.sync();
    if (!this.#caching) return (await listComments(this.#pool, reviewId, options)).page;
    const key = JSON.stringify([reviewId, options.sort, options.limit, options.cursor ?? '', options.parentId ?? '']);
    const revision = this.#revisions.get(reviewId) ?? 0;
    const hit = this.#pages.get(key);
    if (hit && hit.revision === revision) return hit.page;
    const { page, bytes } = await listComments(this.#pool, reviewId, options);
    // Filed under the revision it started from: a change during the query makes it stale at once.
    this.#pages.set(key, { revision, page }, bytes);
    return page;
  }

  async getComment(id: string): Promise<CommentRecord | undefined> {
    const { rows } = await this.#pool.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async createComment(
    comment: NewComment,
    idempotency: { key: string; requestHash: string } | undefined,
  ): Promise<{ record: CommentRecord | undefined; replayed: boolean; conflict: boolean }> {
    await this.#sweepIdempotency();
    type Result = { record: CommentRecord | undefined; replayed: boolean; conflict: boolean };
    return this.#write<Result>(async (db) => {
      if (idempotency) {
        // Claim the key first. A concurrent request with the same key (on any process) waits here
        // until this transaction ends, then finds the key taken and replays.
        const claimed = await db.query(
          `INSERT INTO idempotency_keys (key, request_hash, status, body, created_at) VALUES ($1, $2, 201, '', $3)
           ON CONFLICT (key) DO NOTHING`,
          [idempotency.key, idempotency.requestHash, Date.now()],
        );
        if (claimed.rowCount === 0) {
          const { rows } = await db.query<{ request_hash: string; comment_id: string | null }>(
            'SELECT request_hash, comment_id FROM idempotency_keys WHERE key = $1',
            [idempotency.key],
          );
          if (rows[0].request_hash !== idempotency.requestHash)
            return { reviewId: undefined, value: { record: undefined, replayed: true, conflict: true } };
          // The first answer's token is kept nowhere: the replay carries a new one (SqliteStore's rule).
          const updated = await db.query<CommentRow>(
            `UPDATE comments SET edit_token_hash = CASE WHEN status IN ('published', 'pending') THEN $2 ELSE edit_token_hash END
             WHERE id = $1 RETURNING *`,
            [rows[0].comment_id, comment.editTokenHash],
          );
          return {
            reviewId: undefined,
            value: { record: updated.rows[0] && toRecord(updated.rows[0]), replayed: true, conflict: false },
          };
        }
      }
      const parent = comment.parentId
        ? (
            await db.query<{ id: string; root_id: string; depth: number }>(
              'SELECT id, root_id, depth FROM comments WHERE id = $1',
              [comment.parentId],
            )
          ).rows[0]
        : undefined;
      const id = newCommentId();
      const { rows } = await db.query<CommentRow>(
        `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, author_email_hash, body, spoiler,
           status, created_at, edit_token_hash, spam, client_ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
        [
          id,
          comment.reviewId,
          parent?.id ?? null,
          parent?.root_id ?? id,
          parent ? parent.depth + 1 : 0,
          comment.authorName,
          comment.authorEmail,
          comment.authorEmailHash ?? null,
          comment.body,
          comment.spoiler ? 1 : 0,
          comment.status,
          comment.createdAt,
          comment.editTokenHash,
          comment.spam ? 1 : 0,
          comment.clientIp ?? null,
        ],
      );
      if (parent) await rescore(db, parent.root_id);
      if (idempotency)
        await db.query('UPDATE idempotency_keys SET comment_id = $2 WHERE key = $1', [idempotency.key, id]);
      return { reviewId: comment.reviewId, value: { record: toRecord(rows[0]), replayed: false, conflict: false } };
    });
  }

  async #sweepIdempotency(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastIdempotencySweep < 60_000) return;
    this.#lastIdempotencySweep = now;
    await this.#pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [now - IDEMPOTENCY_TTL_MS]);
  }

  async updateComment(
    id: string,
    changes: { body?: string; spoiler?: boolean; editedAt: string; status?: 'pending' },
  ): Promise<CommentRecord | undefined> {
    return this.#write(async (db) => {
      const { rows } = await db.query<CommentRow>(
        `UPDATE comments SET body = coalesce($2, body), spoiler = coalesce($3, spoiler), edited_at = $4, status = coalesce($5, status)
         WHERE id = $1 RETURNING *`,
        [
          id,
          changes.body ?? null,
          changes.spoiler === undefined ? null : changes.spoiler ? 1 : 0,
          changes.editedAt,
          changes.status ?? null,
        ],
      );
      if (rows[0]) await rescore(db, rows[0].root_id);
      return { reviewId: rows[0]?.review_id, value: rows[0] && toRecord(rows[0]) };
    });
  }

  async setCommentStatus(id: string, status: StoredStatus): Promise<CommentRecord | undefined> {
    // Deleting keeps the row (replies hang on it) but nothing of the author: SqliteStore's wipe,
    // the poster's address included.
    const wipe = status === 'deleted' ? `, ${DELETED_WIPE}` : '';
    return this.#write(async (db) => {
      const { rows } = await db.query<CommentRow>(`UPDATE comments SET status = $2${wipe} WHERE id = $1 RETURNING *`, [
        id,
        status,
      ]);
      if (rows[0]) await rescore(db, rows[0].root_id);
      return { reviewId: rows[0]?.review_id, value: rows[0] && toRecord(rows[0]) };
    });
  }

  async commentCounts(ids: string[]): Promise<Record<string, number>> {
    if (!ids.length) return {};
    const { rows } = await this.#pool.query<{ id: string }>(
      "SELECT id FROM reviews WHERE id = ANY($1) AND state = 'published'",
      [ids],
    );
    await this.#listener.sync();
    const counts: [string, number][] = [];
    for (const { id } of rows) counts.push([id, await this.#publishedCount(id)]);
    // fromEntries, not assignment: an id such as "__proto__" must stay an own key.
    return Object.fromEntries(counts);
  }

  async listByStatus({ status, cursor, limit }: AdminListOptions): Promise<Page<CommentRecord>> {
    const after = decodeCursor(`status-${status}`, cursor, ['number']);
    const { rows } = await this.#pool.query<CommentRow>(
      `SELECT * FROM comments WHERE status = $1 ${after ? 'AND seq > $3' : ''} ORDER BY seq ASC LIMIT $2`,
      [status, limit + 1, ...(after ?? [])],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toRecord),
      nextCursor: rows.length > limit && last ? encodeCursor(`status-${status}`, [last.seq]) : null,
    };
  }

  async importedIds(format: string, sourceIds: string[]): Promise<Map<string, string>> {
    return importedIds(this.#pool, format, sourceIds);
  }

  async importComments(format: string, records: ImportedRecord[]): Promise<number> {
    let reviews = new Set<string>();
    const written = await this.#write(async (db) => {
      const result = await importComments(db, format, records);
      reviews = result.reviews;
      // #write announces the first review; the others are announced here, in the same transaction.
      const [first] = reviews;
      for (const id of reviews) if (id !== first) await db.query('SELECT pg_notify($1, $2)', [CHANGED_CHANNEL, id]);
      return { reviewId: first, value: result.written };
    });
    for (const id of reviews) this.#changed(id);
    return written;
  }

  async close(): Promise<void> {
    // The pool and listener belong to the backend that made them (open.ts), which closes them.
  }
}
