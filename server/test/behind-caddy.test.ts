/**
 * The server behind Debian's Caddy with docs/deploy.md's Caddyfile, on a non-default port: the
 * same checks as behind nginx. Skipped, saying so, where caddy is not installed (.ci/run installs it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeDir, startServer, type Server } from './harness.js';
import { checkBehindProxy, freePort, startProcess, waitForHttp } from './proxy-helpers.js';

const CADDY = '/usr/bin/caddy';
const missing = existsSync(CADDY) ? false : 'caddy is not installed (apt-get install caddy); .ci/run installs it';

describe('behind Caddy', { skip: missing }, () => {
  let server: Server;
  let site: string;
  let dir: string;
  let stopCaddy: () => void = () => {};
  before(async () => {
    server = await startServer({ WRITE_RATE_LIMIT: '10', TRUST_PROXY: '1' });
    dir = mkdtempSync(join(tmpdir(), 'review-caddy-'));
    const port = await freePort();
    site = `http://127.0.0.1:${port}`;
    // docs/deploy.md's site block; the global options only keep the test to itself (no admin
    // endpoint, no certificates for a loopback address).
    writeFileSync(
      join(dir, 'Caddyfile'),
      `{
  admin off
  auto_https off
}
${site} {
  reverse_proxy ${new URL(server.url).host}
}
`,
    );
    const caddy = startProcess(CADDY, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
      HOME: dir,
      XDG_DATA_HOME: dir,
      XDG_CONFIG_HOME: dir,
    });
    stopCaddy = () => caddy.child.kill('SIGTERM');
    await waitForHttp(site, caddy.child, caddy.output);
  });
  after(async () => {
    stopCaddy();
    await server?.stop();
    if (server) removeDir(server.dir);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads, takes writes from its own origin with the port, and limits writes per reader', async () => {
    await checkBehindProxy(site, server);
  });
});
