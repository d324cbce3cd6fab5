import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { ROOT, createApp } from './app.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { paceHeapGrowth } from './heap.js';
import { LiveHub } from './live/hub.js';
import { openBackend, type Backend } from './store/open.js';

let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`review-server: ${error.message}`);
  process.exit(2);
}
paceHeapGrowth(config.heapGrowthPercent);

const dbFile = config.db === ':memory:' || isAbsolute(config.db) ? config.db : resolve(process.cwd(), config.db);
let backend: Backend;
try {
  backend = await openBackend(config, dbFile, ROOT);
} catch (error) {
  console.error(`review-server: cannot open the database: ${(error as Error).message}`);
  process.exit(1);
}
const { store, limiter, limits, feed } = backend;
if (backend.seeded.length)
  console.log(`review-server: seeded ${backend.seeded.join(', ')} into the ${backend.description}`);
const live = new LiveHub(feed);

const app = createApp({ store, config, limiter, limits, live });
/**
 * Slow clients are cut off early (Node waits 60 s for headers and 300 s for a body by default, so a
 * few hundred trickling connections would tie the server up): headers within 10 s, the whole
 * request within 30 s (a 64 KiB body at 20 kbit/s), an idle keep-alive connection after 5 s.
 */
const serverOptions = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};
const server = serve(
  { fetch: app.fetch, hostname: config.host, port: config.port, serverOptions },
  (info: AddressInfo) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    // Tests and scripts read this line to find the port when PORT=0.
    console.log(
      `review-server: listening on http://${host}:${info.port}/ (${backend.description}, moderation ${config.moderation})`,
    );
    if (!config.adminToken) console.log('review-server: admin routes are off (set REVIEW_ADMIN_TOKEN to turn them on)');
  },
);

server.on('error', (error: NodeJS.ErrnoException) => {
  // The usual deployment mistakes, in one line each rather than a stack trace.
  const where = `${config.host}:${config.port}`;
  if (error.code === 'EADDRINUSE')
    console.error(`review-server: ${where} is already in use (another server running? set PORT)`);
  else if (error.code === 'EACCES')
    console.error(`review-server: not allowed to listen on ${where} (ports under 1024 need privileges)`);
  else if (error.code === 'EADDRNOTAVAIL')
    console.error(`review-server: ${config.host} is not an address of this machine (set HOST)`);
  else console.error(`review-server: cannot listen on ${where}: ${error.message}`);
  void backend.close().finally(() => process.exit(1));
});

let stopping = false;
/**
 * Stop taking connections, let requests in flight finish (each write is committed before its
 * response is sent), then close the database. A second signal, or 10 s, forces the exit.
 */
function shutdown(signal: string): void {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`review-server: ${signal}, finishing requests in flight`);
  const force = setTimeout(() => {
    console.error('review-server: requests still open after 10 s; closing anyway');
    void backend.close().finally(() => process.exit(1));
  }, 10_000);
  force.unref();
  // Keep-alive connections would hold close() open until they time out: end each one as soon as
  // it is idle (its response sent), now and while the busy ones finish.
  const http = server as unknown as { closeIdleConnections?: () => void };
  const sweep = setInterval(() => http.closeIdleConnections?.(), 50);
  // Event streams never go idle on their own: end them (browsers reconnect, to another process).
  live.closeAll();
  server.close(async () => {
    clearInterval(sweep);
    await app.closeNotifications();
    await backend.close();
    console.log('review-server: stopped cleanly');
    process.exit(0);
  });
  http.closeIdleConnections?.();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
