/**
 * Starts the built reference server (dist/server/main.js) as a child process on a free port with a
 * temporary SQLite file, for scripts, benchmarks and tests; `stop()` ends it and removes the file.
 * The server prints "listening on http://host:port/" once ready; that line is read for the port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));

/**
 * @param {Record<string, string>} env settings for the server (HOST, PORT and REVIEW_DB have defaults)
 * @param {{ dir?: string, db?: string, keepFiles?: boolean }} [options] reuse a database (restart tests)
 */
export async function startServerProcess(env = {}, options = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'review-server-'));
  const db = options.db ?? join(dir, 'reviews.db');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', REVIEW_DB: db, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
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
  let stopped;
  const stop = (signal = 'SIGTERM') => {
    stopped ??= (async () => {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
      return code;
    })();
    return stopped;
  };
  return { url, dir, db, process: child, output: () => output, stop };
}
