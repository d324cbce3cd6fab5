import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const doc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  url: `https://blog.example/reviews/${id}/`,
  lang: 'en',
  title: `Review of ${id}`,
  publishedAt: '2030-01-01T00:00:00Z',
  work: { title: `Film ${id}`, type: 'movie' },
  comments: { open: true },
  ...extra,
});

describe('admin: reviews (drafts, PATCH, DELETE, relative images)', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('keeps a draft off every public route and shows it to the admin', async () => {
    const put = await server.request('/v1/reviews/secret?state=draft', {
      method: 'PUT',
      headers: admin,
      json: doc('secret'),
    });
    assert.equal(put.status, 201);
    assert.equal((await server.request('/v1/reviews/secret')).status, 404);
    assert.equal((await server.request('/v1/reviews/secret/comments')).status, 404);
    assert.equal(
      (await server.request('/v1/reviews/secret/comments', { method: 'POST', json: comment('A', 'hi') })).status,
      404,
    );
    const list = await (await server.request('/v1/reviews?limit=100')).json();
    assert.ok(!list.items.some((r: { id: string }) => r.id === 'secret'));
    const counts = await (await server.request('/v1/comment-counts?ids=secret,ballerina')).json();
    assert.deepEqual(Object.keys(counts.counts), ['ballerina']);

    const drafts = await (await server.request('/v1/admin/reviews?state=draft', { headers: admin })).json();
    assert.deepEqual(
      drafts.items.map((r: { id: string }) => r.id),
      ['secret'],
    );
    assert.equal(drafts.items[0].state, 'draft');
    const one = await (await server.request('/v1/admin/reviews/secret', { headers: admin })).json();
    assert.equal(one.state, 'draft');
    assert.equal(one.review.title, 'Review of secret');
    // Replacing a draft keeps it a draft.
    await server.request('/v1/reviews/secret', {
      method: 'PUT',
      headers: admin,
      json: doc('secret', { title: 'Still secret' }),
    });
    assert.equal((await server.request('/v1/reviews/secret')).status, 404);

    assert.equal(
      (await server.request('/v1/admin/reviews/secret/publish', { method: 'POST', headers: admin })).status,
      200,
    );
    const published = await server.request('/v1/reviews/secret');
    assert.equal(published.status, 200);
    assert.equal((await published.json()).title, 'Still secret');
    assert.ok(
      (await (await server.request('/v1/reviews?limit=100')).json()).items.some(
        (r: { id: string }) => r.id === 'secret',
      ),
    );

    assert.equal(
      (await server.request('/v1/admin/reviews/secret/unpublish', { method: 'POST', headers: admin })).status,
      200,
    );
    assert.equal((await server.request('/v1/reviews/secret')).status, 404);
    assert.equal(
      (await server.request('/v1/admin/reviews/nope/publish', { method: 'POST', headers: admin })).status,
      404,
    );
  });

  it('searches the admin list by title, with wildcards taken literally', async () => {
    await server.request('/v1/reviews/pct', {
      method: 'PUT',
      headers: admin,
      json: doc('pct', { title: '100% Wolf' }),
    });
    const found = await (await server.request('/v1/admin/reviews?q=100%25', { headers: admin })).json();
    assert.deepEqual(
      found.items.map((r: { id: string }) => r.id),
      ['pct'],
    );
    const byWork = await (await server.request('/v1/admin/reviews?q=ballerina', { headers: admin })).json();
    assert.ok(byWork.items.some((r: { id: string }) => r.id === 'ballerina'));
    assert.equal((await server.request('/v1/admin/reviews', {})).status, 401);
    assert.equal((await server.request('/v1/admin/reviews?state=maybe', { headers: admin })).status, 400);
  });

  it('PATCHes with JSON Merge Patch, validates the result and names the field', async () => {
    await server.request('/v1/reviews/patchme', {
      method: 'PUT',
      headers: admin,
      json: doc('patchme', { verdict: 'Fine', tags: ['a'] }),
    });
    const res = await server.request('/v1/reviews/patchme', {
      method: 'PATCH',
      headers: { ...admin, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({
        title: 'Patched',
        verdict: null,
        work: { year: 2024 },
        contentWarnings: [{ topic: 'suicide', severity: 'high' }],
      }),
    });
    assert.equal(res.status, 200);
    const patched = await (await server.request('/v1/reviews/patchme')).json();
    assert.equal(patched.title, 'Patched');
    assert.equal(patched.verdict, undefined);
    assert.equal(patched.work.title, 'Film patchme');
    assert.equal(patched.work.year, 2024);
    assert.deepEqual(patched.tags, ['a']);
    assert.equal(patched.contentWarnings[0].severity, 'high');

    const bad = await server.request('/v1/reviews/patchme', {
      method: 'PATCH',
      headers: admin,
      json: { rating: { value: 9, best: 5 } },
    });
    assert.equal(bad.status, 400);
    const problem = await bad.json();
    assert.equal(problem.code, 'invalid-body');
    assert.ok(
      problem.errors.some((e: { path: string }) => e.path === 'rating'),
      JSON.stringify(problem.errors),
    );
    const rename = await server.request('/v1/reviews/patchme', {
      method: 'PATCH',
      headers: admin,
      json: { id: 'other' },
    });
    assert.equal((await rename.json()).errors[0].path, 'id');
    assert.equal((await server.request('/v1/reviews/nope', { method: 'PATCH', headers: admin, json: {} })).status, 404);
    assert.equal((await server.request('/v1/reviews/patchme', { method: 'PATCH', json: { title: 'x' } })).status, 401);
  });

  it('DELETE removes the review and its comments', async () => {
    await server.request('/v1/reviews/gone', { method: 'PUT', headers: admin, json: doc('gone') });
    const posted = await (
      await server.request('/v1/reviews/gone/comments', { method: 'POST', json: comment('Reader', 'Bye') })
    ).json();
    assert.equal((await server.request('/v1/reviews/gone', { method: 'DELETE' })).status, 401);
    assert.equal((await server.request('/v1/reviews/gone', { method: 'DELETE', headers: admin })).status, 204);
    assert.equal((await server.request('/v1/reviews/gone')).status, 404);
    assert.equal(
      (await server.request(`/v1/comments/${posted.id}`, { method: 'PATCH', headers: admin, json: { body: 'x' } }))
        .status,
      404,
    );
    const queue = await (await server.request('/v1/admin/queue?status=published', { headers: admin })).json();
    assert.ok(!queue.items.some((c: { id: string }) => c.id === posted.id));
    assert.equal((await server.request('/v1/reviews/gone', { method: 'DELETE', headers: admin })).status, 404);
  });

  it('with ?images=article, resolves path-relative images against the review url and keeps root-relative ones', async () => {
    const plain = doc('plain', { work: { title: 'P', type: 'movie', poster: { url: 'images/poster.jpg' } } });
    await server.request('/v1/reviews/plain', { method: 'PUT', headers: admin, json: plain });
    assert.equal(
      (await (await server.request('/v1/reviews/plain')).json()).work.poster.url,
      'images/poster.jpg',
      'stored as sent by default',
    );
    const res = await server.request('/v1/reviews/pics?images=article', {
      method: 'PUT',
      headers: admin,
      json: doc('pics', {
        work: { title: 'P', type: 'movie', poster: { url: 'images/poster.jpg' } },
        cast: [
          { name: 'A', photo: '../a.jpg' },
          { name: 'B', photo: '/v1/uploads/x.png' },
          { name: 'C', photo: 'https://cdn.example/c.jpg' },
          { name: 'D', photo: ' JaVaScRiPt:alert(1)' },
        ],
        credits: [{ role: 'director', name: 'D', avatar: 'd.png' }],
      }),
    });
    assert.equal(res.status, 201);
    const got = await (await server.request('/v1/reviews/pics')).json();
    assert.equal(got.work.poster.url, 'https://blog.example/reviews/pics/images/poster.jpg');
    assert.deepEqual(
      got.cast.map((c: { photo: string }) => c.photo),
      ['https://blog.example/reviews/a.jpg', '/v1/uploads/x.png', 'https://cdn.example/c.jpg', ' JaVaScRiPt:alert(1)'],
    );
    assert.equal(got.credits[0].avatar, 'https://blog.example/reviews/pics/d.png');
  });

  it('describes the new routes in OpenAPI', async () => {
    const doc = await (await server.request('/v1/openapi.json')).json();
    for (const path of [
      '/admin/reviews',
      '/admin/reviews/{id}',
      '/admin/reviews/{id}/publish',
      '/admin/queue',
      '/admin/comments/bulk',
      '/admin/bans',
      '/admin/session',
      '/admin/uploads',
      '/uploads/{name}',
      '/comments/{id}/reports',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.paths['/reviews/{id}'].patch && doc.paths['/reviews/{id}'].delete);
  });
});
