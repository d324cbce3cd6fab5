/**
 * A static file server for a consumer's built pages, which passes `/v1/…` (and `/data/…`, the
 * images the reference server's reviews point to) to the reference review server as a blog's
 * reverse proxy would (so the pages' `api="/v1"` is same-origin).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

export async function serveStatic(root, api) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (api && /^\/(v1|data)\//.test(url.pathname)) {
      const upstream = new URL(url.pathname + url.search, api);
      const proxied = request(upstream, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      proxied.on('error', () => res.writeHead(502).end());
      req.pipe(proxied);
      return;
    }
    let file = join(root, normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
