import type pg from 'pg';
import type { ImportedRecord } from '../store.js';
import { rescore } from './queries.js';

/** Comment ids of earlier imports of these source ids, by source id. */
export async function importedIds(
  db: Pick<pg.Pool, 'query'>,
  format: string,
  sourceIds: string[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ source_id: string; comment_id: string }>(
    'SELECT source_id, comment_id FROM import_sources WHERE format = $1 AND source_id = ANY($2)',
    [format, sourceIds],
  );
  return new Map(rows.map((r) => [r.source_id, r.comment_id]));
}

/**
 * SqliteStore#importComments for PostgreSQL, inside the caller's transaction: a transaction-scoped
 * advisory lock per format plays the part of SQLite's BEGIN IMMEDIATE, so two imports of one file
 * at once (the CLI and an upload, on any process) cannot both find a source id new.
 * Returns how many were written and the reviews they went to.
 */
export async function importComments(
  db: pg.PoolClient,
  format: string,
  records: ImportedRecord[],
): Promise<{ written: number; reviews: Set<string> }> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${format}`]);
  const known = await importedIds(
    db,
    format,
    records.map((r) => r.sourceId),
  );
  const fresh = records.filter((r) => !known.has(r.sourceId));
  const now = new Date().toISOString();
  // In slices, parents first (the records come in that order): 10 parameters a row.
  for (let i = 0; i < fresh.length; i += 1000) {
    const slice = fresh.slice(i, i + 1000);
    const params: unknown[] = [];
    const rows = slice.map((r) => {
      const at =
        params.push(
          r.id,
          r.reviewId,
          r.parentId,
          r.rootId,
          r.depth,
          r.authorName,
          r.authorEmailHash,
          r.body,
          r.status,
          r.createdAt,
        ) - 9;
      return `($${at}, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, NULL, $${at + 6}, $${at + 7}, 0, $${at + 8}, $${at + 9}, '')`;
    });
    await db.query(
      `INSERT INTO comments (id, review_id, parent_id, root_id, depth, author_name, author_email, author_email_hash, body,
         spoiler, status, created_at, edit_token_hash) VALUES ${rows.join(', ')}`,
      params,
    );
    const sources: unknown[] = [];
    const marks = slice.map((r) => {
      const at = sources.push(format, r.sourceId, r.id, now) - 3;
      return `($${at}, $${at + 1}, $${at + 2}, $${at + 3})`;
    });
    await db.query(
      `INSERT INTO import_sources (format, source_id, comment_id, imported_at) VALUES ${marks.join(', ')}`,
      sources,
    );
  }
  // sort=top reads a maintained score: imported replies count as posted ones do.
  for (const root of new Set(fresh.filter((r) => r.rootId !== r.id).map((r) => r.rootId))) await rescore(db, root);
  return { written: fresh.length, reviews: new Set(fresh.map((r) => r.reviewId)) };
}
