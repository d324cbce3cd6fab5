/**
 * The v1 review API as one Hono app that runs on any fetch-style runtime: Node (server/app.ts
 * wraps it with static files and the socket's address), a worker, Deno, Bun, or a browser's
 * service worker (Storybook answers its stories with it and the in-memory store). Nothing here
 * imports a Node module: hashes and tokens come from Web Crypto, the client's address from the
 * runtime that serves it.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiConfig } from './config.js';
import { openApiDocument } from './openapi.js';
import { MemoryFeed } from './live/feed.js';
import { LiveHub } from './live/hub.js';
import { problem } from './problem.js';
import { RateLimiter, type LimiterFactory, type WriteLimiter } from './rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { client, createDeps, isAdminRequest, type Deps } from './routes/auth.js';
import type { Notify } from './notify/events.js';
import { commentRoutes } from './routes/comments.js';
import { deskRoutes } from './routes/desk.js';
import { eventRoutes } from './routes/events.js';
import { reviewRoutes } from './routes/reviews.js';
import { MAX_BODY_BYTES } from './schemas.js';
import { InvalidCursorError } from './store/cursor.js';
import type { ReviewStore } from './store/store.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** An IPv4 or IPv6 literal (node:net's isIP is not here: this file runs outside Node too). */
function isIpLiteral(name: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255 && String(Number(part)) === part);
  if (!name.includes(':')) return false;
  try {
    // The URL parser accepts exactly the valid IPv6 literals between brackets.
    return new URL(`http://[${name}]/`).hostname.startsWith('[');
  } catch {
    return false;
  }
}

/**
 * A Host a DNS-rebinding page cannot borrow: an IP literal or localhost. A rebinding attack needs
 * a name the attacker controls that resolves to this server, and the browser then sends that name.
 */
function unbindableHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return isIpLiteral(name) || name === 'localhost' || name.endsWith('.localhost');
}

/** Writes to a review document (PUT, and the desk's PATCH and DELETE): admin only. */
const REVIEW_ADMIN_METHODS = new Set(['PUT', 'PATCH', 'DELETE']);
/** Admin routes: under /v1/admin/, and writing a review document. */
const isAdminRoute = (c: Context) =>
  c.req.path.startsWith('/v1/admin/') ||
  (REVIEW_ADMIN_METHODS.has(c.req.method) && c.req.path.startsWith('/v1/reviews/'));

/**
 * CORS for embedding on other sites: reads (the review, comments, counts) from any origin; writes
 * only from this server's own origin or ALLOWED_ORIGINS. A write from another origin is refused
 * here too (403), not only left for the browser to block. Admin routes are never cross-origin:
 * no CORS headers, and an Origin other than our own site is refused.
 */
function corsPolicy(config: ApiConfig): MiddlewareHandler {
  const allowed = new Set(config.allowedOrigins);
  const publicOrigins = new Set(config.publicOrigins);
  /**
   * Our own site. With PUBLIC_ORIGIN, exactly those origins. Without it, an Origin whose host is
   * the Host we were asked for, if that Host is an IP literal or localhost (a forged name is how DNS
   * rebinding gets in). The scheme is left out on purpose: behind a TLS-terminating proxy the
   * browser says https and we see http.
   */
  const ownSite = (c: Context, origin: string) => {
    if (publicOrigins.size) return publicOrigins.has(origin);
    const host = c.req.header('Host');
    return unbindableHost(host) && hostOf(origin) === host;
  };
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const admin = isAdminRoute(c) || (c.req.method === 'OPTIONS' && c.req.path.startsWith('/v1/admin/'));
    const own = !origin || ownSite(c, origin);
    const trusted = own || allowed.has(origin);
    c.header('Vary', 'Origin', { append: true });
    if (c.req.method === 'OPTIONS') {
      const asked = (c.req.header('Access-Control-Request-Method') ?? '').toUpperCase();
      const read = asked === 'GET' || asked === 'HEAD';
      const adminAsked = admin || (REVIEW_ADMIN_METHODS.has(asked) && c.req.path.startsWith('/v1/reviews/'));
      if (origin && !adminAsked && (read || trusted)) {
        c.header('Access-Control-Allow-Origin', trusted ? origin : '*');
        c.header('Access-Control-Allow-Methods', 'GET, HEAD, POST, PATCH, DELETE');
        c.header('Access-Control-Allow-Headers', 'Content-Type, Authorization, Idempotency-Key, If-None-Match');
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    if (admin && !own) return problem(c, 403, 'origin-not-allowed', "Admin routes answer only this server's own site");
    const write = WRITE_METHODS.has(c.req.method);
    if (write && !trusted) {
      // The page claims to be our own site under a name: only PUBLIC_ORIGIN can vouch for that.
      const named = !publicOrigins.size && hostOf(origin) === c.req.header('Host');
      const fix = named
        ? `Set PUBLIC_ORIGIN=${origin} if that is this server's own site`
        : `Add ${origin} to ALLOWED_ORIGINS to let that site write`;
      return problem(c, 403, 'origin-not-allowed', fix);
    }
    if (origin && !admin) {
      c.header('Access-Control-Allow-Origin', write ? origin : '*');
      c.header('Access-Control-Expose-Headers', 'ETag, Location, Retry-After, Idempotent-Replayed');
    }
    await next();
  };
}

/**
 * Per-client limits: writes (10 a minute; `writes` is shared by every process on PostgreSQL) and
 * reads (generous: a reader never meets it; per process).
 */
function rateLimits(config: ApiConfig, deps: Deps, writes: WriteLimiter): MiddlewareHandler {
  const reads = new RateLimiter(config.readRateLimit);
  return async (c, next) => {
    const write = WRITE_METHODS.has(c.req.method);
    if (!write || !(await isAdminRequest(deps, c))) {
      const limit = write ? config.writeRateLimit : config.readRateLimit;
      const wait = await (write ? writes : reads).hit(client(c, deps), deps.now());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return problem(
          c,
          429,
          'rate-limited',
          `At most ${limit} ${write ? 'writes' : 'requests'} a minute; try again in ${wait} s`,
          { retryAfter: wait },
        );
      }
    }
    await next();
  };
}

export interface ApiOptions {
  store: ReviewStore;
  config: ApiConfig;
  now?: () => number;
  /**
   * The key a client's rate limits are counted under. Without it every request counts as one
   * client ("unknown"): fine for one reader (Storybook, tests), wrong for a public server.
   */
  clientAddress?: (c: Context) => string;
  /**
   * Routes with their own body limit (the admin upload of an export, up to 20 MB; the desk's image
   * uploads), mounted before the 64 KiB one. They get the same deps (admin token, clock, client key).
   */
  uploads?: (store: ReviewStore, deps: Deps) => Hono;
  /** The client's whole address, matched against network bans (#14); unknown (no network bans) without it. */
  clientIp?: (c: Context) => string | undefined;
  /** Tells the owner of desk events (webhook, email: Node's, server/notify/); nobody without it. */
  notify?: Notify;
  /** Write limits: in this process unless given (PostgreSQL shares one across processes). */
  limiter?: WriteLimiter;
  /** The other limiters (wrong tokens, sign-ins, reports): in this process unless given. */
  limits?: LimiterFactory;
  /** Live event streams; a hub on an in-memory feed unless given. */
  live?: LiveHub;
  /** Awaited when a body without a length runs past the limit, before the 413 (Node drains the request here). */
  onBodyTooLarge?: (c: Context) => void | Promise<void>;
}

/** The v1 API under /v1: `createApi({ store, config }).fetch(request)` answers a request. */
export function createApi(options: ApiOptions) {
  const {
    store,
    config,
    now = Date.now,
    clientAddress = () => 'unknown',
    uploads,
    onBodyTooLarge,
    clientIp,
    notify,
  } = options;
  const limiter = options.limiter ?? new RateLimiter(config.writeRateLimit);
  const live = options.live ?? new LiveHub(new MemoryFeed());
  const deps: Deps = { ...createDeps(config, now, clientAddress, options.limits), desk: store.desk, notify, clientIp };
  const api = new Hono().basePath('/v1');

  api.onError((error, c) => {
    if (error instanceof InvalidCursorError) return problem(c, 400, 'invalid-cursor', error.message);
    console.error('review-server:', error);
    return problem(c, 500, 'server-error', 'The server could not answer this request; try again');
  });
  api.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });
  api.use('*', corsPolicy(config));
  api.use('*', rateLimits(config, deps, limiter));
  if (uploads) api.route('/', uploads(store, deps));
  // Refused from Content-Length (or while streaming) before any parsing happens. A declared length
  // is checked here, before the body is touched: then the server reads and drops the rest, and the
  // connection stays good for the client's next request. (Once bodyLimit has opened the body as a
  // stream, nothing reads the rest: the connection hangs and is dropped, and the next request a
  // keep-alive client, such as a reverse proxy, sends down it is lost.)
  const tooLarge = (c: Context) =>
    problem(c, 413, 'payload-too-large', `Bodies are at most ${MAX_BODY_BYTES / 1024} KiB`);
  api.use('*', async (c, next) => {
    if (Number(c.req.header('Content-Length')) > MAX_BODY_BYTES) return tooLarge(c);
    await next();
  });
  // A body without a length (chunked) is cut off mid-stream: the connection cannot carry another
  // request. Say so (Connection: close), so the client opens a new one, after the runtime drained
  // what it is still sending (see drainRefusedBody in server/app.ts).
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: async (c) => {
        c.header('Connection', 'close');
        await onBodyTooLarge?.(c);
        return tooLarge(c);
      },
    }),
  );
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.route('/', reviewRoutes(store, deps));
  api.route('/', commentRoutes(store, deps, live));
  api.route('/', eventRoutes(store, live, deps));
  // The owner's desk (#14): before adminRoutes, whose /admin/* guard would refuse sign-in.
  api.route('/', deskRoutes(store, deps));
  api.route('/', adminRoutes(store, deps));
  api.all('*', (c) => problem(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}`));
  return api;
}
