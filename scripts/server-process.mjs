/**
 * Starts the built reference server (dist/server/main.js) as a child process on a free port with a
 * temporary SQLite file, for scripts, benchmarks and tests; `stop()` ends it and removes the file.
 * With `postgres` (a server's URL), it gets a fresh PostgreSQL database instead, dropped by `stop()`.
 * The server prints "listening on http://host:port/" once ready; that line is read for the port.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));

/** Runs one statement on the maintenance connection of the PostgreSQL server at `url`. */
async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the server at `url`; returns its URL. */
export async function createDatabase(url) {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const created = new URL(url);
  created.pathname = `/${name}`;
  return created.toString();
}

/** Drops a database createDatabase made, even with connections still open to it. */
export async function dropDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  if (!/^test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const base = new URL(url);
  base.pathname = '/postgres';
  await admin(base.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * @param {Record<string, string>} env settings for the server (HOST, PORT and REVIEW_DB have defaults)
 * @param {{ dir?: string, db?: string, keepFiles?: boolean, postgres?: string, databaseUrl?: string }} [options]
 *   reuse a database (restart tests); `postgres`: a fresh database on that server, dropped on stop;
 *   `databaseUrl`: this PostgreSQL database, kept (several processes on one database)
 */
export async function startServerProcess(env = {}, options = {}) {
  const ownDatabase = !options.databaseUrl && options.postgres ? await createDatabase(options.postgres) : undefined;
  const databaseUrl = options.databaseUrl ?? ownDatabase;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'review-server-'));
  const db = options.db ?? join(dir, 'reviews.db');
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      REVIEW_DB: db,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the review server did not start:\n${output}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+?)\/ /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`the review server exited with ${code}:\n${output}`)));
  });
  let url;
  try {
    url = await started;
  } catch (error) {
    child.kill('SIGKILL');
    if (ownDatabase) await dropDatabase(ownDatabase).catch(() => {});
    throw error;
  }
  let stopped;
  const stop = (signal = 'SIGTERM') => {
    stopped ??= (async () => {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
      if (ownDatabase) await dropDatabase(ownDatabase);
      return code;
    })();
    return stopped;
  };
  return { url, dir, db, databaseUrl, process: child, output: () => output, stop };
}
