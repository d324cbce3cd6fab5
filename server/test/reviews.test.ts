import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, removeDir, runToExit, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('reviews API', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('serves the seeded review with ETag and Cache-Control, and 304 on If-None-Match', async () => {
    const res = await server.request('/v1/reviews/ballerina');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type')!, /^application\/json/);
    assert.match(res.headers.get('Cache-Control')!, /max-age=\d+/);
    const etag = res.headers.get('ETag')!;
    assert.ok(etag);
    const review = await res.json();
    assert.equal(review.work.title, 'Ballerina');
    assert.equal(review.work.poster.url, '/data/images/ballerina-poster.svg');
    assert.equal(review.commentCount, 6);
    const again = await server.request('/v1/reviews/ballerina', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  it('answers an unknown review with 404 problem+json', async () => {
    const res = await server.request('/v1/reviews/nope');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    const body = await res.json();
    assert.equal(body.code, 'not-found');
    assert.equal(body.status, 404);
    assert.ok(body.title && body.detail && body.type);
  });

  it('lists reviews newest first with a cursor', async () => {
    const first = await (await server.request('/v1/reviews?limit=2')).json();
    assert.deepEqual(
      first.items.map((r: { id: string }) => r.id),
      ['ballerina', 'past-lives'],
    );
    assert.ok(first.nextCursor);
    const second = await (
      await server.request(`/v1/reviews?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    assert.deepEqual(
      second.items.map((r: { id: string }) => r.id),
      ['the-glory'],
    );
    assert.equal(second.nextCursor, null);
    assert.equal((await server.request('/v1/reviews?cursor=garbage')).status, 400);
    assert.equal((await server.request('/v1/reviews?limit=1000')).status, 400);
  });

  it('guards PUT with the admin token: 401 without, 403 wrong, 201 then 200 right', async () => {
    const doc = {
      id: 'new-one',
      url: 'https://blog.example/new-one',
      lang: 'en',
      title: 'New',
      publishedAt: '2025-01-01T00:00:00Z',
      work: { title: 'A film', type: 'movie' },
    };
    assert.equal((await server.request('/v1/reviews/new-one', { method: 'PUT', json: doc })).status, 401);
    const wrong = await server.request('/v1/reviews/new-one', {
      method: 'PUT',
      json: doc,
      headers: { Authorization: 'Bearer nope' },
    });
    assert.equal(wrong.status, 403);
    assert.equal((await wrong.json()).code, 'forbidden');
    const created = await server.request('/v1/reviews/new-one', { method: 'PUT', json: doc, headers: admin });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('Location'), '/v1/reviews/new-one');
    const replaced = await server.request('/v1/reviews/new-one', {
      method: 'PUT',
      json: { ...doc, title: 'Newer' },
      headers: admin,
    });
    assert.equal(replaced.status, 200);
    assert.equal((await (await server.request('/v1/reviews/new-one')).json()).title, 'Newer');
  });

  it('validates PUT bodies against the shared schema and names the field', async () => {
    const res = await server.request('/v1/reviews/bad', {
      method: 'PUT',
      json: { id: 'bad', title: 'x' },
      headers: admin,
    });
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.code, 'invalid-body');
    assert.ok(body.errors.some((e: { path: string }) => e.path === 'url'));
    const mismatch = await server.request('/v1/reviews/other', {
      method: 'PUT',
      headers: admin,
      json: {
        id: 'bad',
        url: 'https://x.example',
        lang: 'en',
        title: 'x',
        publishedAt: '2025-01-01T00:00:00Z',
        work: { title: 'x', type: 'movie' },
      },
    });
    assert.equal(mismatch.status, 400);
  });

  it('describes itself in OpenAPI', async () => {
    const doc = await (await server.request('/v1/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/reviews',
      '/reviews/{id}',
      '/reviews/{id}/comments',
      '/comments/{id}',
      '/comment-counts',
      '/admin/comments',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.equal(doc.components.schemas.Review.type, 'object');
  });

  it('serves the demo page and the bundle', async () => {
    const page = await server.request('/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<review-source\s+api="\/v1" review="ballerina">/);
    const bundle = await server.request('/review-elements.js');
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('Content-Type')!, /javascript/);
    assert.equal((await server.request('/../package.json')).status, 404);
  });
});

describe('admin routes without REVIEW_ADMIN_TOKEN', () => {
  it('answer 403 admin-disabled', async () => {
    const server = await startServer({ REVIEW_SEED: 'none' });
    try {
      const res = await server.request('/v1/admin/comments', {
        headers: { Authorization: 'Bearer anything-at-all-123' },
      });
      assert.equal(res.status, 403);
      assert.equal((await res.json()).code, 'admin-disabled');
    } finally {
      await server.stop();
      removeDir(server.dir);
    }
  });
});

describe('configuration', () => {
  it('stops with a clear message on an invalid value', async () => {
    const { code, output } = await runToExit({ PORT: 'eighty' });
    assert.equal(code, 2);
    assert.match(output, /PORT="eighty": must be a number/);
  });

  it('stops on an unknown REVIEW_ setting', async () => {
    const { code, output } = await runToExit({ REVIEW_MODERATON: 'pre' });
    assert.equal(code, 2);
    assert.match(output, /Unknown setting REVIEW_MODERATON/);
  });

  it('rejects a bad MODERATION and a malformed ALLOWED_ORIGINS', async () => {
    assert.match((await runToExit({ MODERATION: 'later' })).output, /MODERATION/);
    assert.match((await runToExit({ ALLOWED_ORIGINS: 'blog.example' })).output, /ALLOWED_ORIGINS/);
  });
});
