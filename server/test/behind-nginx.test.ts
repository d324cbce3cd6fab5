/**
 * The server behind Debian's nginx with docs/deploy.md's recipe, on a non-default port: reads,
 * writes from the site's own origin (the port kept in Host), and the write limit per reader
 * through TRUST_PROXY=1. Skipped, saying so, only where nginx is not installed (.ci/run installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeDir, startServer, type Server } from './harness.js';
import { checkBehindProxy, freePort, startProcess, waitForHttp } from './proxy-helpers.js';

const NGINX = '/usr/sbin/nginx';
const missing = existsSync(NGINX) ? false : 'nginx is not installed (apt-get install nginx-light); .ci/run installs it';

/** The location block of docs/deploy.md, verbatim apart from the upstream port. */
const recipe = (upstream: string) => `
    location / {
      proxy_pass ${upstream};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }`;

describe('behind nginx', { skip: missing }, () => {
  let server: Server;
  let site: string;
  let dir: string;
  let stopNginx: () => void = () => {};
  before(async () => {
    server = await startServer({ WRITE_RATE_LIMIT: '10', TRUST_PROXY: '1' });
    dir = mkdtempSync(join(tmpdir(), 'review-nginx-'));
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
    const port = await freePort();
    site = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    ${recipe(server.url)}
  }
}
`,
    );
    const nginx = startProcess(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]);
    stopNginx = () => nginx.child.kill('SIGTERM');
    await waitForHttp(site, nginx.child, nginx.output);
  });
  after(async () => {
    stopNginx();
    await server?.stop();
    if (server) removeDir(server.dir);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads, takes writes from its own origin with the port, and limits writes per reader', async () => {
    await checkBehindProxy(site, server);
  });
});
