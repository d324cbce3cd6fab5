/**
 * `npm run migrate-store -- --from sqlite:FILE --to postgres://… [--force]`: copies a SQLite
 * database into PostgreSQL, every table both schemas have (reviews, comments with their ids,
 * parents, statuses and times, idempotency keys still valid, and whatever later migrations add),
 * in one transaction, then verifies each table by row count and an order-independent checksum.
 * Refuses a target that already holds data unless --force (which empties it first).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { createPool, describeUrl, migrate, withStartupLock } from './store/postgres/pool.js';
import { SqliteStore } from './store/sqlite.js';

/** Idempotency keys older than this are not worth copying: the server would delete them anyway. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Tables of the schema machinery or of one process's life, not data to move. */
const SKIP = new Set(['schema_version', 'rate_limits', 'review_events', 'review_events_pruned']);

type Row = Record<string, unknown>;
interface PgColumn {
  name: string;
  type: string;
  identity: string | null;
}

function fail(message: string): never {
  console.error(`migrate-store: ${message}`);
  process.exit(1);
}

/** The SQLite tables, parents before the tables whose foreign keys point at them. */
function tablesInOrder(db: Database.Database): string[] {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  )
    .map((t) => t.name)
    .filter((t) => !SKIP.has(t));
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const fk of db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).all(name) as { table: string }[]) {
      if (fk.table !== name) visit(fk.table, [...path, name]);
    }
    ordered.push(name);
  };
  for (const name of names.sort()) visit(name, []);
  return ordered;
}

/** One value as both databases agree to write it down, for the checksum. */
function canonical(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value === true || value === 1 ? 1 : 0;
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function checksum(rows: Row[], columns: PgColumn[]): string {
  const lines = rows.map((row) =>
    createHash('sha256')
      .update(JSON.stringify(columns.map((c) => canonical(row[c.name], c.type))))
      .digest('base64'),
  );
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16);
}

async function pgColumns(db: pg.PoolClient, table: string): Promise<PgColumn[]> {
  const { rows } = await db.query<{ name: string; type: string; identity: string | null }>(
    `SELECT column_name AS name, data_type AS type, identity_generation AS identity
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (!values.from?.startsWith('sqlite:') || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    fail('usage: npm run migrate-store -- --from sqlite:FILE --to postgres://user@host:5432/database [--force]');
  }
  const file = values.from.slice('sqlite:'.length);
  if (!existsSync(file)) fail(`no SQLite file at ${file}`);
  // Bring the source to the current schema first (what the server does on start), then read it.
  await new SqliteStore(file).close();
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const pool = createPool(values.to, 2);
  try {
    await withStartupLock(pool, async (db) => {
      await migrate(db);
      const tables = tablesInOrder(source);
      const columns = new Map<string, PgColumn[]>();
      for (const table of tables) {
        const target = await pgColumns(db, table);
        if (!target.length)
          fail(
            `table ${table} exists in SQLite but not in PostgreSQL: add its migration to server/store/postgres/migrations.ts`,
          );
        const sqliteColumns = (
          source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
        ).map((c) => c.name);
        const missing = sqliteColumns.filter((c) => !target.some((t) => t.name === c));
        if (missing.length) fail(`PostgreSQL's ${table} has no column ${missing.join(', ')}`);
        columns.set(
          table,
          target.filter((t) => sqliteColumns.includes(t.name)),
        );
      }
      const held = [];
      for (const table of tables) if ((await db.query(`SELECT 1 FROM "${table}" LIMIT 1`)).rowCount) held.push(table);
      if (held.length && !values.force)
        fail(`${describeUrl(values.to!)} already holds data (${held.join(', ')}); pass --force to replace it`);

      await db.query('BEGIN');
      if (held.length) await db.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
      const report: string[] = [];
      for (const table of tables) {
        const cols = columns.get(table)!;
        const where = table === 'idempotency_keys' ? `WHERE created_at >= ${Date.now() - IDEMPOTENCY_TTL_MS}` : '';
        // rowid order: a comment's parent was written before it, so it is copied before it too.
        const rows = source
          .prepare(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${table}" ${where} ORDER BY rowid`)
          .all() as Row[];
        const overriding = cols.some((c) => c.identity === 'ALWAYS') ? 'OVERRIDING SYSTEM VALUE' : '';
        const perBatch = Math.max(1, Math.floor(30_000 / cols.length));
        for (let start = 0; start < rows.length; start += perBatch) {
          const batch = rows.slice(start, start + perBatch);
          const params: unknown[] = [];
          const tuples = batch.map(
            (row) =>
              `(${cols.map((c) => `$${params.push(c.type === 'boolean' ? canonical(row[c.name], 'boolean') === 1 : row[c.name])}`).join(', ')})`,
          );
          await db.query(
            `INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) ${overriding} VALUES ${tuples.join(', ')}`,
            params,
          );
        }
        // Identity columns carry on after the highest copied value.
        for (const c of cols.filter((c) => c.identity)) {
          await db.query(
            `SELECT setval(pg_get_serial_sequence($1, $2), greatest((SELECT max("${c.name}") FROM "${table}"), 1))`,
            [`"${table}"`, c.name],
          );
        }
        const copied = (await db.query<Row>(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${table}"`))
          .rows;
        const [from, to] = [checksum(rows, cols), checksum(copied, cols)];
        if (copied.length !== rows.length || from !== to) {
          await db.query('ROLLBACK');
          fail(
            `${table}: ${rows.length} rows (checksum ${from}) in SQLite but ${copied.length} (checksum ${to}) in PostgreSQL; nothing was copied`,
          );
        }
        report.push(`${table}: ${rows.length} rows, checksum ${from} on both sides`);
      }
      await db.query('COMMIT');
      console.log(`migrate-store: copied ${file} to ${describeUrl(values.to!)}\n  ${report.join('\n  ')}`);
    });
  } finally {
    source.close();
    await pool.end();
  }
}

await main();
