import type Database from 'better-sqlite3';
import { BlockList, isIP } from 'node:net';
import type { Page } from '../../src/api/types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
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
} from './desk.js';
import { DELETED_WIPE, toRecord, type CommentRow } from './sqlite.js';
import type { CommentRecord } from './store.js';

/** `::ffff:203.0.113.5` (an IPv4 client on a dual-stack socket) is matched as `203.0.113.5`. */
export function plainIp(ip: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip;
}

const QUEUE_WHERE: Record<QueueStatus, string> = {
  pending: "c.status = 'pending'",
  published: "c.status = 'published'",
  rejected: "c.status = 'rejected' AND c.spam = 0",
  spam: "c.status = 'rejected' AND c.spam = 1",
  reported: "c.status IN ('pending', 'published') AND reports > 0",
};

interface StoreHooks {
  /** Drop SqliteStore's caches for that review (its comments, and with `document` the document and state too). */
  touched(reviewId: string, document: boolean): void;
  /** Recount the sort=top score of a thread after a status change in it. */
  rescore(rootId: string): void;
}

/** The SQLite side of the owner's desk; every write tells SqliteStore through its hooks. */
export class SqliteDesk implements DeskStore {
  readonly #db: Database.Database;
  readonly #touched: StoreHooks['touched'];
  readonly #rescore: StoreHooks['rescore'];

  constructor(db: Database.Database, hooks: StoreHooks) {
    this.#db = db;
    this.#touched = hooks.touched;
    this.#rescore = hooks.rescore;
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
    const params: Record<string, unknown> = { limit: limit + 1 };
    if (state) {
      where.push('r.state = @state');
      params.state = state;
    }
    if (q?.trim()) {
      // LIKE with its wildcards escaped: the owner searches for the words as typed.
      where.push(
        "(json_extract(r.document, '$.title') LIKE @q ESCAPE '\\' OR json_extract(r.document, '$.work.title') LIKE @q ESCAPE '\\' OR r.id LIKE @q ESCAPE '\\')",
      );
      params.q = `%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    }
    if (after) {
      where.push('(r.published_at < @at OR (r.published_at = @at AND r.id > @id))');
      params.at = after[0];
      params.id = after[1];
    }
    const rows = this.#db
      .prepare(
        `SELECT r.id, r.state, r.published_at, json_extract(r.document, '$.title') AS title,
           json_extract(r.document, '$.work.title') AS work_title,
           (SELECT count(*) FROM comments c WHERE c.review_id = r.id AND c.status = 'published') AS published,
           (SELECT count(*) FROM comments c WHERE c.review_id = r.id AND c.status = 'pending') AS pending
         FROM reviews r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY r.published_at DESC, r.id ASC LIMIT @limit`,
      )
      .all(params) as {
      id: string;
      state: ReviewState;
      published_at: string;
      title: string;
      work_title: string;
      published: number;
      pending: number;
    }[];
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
    const changed =
      this.#db.prepare('UPDATE reviews SET state = ?, version = version + 1 WHERE id = ?').run(state, id).changes > 0;
    if (changed) this.#touched(id, true);
    return changed;
  }

  async deleteReview(id: string): Promise<{ deleted: boolean; comments: number }> {
    const result = this.#db.transaction(() => {
      const comments = this.#db.prepare('DELETE FROM comments WHERE review_id = ?').run(id).changes;
      const deleted = this.#db.prepare('DELETE FROM reviews WHERE id = ?').run(id).changes > 0;
      return { deleted, comments };
    })();
    this.#touched(id, true);
    return result;
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
    // Reported comments rise first; then newest first. The cursor is the last row's (reports, seq).
    const kind = `queue-${status}-${reviewId ?? ''}`;
    const after = decodeCursor(kind, cursor, ['number', 'number']);
    const rows = this.#db
      .prepare(
        `WITH q AS (
           SELECT c.*, json_extract(r.document, '$.title') AS review_title,
             (SELECT count(*) FROM comment_reports p WHERE p.comment_id = c.id AND p.resolved_at IS NULL) AS reports,
             (SELECT group_concat(DISTINCT p.reason) FROM comment_reports p WHERE p.comment_id = c.id AND p.resolved_at IS NULL) AS reasons
           FROM comments c JOIN reviews r ON r.id = c.review_id
           ${reviewId ? 'WHERE c.review_id = @review' : ''})
         SELECT * FROM q c WHERE ${QUEUE_WHERE[status]}
           ${after ? 'AND (reports < @reports OR (reports = @reports AND seq < @seq))' : ''}
         ORDER BY reports DESC, seq DESC LIMIT @limit`,
      )
      .all({ review: reviewId, reports: after?.[0], seq: after?.[1], limit: limit + 1 }) as (CommentRow & {
      reports: number;
      reasons: string | null;
      review_title: string;
    })[];
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
    const db = this.#db;
    const row = db.prepare('SELECT review_id, root_id FROM comments WHERE id = ?').get(id) as
      { review_id: string; root_id: string } | undefined;
    if (!row) return undefined;
    const result = db.transaction(() => {
      if (action === 'purge') {
        // The comment and every reply under it: nothing of it stays, not even "[deleted]".
        db.prepare(
          `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM comments c JOIN sub ON c.parent_id = sub.id)
           DELETE FROM comments WHERE id IN (SELECT id FROM sub)`,
        ).run(id);
        if (row.root_id !== id) this.#rescore(row.root_id);
        return 'purged' as const;
      }
      const set = {
        approve: "status = 'published', spam = 0",
        reject: "status = 'rejected', spam = 0",
        spam: "status = 'rejected', spam = 1",
        delete: `status = 'deleted', ${DELETED_WIPE}`,
      }[action];
      db.prepare(
        "UPDATE comment_reports SET resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE comment_id = ? AND resolved_at IS NULL",
      ).run(id);
      const record = toRecord(db.prepare(`UPDATE comments SET ${set} WHERE id = ? RETURNING *`).get(id) as CommentRow);
      this.#rescore(row.root_id);
      return record;
    })();
    this.#touched(row.review_id, false);
    return result;
  }

  async report(
    input: { commentId: string; readerKey: string; reason: ReportReason; note: string | null; createdAt: string },
    hideAt: number,
  ): Promise<{ created: boolean; hidden: boolean }> {
    const db = this.#db;
    const result = db.transaction(() => {
      const created =
        db
          .prepare(
            `INSERT INTO comment_reports (comment_id, reader_key, reason, note, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (comment_id, reader_key) DO NOTHING`,
          )
          .run(input.commentId, input.readerKey, input.reason, input.note, input.createdAt).changes > 0;
      if (!created || hideAt <= 0) return { created, hidden: false };
      const { n } = db
        .prepare('SELECT count(*) AS n FROM comment_reports WHERE comment_id = ? AND resolved_at IS NULL')
        .get(input.commentId) as { n: number };
      const hidden =
        n >= hideAt &&
        db.prepare("UPDATE comments SET status = 'pending' WHERE id = ? AND status = 'published'").run(input.commentId)
          .changes > 0;
      if (hidden)
        this.#rescore(
          (db.prepare('SELECT root_id FROM comments WHERE id = ?').get(input.commentId) as { root_id: string }).root_id,
        );
      return { created, hidden };
    })();
    if (result.hidden) {
      const { review_id } = db.prepare('SELECT review_id FROM comments WHERE id = ?').get(input.commentId) as {
        review_id: string;
      };
      this.#touched(review_id, false);
    }
    return result;
  }

  async addBan(ban: Ban): Promise<void> {
    this.#db
      .prepare(
        'INSERT INTO bans (id, kind, value, reason, created_at, expires_at) VALUES (@id, @kind, @value, @reason, @createdAt, @expiresAt)',
      )
      .run(ban);
  }

  async listBans(now: number): Promise<Ban[]> {
    const rows = this.#db
      .prepare('SELECT * FROM bans WHERE expires_at IS NULL OR expires_at > ? ORDER BY created_at DESC')
      .all(new Date(now).toISOString()) as {
      id: string;
      kind: Ban['kind'];
      value: string;
      reason: string | null;
      created_at: string;
      expires_at: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      value: r.value,
      reason: r.reason,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }));
  }

  async removeBan(id: string): Promise<boolean> {
    return this.#db.prepare('DELETE FROM bans WHERE id = ?').run(id).changes > 0;
  }

  async findBan(poster: { emailHash: string | null; ip: string | null }, now: number): Promise<Ban | undefined> {
    const bans = await this.listBans(now);
    const ip = poster.ip ? plainIp(poster.ip) : null;
    const family = ip ? isIP(ip) : 0;
    return bans.find((ban) => {
      if (ban.kind === 'email') return ban.value === poster.emailHash;
      if (!ip || !family) return false;
      const [network, bits] = ban.value.split('/');
      const netFamily = isIP(network);
      if (netFamily !== family) return false;
      const list = new BlockList();
      list.addSubnet(network, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
      return list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
    });
  }

  async createSession(idHash: string, session: AdminSession, now: number): Promise<void> {
    this.#db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?').run(now);
    this.#db
      .prepare('INSERT INTO admin_sessions (id_hash, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(idHash, session.csrfToken, now, session.expiresAt);
  }

  async getSession(idHash: string, now: number): Promise<AdminSession | undefined> {
    const row = this.#db
      .prepare('SELECT csrf_token, expires_at FROM admin_sessions WHERE id_hash = ? AND expires_at > ?')
      .get(idHash, now) as { csrf_token: string; expires_at: number } | undefined;
    return row && { csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?').run(idHash);
  }

  async settings(): Promise<Record<string, string>> {
    const rows = this.#db.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.#db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  async exportAll(now: number): Promise<ExportData> {
    const db = this.#db;
    // One read transaction: the export is one consistent moment even while posts arrive.
    return db.transaction(() => {
      const reviews = (
        db.prepare('SELECT id, state, document FROM reviews ORDER BY published_at, id').all() as {
          id: string;
          state: ReviewState;
          document: string;
        }[]
      ).map((r) => ({ id: r.id, state: r.state, document: JSON.parse(r.document) as unknown }));
      const comments = (db.prepare('SELECT * FROM comments ORDER BY seq').all() as CommentRow[]).map((row) => {
        const record = toRecord(row);
        return { ...record, spam: record.spam ?? false, clientIp: record.clientIp ?? null };
      });
      const reports = (
        db
          .prepare(
            'SELECT comment_id, reader_key, reason, note, created_at, resolved_at FROM comment_reports ORDER BY seq',
          )
          .all() as {
          comment_id: string;
          reader_key: string;
          reason: string;
          note: string | null;
          created_at: string;
          resolved_at: string | null;
        }[]
      ).map((r) => ({
        commentId: r.comment_id,
        readerKey: r.reader_key,
        reason: r.reason,
        note: r.note,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at,
      }));
      const bans = (
        db.prepare('SELECT * FROM bans ORDER BY created_at').all() as {
          id: string;
          kind: Ban['kind'];
          value: string;
          reason: string | null;
          created_at: string;
          expires_at: string | null;
        }[]
      ).map((r) => ({
        id: r.id,
        kind: r.kind,
        value: r.value,
        reason: r.reason,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      }));
      const settings = Object.fromEntries(
        (db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[]).map(
          (r) => [r.key, r.value],
        ),
      );
      return {
        format: 'review-elements' as const,
        version: 1 as const,
        exportedAt: new Date(now).toISOString(),
        reviews,
        comments,
        reports,
        bans,
        settings,
      };
    })();
  }

  async restore(data: ExportData): Promise<{ reviews: number; comments: number }> {
    const db = this.#db;
    const result = db.transaction(() => {
      const used = db.prepare('SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM comments) AS n').get() as {
        n: number;
      };
      if (used.n > 0)
        throw new Error(
          'restore needs an empty database (start the server once with REVIEW_SEED=none, or use a new REVIEW_DB)',
        );
      const review = db.prepare('INSERT INTO reviews (id, document, published_at, state) VALUES (?, ?, ?, ?)');
      for (const r of data.reviews) {
        const doc = r.document as { publishedAt: string };
        review.run(r.id, JSON.stringify(r.document), new Date(doc.publishedAt).toISOString(), r.state);
      }
      const comment = db.prepare(
        `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, author_email_hash, body, spoiler, status,
           created_at, edited_at, edit_token_hash, spam, client_ip)
         VALUES (@id, @reviewId, @parentId, @rootId, @depth, @authorName, @authorEmail, @authorEmailHash, @body, @spoiler, @status,
           @createdAt, @editedAt, @editTokenHash, @spam, @clientIp)`,
      );
      // In export order (the original insertion order), so every parent is in before its replies.
      for (const c of data.comments)
        comment.run({
          ...c,
          authorEmailHash: c.authorEmailHash ?? null,
          spoiler: c.spoiler ? 1 : 0,
          spam: c.spam ? 1 : 0,
        });
      // sort=top reads a maintained score: recount it for every restored thread.
      for (const c of data.comments) if (c.parentId === null) this.#rescore(c.id);
      // Remembered as the importer remembers its sources: the same export imported again later
      // (npm run import into a database that has reviews) writes none of these twice.
      const source = db.prepare(
        "INSERT INTO import_sources (format, source_id, comment_id, imported_at) VALUES ('review-elements', ?, ?, ?)",
      );
      const now = new Date().toISOString();
      for (const c of data.comments) source.run(c.id, c.id, now);
      const report = db.prepare(
        'INSERT INTO comment_reports (comment_id, reader_key, reason, note, created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const r of data.reports) report.run(r.commentId, r.readerKey, r.reason, r.note, r.createdAt, r.resolvedAt);
      for (const b of data.bans)
        db.prepare(
          'INSERT INTO bans (id, kind, value, reason, created_at, expires_at) VALUES (@id, @kind, @value, @reason, @createdAt, @expiresAt)',
        ).run(b);
      for (const [key, value] of Object.entries(data.settings))
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);
      return { reviews: data.reviews.length, comments: data.comments.length };
    })();
    for (const r of data.reviews) this.#touched(r.id, true);
    return result;
  }
}
