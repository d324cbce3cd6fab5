import type { Config } from '../config.js';
import { MemoryFeed, type LiveFeed } from '../live/feed.js';
import { withLiveEvents } from '../live/emit.js';
import { RateLimiter, memoryLimiters, type LimiterFactory, type WriteLimiter } from '../rate-limit.js';
import { seedDemo } from '../seed.js';
import { PgListener } from './postgres/listener.js';
import { PgFeed } from './postgres/live.js';
import { createPool, describeUrl, migrate, withStartupLock } from './postgres/pool.js';
import { PgRateLimiter } from './postgres/rate-limit.js';
import { PostgresStore } from './postgres/store.js';
import { SqliteStore } from './sqlite.js';
import type { ReviewStore } from './store.js';

/** Everything that depends on where the data lives, chosen once from the configuration. */
export interface Backend {
  /** The store, announcing its changes to `feed`. */
  store: ReviewStore;
  limiter: WriteLimiter;
  /** Wrong tokens, sign-ins, reports: in memory for SQLite, in the database on PostgreSQL. */
  limits: LimiterFactory;
  feed: LiveFeed;
  /** For the start-up log line (no password). */
  description: string;
  /** What the demo seed added, if anything. */
  seeded: string[];
  close(): Promise<void>;
}

/**
 * SQLite (one process: limits and live events in memory) unless DATABASE_URL names PostgreSQL
 * (any number of processes: limits, idempotency keys and the event log in the database, caches
 * and live events shared through LISTEN/NOTIFY).
 */
export async function openBackend(config: Config, dbFile: string, root: string): Promise<Backend> {
  if (!config.databaseUrl) {
    const store = new SqliteStore(dbFile, { durability: config.durability });
    const feed = new MemoryFeed();
    const seeded = config.seed === 'demo' ? await seedDemo(store, root) : [];
    return {
      store: withLiveEvents(store, feed),
      limiter: new RateLimiter(config.writeRateLimit),
      limits: memoryLimiters,
      feed,
      description: `database ${dbFile}`,
      seeded,
      close: () => store.close(),
    };
  }
  // REVIEW_DURABILITY=normal: commits do not wait for the WAL flush (SQLite's synchronous=NORMAL).
  const pool = createPool(config.databaseUrl, 10, config.durability === 'normal');
  const ephemeral = createPool(config.databaseUrl, 4, true);
  const listener = new PgListener(config.databaseUrl);
  const store = new PostgresStore(pool, listener);
  const feed = new PgFeed(ephemeral, listener);
  try {
    // Every process starting at once waits here; the first migrates and seeds, the rest find it done.
    const seeded = await withStartupLock(pool, async (client) => {
      await migrate(client);
      return config.seed === 'demo' ? seedDemo(store, root) : [];
    });
    await listener.start();
    return {
      store: withLiveEvents(store, feed),
      limiter: new PgRateLimiter(ephemeral, config.writeRateLimit),
      limits: (name, limit, windowMs) => new PgRateLimiter(ephemeral, limit, windowMs, name),
      feed,
      description: `database ${describeUrl(config.databaseUrl)}`,
      seeded,
      close: async () => {
        await feed.close();
        await listener.close();
        await Promise.all([pool.end(), ephemeral.end()]);
      },
    };
  } catch (error) {
    await listener.close();
    await Promise.all([pool.end(), ephemeral.end()]);
    throw error;
  }
}

/**
 * The PostgreSQL store for a command-line tool (the import CLI): migrated like the server's, with
 * no listener (so nothing is cached) and no live events; the servers' caches hear of its writes
 * through NOTIFY all the same.
 */
export async function openPostgresStore(url: string): Promise<{ store: ReviewStore; close: () => Promise<void> }> {
  const pool = createPool(url, 4);
  try {
    await withStartupLock(pool, (client) => migrate(client));
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { store: new PostgresStore(pool, new PgListener(url)), close: () => pool.end() };
}
