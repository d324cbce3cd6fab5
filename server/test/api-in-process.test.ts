/**
 * The v1 routes in-process (`createApi(...).request()`, no socket), against the in-memory store
 * and against SQLite in memory: both stores must answer every route the same way, since the
 * in-memory one is what Storybook's stories and these tests talk to. The full server over HTTP
 * is tested by the other files here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_AUTHOR_NAME, MAX_BODY_BYTES, MAX_COMMENT_BODY } from '../../src/api/limits.js';
import { CommentPageSchema, ReviewSchema } from '../../src/api/schemas.js';
import type { ReviewInput } from '../../src/api/types.js';
import * as v from 'valibot';
import { createApi } from '../api.js';
import type { ApiConfig } from '../config.js';
import { MemoryStore } from '../store/memory.js';
import { SqliteStore } from '../store/sqlite.js';
import type { ReviewStore } from '../store/store.js';

const ADMIN = 'in-process-admin-token-0123456789';
const config: ApiConfig = {
  adminToken: ADMIN,
  allowedOrigins: [],
  publicOrigins: [],
  moderation: 'post',
  writeRateLimit: 0,
  readRateLimit: 0,
  editWindowMs: 15 * 60_000,
  duplicateWindowMs: 0,
  maxLinks: 10,
  reportHideAt: 3,
  adminSessionMs: 8 * 3_600_000,
};

const review = (id: string, open = true): ReviewInput => ({
  id,
  url: `https://blog.example/${id}`,
  lang: 'en',
  title: `Review ${id}`,
  publishedAt: '2024-10-01T10:00:00Z',
  work: { title: 'Ballerina', type: 'movie', year: 2023 },
  credits: [{ role: 'author', name: 'Joey' }],
  comments: { open },
});

function setup(makeStore: () => ReviewStore, extra: Partial<ApiConfig> = {}) {
  let clock = Date.parse('2024-11-01T12:00:00Z');
  const store = makeStore();
  const api = createApi({ store, config: { ...config, ...extra }, now: () => clock });
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    return api.request(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  };
  const admin = { Authorization: `Bearer ${ADMIN}` };
  const put = (doc: ReviewInput) => request(`/v1/reviews/${doc.id}`, { method: 'PUT', json: doc, headers: admin });
  const post = (reviewId: string, body: unknown, headers: Record<string, string> = {}) =>
    request(`/v1/reviews/${reviewId}/comments`, { method: 'POST', json: body, headers });
  const page = async (path: string) => v.parse(CommentPageSchema, await (await request(path)).json());
  return { store, request, put, post, page, admin, tick: (ms: number) => (clock += ms) };
}

const comment = (name: string, body: string, extra: Record<string, unknown> = {}) => ({
  author: { name },
  body,
  ...extra,
});

for (const [name, makeStore] of [
  ['memory store', () => new MemoryStore()],
  ['SQLite store', () => new SqliteStore(':memory:')],
] as const) {
  describe(`v1 routes in-process, ${name}`, () => {
    it('stores a review and answers it with an ETag, a 304 and problem+json for an unknown id', async () => {
      const { request, put } = setup(makeStore);
      assert.equal((await put(review('ballerina'))).status, 201);
      assert.equal((await put(review('ballerina'))).status, 200);
      const res = await request('/v1/reviews/ballerina');
      assert.equal(res.status, 200);
      const doc = v.parse(ReviewSchema, await res.json());
      assert.equal(doc.title, 'Review ballerina');
      assert.equal(doc.commentCount, 0);
      const etag = res.headers.get('ETag')!;
      assert.equal((await request('/v1/reviews/ballerina', { headers: { 'If-None-Match': etag } })).status, 304);
      const missing = await request('/v1/reviews/nope');
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
      assert.equal((await missing.json()).code, 'not-found');
      assert.equal((await request('/v1/reviews/x', { method: 'PUT', json: review('x') })).status, 401);
    });

    it('posts, replies, lists with a cursor and counts; an Idempotency-Key replays', async () => {
      const { request, put, post, page } = setup(makeStore);
      await put(review('ballerina'));
      const first = await post('ballerina', comment('Hana', 'The hallway fight!'), { 'Idempotency-Key': 'k-1' });
      assert.equal(first.status, 201);
      const created = await first.json();
      assert.match(created.editToken, /^[\w-]{32}$/);
      assert.equal(created.status, 'published');
      const replay = await post('ballerina', comment('Hana', 'The hallway fight!'), { 'Idempotency-Key': 'k-1' });
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.equal((await replay.json()).id, created.id);
      assert.equal((await post('ballerina', comment('Hana', 'Other words'), { 'Idempotency-Key': 'k-1' })).status, 422);

      assert.equal((await post('ballerina', comment('Marcus', 'Agreed.', { parentId: created.id }))).status, 201);
      for (let i = 0; i < 3; i++) await post('ballerina', comment(`Reader ${i}`, `Comment ${i}`));
      const one = await page('/v1/reviews/ballerina/comments?limit=2');
      assert.deepEqual(
        one.items.map((c) => c.author.name),
        ['Hana', 'Reader 0'],
      );
      assert.deepEqual(
        one.items[0].replies.map((r) => r.body),
        ['Agreed.'],
      );
      assert.equal(one.total, 5);
      const two = await page(`/v1/reviews/ballerina/comments?limit=2&cursor=${one.nextCursor}`);
      assert.deepEqual(
        two.items.map((c) => c.author.name),
        ['Reader 1', 'Reader 2'],
      );
      assert.equal(two.nextCursor, null);
      const newest = await page('/v1/reviews/ballerina/comments?sort=newest&limit=1');
      assert.equal(newest.items[0].author.name, 'Reader 2');
      const top = await page('/v1/reviews/ballerina/comments?sort=top&limit=1');
      assert.equal(top.items[0].author.name, 'Hana');
      const counts = await (await request('/v1/comment-counts?ids=ballerina,unknown')).json();
      assert.deepEqual(counts, { counts: { ballerina: 5 } });
      assert.equal((await request('/v1/reviews/ballerina/comments?cursor=garbage')).status, 400);
    });

    it('says in the comments page whether comments are open', async () => {
      const { put, page } = setup(makeStore);
      await put(review('open'));
      await put(review('closed', false));
      assert.equal((await page('/v1/reviews/open/comments')).open, true);
      assert.equal((await page('/v1/reviews/closed/comments')).open, false);
      await put(review('open', false));
      assert.equal((await page('/v1/reviews/open/comments')).open, false);
    });

    it('lets the author edit and delete with the edit token, within the window only', async () => {
      const { request, put, post, page, tick } = setup(makeStore);
      await put(review('ballerina'));
      const { id, editToken } = await (await post('ballerina', comment('Hana', 'Frist'))).json();
      const bearer = { Authorization: `Bearer ${editToken}` };
      assert.equal(
        (
          await request(`/v1/comments/${id}`, {
            method: 'PATCH',
            json: { body: 'First' },
            headers: { Authorization: 'Bearer wrong' },
          })
        ).status,
        403,
      );
      const edited = await request(`/v1/comments/${id}`, { method: 'PATCH', json: { body: 'First' }, headers: bearer });
      assert.equal(edited.status, 200);
      assert.equal((await edited.json()).body, 'First');
      tick(16 * 60_000);
      const late = await request(`/v1/comments/${id}`, { method: 'DELETE', headers: bearer });
      assert.equal((await late.json()).code, 'edit-window-closed');
      const { id: second, editToken: token2 } = await (await post('ballerina', comment('Marcus', 'Gone soon'))).json();
      assert.equal(
        (await request(`/v1/comments/${second}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token2}` } }))
          .status,
        204,
      );
      const list = await page('/v1/reviews/ballerina/comments');
      assert.deepEqual(
        list.items.map((c) => c.body),
        ['First'],
      );
      assert.ok(list.items[0].editedAt);
    });

    it('validates bodies with the shared limits and refuses what it cannot take', async () => {
      const { put, post, request } = setup(makeStore);
      await put(review('ballerina'));
      await put(review('closed', false));
      const tooLong = await post('ballerina', comment('Hana', 'x'.repeat(MAX_COMMENT_BODY + 1)));
      assert.equal(tooLong.status, 400);
      assert.equal((await tooLong.json()).code, 'invalid-body');
      assert.equal((await post('ballerina', comment('Hana', 'x'.repeat(MAX_COMMENT_BODY)))).status, 201);
      assert.equal((await post('ballerina', comment('n'.repeat(MAX_AUTHOR_NAME + 1), 'Hi'))).status, 400);
      const huge = await request('/v1/reviews/ballerina/comments', {
        method: 'POST',
        body: JSON.stringify(comment('Hana', 'y'.repeat(MAX_BODY_BYTES))),
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 100) },
      });
      assert.equal(huge.status, 413);
      assert.equal((await post('closed', comment('Hana', 'Hi'))).status, 403);
      assert.equal((await post('ballerina', comment('Hana', 'Hi', { parentId: 'c_nothing' }))).status, 422);
      assert.equal(
        (
          await request('/v1/reviews/ballerina/comments', {
            method: 'POST',
            body: 'hi',
            headers: { 'Content-Type': 'text/plain' },
          })
        ).status,
        415,
      );
      const cross = await post('ballerina', comment('Hana', 'Hi'), { Origin: 'https://elsewhere.example' });
      assert.equal((await cross.json()).code, 'origin-not-allowed');
    });

    it('holds comments for moderation, shows them once approved, and hides the rejected', async () => {
      const { request, put, post, page, admin } = setup(makeStore, { moderation: 'pre' });
      await put(review('ballerina'));
      const a = await (await post('ballerina', comment('Hana', 'Please approve'))).json();
      const b = await (await post('ballerina', comment('Spam', 'Buy now'))).json();
      assert.equal(a.status, 'pending');
      assert.equal((await page('/v1/reviews/ballerina/comments')).total, 0);
      const queue = await (await request('/v1/admin/comments?status=pending', { headers: admin })).json();
      assert.deepEqual(
        queue.items.map((c: { id: string }) => c.id),
        [a.id, b.id],
      );
      assert.equal(
        (await request(`/v1/admin/comments/${a.id}/approve`, { method: 'POST', headers: admin })).status,
        200,
      );
      assert.equal(
        (await request(`/v1/admin/comments/${b.id}/reject`, { method: 'POST', headers: admin })).status,
        200,
      );
      const list = await page('/v1/reviews/ballerina/comments');
      assert.deepEqual(
        list.items.map((c) => c.body),
        ['Please approve'],
      );
      assert.equal((await (await request('/v1/reviews/ballerina')).json()).commentCount, 1);
    });

    it('limits writes per client', async () => {
      const { put, post } = setup(makeStore, { writeRateLimit: 2 });
      await put(review('ballerina'));
      assert.equal((await post('ballerina', comment('A', 'one'))).status, 201);
      assert.equal((await post('ballerina', comment('A', 'two'))).status, 201);
      const third = await post('ballerina', comment('A', 'three'));
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('Retry-After')) > 0);
    });
  });
}

describe("the owner's desk on a store without one (memory store)", () => {
  it("answers its routes 501 desk-unavailable, and a reader's report too", async () => {
    const { request, put, post, admin } = setup(() => new MemoryStore());
    await put(review('ballerina'));
    const { id } = await (await post('ballerina', comment('Hana', 'Hi'))).json();
    const report = await request(`/v1/comments/${id}/reports`, { method: 'POST', json: { reason: 'spam' } });
    assert.equal(report.status, 501);
    assert.equal(report.headers.get('Content-Type'), 'application/problem+json');
    assert.equal((await report.json()).code, 'desk-unavailable');
    for (const [method, path] of [
      ['GET', '/v1/admin/queue'],
      ['POST', '/v1/admin/session'],
      ['GET', '/v1/admin/bans'],
      ['POST', `/v1/admin/comments/${id}/spam`],
    ]) {
      const res = await request(path, { method, headers: admin });
      assert.equal(res.status, 501, `${method} ${path}`);
      assert.equal((await res.json()).code, 'desk-unavailable');
    }
    // Approving and rejecting need no desk: ReviewStore does them.
    assert.equal((await request(`/v1/admin/comments/${id}/reject`, { method: 'POST', headers: admin })).status, 200);
  });
});
