import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { ReviewSchema } from '../../src/api/schemas.js';
import type { Comment, Page, Review, ReviewInput, ReviewSummary } from '../../src/api/types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteDesk } from './sqlite-desk.js';
import type {
  AdminListOptions,
  CommentRecord,
  IdempotentResult,
  ListCommentsOptions,
  NewComment,
  ReviewStore,
  StoredReview,
  StoredStatus,
} from './store.js';

export interface CommentRow {
  seq: number;
  id: string;
  review_id: string;
  parent_id: string | null;
  root_id: string;
  depth: number;
  author_name: string;
  author_email: string | null;
  body: string;
  spoiler: number;
  status: StoredStatus;
  created_at: string;
  edited_at: string | null;
  edit_token_hash: string;
  spam: number;
  client_ip: string | null;
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export const toRecord = (r: CommentRow): CommentRecord => ({
  id: r.id,
  reviewId: r.review_id,
  parentId: r.parent_id,
  rootId: r.root_id,
  depth: r.depth,
  authorName: r.author_name,
  authorEmail: r.author_email,
  body: r.body,
  spoiler: r.spoiler === 1,
  status: r.status,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  editTokenHash: r.edit_token_hash,
  spam: r.spam === 1,
  clientIp: r.client_ip,
});

/** The public face of a comment: never the email or the token hash; deleted ones keep no text. */
export function publicComment(r: CommentRecord, replies: Comment[] = [], replyCount = 0): Comment {
  const deleted = r.status === 'deleted';
  return {
    id: r.id,
    parentId: r.parentId,
    author: { name: deleted ? '' : r.authorName },
    body: deleted ? '' : r.body,
    spoiler: r.spoiler,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    status: r.status === 'rejected' ? 'deleted' : r.status,
    replies,
    replyCount,
  };
}

export const newCommentId = () => `c_${randomBytes(9).toString('base64url')}`;

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
  /** Comment pages by review and query, valid while the review's revision is unchanged. */
  readonly #pages = new Map<string, { revision: number; page: Page<Comment> & { total: number } }>();
  readonly #revisions = new Map<string, number>();
  #lastIdempotencySweep = 0;
  /** Prepared statements by SQL text: preparing costs more than running most of these queries. */
  readonly #statements = new Map<string, Database.Statement>();
  /** Draft or published, by review id, read with the document. */
  readonly #states = new Map<string, 'draft' | 'published'>();
  /** The owner's desk (#14): admin-only storage, in sqlite-desk.ts. */
  readonly desk: SqliteDesk;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
    this.desk = new SqliteDesk(this.#db, (reviewId, documentToo) => {
      if (documentToo) this.#documents.delete(reviewId);
      this.#commentsChanged(reviewId);
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

  #publishedCount(reviewId: string): number {
    let count = this.#counts.get(reviewId);
    if (count === undefined) {
      const row = this.#sql("SELECT count(*) AS n FROM comments WHERE review_id = ? AND status = 'published'")
        .get(reviewId) as { n: number };
      count = row.n;
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
      const row = this.#sql('SELECT document, state FROM reviews WHERE id = ?').get(id) as { document: string; state: 'draft' | 'published' } | undefined;
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
    const stored = { review, json, etag: `"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"`, document, count, state };
    this.#reviewCache.set(id, stored);
    return stored;
  }

  async listReviews(cursor: string | undefined, limit: number): Promise<Page<ReviewSummary>> {
    const after = decodeCursor('reviews', cursor, ['string', 'string']);
    const rows = this.#sql(
        `SELECT id, published_at FROM reviews
         WHERE state = 'published' ${after ? 'AND (published_at < ? OR (published_at = ? AND id > ?))' : ''}
         ORDER BY published_at DESC, id ASC LIMIT ?`,
      )
      .all(...(after ? [after[0], after[0], after[1]] : []), limit + 1) as { id: string; published_at: string }[];
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
    return { items, nextCursor: rows.length > limit && last ? encodeCursor('reviews', [last.published_at, last.id]) : null };
  }

  async putReview(input: ReviewInput, state?: 'draft' | 'published'): Promise<{ created: boolean }> {
    const review = v.parse(ReviewSchema, input);
    const exists = this.#sql('SELECT 1 FROM reviews WHERE id = ?').get(review.id);
    // A new review is published unless asked otherwise; a replaced one keeps its state.
    this.#sql(
        `INSERT INTO reviews (id, document, published_at, state) VALUES (@id, @document, @publishedAt, coalesce(@state, 'published'))
         ON CONFLICT (id) DO UPDATE SET document = excluded.document, published_at = excluded.published_at,
           state = coalesce(@state, state), version = version + 1`,
      )
      .run({ id: review.id, document: JSON.stringify(review), publishedAt: new Date(review.publishedAt).toISOString(), state: state ?? null });
    this.#documents.delete(review.id);
    this.#commentsChanged(review.id);
    return { created: !exists };
  }

  async listComments(reviewId: string, options: ListCommentsOptions): Promise<Page<Comment> & { total: number }> {
    // The same page object comes back while nothing changed, so callers can cache its serialisation.
    const key = JSON.stringify([reviewId, options.sort, options.limit, options.cursor ?? '', options.parentId ?? '']);
    const revision = this.#revisions.get(reviewId) ?? 0;
    const hit = this.#pages.get(key);
    if (hit && hit.revision === revision) return hit.page;
    const page = this.#listComments(reviewId, options);
    if (this.#pages.size >= 1000) this.#pages.delete(this.#pages.keys().next().value!);
    this.#pages.set(key, { revision, page });
    return page;
  }

  #listComments(reviewId: string, options: ListCommentsOptions): Page<Comment> & { total: number } {
    const { sort, limit } = options;
    // A top-level comment is listed while it is published, or deleted with replies still showing.
    const visible = `(c.status = 'published' OR (c.status = 'deleted' AND EXISTS (
      SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.id != c.id AND r.status = 'published')))`;
    const parentClause = options.parentId ? 'c.parent_id = @parent' : 'c.parent_id IS NULL';
    let rows: CommentRow[];
    let nextKey: (row: CommentRow & { score?: number }) => (string | number)[];
    if (sort === 'top') {
      const after = decodeCursor('top', options.cursor, ['number', 'number']);
      rows = this.#sql(
          `WITH ranked AS (
             SELECT c.*, (SELECT count(*) FROM comments r WHERE r.root_id = c.id AND r.id != c.id AND r.status = 'published') AS score
             FROM comments c WHERE c.review_id = @review AND ${parentClause} AND ${visible})
           SELECT * FROM ranked ${after ? 'WHERE score < @score OR (score = @score AND seq > @seq)' : ''}
           ORDER BY score DESC, seq ASC LIMIT @limit`,
        )
        .all({ review: reviewId, parent: options.parentId, score: after?.[0], seq: after?.[1], limit: limit + 1 }) as CommentRow[];
      nextKey = (row) => [row.score ?? 0, row.seq];
    } else {
      const after = decodeCursor(sort, options.cursor, ['number']);
      const op = sort === 'oldest' ? '>' : '<';
      rows = this.#sql(
          `SELECT c.* FROM comments c WHERE c.review_id = @review AND ${parentClause} AND ${visible}
           ${after ? `AND c.seq ${op} @seq` : ''}
           ORDER BY c.seq ${sort === 'oldest' ? 'ASC' : 'DESC'} LIMIT @limit`,
        )
        .all({ review: reviewId, parent: options.parentId, seq: after?.[0], limit: limit + 1 }) as CommentRow[];
      nextKey = (row) => [row.seq];
    }
    const page = rows.slice(0, limit);
    const items = this.#withReplies(page);
    const last = page.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(sort, nextKey(last)) : null,
      total: this.#publishedCount(reviewId),
    };
  }

  /** Each comment with its whole visible subtree, oldest reply first; counts are of published replies. */
  #withReplies(roots: CommentRow[]): Comment[] {
    if (!roots.length) return [];
    const threadIds = [...new Set(roots.map((r) => r.root_id))];
    const rows = this.#sql(
        `SELECT * FROM comments WHERE root_id IN (${threadIds.map(() => '?').join(',')})
         AND status IN ('published', 'deleted') ORDER BY seq ASC`,
      )
      .all(...threadIds) as CommentRow[];
    const children = new Map<string, CommentRow[]>();
    for (const row of rows) {
      if (!row.parent_id) continue;
      const list = children.get(row.parent_id) ?? [];
      list.push(row);
      children.set(row.parent_id, list);
    }
    const build = (row: CommentRow): { comment: Comment; published: number } | undefined => {
      const built = (children.get(row.id) ?? []).map(build).filter((b) => b !== undefined);
      const published = built.reduce((n, b) => n + b.published + (b.comment.status === 'published' ? 1 : 0), 0);
      // A deleted comment stays only as the "[deleted]" holder of replies that still show.
      if (row.status === 'deleted' && published === 0) return undefined;
      return { comment: publicComment(toRecord(row), built.map((b) => b.comment), published), published };
    };
    return roots.map((root) => build(root)?.comment).filter((c): c is Comment => c !== undefined);
  }

  async getComment(id: string): Promise<CommentRecord | undefined> {
    const row = this.#sql('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    return row && toRecord(row);
  }

  async createComment(
    comment: NewComment,
    idempotency: { key: string; requestHash: string; render: (c: CommentRecord) => { status: number; body: string } } | undefined,
  ): Promise<{ record: CommentRecord | undefined; response: IdempotentResult; replayed: boolean }> {
    const db = this.#db;
    this.#sweepIdempotency();
    return db.transaction(() => {
      if (idempotency) {
        const previous = this.#sql('SELECT request_hash, status, body FROM idempotency_keys WHERE key = ?')
          .get(idempotency.key) as { request_hash: string; status: number; body: string } | undefined;
        if (previous) {
          return {
            record: undefined,
            response: { requestHash: previous.request_hash, status: previous.status, body: previous.body },
            replayed: true,
          };
        }
      }
      const parent = comment.parentId
        ? (this.#sql('SELECT id, root_id, depth FROM comments WHERE id = ?').get(comment.parentId) as
            | { id: string; root_id: string; depth: number }
            | undefined)
        : undefined;
      const id = newCommentId();
      this.#sql(
        `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, body, spoiler,
           status, created_at, edit_token_hash, spam, client_ip)
         VALUES (@id, @reviewId, @parentId, @rootId, @depth, @authorName, @authorEmail, @body, @spoiler,
           @status, @createdAt, @editTokenHash, @spam, @clientIp)`,
      ).run({
        ...comment,
        id,
        parentId: parent?.id ?? null,
        rootId: parent?.root_id ?? id,
        depth: parent ? parent.depth + 1 : 0,
        spoiler: comment.spoiler ? 1 : 0,
        spam: comment.spam ? 1 : 0,
        clientIp: comment.clientIp ?? null,
      });
      this.#commentsChanged(comment.reviewId);
      const record = toRecord(this.#sql('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow);
      const rendered = idempotency?.render(record);
      if (idempotency && rendered) {
        this.#sql('INSERT INTO idempotency_keys (key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?)').run(
          idempotency.key,
          idempotency.requestHash,
          rendered.status,
          rendered.body,
          Date.now(),
        );
      }
      return {
        record,
        response: { requestHash: idempotency?.requestHash ?? '', status: rendered?.status ?? 201, body: rendered?.body ?? '' },
        replayed: false,
      };
    })();
  }

  #sweepIdempotency(): void {
    const now = Date.now();
    if (now - this.#lastIdempotencySweep < 60_000) return;
    this.#lastIdempotencySweep = now;
    this.#sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - IDEMPOTENCY_TTL_MS);
  }

  async updateComment(id: string, changes: { body?: string; spoiler?: boolean; editedAt: string }): Promise<CommentRecord | undefined> {
    const row = this.#sql(
        `UPDATE comments SET body = coalesce(@body, body), spoiler = coalesce(@spoiler, spoiler), edited_at = @editedAt
         WHERE id = @id RETURNING *`,
      )
      .get({ id, body: changes.body ?? null, spoiler: changes.spoiler === undefined ? null : changes.spoiler ? 1 : 0, editedAt: changes.editedAt }) as
      | CommentRow
      | undefined;
    if (row) this.#commentsChanged(row.review_id);
    return row && toRecord(row);
  }

  async setCommentStatus(id: string, status: StoredStatus): Promise<CommentRecord | undefined> {
    // Deleting keeps the row (replies hang on it) but not the words or the email.
    const wipe = status === 'deleted' ? ", body = '', author_email = NULL, client_ip = NULL" : '';
    const row = this.#sql(`UPDATE comments SET status = ?${wipe} WHERE id = ? RETURNING *`).get(status, id) as
      | CommentRow
      | undefined;
    if (row) this.#commentsChanged(row.review_id);
    return row && toRecord(row);
  }

  async commentCounts(ids: string[]): Promise<Record<string, number>> {
    if (!ids.length) return {};
    const marks = ids.map(() => '?').join(',');
    const rows = this.#sql(
        `SELECT r.id, (SELECT count(*) FROM comments c WHERE c.review_id = r.id AND c.status = 'published') AS n
         FROM reviews r WHERE r.id IN (${marks}) AND r.state = 'published'`,
      )
      .all(...ids) as { id: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.n]));
  }

  async listByStatus({ status, cursor, limit }: AdminListOptions): Promise<Page<CommentRecord>> {
    const after = decodeCursor(`status-${status}`, cursor, ['number']);
    const rows = this.#sql(`SELECT * FROM comments WHERE status = ? ${after ? 'AND seq > ?' : ''} ORDER BY seq ASC LIMIT ?`)
      .all(...[status, ...(after ? [after[0]] : []), limit + 1]) as CommentRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toRecord),
      nextCursor: rows.length > limit && last ? encodeCursor(`status-${status}`, [last.seq]) : null,
    };
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    // Fold the WAL into the main file so a copied .db file is complete on its own.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}
