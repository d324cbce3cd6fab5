/**
 * The real reference server for the browser tests: started once per test run on a free port
 * with a temporary SQLite file (seeded with the demo reviews), and put behind the test page's own
 * origin like a blog's reverse proxy would: /v1/* and /data/* are forwarded with the Host header
 * kept, so the server sees same-origin requests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEST_ADMIN_TOKEN = 'browser-tests-admin-token-000';

export async function startReviewServer() {
  const dir = mkdtempSync(join(tmpdir(), 'review-browser-tests-'));
  const main = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', REVIEW_DB: join(dir, 'reviews.db'), WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: TEST_ADMIN_TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`review server did not start:\n${output}`)), 15000);
    child.stdout.on('data', (d) => {
      output += d;
      const match = /listening on (http:\/\/\S+?)\/ /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`review server exited with ${code}:\n${output}`)));
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { url: new URL(url), stop };
}

/** Koa middleware forwarding the API and its images to the review server. */
export function proxyTo(target, prefixes = ['/v1/', '/data/']) {
  return (ctx, next) => {
    if (!prefixes.some((p) => ctx.path.startsWith(p))) return next();
    return new Promise((resolve, reject) => {
      const upstream = request(
        { host: target.hostname, port: target.port, method: ctx.method, path: ctx.url, headers: ctx.headers },
        (res) => {
          ctx.status = res.statusCode ?? 502;
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && !['connection', 'keep-alive', 'transfer-encoding'].includes(name)) ctx.set(name, value);
          }
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            ctx.body = ctx.status === 304 || ctx.status === 204 ? null : Buffer.concat(chunks);
            resolve();
          });
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      ctx.req.pipe(upstream);
    });
  };
}
