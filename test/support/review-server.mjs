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
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { startServerProcess } from '../../scripts/server-process.mjs';

export const TEST_ADMIN_TOKEN = 'browser-tests-admin-token-000';

export async function startReviewServer(env = {}) {
  const server = await startServerProcess({ WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env });
  // The test runner exits without waiting: stop the server and drop its files synchronously.
  process.once('exit', () => {
    server.process.kill('SIGTERM');
    rmSync(server.dir, { recursive: true, force: true });
  });
  return { url: new URL(server.url), stop: server.stop };
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
