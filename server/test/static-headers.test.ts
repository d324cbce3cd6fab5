/**
 * The files other sites embed (the bundle and every script beside it, source maps, review
 * documents, images) carry CORS and CORP headers, over real HTTP from the built server; pages and
 * the server's own build do not leave.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { removeDir, startServer, type Server } from './harness.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('static files for other sites', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  /** A request with the path exactly as written (fetch would resolve `..` before sending it). */
  const raw = (path: string) =>
    new Promise<{ status: number; body: string; cors: unknown }>((resolve, reject) => {
      httpGet(`${server.url}/`, { path }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body, cors: res.headers['access-control-allow-origin'] }),
        );
      }).on('error', reject);
    });

  const get = (path: string) =>
    server.request(path, { headers: { Origin: 'https://blog.example', 'Accept-Encoding': 'gzip' } });

  it('serves the bundle, its map, every script beside it, review documents and images with CORS and CORP', async () => {
    const chunk = readdirSync(`${DIST}chunks`).find((f) => f.endsWith('.js'));
    assert.ok(chunk, 'no chunk in dist/chunks to test with');
    // The chunks the loader (review-elements.js) imports from beside itself, and the one-file build.
    const cdnChunk = readdirSync(`${DIST}cdn`).find((f) => f.endsWith('.js'));
    assert.ok(cdnChunk, 'no chunk in dist/cdn to test with');
    const paths = [
      ['/review-elements.js', /javascript/],
      ['/review-elements.js.map', /json/],
      [`/chunks/${chunk}`, /javascript/],
      [`/cdn/${cdnChunk}`, /javascript/],
      [`/cdn/${cdnChunk}.map`, /json/],
      ['/review-elements.all.js', /javascript/],
      ['/locales/ko.js', /javascript/],
      ['/data/images/ballerina-poster.svg', /image\/svg\+xml/],
      ['/data/ballerina.json', /json/],
    ] as const;
    for (const [path, type] of paths) {
      const res = await get(path);
      await res.arrayBuffer();
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('Content-Type') ?? '', type, path);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*', path);
      assert.equal(res.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin', path);
      assert.equal(res.headers.get('Cache-Control'), 'public, max-age=300', path);
    }
  });

  it('does not share pages, and does not serve the server build or paths that climb out', async () => {
    const page = await get('/embed/');
    await page.text();
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(page.headers.get('Cross-Origin-Resource-Policy'), null);
    for (const path of [
      '/server/main.js',
      '/chunks/../server/main.js',
      '/chunks/%2e%2e/server/main.js',
      '/chunks/..%2fserver/main.js',
      '//server/main.js',
      '/./server/main.js',
      '/types/index.d.ts',
    ]) {
      const res = await raw(path);
      assert.equal(res.status, 404, `${path}: ${res.status}`);
      assert.doesNotMatch(res.body, /createApp|listening on/, path);
      assert.equal(res.cors, undefined, path);
    }
  });

  it('leaves the API its own CORS rules', async () => {
    const res = await get('/v1/openapi.json');
    await res.arrayBuffer();
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
    assert.equal(res.headers.get('Cross-Origin-Resource-Policy'), null);
  });
});
