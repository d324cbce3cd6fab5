/**
 * The real reference server for the browser tests: started per test run on a free port with a
 * temporary SQLite file (seeded with the demo reviews), and put behind the test page's own
 * origin as a blog's reverse proxy would, with the Host header kept, so the server sees
 * same-origin requests. A second server with MODERATION=pre sits under /moderated/.
 *
 * The same proxy also answers under the test server's other name, http://127.0.0.1:<port>/v1/: a
 * different origin from the test pages' http://localhost:<port>, for cross-origin (CORS) tests.
 * web-test-runner.config.mjs starts the servers with the pages' origin in ALLOWED_ORIGINS, as a
 * blog that embeds another site's API would be set up, so cross-origin writes work until a fault
 * stops them.
 *
 * Fault injection (for tests only): `POST /__faults` with JSON `{ match, mode }` and optionally
 * `method` (only requests with that method) and either `times` (the next N matching requests)
 * or `forMs` (every matching request for that long); with neither, the fault lasts until cleared.
 * A request matches when its path and query contain `match`. Modes:
 *
 * - `lose-response`: the server handles the request, then the connection is cut before the answer
 *   (the server stored it; the client never heard).
 * - `fail`: 503 problem+json, without reaching the server.
 * - `status-500`: 500 problem+json (`code: server-error`), without reaching the server.
 * - `hang`: no answer at all, until the client gives up and closes the connection (or the fault is
 *   cleared, or a minute passes); the socket is then destroyed. The server never sees the request.
 * - `truncate`: the server's real answer (status and headers, cache headers included) with only
 *   the first half of its JSON body, and a Content-Length that matches the cut body.
 * - `html`: 200 `text/html` (a captive portal or a misrouted proxy), without reaching the server.
 * - `trickle`: the server's real answer, its body sent a few bytes at a time over 30 s, far past
 *   the client's 10 s timeout; stops when the client closes the connection.
 * - `offline`: the socket is destroyed at once, with no answer; the server never sees the request.
 * - `cors`: a CORS refusal. The server's answer is passed on without its `Access-Control-*`
 *   headers, so the browser refuses a cross-origin read. With `method`, it also refuses the
 *   preflight (OPTIONS) for that method, so a cross-origin write never reaches the server. (Other
 *   modes let preflights through, so the request itself meets the fault.) Only cross-origin
 *   requests notice this mode.
 *
 * `DELETE /__faults` clears every fault (`?match=…` only those with exactly that `match`): "the API
 * comes back". Requests a cleared `hang` or `trickle` fault is still holding are cut off, as a
 * restarted server's connections would be.
 *
 * Upstream requests for `truncate` and `trickle` go without `Accept-Encoding` and
 * `If-None-Match`, so there is an uncompressed body to cut or to trickle.
 */
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { startServerProcess } from '../../scripts/server-process.mjs';

export const TEST_ADMIN_TOKEN = 'browser-tests-admin-token-000';

export async function startReviewServer(env = {}) {
  // Every test page reads through one proxy address, many tests post the same short texts, and
  // the naughty-strings suite stores a comment of 10 000 characters of URLs: the read limit, the
  // duplicate rule and the link limit are off here (server/test/abuse-*.test.ts test them).
  const server = await startServerProcess({
    WRITE_RATE_LIMIT: '0',
    READ_RATE_LIMIT: '0',
    REVIEW_DUPLICATE_WINDOW: '0',
    REVIEW_MAX_LINKS: '1000',
    REVIEW_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    ...env,
  });
  // The test runner exits without waiting: stop the server and drop its files synchronously.
  process.once('exit', () => {
    server.process.kill('SIGTERM');
    rmSync(server.dir, { recursive: true, force: true });
  });
  return { url: new URL(server.url), stop: server.stop };
}

/** A TCP port free on this machine now (for the test server, whose origin must be known early). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const MODES = new Set([
  'lose-response',
  'fail',
  'status-500',
  'hang',
  'truncate',
  'html',
  'trickle',
  'offline',
  'cors',
]);
/** How long a `trickle` body takes to arrive, and how long a `hang` is held at most. */
const TRICKLE_MS = 30_000;
const HANG_MAX_MS = 60_000;
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding'];

const faults = [];
/** Requests a `hang` or `trickle` fault holds open: fault → set of functions that end them. */
const held = new Map();

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const active = (f) => (f.until ? Date.now() < f.until : f.times === undefined || f.times > 0);

/** The fault this request meets, if any (and one of its `times` used up). */
function faultFor(ctx) {
  const preflight = ctx.method === 'OPTIONS' ? ctx.get('Access-Control-Request-Method').toUpperCase() : '';
  const fault = faults.find((f) => {
    if (!active(f) || !ctx.url.includes(f.match)) return false;
    // A preflight belongs to the request it asks about; only a CORS refusal refuses it.
    if (preflight) return f.mode === 'cors' && (!f.method || f.method === preflight);
    return !f.method || f.method === ctx.method;
  });
  if (fault && !fault.until && fault.times !== undefined) fault.times--;
  return fault;
}

/**
 * Keeps a request's connection open until the client closes it, the fault is cleared or
 * HANG_MAX_MS pass; then destroys the socket and calls `onEnd`. Returns `{ ended, release }`:
 * `release()` lets go of a request that finished normally, leaving its socket alone.
 */
function hold(fault, socket, onEnd = () => {}) {
  let ends = held.get(fault);
  if (!ends) held.set(fault, (ends = new Set()));
  let resolveEnded;
  const ended = new Promise((resolve) => (resolveEnded = resolve));
  const stop = (destroy) => {
    if (!ends.has(end)) return;
    ends.delete(end);
    clearTimeout(timer);
    socket.off('close', end);
    onEnd();
    if (destroy && !socket.destroyed) socket.destroy();
    resolveEnded();
  };
  const end = () => stop(true);
  const timer = setTimeout(end, HANG_MAX_MS);
  ends.add(end);
  socket.once('close', end);
  return { ended, release: () => stop(false) };
}

function clearFaults(match) {
  for (let i = faults.length - 1; i >= 0; i--) {
    const fault = faults[i];
    if (match !== undefined && fault.match !== match) continue;
    faults.splice(i, 1);
    for (const end of held.get(fault) ?? []) end();
    held.delete(fault);
  }
}

/**
 * This request gets no answer from Koa: the fault answers it by hand, or cuts it off. The status
 * is never sent; it only keeps the runner from listing the request as a 404 (444 is nginx's
 * "closed without a response").
 */
function answerByHand(ctx, status = 444) {
  ctx.status = status;
  ctx.respond = false;
}

function problemJson(ctx, status, title) {
  ctx.status = status;
  ctx.set('Content-Type', 'application/problem+json');
  ctx.body = JSON.stringify({ title, status, code: 'server-error', detail: 'Injected fault' });
}

/** The upstream answer's headers, without hop-by-hop ones (and without those `drop` names). */
function forwardHeaders(res, drop = () => false) {
  return Object.fromEntries(
    Object.entries(res.headers).filter(
      ([name, value]) => value !== undefined && !HOP_BY_HOP.includes(name) && !drop(name),
    ),
  );
}

/**
 * Koa middleware forwarding requests to review servers: `routes` maps a path prefix to a target
 * and the prefix to strip (`{ '/v1/': [url, ''], '/moderated/': [url2, '/moderated'] }`).
 */
export function proxyTo(routes) {
  return async (ctx, next) => {
    if (ctx.path === '/__faults' && ctx.method === 'POST') {
      const fault = JSON.parse(await readBody(ctx.req));
      if (!MODES.has(fault.mode)) {
        ctx.status = 400;
        ctx.body = `unknown fault mode ${fault.mode}`;
        return;
      }
      if (fault.forMs) fault.until = Date.now() + fault.forMs;
      if (fault.method) fault.method = fault.method.toUpperCase();
      faults.push(fault);
      ctx.body = 'ok';
      return;
    }
    if (ctx.path === '/__streams' && (ctx.method === 'GET' || ctx.method === 'DELETE')) {
      const match = String(ctx.query.match ?? '');
      const streams = [...openStreams].filter(([, url]) => url.includes(match));
      // DELETE ends them, as a restarting server would: the browser reconnects with Last-Event-ID.
      if (ctx.method === 'DELETE') for (const [end] of streams) end();
      ctx.body = JSON.stringify({ open: streams.length });
      return;
    }
    if (ctx.path === '/__faults' && ctx.method === 'DELETE') {
      clearFaults(typeof ctx.query.match === 'string' ? ctx.query.match : undefined);
      ctx.body = 'ok';
      return;
    }
    const route = Object.entries(routes).find(([prefix]) => ctx.path.startsWith(prefix));
    if (!route) return next();
    const [, [target, strip]] = route;
    const fault = faultFor(ctx);
    const mode = fault?.mode;

    switch (mode) {
      case 'fail':
        return problemJson(ctx, 503, 'Service Unavailable');
      case 'status-500':
        return problemJson(ctx, 500, 'Internal Server Error');
      case 'html':
        ctx.status = 200;
        ctx.set('Content-Type', 'text/html; charset=utf-8');
        ctx.body =
          '<!doctype html><html lang="en"><title>Sign in to the Wi-Fi</title><h1>Welcome</h1><p>Accept the terms to continue.</p></html>';
        return;
      case 'offline':
        // Nothing listens: the connection drops without a byte of answer.
        answerByHand(ctx);
        ctx.req.socket.destroy();
        return;
      case 'hang':
        answerByHand(ctx);
        await hold(fault, ctx.req.socket).ended;
        return;
    }

    const headers = { ...ctx.headers };
    if (mode === 'truncate' || mode === 'trickle') {
      delete headers['accept-encoding'];
      delete headers['if-none-match'];
    }
    await new Promise((resolve, reject) => {
      const upstream = request(
        { host: target.hostname, port: target.port, method: ctx.method, path: ctx.url.slice(strip.length), headers },
        (res) => {
          if (String(res.headers['content-type']).startsWith('text/event-stream')) {
            streamEvents(ctx, res, upstream);
            resolve();
            return;
          }
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 502;
            const body = Buffer.concat(chunks);
            if (mode === 'lose-response') {
              // The server has done the work; the client never hears about it.
              answerByHand(ctx);
              ctx.req.socket.destroy();
              resolve();
              return;
            }
            if (mode === 'trickle') {
              trickle(
                ctx,
                fault,
                status,
                forwardHeaders(res, (name) => name === 'content-length'),
                body,
              );
              resolve();
              return;
            }
            const refused = mode === 'cors' ? (name) => name.startsWith('access-control-') : () => false;
            ctx.status = status;
            for (const [name, value] of Object.entries(forwardHeaders(res, refused))) ctx.set(name, value);
            const empty = status === 304 || status === 204;
            // Koa sets Content-Length from the (cut) body, so the answer looks complete.
            ctx.body = empty ? null : mode === 'truncate' ? body.subarray(0, Math.floor(body.length / 2)) : body;
            resolve();
          });
        },
      );
      upstream.on('error', reject);
      ctx.req.pipe(upstream);
    });
  };
}

/** The event streams the proxy is carrying now: each one's end function and URL. */
const openStreams = new Map();

/**
 * Server-Sent Events pass through as they come, not buffered like other answers, and are counted
 * while open: `GET /__streams?match=…` says how many streams whose URL contains `match` are open,
 * so a test can see from outside the browser that an element closed its stream; `DELETE` ends them.
 */
function streamEvents(ctx, res, upstream) {
  answerByHand(ctx, res.statusCode ?? 502);
  let done = false;
  const end = () => {
    if (done) return;
    done = true;
    openStreams.delete(end);
    upstream.destroy();
    if (!ctx.res.writableEnded) ctx.res.end();
  };
  openStreams.set(end, ctx.url);
  ctx.res.writeHead(res.statusCode ?? 502, forwardHeaders(res));
  ctx.res.flushHeaders();
  res.on('data', (chunk) => ctx.res.write(chunk));
  res.on('end', end);
  res.on('error', end);
  ctx.req.socket.once('close', end);
  ctx.res.once('close', end);
}

/** Sends the answer's headers and first bytes now, the rest a few bytes at a time over TRICKLE_MS. */
function trickle(ctx, fault, status, headers, body) {
  answerByHand(ctx, status);
  const res = ctx.res;
  res.writeHead(status, { ...headers, 'content-length': String(body.length) });
  if (!body.length) {
    res.end();
    return;
  }
  const pieces = Math.max(1, Math.min(body.length, 40));
  const size = Math.ceil(body.length / pieces);
  let offset = 0;
  const send = () => {
    if (res.destroyed || offset >= body.length) return;
    res.write(body.subarray(offset, (offset += size)));
    if (offset >= body.length) res.end();
  };
  send();
  const timer = setInterval(send, TRICKLE_MS / pieces);
  const { release } = hold(fault, ctx.req.socket, () => clearInterval(timer));
  res.once('finish', release);
}
