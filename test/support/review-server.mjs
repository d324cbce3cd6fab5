/**
 * The real reference server for the browser tests: started per test run on a free port with a
 * temporary SQLite file (seeded with the demo reviews), and put behind the test page's own
 * origin as a blog's reverse proxy would, with the Host header kept, so the server sees
 * same-origin requests. A second server with MODERATION=pre sits under /moderated/.
 *
 * Fault injection (for tests only): `POST /__faults` with `{ match, mode, times }` makes the next
 * `times` requests (or all for `forMs` milliseconds) whose path contains `match` fail: `lose-response` lets the server handle the
 * request and then cuts the connection before the answer (the server stored it; the client never
 * heard), `fail` answers 503 without reaching the server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEST_ADMIN_TOKEN = 'browser-tests-admin-token-000';

export async function startReviewServer(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'review-browser-tests-'));
  const main = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', REVIEW_DB: join(dir, 'reviews.db'), WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env },
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

const faults = [];

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * Koa middleware forwarding requests to review servers: `routes` maps a path prefix to a target
 * and the prefix to strip (`{ '/v1/': [url, ''], '/moderated/': [url2, '/moderated'] }`).
 */
export function proxyTo(routes) {
  return async (ctx, next) => {
    if (ctx.path === '/__faults' && ctx.method === 'POST') {
      const fault = JSON.parse(await readBody(ctx.req));
      if (fault.forMs) fault.until = Date.now() + fault.forMs;
      faults.push(fault);
      ctx.body = 'ok';
      return;
    }
    const route = Object.entries(routes).find(([prefix]) => ctx.path.startsWith(prefix));
    if (!route) return next();
    const [, [target, strip]] = route;
    const active = (f) => (f.until ? Date.now() < f.until : f.times > 0);
    const fault = faults.find((f) => ctx.path.includes(f.match) && (!f.method || f.method === ctx.method) && active(f));
    if (fault && !fault.until) fault.times--;
    if (fault?.mode === 'fail') {
      ctx.status = 503;
      ctx.set('Content-Type', 'application/problem+json');
      ctx.body = JSON.stringify({ title: 'Service Unavailable', status: 503, code: 'server-error', detail: 'Injected fault' });
      return;
    }
    await new Promise((resolve, reject) => {
      const upstream = request(
        { host: target.hostname, port: target.port, method: ctx.method, path: ctx.url.slice(strip.length), headers: ctx.headers },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            if (fault?.mode === 'lose-response') {
              // The server has done the work; the client never hears about it.
              ctx.respond = false;
              ctx.req.socket.destroy();
              resolve();
              return;
            }
            ctx.status = res.statusCode ?? 502;
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined && !['connection', 'keep-alive', 'transfer-encoding'].includes(name)) ctx.set(name, value);
            }
            ctx.body = ctx.status === 304 || ctx.status === 204 ? null : Buffer.concat(chunks);
            resolve();
          });
        },
      );
      upstream.on('error', reject);
      ctx.req.pipe(upstream);
    });
  };
}
