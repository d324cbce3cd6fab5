import type pg from 'pg';
import type { Comment, Page } from '../../../src/api/types.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { publicComment } from '../sqlite.js';
import type { CommentRecord, ListCommentsOptions, StoredStatus } from '../store.js';

/** A comments row as PostgreSQL returns it (BIGINT parsed to number, see pool.ts). */
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
}

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
});

type Queryable = Pick<pg.Pool, 'query'>;

export async function publishedCount(db: Queryable, reviewId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE review_id = $1 AND status = 'published'", [reviewId]);
  return rows[0].n;
}

/** The same listing as SqliteStore#listComments, in PostgreSQL's dialect. */
export async function listComments(db: Queryable, reviewId: string, options: ListCommentsOptions): Promise<Page<Comment> & { total: number }> {
  const { sort, limit } = options;
  // A top-level comment is listed while it is published, or deleted with replies still showing.
  const visible = `(c.status = 'published' OR (c.status = 'deleted' AND EXISTS (
    SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.id <> c.id AND r.status = 'published')))`;
  const params: unknown[] = [reviewId, limit + 1];
  const parentClause = options.parentId ? `c.parent_id = $${params.push(options.parentId)}` : 'c.parent_id IS NULL';
  let rows: (CommentRow & { score?: number })[];
  let nextKey: (row: CommentRow & { score?: number }) => (string | number)[];
  if (sort === 'top') {
    const after = decodeCursor('top', options.cursor, ['number', 'number']);
    const where = after ? `WHERE score < $${params.push(after[0])} OR (score = $${params.length} AND seq > $${params.push(after[1])})` : '';
    ({ rows } = await db.query(
      `WITH ranked AS (
         SELECT c.*, (SELECT count(*)::int FROM comments r WHERE r.root_id = c.id AND r.id <> c.id AND r.status = 'published') AS score
         FROM comments c WHERE c.review_id = $1 AND ${parentClause} AND ${visible})
       SELECT * FROM ranked ${where} ORDER BY score DESC, seq ASC LIMIT $2`,
      params,
    ));
    nextKey = (row) => [row.score ?? 0, row.seq];
  } else {
    const after = decodeCursor(sort, options.cursor, ['number']);
    const op = sort === 'oldest' ? '>' : '<';
    ({ rows } = await db.query(
      `SELECT c.* FROM comments c WHERE c.review_id = $1 AND ${parentClause} AND ${visible}
       ${after ? `AND c.seq ${op} $${params.push(after[0])}` : ''}
       ORDER BY c.seq ${sort === 'oldest' ? 'ASC' : 'DESC'} LIMIT $2`,
      params,
    ));
    nextKey = (row) => [row.seq];
  }
  const page = rows.slice(0, limit);
  const items = await withReplies(db, page);
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(sort, nextKey(last)) : null,
    total: await publishedCount(db, reviewId),
  };
}

/** Each comment with its whole visible subtree, oldest reply first; counts are of published replies. */
async function withReplies(db: Queryable, roots: CommentRow[]): Promise<Comment[]> {
  if (!roots.length) return [];
  const threadIds = [...new Set(roots.map((r) => r.root_id))];
  const { rows } = await db.query<CommentRow>(
    `SELECT * FROM comments WHERE root_id = ANY($1) AND status IN ('published', 'deleted') ORDER BY seq ASC`,
    [threadIds],
  );
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
    if (row.status === 'deleted' && published === 0) return undefined;
    return { comment: publicComment(toRecord(row), built.map((b) => b.comment), published), published };
  };
  return roots.map((root) => build(root)?.comment).filter((c): c is Comment => c !== undefined);
}
