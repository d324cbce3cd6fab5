import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { openApiDocument } from './openapi.js';
import { problem } from './problem.js';
import { LiveHub } from './live/hub.js';
import { MemoryFeed } from './live/feed.js';
import { RateLimiter, type WriteLimiter } from './rate-limit.js';
import { adminImportRoutes } from './routes/admin-import.js';
import { adminRoutes } from './routes/admin.js';
import { client, createDeps, isAdminRequest, type Deps } from './routes/auth.js';
import { deskRoutes } from './routes/desk.js';
import { UPLOAD_PATH } from './routes/uploads.js';
import { createNotifier } from './notify/notifier.js';
import { commentRoutes } from './routes/comments.js';
import { eventRoutes } from './routes/events.js';
import { reviewRoutes } from './routes/reviews.js';
import { MAX_BODY_BYTES } from './schemas.js';
import { InvalidCursorError } from './store/cursor.js';
import type { ReviewStore } from './store/store.js';

/** The project root, from server/app.ts or from the bundle at dist/server/main.js alike. */
export const ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/server/') ? '../../' : '../', import.meta.url));

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * A Host a DNS-rebinding page cannot borrow: an IP literal or localhost. A rebinding attack needs
 * a name the attacker controls that resolves to this server, and the browser then sends that name.
 */
function unbindableHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost');
}

/** Writes to a review document (PUT, and the desk's PATCH and DELETE): admin only. */
const REVIEW_ADMIN_METHODS = new Set(['PUT', 'PATCH', 'DELETE']);
/** Admin routes: under /v1/admin/, and writing a review document. */
const isAdminRoute = (c: Context) =>
  c.req.path.startsWith('/v1/admin/') || (REVIEW_ADMIN_METHODS.has(c.req.method) && c.req.path.startsWith('/v1/reviews/'));

/**
 * CORS for embedding on other sites: reads (the review, comments, counts) from any origin; writes
 * only from this server's own origin or ALLOWED_ORIGINS. A write from another origin is refused
 * here too (403), not only left for the browser to block. Admin routes are never cross-origin:
 * no CORS headers, and an Origin other than our own site is refused.
 */
function corsPolicy(config: Config): MiddlewareHandler {
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
    if (admin && !own) return problem(c, 403, 'origin-not-allowed', 'Admin routes answer only this server\'s own site');
    const write = WRITE_METHODS.has(c.req.method);
    if (write && !trusted) {
      // The page claims to be our own site under a name: only PUBLIC_ORIGIN can vouch for that.
      const named = !publicOrigins.size && hostOf(origin) === c.req.header('Host');
      const fix = named ? `Set PUBLIC_ORIGIN=${origin} if that is this server's own site` : `Add ${origin} to ALLOWED_ORIGINS to let that site write`;
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
function rateLimits(config: Config, deps: Deps, writes: WriteLimiter): MiddlewareHandler<{ Bindings: HttpBindings }> {
  const reads = new RateLimiter(config.readRateLimit);
  return async (c, next) => {
    const write = WRITE_METHODS.has(c.req.method);
    if (!write || !(await isAdminRequest(deps, c))) {
      const limit = write ? config.writeRateLimit : config.readRateLimit;
      const wait = await (write ? writes : reads).hit(client(c, deps), deps.now());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return problem(c, 429, 'rate-limited', `At most ${limit} ${write ? 'writes' : 'requests'} a minute; try again in ${wait} s`, { retryAfter: wait });
      }
    }
    await next();
  };
}

/**
 * Reads (and drops) the rest of a refused chunked upload before answering, for at most 2 s or
 * 1 MiB more. Answering first is not enough: with `Connection: close`, Node closes the socket as
 * soon as the answer is written, and closing a socket with unread bytes sends a reset, on which
 * the client's kernel may drop our answer before the client reads it (seen on a busy machine).
 * The body's web-stream adapter stops reading once nobody pulls (bodyLimit stopped), so its
 * listener is taken off and the request drained here.
 */
function drainRefusedBody(bindings: HttpBindings | undefined): Promise<void> {
  const incoming = bindings?.incoming;
  if (!incoming || incoming.complete || incoming.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let drained = 0;
    const done = () => {
      clearTimeout(timer);
      incoming.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > 1024 * 1024) done();
    };
    const timer = setTimeout(done, 2_000);
    timer.unref();
    incoming.removeAllListeners('data');
    incoming.on('data', onData);
    incoming.once('end', done);
    incoming.once('close', done);
    incoming.once('error', done);
    incoming.resume();
  });
}

export interface AppOptions {
  store: ReviewStore;
  config: Config;
  now?: () => number;
  /** Write limits: in this process unless given (PostgreSQL shares one across processes). */
  limiter?: WriteLimiter;
  /** Live event streams; a hub on an in-memory feed unless given. */
  live?: LiveHub;
}

export function createApp({ store, config, now = Date.now, limiter = new RateLimiter(config.writeRateLimit), live = new LiveHub(new MemoryFeed()) }: AppOptions) {
  const notifier = createNotifier(config);
  const deps: Deps = { ...createDeps(config, now), desk: store.desk, notify: notifier?.notify };
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.onError((error, c) => {
    if (error instanceof InvalidCursorError) return problem(c, 400, 'invalid-cursor', error.message);
    console.error('review-server:', error);
    return problem(c, 500, 'server-error', 'The server could not answer this request; try again');
  });
  app.notFound((c) => problem(c, 404, 'not-found', `Nothing at ${c.req.path}`));
  // gzip for clients that ask (the bundle is 127 KB, 41 KB gzipped); small answers stay as they are.
  app.use('*', compress({ threshold: 1024 }));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });

  const api = new Hono<{ Bindings: HttpBindings }>();
  api.use('*', corsPolicy(config));
  api.use('*', rateLimits(config, deps, limiter));
  api.route('/', adminImportRoutes(store, deps)); // before the 64 KiB limit: it has its own (20 MB, streamed)
  // Refused from Content-Length (or while streaming) before any parsing happens. A declared length
  // is checked here, before the body is touched: then the server reads and drops the rest, and the
  // connection stays good for the client's next request. (Once bodyLimit has opened the body as a
  // stream, nothing reads the rest: the connection hangs and is dropped, and the next request a
  // keep-alive client, such as a reverse proxy, sends down it is lost.)
  const tooLarge = (c: Context) => problem(c, 413, 'payload-too-large', `Bodies are at most ${MAX_BODY_BYTES / 1024} KiB`);
  // A body without a length (chunked) is cut off mid-stream: the connection cannot carry another
  // request. Say so (Connection: close), so the client opens a new one, after draining what it is
  // still sending (see drainRefusedBody).
  const chunkedLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: async (c) => {
    c.header('Connection', 'close');
    await drainRefusedBody(c.env);
    return tooLarge(c);
  } });
  // Image uploads (routes/uploads.ts) have their own, larger limit.
  api.use('*', async (c, next) => {
    if (c.req.path === `/v1${UPLOAD_PATH}`) return next();
    if (Number(c.req.header('Content-Length')) > MAX_BODY_BYTES) return tooLarge(c);
    return chunkedLimit(c, next);
  });
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.route('/', reviewRoutes(store, deps));
  api.route('/', commentRoutes(store, deps));
  api.route('/', eventRoutes(store, live, deps));
  // The owner's desk (#14): before adminRoutes, whose /admin/* guard would refuse sign-in.
  api.route('/', deskRoutes(store, deps));
  api.route('/', adminRoutes(store, deps));
  api.all('*', (c) => problem(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}`));
  app.route('/v1', api);

  // The bundle a blog links, and the demo site.
  const dist = `${ROOT}dist`;
  const cache: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=300');
  };
  // The owner's desk (#14): demo/admin/index.html and its own script, with a strict policy.
  app.use('/admin/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    c.header('X-Frame-Options', 'DENY');
  });
  // Other sites load these: a module script from another origin needs CORS, and a page that sends
  // Cross-Origin-Embedder-Policy loads no image or script without CORP. They are public files
  // read without credentials, so `*` gives nothing away. HTML pages are not shared.
  const embeddable: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status < 400 && EMBEDDABLE.test(c.req.path)) {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    }
  };
  // Every script beside the bundle (chunks, catalogues, maps), not only the one file it is today.
  const bundle = serveStatic({ root: dist });
  app.get('/*', embeddable, cache, (c, next) => (BUNDLE_FILE.test(c.req.path) ? bundle(c, next) : next()));
  app.get('/*', serveStatic({ root: `${ROOT}demo` }));
  // On shutdown: send a pending email digest and let webhook deliveries in flight finish.
  return Object.assign(app, { closeNotifications: async () => notifier?.close() });
}

/** Scripts and source maps served from dist/: not dist/server/, and no `.`, `..` or `//` to reach it. */
const BUNDLE_FILE = /^(?!.*(?:\/\.|\/\/))\/(?!server\/)[\w./-]*\.js(?:\.map)?$/;
/** Static files other sites embed: scripts, maps, review documents and images. */
const EMBEDDABLE = /\.(m?js|map|json|svg|png|jpe?g|gif|webp|avif)$/i;
