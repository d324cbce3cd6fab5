import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { bearer } from './http.js';
import { openApiDocument } from './openapi.js';
import { problem } from './problem.js';
import { LiveHub } from './live/hub.js';
import { MemoryFeed } from './live/feed.js';
import { RateLimiter, type WriteLimiter } from './rate-limit.js';
import { adminImportRoutes } from './routes/admin-import.js';
import { adminRoutes } from './routes/admin.js';
import { isAdmin, type Deps } from './routes/auth.js';
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
 * CORS for embedding on other sites: reads (the review, comments, counts) from any origin; writes
 * only from this server's own origin or ALLOWED_ORIGINS. A write from another origin is refused
 * here too (403), not only left for the browser to block. Admin routes are never cross-origin.
 */
function corsPolicy(config: Config): MiddlewareHandler {
  const allowed = new Set(config.allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const admin = c.req.path.startsWith('/v1/admin/');
    // Our own site: the Origin's host is the Host we were asked for. The scheme is left out on
    // purpose: behind a TLS-terminating proxy the browser says https and we see http.
    const trusted = !origin || hostOf(origin) === c.req.header('Host') || allowed.has(origin);
    c.header('Vary', 'Origin', { append: true });
    if (c.req.method === 'OPTIONS') {
      const asked = (c.req.header('Access-Control-Request-Method') ?? '').toUpperCase();
      const read = (asked === 'GET' || asked === 'HEAD') && !admin;
      if (origin && (read || trusted)) {
        c.header('Access-Control-Allow-Origin', trusted ? origin : '*');
        c.header('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
        c.header('Access-Control-Allow-Headers', 'Content-Type, Authorization, Idempotency-Key, If-None-Match');
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    const write = WRITE_METHODS.has(c.req.method);
    if ((write || admin) && !trusted) {
      return problem(c, 403, 'origin-not-allowed', `Add ${origin} to ALLOWED_ORIGINS to let that site write`);
    }
    if (origin) {
      c.header('Access-Control-Allow-Origin', write || admin ? origin : '*');
      c.header('Access-Control-Expose-Headers', 'ETag, Location, Retry-After, Idempotent-Replayed');
    }
    await next();
  };
}

function writeRateLimit(config: Config, deps: Deps, limiter: WriteLimiter): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async (c, next) => {
    if (WRITE_METHODS.has(c.req.method) && !isAdmin(deps, bearer(c))) {
      const client = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
      const wait = await limiter.hit(client, deps.now());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return problem(c, 429, 'rate-limited', `At most ${config.writeRateLimit} writes a minute; try again in ${wait} s`, { retryAfter: wait });
      }
    }
    await next();
  };
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
  const deps: Deps = { config, now };
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
  api.use('*', writeRateLimit(config, deps, limiter));
  api.route('/', adminImportRoutes(store, deps)); // before the 64 KiB limit: it has its own (20 MB, streamed)
  // Refused from Content-Length (or while streaming) before any parsing happens. A declared length
  // is checked here, before the body is touched: then the server reads and drops the rest, and the
  // connection stays good for the client's next request. (Once bodyLimit has opened the body as a
  // stream, nothing reads the rest: the connection hangs and is dropped, and the next request a
  // keep-alive client, such as a reverse proxy, sends down it is lost.)
  const tooLarge = (c: Context) => problem(c, 413, 'payload-too-large', `Bodies are at most ${MAX_BODY_BYTES / 1024} KiB`);
  api.use('*', async (c, next) => {
    if (Number(c.req.header('Content-Length')) > MAX_BODY_BYTES) return tooLarge(c);
    await next();
  });
  api.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }));
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.route('/', reviewRoutes(store, deps));
  api.route('/', commentRoutes(store, deps));
  api.route('/', eventRoutes(store, live));
  api.route('/', adminRoutes(store, deps));
  api.all('*', (c) => problem(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}`));
  app.route('/v1', api);

  // The bundle a blog links, and the demo site.
  const dist = `${ROOT}dist`;
  const cache: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=300');
  };
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
  return app;
}

/** Scripts and source maps served from dist/: not dist/server/, and no `.`, `..` or `//` to reach it. */
const BUNDLE_FILE = /^(?!.*(?:\/\.|\/\/))\/(?!server\/)[\w./-]*\.js(?:\.map)?$/;
/** Static files other sites embed: scripts, maps, review documents and images. */
const EMBEDDABLE = /\.(m?js|map|json|svg|png|jpe?g|gif|webp|avif)$/i;
