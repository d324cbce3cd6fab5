import { BlockList, isIP } from 'node:net';
import type pg from 'pg';
import type { Page } from '../../../src/api/types.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type {
  AdminReviewRow,
  AdminSession,
  Ban,
  DeskStore,
  ExportData,
  ModerationAction,
  QueueItem,
  QueueStatus,
  ReportReason,
  ReviewState,
} from '../desk.js';
import { plainIp } from '../sqlite-desk.js';
import { DELETED_WIPE } from '../sqlite.js';
import type { CommentRecord } from '../store.js';
import { rescore, toRecord, type CommentRow } from './queries.js';

const QUEUE_WHERE: Record<QueueStatus, string> = {
  pending: "c.status = 'pending'",
  published: "c.status = 'published'",
  rejected: "c.status = 'rejected' AND c.spam = 0",
  spam: "c.status = 'rejected' AND c.spam = 1",
  reported: "c.status IN ('pending', 'published') AND reports > 0",
};

type BanRow = {
  id: string;
  kind: Ban['kind'];
  value: string;
  reason: string | null;
  created_at: string;
  expires_at: string | null;
};
const toBan = (r: BanRow): Ban => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  reason: r.reason,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/**
 * SqliteDesk for PostgreSQL, query for query. Every change to a review's comments or document runs
 * in a transaction that also sends NOTIFY review_changed (as PostgresStore's writes do), so every
 * process's caches drop that review; `changed` drops this process's at once. Every status change
 * recounts the sort=top score of its thread in the same transaction, as SqliteDesk does.
 */
export class PgDesk implements DeskStore {
  readonly #pool: pg.Pool;
  readonly #changed: (reviewId: string) => void;
  readonly #channel: string;

  constructor(pool: pg.Pool, channel: string, changed: (reviewId: string) => void) {
    this.#pool = pool;
    this.#channel = channel;
    this.#changed = changed;
  }

  async #write<T>(work: (db: pg.PoolClient) => Promise<{ reviews: string[]; value: T }>): Promise<T> {
    const db = await this.#pool.connect();
    try {
      await db.query('BEGIN');
      const { reviews, value } = await work(db);
      for (const id of new Set(reviews)) await db.query('SELECT pg_notify($1, $2)', [this.#channel, id]);
      await db.query('COMMIT');
      for (const id of new Set(reviews)) this.#changed(id);
      return value;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  }

  async listReviews({
    q,
    state,
    cursor,
    limit,
  }: {
    q?: string;
    state?: ReviewState;
    cursor?: string;
    limit: number;
  }): Promise<Page<AdminReviewRow>> {
    const after = decodeCursor('admin-reviews', cursor, ['string', 'string']);
    const where: string[] = [];
    const params: unknown[] = [limit + 1];
    if (state) where.push(`r.state = $${params.push(state)}`);
    if (q?.trim()) {
      const n = params.push(`%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(
        `((r.document::jsonb)->>'title' ILIKE $${n} OR (r.document::jsonb)->'work'->>'title' ILIKE $${n} OR r.id ILIKE $${n})`,
      );
    }
    if (after) {
      const at = params.push(after[0]);
      where.push(`(r.published_at < $${at} OR (r.published_at = $${at} AND r.id > $${params.push(after[1])}))`);
    }
    const { rows } = await this.#pool.query<{
      id: string;
      state: ReviewState;
      published_at: string;
      title: string;
      work_title: string;
      published: number;
      pending: number;
    }>(
      `SELECT r.id, r.state, r.published_at, (r.document::jsonb)->>'title' AS title, (r.document::jsonb)->'work'->>'title' AS work_title,
         (SELECT count(*)::int FROM comments c WHERE c.review_id = r.id AND c.status = 'published') AS published,
         (SELECT count(*)::int FROM comments c WHERE c.review_id = r.id AND c.status = 'pending') AS pending
       FROM reviews r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.published_at DESC, r.id ASC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        title: r.title,
        workTitle: r.work_title,
        state: r.state,
        publishedAt: r.published_at,
        commentCount: r.published,
        pendingCount: r.pending,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor('admin-reviews', [last.published_at, last.id]) : null,
    };
  }

  async setReviewState(id: string, state: ReviewState): Promise<boolean> {
    return this.#write(async (db) => {
      const changed =
        ((await db.query('UPDATE reviews SET state = $2, version = version + 1 WHERE id = $1', [id, state])).rowCount ??
          0) > 0;
      return { reviews: changed ? [id] : [], value: changed };
    });
  }

  async deleteReview(id: string): Promise<{ deleted: boolean; comments: number }> {
    return this.#write(async (db) => {
      const comments = (await db.query('DELETE FROM comments WHERE review_id = $1', [id])).rowCount ?? 0;
      const deleted = ((await db.query('DELETE FROM reviews WHERE id = $1', [id])).rowCount ?? 0) > 0;
      return { reviews: [id], value: { deleted, comments } };
    });
  }

  async queue({
    status,
    reviewId,
    cursor,
    limit,
  }: {
    status: QueueStatus;
    reviewId?: string;
    cursor?: string;
    limit: number;
  }): Promise<Page<QueueItem>> {
    const kind = `queue-${status}-${reviewId ?? ''}`;
    const after = decodeCursor(kind, cursor, ['number', 'number']);
    const params: unknown[] = [limit + 1];
    const reviewClause = reviewId ? `WHERE c.review_id = $${params.push(reviewId)}` : '';
    const afterClause = after
      ? `AND (reports < $${params.push(after[0])} OR (reports = $${params.length} AND seq < $${params.push(after[1])}))`
      : '';
    const { rows } = await this.#pool.query<
      CommentRow & { reports: number; reasons: string | null; review_title: string }
    >(
      `WITH q AS (
         SELECT c.*, (r.document::jsonb)->>'title' AS review_title,
           (SELECT count(*)::int FROM comment_reports p WHERE p.comment_id = c.id AND p.resolved_at IS NULL) AS reports,
           (SELECT string_agg(DISTINCT p.reason, ',') FROM comment_reports p WHERE p.comment_id = c.id AND p.resolved_at IS NULL) AS reasons
         FROM comments c JOIN reviews r ON r.id = c.review_id ${reviewClause})
       SELECT * FROM q c WHERE ${QUEUE_WHERE[status]} ${afterClause}
       ORDER BY reports DESC, seq DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        record: toRecord(row),
        reports: row.reports,
        reasons: (row.reasons ? row.reasons.split(',') : []) as ReportReason[],
        reviewTitle: row.review_title,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(kind, [last.reports, last.seq]) : null,
    };
  }

  async moderate(id: string, action: ModerationAction): Promise<CommentRecord | 'purged' | undefined> {
    const { rows } = await this.#pool.query<{ review_id: string; root_id: string }>(
      'SELECT review_id, root_id FROM comments WHERE id = $1',
      [id],
    );
    if (!rows[0]) return undefined;
    const { review_id: reviewId, root_id: rootId } = rows[0];
    return this.#write<CommentRecord | 'purged' | undefined>(async (db) => {
      if (action === 'purge') {
        // The comment and every reply under it: nothing of it stays, not even "[deleted]".
        await db.query(
          `WITH RECURSIVE sub(id) AS (SELECT $1::text UNION ALL SELECT c.id FROM comments c JOIN sub ON c.parent_id = sub.id)
           DELETE FROM comments WHERE id IN (SELECT id FROM sub)`,
          [id],
        );
        if (rootId !== id) await rescore(db, rootId);
        return { reviews: [reviewId], value: 'purged' };
      }
      const set = {
        approve: "status = 'published', spam = 0",
        reject: "status = 'rejected', spam = 0",
        spam: "status = 'rejected', spam = 1",
        delete: `status = 'deleted', ${DELETED_WIPE}`,
      }[action];
      await db.query('UPDATE comment_reports SET resolved_at = $2 WHERE comment_id = $1 AND resolved_at IS NULL', [
        id,
        new Date().toISOString(),
      ]);
      const updated = await db.query<CommentRow>(`UPDATE comments SET ${set} WHERE id = $1 RETURNING *`, [id]);
      // Gone between the look-up and this transaction (purged elsewhere): as if it never was.
      if (!updated.rows[0]) return { reviews: [], value: undefined };
      await rescore(db, updated.rows[0].root_id);
      return { reviews: [reviewId], value: updated.rows[0] && toRecord(updated.rows[0]) };
    });
  }

  async report(
    input: { commentId: string; readerKey: string; reason: ReportReason; note: string | null; createdAt: string },
    hideAt: number,
  ): Promise<{ created: boolean; hidden: boolean }> {
    return this.#write<{ created: boolean; hidden: boolean }>(async (db) => {
      // Reports on one comment take turns (SQLite has one writer anyway): without the row lock two
      // readers reporting at once would each count only their own report, and neither would hide it.
      await db.query('SELECT 1 FROM comments WHERE id = $1 FOR UPDATE', [input.commentId]);
      const created =
        ((
          await db.query(
            `INSERT INTO comment_reports (comment_id, reader_key, reason, note, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (comment_id, reader_key) DO NOTHING`,
            [input.commentId, input.readerKey, input.reason, input.note, input.createdAt],
          )
        ).rowCount ?? 0) > 0;
      if (!created || hideAt <= 0) return { reviews: [], value: { created, hidden: false } };
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM comment_reports WHERE comment_id = $1 AND resolved_at IS NULL',
        [input.commentId],
      );
      if (rows[0].n < hideAt) return { reviews: [], value: { created, hidden: false } };
      const hidden = await db.query<{ review_id: string; root_id: string }>(
        "UPDATE comments SET status = 'pending' WHERE id = $1 AND status = 'published' RETURNING review_id, root_id",
        [input.commentId],
      );
      if (hidden.rows[0]) await rescore(db, hidden.rows[0].root_id);
      return { reviews: hidden.rows.map((r) => r.review_id), value: { created, hidden: hidden.rows.length > 0 } };
    });
  }

  async addBan(ban: Ban): Promise<void> {
    await this.#pool.query(
      'INSERT INTO bans (id, kind, value, reason, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [ban.id, ban.kind, ban.value, ban.reason, ban.createdAt, ban.expiresAt],
    );
  }

  async listBans(now: number): Promise<Ban[]> {
    const { rows } = await this.#pool.query<BanRow>(
      'SELECT * FROM bans WHERE expires_at IS NULL OR expires_at > $1 ORDER BY created_at DESC',
      [new Date(now).toISOString()],
    );
    return rows.map(toBan);
  }

  async removeBan(id: string): Promise<boolean> {
    return ((await this.#pool.query('DELETE FROM bans WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async findBan(poster: { emailHash: string | null; ip: string | null }, now: number): Promise<Ban | undefined> {
    const bans = await this.listBans(now);
    const ip = poster.ip ? plainIp(poster.ip) : null;
    const family = ip ? isIP(ip) : 0;
    return bans.find((ban) => {
      if (ban.kind === 'email') return ban.value === poster.emailHash;
      if (!ip || !family) return false;
      const [network, bits] = ban.value.split('/');
      if (isIP(network) !== family) return false;
      const list = new BlockList();
      list.addSubnet(network, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
      return list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
    });
  }

  async createSession(idHash: string, session: AdminSession, now: number): Promise<void> {
    await this.#pool.query('DELETE FROM admin_sessions WHERE expires_at <= $1', [now]);
    await this.#pool.query(
      'INSERT INTO admin_sessions (id_hash, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [idHash, session.csrfToken, now, session.expiresAt],
    );
  }

  async getSession(idHash: string, now: number): Promise<AdminSession | undefined> {
    const { rows } = await this.#pool.query<{ csrf_token: string; expires_at: number }>(
      'SELECT csrf_token, expires_at FROM admin_sessions WHERE id_hash = $1 AND expires_at > $2',
      [idHash, now],
    );
    return rows[0] && { csrfToken: rows[0].csrf_token, expiresAt: rows[0].expires_at };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#pool.query('DELETE FROM admin_sessions WHERE id_hash = $1', [idHash]);
  }

  async settings(): Promise<Record<string, string>> {
    const { rows } = await this.#pool.query<{ key: string; value: string }>(
      'SELECT key, value FROM settings ORDER BY key',
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.#pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async exportAll(now: number): Promise<ExportData> {
    const db = await this.#pool.connect();
    try {
      // One snapshot: the export is one consistent moment even while posts arrive.
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const reviews = (
        await db.query<{ id: string; state: ReviewState; document: string }>(
          'SELECT id, state, document FROM reviews ORDER BY published_at, id',
        )
      ).rows.map((r) => ({ id: r.id, state: r.state, document: JSON.parse(r.document) as unknown }));
      const comments = (await db.query<CommentRow>('SELECT * FROM comments ORDER BY seq')).rows.map((row) => {
        const record = toRecord(row);
        return { ...record, spam: record.spam ?? false, clientIp: record.clientIp ?? null };
      });
      const reports = (
        await db.query<{
          comment_id: string;
          reader_key: string;
          reason: string;
          note: string | null;
          created_at: string;
          resolved_at: string | null;
        }>('SELECT comment_id, reader_key, reason, note, created_at, resolved_at FROM comment_reports ORDER BY seq')
      ).rows.map((r) => ({
        commentId: r.comment_id,
        readerKey: r.reader_key,
        reason: r.reason,
        note: r.note,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at,
      }));
      const bans = (await db.query<BanRow>('SELECT * FROM bans ORDER BY created_at')).rows.map(toBan);
      const settings = Object.fromEntries(
        (await db.query<{ key: string; value: string }>('SELECT key, value FROM settings ORDER BY key')).rows.map(
          (r) => [r.key, r.value],
        ),
      );
      await db.query('COMMIT');
      return {
        format: 'review-elements',
        version: 1,
        exportedAt: new Date(now).toISOString(),
        reviews,
        comments,
        reports,
        bans,
        settings,
      };
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  }

  async restore(data: ExportData): Promise<{ reviews: number; comments: number }> {
    return this.#write(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM comments) AS n',
      );
      if (rows[0].n > 0)
        throw new Error(
          'restore needs an empty database (start the server once with REVIEW_SEED=none, or use a new database)',
        );
      for (const r of data.reviews) {
        const doc = r.document as { publishedAt: string };
        await db.query('INSERT INTO reviews (id, document, published_at, state) VALUES ($1, $2, $3, $4)', [
          r.id,
          JSON.stringify(r.document),
          new Date(doc.publishedAt).toISOString(),
          r.state,
        ]);
      }
      // In export order (the original insertion order), so every parent is in before its replies.
      for (const c of data.comments) {
        await db.query(
          `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, author_email_hash, body, spoiler,
             status, created_at, edited_at, edit_token_hash, spam, client_ip)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [
            c.id,
            c.reviewId,
            c.parentId,
            c.rootId,
            c.depth,
            c.authorName,
            c.authorEmail,
            c.authorEmailHash ?? null,
            c.body,
            c.spoiler ? 1 : 0,
            c.status,
            c.createdAt,
            c.editedAt,
            c.editTokenHash,
            c.spam ? 1 : 0,
            c.clientIp,
          ],
        );
      }
      // sort=top reads a maintained score: recount it for every restored thread.
      for (const c of data.comments) if (c.parentId === null) await rescore(db, c.id);
      // Remembered as the importer remembers its sources: the same export imported again later
      // (npm run import into a database that has reviews) writes none of these twice.
      const now = new Date().toISOString();
      for (const c of data.comments) {
        await db.query(
          "INSERT INTO import_sources (format, source_id, comment_id, imported_at) VALUES ('review-elements', $1, $1, $2)",
          [c.id, now],
        );
      }
      for (const r of data.reports) {
        await db.query(
          'INSERT INTO comment_reports (comment_id, reader_key, reason, note, created_at, resolved_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [r.commentId, r.readerKey, r.reason, r.note, r.createdAt, r.resolvedAt],
        );
      }
      for (const b of data.bans)
        await db.query(
          'INSERT INTO bans (id, kind, value, reason, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [b.id, b.kind, b.value, b.reason, b.createdAt, b.expiresAt],
        );
      for (const [key, value] of Object.entries(data.settings))
        await db.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [key, value]);
      return {
        reviews: data.reviews.map((r) => r.id),
        value: { reviews: data.reviews.length, comments: data.comments.length },
      };
    });
  }
}
