/**
 * The catalogues the CDN bundle loads on demand sit beside it (`review-elements.<tag>-<hash>.js`):
 * the server serves them with CORS, since a blog on another origin imports them. Needs the CDN
 * build (`npm test` builds first; alone: `npm run build:cdn`).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { removeDir, startServer, type Server } from './harness.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('catalogue files beside the CDN bundle', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('serves each with CORS, and nothing else by that pattern', async () => {
    const files = readdirSync(dist).filter((f) => /^review-elements\.[\w-]+-[\w-]{8}\.js$/.test(f));
    assert.ok(
      files.some((f) => f.startsWith('review-elements.ar-')),
      `no Arabic catalogue in dist/ (${files.join(', ')}): run npm run build:cdn`,
    );
    for (const file of files) {
      const res = await server.request(`/${file}`, { headers: { Origin: 'https://blog.example' } });
      assert.equal(res.status, 200, file);
      assert.match(res.headers.get('Content-Type') ?? '', /javascript/);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
      assert.match(res.headers.get('Cache-Control') ?? '', /max-age=/);
      await res.arrayBuffer();
    }
    assert.equal((await server.request('/review-elements.xx-AAAAAAAA.js')).status, 404);
    assert.equal((await server.request('/review-elements.js')).status, 200);
  });
});
