/**
 * The reference server on Node: the v1 API (server/api.ts, runtime-neutral) with what only Node
 * has: the client's address from the socket (and TRUST_PROXY), draining a refused upload, the
 * admin upload streamed to a file, and the bundle and demo pages from disk.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import { compress } from 'hono/compress';
import { fileURLToPath } from 'node:url';
import { createApi } from './api.js';
import { clientAddress, clientIp } from './client-address.js';
import type { Config } from './config.js';
import { problem } from './problem.js';
import type { LiveHub } from './live/hub.js';
import type { LimiterFactory, WriteLimiter } from './rate-limit.js';
import { adminImportRoutes } from './routes/admin-import.js';
import { createNotifier } from './notify/notifier.js';
import { uploadRoutes } from './routes/uploads.js';
import { articleRoute } from './ssr/article-route.js';
import type { ReviewStore } from './store/store.js';

/** The project root, from server/app.ts or from the bundle at dist/server/main.js alike. */
export const ROOT = fileURLToPath(
  new URL(import.meta.url.includes('/dist/server/') ? '../../' : '../', import.meta.url),
);

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
  /** The routes' other limiters (wrong tokens, sign-ins, reports); shared on PostgreSQL. */
  limits?: LimiterFactory;
  /** Live event streams; a hub on an in-memory feed unless given. */
  live?: LiveHub;
}

export function createApp({ store, config, now = Date.now, limiter, limits, live }: AppOptions) {
  const notifier = createNotifier(config);
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.onError((error, c) => {
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

  const api = createApi({
    store,
    config,
    now,
    clientAddress: (c) => clientAddress(c, config.trustProxy),
    // Node's: the export upload streamed to a file, and the desk's images written to disk (#14).
    uploads: (routesStore, deps) =>
      new Hono().route('/', adminImportRoutes(routesStore, deps)).route('/', uploadRoutes(deps, config)),
    clientIp: (c) => {
      const address = clientIp(c, config.trustProxy);
      return isIP(address) ? address : undefined;
    },
    notify: notifier?.notify,
    onBodyTooLarge: (c) => drainRefusedBody(c.env as HttpBindings | undefined),
    limiter,
    limits,
    live,
  });
  app.route('/', api);

  // The bundle a blog links, and the demo site.
  const dist = `${ROOT}dist`;
  const cache: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=300');
  };
  // The owner's desk (#14): demo/admin/index.html and its own script, with a strict policy.
  app.use('/admin/*', async (c, next) => {
    await next();
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
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
  const article = articleRoute(store, ROOT);
  app.get('/', article);
  app.get('/index.html', article);
  app.get('/*', serveStatic({ root: `${ROOT}demo` }));
  // On shutdown: send a pending email digest and let webhook deliveries in flight finish.
  return Object.assign(app, { closeNotifications: async () => notifier?.close() });
}

/** Scripts and source maps served from dist/: not dist/server/, and no `.`, `..` or `//` to reach it. */
const BUNDLE_FILE = /^(?!.*(?:\/\.|\/\/))\/(?!server\/)[\w./-]*\.js(?:\.map)?$/;
/** Static files other sites embed: scripts, maps, review documents and images. */
const EMBEDDABLE = /\.(m?js|map|json|svg|png|jpe?g|gif|webp|avif)$/i;
