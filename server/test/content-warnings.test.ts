/**
 * `contentWarnings: "not-warned"` (the author chose not to warn) is a state of its own: stored and
 * served as sent, told apart from `[]`, and anything else that is not a list is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const doc = (id: string, contentWarnings: unknown) => ({
  id,
  url: `https://blog.example/${id}`,
  lang: 'en',
  title: 'A review',
  publishedAt: '2025-01-01T00:00:00Z',
  work: { title: 'A film', type: 'movie' },
  contentWarnings,
});

describe('content warnings in review documents', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('stores and serves "not-warned" as sent, apart from an empty list', async () => {
    const put = await server.request('/v1/reviews/unwarned', {
      method: 'PUT',
      json: doc('unwarned', 'not-warned'),
      headers: admin,
    });
    assert.equal(put.status, 201);
    assert.equal((await (await server.request('/v1/reviews/unwarned')).json()).contentWarnings, 'not-warned');
    await server.request('/v1/reviews/nothing-to-warn', {
      method: 'PUT',
      json: doc('nothing-to-warn', []),
      headers: admin,
    });
    assert.deepEqual((await (await server.request('/v1/reviews/nothing-to-warn')).json()).contentWarnings, []);
    const listed = doc('listed', [{ topic: 'ferry-disaster', severity: 'high' }]);
    await server.request('/v1/reviews/listed', { method: 'PUT', json: listed, headers: admin });
    assert.deepEqual((await (await server.request('/v1/reviews/listed')).json()).contentWarnings, [
      { topic: 'ferry-disaster', severity: 'high' },
    ]);
  });

  it('refuses any other string with a problem naming the field', async () => {
    for (const value of ['none', 'Not-Warned', '', 42]) {
      const res = await server.request('/v1/reviews/odd', { method: 'PUT', json: doc('odd', value), headers: admin });
      assert.equal(res.status, 400, JSON.stringify(value));
      assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
      const body = await res.json();
      assert.equal(body.code, 'invalid-body');
      assert.ok(
        body.errors.some((e: { path: string }) => e.path === 'contentWarnings'),
        JSON.stringify(body.errors),
      );
    }
  });
});
