import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { openApiDocument } from './openapi.js';
import { problem } from './problem.js';
import { RateLimiter } from './rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { isAdminRequest, type Deps } from './routes/auth.js';
import { deskRoutes } from './routes/desk.js';
import { UPLOAD_PATH } from './routes/uploads.js';
import { createNotifier } from './notify/notifier.js';
import { commentRoutes } from './routes/comments.js';
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

function writeRateLimit(config: Config, deps: Deps): MiddlewareHandler<{ Bindings: HttpBindings }> {
  const limiter = new RateLimiter(config.writeRateLimit);
  return async (c, next) => {
    if (WRITE_METHODS.has(c.req.method) && !(await isAdminRequest(deps, c))) {
      const client = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
      const wait = limiter.hit(client, deps.now());
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
}

export function createApp({ store, config, now = Date.now }: AppOptions) {
  const notifier = createNotifier(config);
  const deps: Deps = { config, now, desk: store.desk, notify: notifier?.notify };
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
  api.use('*', writeRateLimit(config, deps));
  // Refused from Content-Length (or while streaming) before any parsing happens. A declared length
  // is checked here, before the body is touched: then the server reads and drops the rest, and the
  // connection stays good for the client's next request. (Once bodyLimit has opened the body as a
  // stream, nothing reads the rest: the connection hangs and is dropped, and the next request a
  // keep-alive client, such as a reverse proxy, sends down it is lost.)
  const tooLarge = (c: Context) => problem(c, 413, 'payload-too-large', `Bodies are at most ${MAX_BODY_BYTES / 1024} KiB`);
  // Image uploads (routes/uploads.ts) have their own, larger limit.
  const jsonLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  api.use('*', async (c, next) => {
    if (c.req.path === `/v1${UPLOAD_PATH}`) return next();
    if (Number(c.req.header('Content-Length')) > MAX_BODY_BYTES) return tooLarge(c);
    return jsonLimit(c, next);
  });
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.route('/', reviewRoutes(store, deps));
  api.route('/', commentRoutes(store, deps));
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
  app.get('/review-elements.js', cache, serveStatic({ root: dist }));
  app.get('/review-elements.js.map', cache, serveStatic({ root: dist }));
  // The owner's desk (#14): demo/admin/index.html and its own script, with a strict policy.
  app.use('/admin/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    c.header('X-Frame-Options', 'DENY');
  });
  app.get('/admin/admin.js', cache, serveStatic({ root: dist }));
  app.get('/admin/admin.js.map', cache, serveStatic({ root: dist }));
  app.get('/*', cache, serveStatic({ root: `${ROOT}demo` }));
  // On shutdown: send a pending email digest and let webhook deliveries in flight finish.
  return Object.assign(app, { closeNotifications: async () => notifier?.close() });
}
