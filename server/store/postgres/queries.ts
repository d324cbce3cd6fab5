import type pg from 'pg';
import type { Comment, Page } from '../../../src/api/types.js';
import { PAGE_BUDGET_BYTES, REPLIES_PER_COMMENT, buildTree, wireBytes, type SubtreeNode } from '../comment-tree.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { toRecord, type CommentRow } from '../comment-row.js';
export { toRecord, type CommentRow };
import type { CommentRecord, ListCommentsOptions, StoredStatus } from '../store.js';

/** A comments row as PostgreSQL returns it (BIGINT parsed to number, see pool.ts). */

type Queryable = Pick<pg.Pool, 'query'>;

/** Published comments a reader can reach: not those under a rejected or pending comment. */
export async function publishedCount(db: Queryable, reviewId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH RECURSIVE hidden(id, status) AS (
       SELECT id, status FROM comments WHERE review_id = $1 AND status IN ('rejected', 'pending')
       UNION
       SELECT c.id, c.status FROM hidden h JOIN comments c ON c.review_id = $1 AND c.parent_id = h.id)
     SELECT (SELECT count(*)::int FROM comments WHERE review_id = $1 AND status = 'published')
          - (SELECT count(*)::int FROM hidden WHERE status = 'published') AS n`,
    [reviewId],
  );
  return rows[0].n;
}

/** Is this comment on this review, and it and every comment above it published or deleted? */
export async function reachable(db: Queryable, reviewId: string, id: string): Promise<boolean> {
  for (let current: string | null = id, hops = 0; current && hops < 50; hops++) {
    const found: pg.QueryResult<{ review_id: string; parent_id: string | null; status: StoredStatus }> = await db.query(
      'SELECT review_id, parent_id, status FROM comments WHERE id = $1',
      [current],
    );
    const row: { review_id: string; parent_id: string | null; status: StoredStatus } | undefined = found.rows[0];
    if (!row || row.review_id !== reviewId || (row.status !== 'published' && row.status !== 'deleted')) return false;
    current = row.parent_id;
  }
  return true;
}

/** The score sort=top orders by: published replies in the thread. Kept on every write to it. */
export async function rescore(db: Queryable, rootId: string): Promise<void> {
  await db.query(
    `UPDATE comments SET score = (SELECT count(*) FROM comments r WHERE r.root_id = $1 AND r.status = 'published' AND r.id <> $1)
     WHERE id = $1`,
    [rootId],
  );
}

/** SqliteStore#listComments in PostgreSQL's dialect: the same page, byte budget and reply cap. */
export async function listComments(
  db: Queryable,
  reviewId: string,
  options: ListCommentsOptions,
): Promise<{ page: Page<Comment> & { total: number }; bytes: number }> {
  const { sort, limit } = options;
  const visible = `(c.status = 'published' OR (c.status = 'deleted' AND EXISTS (
    SELECT 1 FROM comments r WHERE r.review_id = c.review_id AND r.parent_id = c.id AND r.status IN ('published', 'deleted'))))`;
  const params: unknown[] = [reviewId, limit + 1];
  const parentClause = options.parentId ? `c.parent_id = $${params.push(options.parentId)}` : 'c.parent_id IS NULL';
  let rows: CommentRow[];
  let nextKey: (row: CommentRow) => (string | number)[];
  if (sort === 'top') {
    const after = decodeCursor('top', options.cursor, ['number', 'number']);
    const where = after
      ? `AND (c.score < $${params.push(after[0])} OR (c.score = $${params.length} AND c.seq > $${params.push(after[1])}))`
      : '';
    ({ rows } = await db.query<CommentRow>(
      `SELECT c.* FROM comments c WHERE c.review_id = $1 AND ${parentClause} AND ${visible} ${where}
       ORDER BY c.score DESC, c.seq ASC LIMIT $2`,
      params,
    ));
    nextKey = (row) => [row.score ?? 0, row.seq];
  } else {
    const after = decodeCursor(sort, options.cursor, ['number']);
    const op = sort === 'oldest' ? '>' : '<';
    ({ rows } = await db.query<CommentRow>(
      `SELECT c.* FROM comments c WHERE c.review_id = $1 AND ${parentClause} AND ${visible}
       ${after ? `AND c.seq ${op} $${params.push(after[0])}` : ''}
       ORDER BY c.seq ${sort === 'oldest' ? 'ASC' : 'DESC'} LIMIT $2`,
      params,
    ));
    nextKey = (row) => [row.seq];
  }
  let budget = PAGE_BUDGET_BYTES;
  const items: Comment[] = [];
  let lastShown: CommentRow | undefined;
  let cut = rows.length > limit;
  const shown = rows.slice(0, limit);
  const subtrees = await subtreesOf(
    db,
    reviewId,
    shown.map((r) => r.id),
  );
  // The replies each comment may show, fetched for the whole page at once.
  const wantedBy = new Map(
    shown.map((r) => [
      r.id,
      subtrees
        .get(r.id)!
        .map((n) => n.seq)
        .sort((x, y) => x - y)
        .slice(0, REPLIES_PER_COMMENT),
    ]),
  );
  const replies = prefetch(db, [...wantedBy.values()].flat());
  for (const row of shown) {
    const record = { ...toRecord(row), seq: row.seq };
    const size = wireBytes(record);
    if (items.length && size > budget) {
      cut = true;
      break;
    }
    budget -= size;
    const included = new Map<string, CommentRecord & { seq: number }>();
    for (const seq of wantedBy.get(row.id)!) {
      const r = await replies(seq);
      if (!r) continue;
      const bytes = wireBytes(r);
      if (bytes > budget) break;
      budget -= bytes;
      included.set(r.id, r);
    }
    const comment = buildTree(record, subtrees.get(row.id)!, included, (seq) => encodeCursor('oldest', [seq]));
    if (comment) items.push(comment);
    lastShown = row;
  }
  return {
    page: {
      items,
      nextCursor: cut && lastShown ? encodeCursor(sort, nextKey(lastShown)) : null,
      total: await publishedCount(db, reviewId),
    },
    bytes: PAGE_BUDGET_BYTES - budget + 1024,
  };
}

/** Every reply that can show under each of these comments, without text, by top comment. */
async function subtreesOf(db: Queryable, reviewId: string, ids: string[]): Promise<Map<string, SubtreeNode[]>> {
  const byTop = new Map<string, SubtreeNode[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byTop;
  const { rows } = await db.query<SubtreeNode & { top: string }>(
    `WITH RECURSIVE sub(top, id, parent_id, seq, status) AS (
       SELECT c.parent_id, c.id, c.parent_id, c.seq, c.status FROM comments c
       WHERE c.review_id = $1 AND c.parent_id = ANY($2) AND c.status IN ('published', 'deleted')
       UNION ALL
       SELECT sub.top, c.id, c.parent_id, c.seq, c.status FROM sub JOIN comments c
         ON c.review_id = $1 AND c.parent_id = sub.id AND c.status IN ('published', 'deleted'))
     SELECT top, id, parent_id AS "parentId", seq, status FROM sub`,
    [reviewId, ids],
  );
  for (const { top, ...node } of rows) byTop.get(top)!.push(node);
  return byTop;
}

/**
 * Whole rows (with their text) by seq, for seqs asked in this order: read 64 at a time, as the
 * page's byte budget reaches them (SqliteStore#prefetch), so a page never reads far past its end.
 */
function prefetch(
  db: Queryable,
  order: number[],
): (seq: number) => Promise<(CommentRecord & { seq: number }) | undefined> {
  const rows = new Map<number, CommentRecord & { seq: number }>();
  let next = 0;
  return async (seq) => {
    while (!rows.has(seq) && next < order.length) {
      const batch = order.slice(next, next + 64);
      next += batch.length;
      const found = await db.query<CommentRow>('SELECT * FROM comments WHERE seq = ANY($1)', [batch]);
      for (const row of found.rows) rows.set(row.seq, { ...toRecord(row), seq: row.seq });
    }
    return rows.get(seq);
  };
}
