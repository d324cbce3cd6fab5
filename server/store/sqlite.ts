import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { ReviewSchema } from '../../src/api/schemas.js';
import type { Comment, Page, Review, ReviewInput, ReviewSummary } from '../../src/api/types.js';
import { ByteCache } from './byte-cache.js';
import {
  PAGE_BUDGET_BYTES,
  REPLIES_PER_COMMENT,
  buildTree,
  newCommentId,
  publicComment,
  wireBytes,
  type SubtreeNode,
} from './comment-tree.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { MIGRATIONS } from './migrations.js';
import { toRecord, type CommentRow } from './comment-row.js';
export { toRecord, type CommentRow };
import { SqliteDesk } from './sqlite-desk.js';
import type {
  AdminListOptions,
  CommentRecord,
  ImportedRecord,
  ListCommentsOptions,
  NewComment,
  ReviewStore,
  StoredReview,
  StoredStatus,
} from './store.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export { newCommentId, publicComment };

/** What a delete leaves of a comment: the row its replies hang on, nothing of its author. */
export const DELETED_WIPE =
  "body = '', author_name = '', author_email = NULL, author_email_hash = NULL, client_ip = NULL, edit_token_hash = ''";

/**
 * The embedded default store: one SQLite file in WAL mode (readers never wait for the writer).
 * better-sqlite3 is synchronous, so each method runs to completion on the event loop and every
 * write is committed before its response is sent: an acknowledged comment is on disk.
 */
export class SqliteStore implements ReviewStore {
  readonly #db: Database.Database;
  // Caches for the hot reads, all in this one process (the store sees every write):
  /** Validated review documents by id, without their live comment count; dropped on PUT. */
  readonly #documents = new Map<string, Review>();
  /** Published comment counts by review id; dropped on any comment write to that review. */
  readonly #counts = new Map<string, number>();
  /** The document as sent (with its count) and its ETag, valid while document and count are. */
  readonly #reviewCache = new Map<string, StoredReview & { document: Review; count: number }>();
  /**
   * Comment pages by review and canonical query, valid while the review's revision is unchanged;
   * bounded by bytes (each page is at most 256 KB; a usual one 10–20 KB), so any number of
   * distinct reads fits in 2 MB of JSON (measured: about 3× that in memory, objects and text).
   */
  readonly #pages = new ByteCache<{ revision: number; page: Page<Comment> & { total: number } }>(2 * 1024 * 1024);
  readonly #revisions = new Map<string, number>();
  #lastIdempotencySweep = 0;
  /** Prepared statements by SQL text: preparing costs more than running most of these queries. */
  readonly #statements = new Map<string, Database.Statement>();
  /** Draft or published, by review id, read with the document. */
  readonly #states = new Map<string, 'draft' | 'published'>();
  /** The owner's desk (#14): admin-only storage, in sqlite-desk.ts. */
  readonly desk: SqliteDesk;

  constructor(file: string, { durability = 'full' }: { durability?: 'full' | 'normal' } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk (WAL fsynced) before it is acknowledged, power loss included.
    // NORMAL: survives a crash of the process, may lose the last commits on power loss.
    this.#db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
    this.desk = new SqliteDesk(this.#db, {
      touched: (reviewId, documentToo) => {
        if (documentToo) this.#documents.delete(reviewId);
        this.#commentsChanged(reviewId);
      },
      rescore: (rootId) => this.#rescore(rootId),
    });
  }

  #sql(source: string): Database.Statement {
    let statement = this.#statements.get(source);
    if (!statement) {
      statement = this.#db.prepare(source);
      if (this.#statements.size >= 500) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(source, statement);
    }
    return statement;
  }

  #migrate(): void {
    const db = this.#db;
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    let version = row?.version ?? 0;
    if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
    for (; version < MIGRATIONS.length; version++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[version]);
        db.prepare('UPDATE schema_version SET version = ?').run(version + 1);
      })();
    }
  }

  async isEmpty(): Promise<boolean> {
    return !this.#sql('SELECT 1 FROM reviews LIMIT 1').get();
  }

  /**
   * Published comments a reader can reach: not those under a rejected or pending comment (their
   * replies are hidden with it). Hidden subtrees are rare and small, so they are counted apart.
   */
  #publishedCount(reviewId: string): number {
    let count = this.#counts.get(reviewId);
    if (count === undefined) {
      const all = this.#sql("SELECT count(*) AS n FROM comments WHERE review_id = ? AND status = 'published'").get(
        reviewId,
      ) as { n: number };
      const hidden = this.#sql(
        `WITH RECURSIVE hidden(id, status) AS (
           SELECT id, status FROM comments WHERE review_id = @review AND status IN ('rejected', 'pending')
           UNION
           SELECT c.id, c.status FROM hidden h CROSS JOIN comments c WHERE c.review_id = @review AND c.parent_id = h.id)
         SELECT count(*) AS n FROM hidden WHERE status = 'published'`,
      ).get({ review: reviewId }) as { n: number };
      count = all.n - hidden.n;
      this.#counts.set(reviewId, count);
    }
    return count;
  }

  /** Called on every write that touches a review's comments. */
  #commentsChanged(reviewId: string): void {
    this.#counts.delete(reviewId);
    this.#revisions.set(reviewId, (this.#revisions.get(reviewId) ?? 0) + 1);
  }

  #document(id: string): Review | undefined {
    let document = this.#documents.get(id);
    if (!document) {
      const row = this.#sql('SELECT document, state FROM reviews WHERE id = ?').get(id) as
        { document: string; state: 'draft' | 'published' } | undefined;
      if (!row) return undefined;
      document = v.parse(ReviewSchema, JSON.parse(row.document));
      this.#documents.set(id, document);
      this.#states.set(id, row.state);
    }
    return document;
  }

  async getReview(id: string): Promise<StoredReview | undefined> {
    const document = this.#document(id);
    if (!document) return undefined;
    const count = this.#publishedCount(id);
    const cached = this.#reviewCache.get(id);
    if (cached && cached.document === document && cached.count === count) return cached;
    const review: Review = { ...document, commentCount: count };
    const json = JSON.stringify(review);
    const state = this.#states.get(id) ?? 'published';
    const stored = {
      review,
      json,
      etag: `"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"`,
      document,
      count,
      state,
    };
    this.#reviewCache.set(id, stored);
    return stored;
  }

  async listReviews(cursor: string | undefined, limit: number): Promise<Page<ReviewSummary>> {
    const after = decodeCursor('reviews', cursor, ['string', 'string']);
    const rows = this.#sql(
      `SELECT id, published_at FROM reviews
         WHERE state = 'published' ${after ? 'AND (published_at < ? OR (published_at = ? AND id > ?))' : ''}
         ORDER BY published_at DESC, id ASC LIMIT ?`,
    ).all(...(after ? [after[0], after[0], after[1]] : []), limit + 1) as { id: string; published_at: string }[];
    const page = rows.slice(0, limit);
    const items: ReviewSummary[] = [];
    for (const { id } of page) {
      const { review } = (await this.getReview(id))!;
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
    const exists = this.#sql('SELECT 1 FROM reviews WHERE id = ?').get(review.id);
    // A new review is published unless asked otherwise; a replaced one keeps its state.
    this.#sql(
      `INSERT INTO reviews (id, document, published_at, state) VALUES (@id, @document, @publishedAt, coalesce(@state, 'published'))
         ON CONFLICT (id) DO UPDATE SET document = excluded.document, published_at = excluded.published_at,
           state = coalesce(@state, state), version = version + 1`,
    ).run({
      id: review.id,
      document: JSON.stringify(review),
      publishedAt: new Date(review.publishedAt).toISOString(),
      state: state ?? null,
    });
    this.#documents.delete(review.id);
    this.#commentsChanged(review.id);
    return { created: !exists };
  }

  async listComments(
    reviewId: string,
    options: ListCommentsOptions,
  ): Promise<(Page<Comment> & { total: number }) | undefined> {
    // Decoding checks the cursor is in the one spelling we make (or throws): the key is canonical.
    decodeCursor(options.sort, options.cursor, options.sort === 'top' ? ['number', 'number'] : ['number']);
    if (options.parentId && !this.#reachable(reviewId, options.parentId)) return undefined;
    // The same page object comes back while nothing changed, so callers can cache its serialisation.
    const key = JSON.stringify([reviewId, options.sort, options.limit, options.cursor ?? '', options.parentId ?? '']);
    const revision = this.#revisions.get(reviewId) ?? 0;
    const hit = this.#pages.get(key);
    if (hit && hit.revision === revision) return hit.page;
    const { page, bytes } = this.#listComments(reviewId, options);
    this.#pages.set(key, { revision, page }, bytes);
    return page;
  }

  /** Is this comment on this review, and it and every comment above it published or deleted? */
  #reachable(reviewId: string, id: string): boolean {
    for (let current: string | null = id, hops = 0; current && hops < 50; hops++) {
      const row = this.#sql('SELECT review_id, parent_id, status FROM comments WHERE id = ?').get(current) as
        { review_id: string; parent_id: string | null; status: StoredStatus } | undefined;
      if (!row || row.review_id !== reviewId || (row.status !== 'published' && row.status !== 'deleted')) return false;
      current = row.parent_id;
    }
    return true;
  }

  #listComments(
    reviewId: string,
    options: ListCommentsOptions,
  ): { page: Page<Comment> & { total: number }; bytes: number } {
    const { sort, limit } = options;
    // Listed while published, or deleted with a published reply still showing under it.
    const visible = `(c.status = 'published' OR (c.status = 'deleted' AND EXISTS (
      SELECT 1 FROM comments r WHERE r.review_id = c.review_id AND r.parent_id = c.id AND r.status IN ('published', 'deleted'))))`;
    const parentClause = options.parentId ? 'c.parent_id = @parent' : 'c.parent_id IS NULL';
    let rows: CommentRow[];
    let nextKey: (row: CommentRow) => (string | number)[];
    // Each sort walks an index already in its order, and stops at the page's end: no sorting of
    // the whole review (the planner would otherwise merge two status ranges and sort them).
    if (sort === 'top') {
      // The score is kept up to date on every write (see #rescore), and indexed with the order.
      const after = decodeCursor('top', options.cursor, ['number', 'number']);
      rows = this.#sql(
        `SELECT c.* FROM comments c INDEXED BY comments_top WHERE c.review_id = @review AND ${parentClause} AND ${visible}
           ${after ? 'AND (c.score < @score OR (c.score = @score AND c.seq > @seq))' : ''}
           ORDER BY c.score DESC, c.seq ASC LIMIT @limit`,
      ).all({
        review: reviewId,
        parent: options.parentId,
        score: after?.[0],
        seq: after?.[1],
        limit: limit + 1,
      }) as CommentRow[];
      nextKey = (row) => [row.score ?? 0, row.seq];
    } else {
      const after = decodeCursor(sort, options.cursor, ['number']);
      const op = sort === 'oldest' ? '>' : '<';
      rows = this.#sql(
        `SELECT c.* FROM comments c INDEXED BY comments_children WHERE c.review_id = @review AND ${parentClause} AND ${visible}
           ${after ? `AND c.seq ${op} @seq` : ''}
           ORDER BY c.seq ${sort === 'oldest' ? 'ASC' : 'DESC'} LIMIT @limit`,
      ).all({ review: reviewId, parent: options.parentId, seq: after?.[0], limit: limit + 1 }) as CommentRow[];
      nextKey = (row) => [row.seq];
    }
    // Top-level comments in order until the page's byte budget is spent, each with as many of its
    // replies as fit (at most REPLIES_PER_COMMENT); the rest are a cursor away.
    let budget = PAGE_BUDGET_BYTES;
    const items: Comment[] = [];
    let lastShown: CommentRow | undefined;
    let cut = rows.length > limit;
    const shown = rows.slice(0, limit);
    const subtrees = this.#subtrees(
      reviewId,
      shown.map((r) => r.id),
    );
    const wanted = new Map(
      shown.map((r) => [
        r.id,
        subtrees
          .get(r.id)!
          .map((n) => n.seq)
          .sort((x, y) => x - y)
          .slice(0, REPLIES_PER_COMMENT),
      ]),
    );
    const replies = this.#prefetch([...wanted.values()].flat());
    for (const row of shown) {
      const record = { ...toRecord(row), seq: row.seq };
      const size = wireBytes(record);
      if (items.length && size > budget) {
        cut = true;
        break;
      }
      budget -= size;
      const subtree = subtrees.get(row.id)!;
      const included = new Map<string, CommentRecord & { seq: number }>();
      for (const seq of wanted.get(row.id)!) {
        const r = replies(seq);
        const bytes = wireBytes(r);
        if (bytes > budget) break;
        budget -= bytes;
        included.set(r.id, r);
      }
      const comment = buildTree(record, subtree, included, (seq) => encodeCursor('oldest', [seq]));
      if (comment) items.push(comment);
      lastShown = row;
    }
    return {
      page: {
        items,
        nextCursor: cut && lastShown ? encodeCursor(sort, nextKey(lastShown)) : null,
        total: this.#publishedCount(reviewId),
      },
      bytes: PAGE_BUDGET_BYTES - budget + 1024,
    };
  }

  /**
   * Every reply that can show (through published or deleted comments only) under each of these
   * comments, without text, by top comment: one walk of the index for the whole page.
   */
  #subtrees(reviewId: string, ids: string[]): Map<string, SubtreeNode[]> {
    const byTop = new Map<string, SubtreeNode[]>(ids.map((id) => [id, []]));
    if (!ids.length) return byTop;
    // CROSS JOIN keeps the order: from each reply found, look up its children in the index
    // (otherwise SQLite may scan the whole review's index once per level).
    const rows = this.#sql(
      `WITH RECURSIVE sub(top, id, parent_id, seq, status) AS (
         SELECT c.parent_id, c.id, c.parent_id, c.seq, c.status FROM comments c
         WHERE c.review_id = ? AND c.parent_id IN (${ids.map(() => '?').join(',')}) AND c.status IN ('published', 'deleted')
         UNION ALL
         SELECT sub.top, c.id, c.parent_id, c.seq, c.status FROM sub CROSS JOIN comments c
         WHERE c.review_id = ? AND c.parent_id = sub.id AND c.status IN ('published', 'deleted'))
       SELECT top, id, parent_id AS parentId, seq, status FROM sub`,
    ).all(reviewId, ...ids, reviewId) as (SubtreeNode & { top: string })[];
    for (const { top, ...node } of rows) byTop.get(top)!.push(node);
    return byTop;
  }

  /**
   * Whole rows (with their text) by seq, for seqs asked in this order: read 64 at a time, as the
   * page's byte budget reaches them, so a page costs a few queries and never reads far past its end.
   */
  #prefetch(order: number[]): (seq: number) => CommentRecord & { seq: number } {
    const rows = new Map<number, CommentRecord & { seq: number }>();
    let next = 0;
    return (seq) => {
      while (!rows.has(seq) && next < order.length) {
        const batch = order.slice(next, next + 64);
        next += batch.length;
        const found = this.#sql(`SELECT * FROM comments WHERE seq IN (${batch.map(() => '?').join(',')})`).all(
          ...batch,
        ) as CommentRow[];
        for (const row of found) rows.set(row.seq, { ...toRecord(row), seq: row.seq });
      }
      return rows.get(seq)!;
    };
  }

  /** The score sort=top orders by: published replies in the thread. Kept on every write to it. */
  #rescore(rootId: string): void {
    this.#sql(
      `UPDATE comments SET score = (SELECT count(*) FROM comments r
         WHERE r.root_id = @root AND r.status = 'published' AND r.id != @root) WHERE id = @root`,
    ).run({ root: rootId });
  }

  async getComment(id: string): Promise<CommentRecord | undefined> {
    const row = this.#sql('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    return row && toRecord(row);
  }

  async createComment(
    comment: NewComment,
    idempotency: { key: string; requestHash: string } | undefined,
  ): Promise<{ record: CommentRecord | undefined; replayed: boolean; conflict: boolean }> {
    const db = this.#db;
    this.#sweepIdempotency();
    return db.transaction(() => {
      if (idempotency) {
        const previous = this.#sql('SELECT request_hash, comment_id FROM idempotency_keys WHERE key = ?').get(
          idempotency.key,
        ) as { request_hash: string; comment_id: string | null } | undefined;
        if (previous) {
          if (previous.request_hash !== idempotency.requestHash)
            return { record: undefined, replayed: true, conflict: true };
          // The first answer's token is not kept anywhere: the replay carries a new one, and the
          // comment now answers to it (only its hash is stored, as always).
          const row = this.#sql(
            `UPDATE comments SET edit_token_hash = CASE WHEN status IN ('published', 'pending') THEN @hash ELSE edit_token_hash END
             WHERE id = @id RETURNING *`,
          ).get({ id: previous.comment_id, hash: comment.editTokenHash }) as CommentRow | undefined;
          return { record: row && toRecord(row), replayed: true, conflict: false };
        }
      }
      const parent = comment.parentId
        ? (this.#sql('SELECT id, root_id, depth FROM comments WHERE id = ?').get(comment.parentId) as
            { id: string; root_id: string; depth: number } | undefined)
        : undefined;
      const id = newCommentId();
      this.#sql(
        `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, author_email_hash, body, spoiler,
           status, created_at, edit_token_hash, spam, client_ip)
         VALUES (@id, @reviewId, @parentId, @rootId, @depth, @authorName, @authorEmail, @authorEmailHash, @body, @spoiler,
           @status, @createdAt, @editTokenHash, @spam, @clientIp)`,
      ).run({
        ...comment,
        id,
        parentId: parent?.id ?? null,
        rootId: parent?.root_id ?? id,
        depth: parent ? parent.depth + 1 : 0,
        spoiler: comment.spoiler ? 1 : 0,
        authorEmailHash: comment.authorEmailHash ?? null,
        spam: comment.spam ? 1 : 0,
        clientIp: comment.clientIp ?? null,
      });
      if (parent) this.#rescore(parent.root_id);
      this.#commentsChanged(comment.reviewId);
      const record = toRecord(this.#sql('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow);
      if (idempotency) {
        this.#sql(
          "INSERT INTO idempotency_keys (key, request_hash, status, body, created_at, comment_id) VALUES (?, ?, 201, '', ?, ?)",
        ).run(idempotency.key, idempotency.requestHash, Date.now(), id);
      }
      return { record, replayed: false, conflict: false };
    })();
  }

  #sweepIdempotency(): void {
    const now = Date.now();
    if (now - this.#lastIdempotencySweep < 60_000) return;
    this.#lastIdempotencySweep = now;
    this.#sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - IDEMPOTENCY_TTL_MS);
  }

  async updateComment(
    id: string,
    changes: { body?: string; spoiler?: boolean; editedAt: string; status?: 'pending' },
  ): Promise<CommentRecord | undefined> {
    const row = this.#sql(
      `UPDATE comments SET body = coalesce(@body, body), spoiler = coalesce(@spoiler, spoiler), edited_at = @editedAt,
           status = coalesce(@status, status)
         WHERE id = @id RETURNING *`,
    ).get({
      id,
      body: changes.body ?? null,
      spoiler: changes.spoiler === undefined ? null : changes.spoiler ? 1 : 0,
      editedAt: changes.editedAt,
      status: changes.status ?? null,
    }) as CommentRow | undefined;
    if (row) {
      this.#rescore(row.root_id);
      this.#commentsChanged(row.review_id);
    }
    return row && toRecord(row);
  }

  async setCommentStatus(id: string, status: StoredStatus): Promise<CommentRecord | undefined> {
    // Deleting keeps the row (replies hang on it) but nothing of the author: not the words, the
    // name, the email, its hash, the poster's address, nor the hash of the edit token.
    const wipe = status === 'deleted' ? `, ${DELETED_WIPE}` : '';
    const row = this.#sql(`UPDATE comments SET status = ?${wipe} WHERE id = ? RETURNING *`).get(status, id) as
      CommentRow | undefined;
    if (row) {
      this.#rescore(row.root_id);
      this.#commentsChanged(row.review_id);
    }
    return row && toRecord(row);
  }

  async commentCounts(ids: string[]): Promise<Record<string, number>> {
    if (!ids.length) return {};
    const marks = ids.map(() => '?').join(',');
    // Drafts have no public count: they are left out as unknown ids are.
    const rows = this.#sql(`SELECT id FROM reviews WHERE id IN (${marks}) AND state = 'published'`).all(...ids) as {
      id: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.id, this.#publishedCount(r.id)]));
  }

  async listByStatus({ status, cursor, limit }: AdminListOptions): Promise<Page<CommentRecord>> {
    const after = decodeCursor(`status-${status}`, cursor, ['number']);
    const rows = this.#sql(
      `SELECT * FROM comments WHERE status = ? ${after ? 'AND seq > ?' : ''} ORDER BY seq ASC LIMIT ?`,
    ).all(...[status, ...(after ? [after[0]] : []), limit + 1]) as CommentRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toRecord),
      nextCursor: rows.length > limit && last ? encodeCursor(`status-${status}`, [last.seq]) : null,
    };
  }

  async importedIds(format: string, sourceIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    // In slices: SQLite allows a limited number of bound parameters per statement.
    for (let i = 0; i < sourceIds.length; i += 500) {
      const slice = sourceIds.slice(i, i + 500);
      const rows = this.#db
        .prepare(
          `SELECT source_id, comment_id FROM import_sources WHERE format = ? AND source_id IN (${slice.map(() => '?').join(',')})`,
        )
        .all(format, ...slice) as { source_id: string; comment_id: string }[];
      for (const row of rows) found.set(row.source_id, row.comment_id);
    }
    return found;
  }

  async importComments(format: string, records: ImportedRecord[]): Promise<number> {
    const known = this.#sql('SELECT 1 FROM import_sources WHERE format = ? AND source_id = ?');
    const remember = this.#sql(
      'INSERT INTO import_sources (format, source_id, comment_id, imported_at) VALUES (?, ?, ?, ?)',
    );
    const insert = this.#sql(
      `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, author_email_hash, body,
         spoiler, status, created_at, edit_token_hash)
       VALUES (@id, @reviewId, @parentId, @rootId, @depth, @authorName, NULL, @authorEmailHash, @body, 0, @status, @createdAt, '')`,
    );
    const now = new Date().toISOString();
    const reviews = new Set<string>();
    const roots = new Set<string>();
    // IMMEDIATE takes the write lock before the first check, so two imports of one file (the CLI
    // and the admin upload at once) cannot both find a source id new and write it twice.
    const n = this.#db
      .transaction(() => {
        let written = 0;
        for (const record of records) {
          if (known.get(format, record.sourceId)) continue;
          insert.run(record);
          remember.run(format, record.sourceId, record.id, now);
          reviews.add(record.reviewId);
          if (record.rootId !== record.id) roots.add(record.rootId);
          written++;
        }
        // sort=top reads a maintained score: imported replies count as posted ones do.
        for (const root of roots) this.#rescore(root);
        return written;
      })
      .immediate();
    for (const id of reviews) this.#commentsChanged(id);
    return n;
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    // Fold the WAL into the main file so a copied .db file is complete on its own.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}
