import pg from 'pg';
import { PG_MIGRATIONS } from './migrations.js';

/**
 * BIGINT (comment seq, millisecond times, counts) as a JS number, not node-postgres' default
 * string: every value here stays far below 2^53.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * `ephemeral`: for writes that may be lost in a crash (rate-limit counters, the live-event log):
 * commits without waiting for the WAL flush, so they cost no fsync. Comments and idempotency keys
 * go through such a pool only with REVIEW_DURABILITY=normal; by default an acknowledged comment
 * is on disk.
 */
export function createPool(url: string, max = 10, ephemeral = false): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    idleTimeoutMillis: 30_000,
    application_name: 'review-server',
    ...(ephemeral ? { options: '-c synchronous_commit=off' } : {}),
  });
  // An idle client that loses its connection (a database restart) must not crash the process;
  // the pool replaces it and the next query reports the error to its request.
  pool.on('error', (error) => console.error('review-server: postgres pool:', error.message));
  return pool;
}

export function clientConfig(url: string): pg.ClientConfig {
  return { connectionString: url, types, application_name: 'review-server' };
}

/** One lock id for "changing the schema or seeding": any 64-bit number no other app uses. */
const STARTUP_LOCK = 0x7265_7669_6577; // "review"

/**
 * Runs `work` while holding the startup advisory lock, on one connection. Several processes
 * starting together queue here: the first migrates (and seeds), the others then find nothing left
 * to do. A session lock (not a transaction lock) so each migration can commit on its own; it is
 * released by the unlock, or by PostgreSQL when the connection drops mid-way.
 */
export async function withStartupLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Applies the migrations not yet applied, each in its own transaction. Call under the lock. */
export async function migrate(client: pg.PoolClient): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
  let version = rows[0]?.version ?? 0;
  if (!rows.length) await client.query('INSERT INTO schema_version (version) VALUES (0)');
  const from = version;
  for (; version < PG_MIGRATIONS.length; version++) {
    await client.query('BEGIN');
    try {
      await client.query(PG_MIGRATIONS[version]);
      await client.query('UPDATE schema_version SET version = $1', [version + 1]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return version - from;
}

/** The URL without its password, for logs. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}
