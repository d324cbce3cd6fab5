/**
 * Starts the built server (dist/server/main.js, what `npm start` runs) as a real process on a free
 * port with a temporary SQLite file, and talks to it over HTTP.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { createDatabase, dropDatabase, startServerProcess, type ServerProcess } from '../../scripts/server-process.mjs';

const MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface Server extends ServerProcess {
  /** fetch relative to the server, JSON bodies stringified. */
  request: (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;
}

/**
 * The store the suite runs against: PostgreSQL when DATABASE_URL names a server (each server gets
 * a database of its own there, kept for a restart with `reuse`), SQLite otherwise.
 */
export const POSTGRES = process.env.DATABASE_URL || undefined;
export const STORE = POSTGRES ? 'postgres' : 'sqlite';

/** PostgreSQL databases by the server's temporary folder: a restart with `reuse` finds its data. */
const databases = new Map<string, string>();
// Dropped once the file's tests are done (the throwaway cluster goes at the end anyway).
if (POSTGRES)
  after(async () => {
    for (const url of databases.values()) await dropDatabase(url).catch(() => {});
  });

/**
 * On PostgreSQL, a new empty database for a server that will start with `reuse: { dir }` (for a
 * command-line tool to fill first); undefined on SQLite, where the file is made on first use.
 */
export async function databaseFor(dir: string): Promise<string | undefined> {
  if (!POSTGRES) return undefined;
  const url = await createDatabase(POSTGRES);
  databases.set(dir, url);
  return url;
}

export async function startServer(
  env: Record<string, string> = {},
  reuse?: { dir: string; db: string },
): Promise<Server> {
  const databaseUrl = POSTGRES ? ((reuse && databases.get(reuse.dir)) ?? (await createDatabase(POSTGRES))) : undefined;
  // The files are the test's to remove (removeDir), so a restart can reuse them. Limits and the
  // duplicate rule are off unless a test turns them on (server/test/abuse-*.test.ts does).
  const server = await startServerProcess(
    { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0', REVIEW_DUPLICATE_WINDOW: '0', ...env },
    { ...reuse, keepFiles: true, databaseUrl },
  );
  if (databaseUrl) databases.set(server.dir, databaseUrl);
  return {
    ...server,
    request: (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      return fetch(`${server.url}${path}`, {
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs a command-line start and returns its exit code and output, for configuration errors. */
export function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', REVIEW_DB: ':memory:', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The smallest published review with comments open, under this id: what a test needs to post to. */
export const openReview = (id: string) => ({
  id,
  url: `https://blog.example/${id}`,
  lang: 'en',
  title: id,
  publishedAt: '2025-01-01T00:00:00Z',
  work: { title: id, type: 'movie' },
  comments: { open: true },
});

export const comment = (name: string, body: string, extra: Record<string, unknown> = {}) => ({
  author: { name },
  body,
  ...extra,
});
