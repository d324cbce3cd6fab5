/**
 * For the import tests: a real server process on a temporary SQLite file with two reviews, the
 * import CLI spawned as a process against the same file (`npm run import` runs this same file),
 * and the threads read back through the public API as a compact tree.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, startServer, type Server } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/import/', import.meta.url));
export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export const REVIEWS = [
  { id: 'kingdom', url: 'https://doramas.example/reviews/kingdom/' },
  { id: 'parasite', url: 'https://doramas.example/reviews/parasite/' },
];

export interface World {
  server: Server;
  /** The server keeps counts and pages in memory: after a CLI import it is started again. */
  restart: () => Promise<void>;
  cli: (
    args: string[],
    env?: Record<string, string>,
  ) => Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** The review's whole thread, oldest first, as the API gives it. */
  tree: (reviewId: string) => Promise<unknown[]>;
  stop: () => Promise<void>;
}

const ENV = { REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_SEED: 'none' };

export async function startWorld(reviews = REVIEWS): Promise<World> {
  let server = await startServer(ENV);
  for (const { id, url } of reviews) {
    const res = await server.request(`/v1/reviews/${id}`, {
      method: 'PUT',
      headers: admin,
      json: {
        id,
        url,
        lang: 'en',
        title: id,
        publishedAt: '2019-01-01T00:00:00Z',
        work: { title: id, type: 'series' },
        comments: { open: true },
      },
    });
    if (res.status !== 201) throw new Error(`PUT ${id}: ${res.status}`);
  }
  const { dir, db } = server;
  const world: World = {
    get server() {
      return server;
    },
    async restart() {
      await server.stop();
      server = await startServer(ENV, { dir, db });
    },
    cli: (args, env = {}) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/import/cli.ts', ...args], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            REVIEW_DB: db,
            ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}),
            TZ: 'Asia/Seoul',
            ...env,
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      }),
    async tree(reviewId) {
      const res = await server.request(`/v1/reviews/${reviewId}/comments?sort=oldest&limit=100`);
      if (res.status !== 200) throw new Error(`comments of ${reviewId}: ${res.status}`);
      return compact((await res.json()).items);
    },
    async stop() {
      await server.stop();
    },
  };
  return world;
}

interface ApiComment {
  author: { name: string };
  body: string;
  status: string;
  createdAt: string;
  replies: ApiComment[];
}

/** `name: body` per comment, `[deleted]` for a deleted holder, replies in a nested array after it. */
export function compact(items: ApiComment[]): unknown[] {
  return items.flatMap((c) => {
    const line = c.status === 'deleted' ? '[deleted]' : `${c.author.name}: ${c.body}`;
    return c.replies.length ? [line, compact(c.replies)] : [line];
  });
}

type StoredRow = {
  author_name: string;
  author_email: string | null;
  author_email_hash: string | null;
  status: string;
  created_at: string;
  body: string;
};

/** Every comment in the server's database (SQLite file or PostgreSQL), for what the API never shows (emails, stored status). */
export async function storedComments(server: Server): Promise<StoredRow[]> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      return (await client.query<StoredRow>('SELECT * FROM comments ORDER BY seq')).rows;
    } finally {
      await client.end();
    }
  }
  const conn = new Database(server.db, { readonly: true });
  try {
    return conn.prepare('SELECT * FROM comments ORDER BY seq').all() as never;
  } finally {
    conn.close();
  }
}

export const runJson = async (world: World, args: string[]) => {
  const result = await world.cli(['--json', ...args]);
  if (result.code !== 0) throw new Error(`import exited with ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
};
