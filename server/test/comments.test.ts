import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, openReview, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; email?: string };
  body: string;
  status: string;
  replies: PublicComment[];
  replyCount: number;
}
const flatten = (items: PublicComment[]): PublicComment[] => items.flatMap((c) => [c, ...flatten(c.replies)]);

describe('comments API', () => {
  let server: Server;
  let review = 0;
  /** A fresh review for each test that needs a clean thread. */
  async function newReview(extra: Record<string, unknown> = {}): Promise<string> {
    const id = `r${++review}`;
    const res = await server.request(`/v1/reviews/${id}`, {
      method: 'PUT',
      headers: admin,
      json: { ...openReview(id), ...extra },
    });
    assert.equal(res.status, 201);
    return id;
  }
  const post = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    server.request(`/v1/reviews/${id}/comments`, { method: 'POST', json: body, headers });
  const page = async (id: string, query = '') => (await server.request(`/v1/reviews/${id}/comments${query}`)).json();

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_EDIT_WINDOW: '2' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('lists the seeded thread: top-level comments with nested replies and a total', async () => {
    const body = await page('ballerina');
    assert.equal(body.total, 6);
    assert.equal(body.items.length, 3);
    const [first, second] = body.items;
    assert.equal(first.author.name, 'Hyejin');
    assert.equal(first.replies[0].author.name, 'Mariana Lopes');
    assert.equal(second.replyCount, 2);
    assert.equal(second.replies[1].spoiler, true);
  });

  it('sorts oldest, newest and top', async () => {
    const names = async (sort: string) =>
      (await page('ballerina', `?sort=${sort}`)).items.map((c: PublicComment) => c.author.name);
    assert.deepEqual(await names('oldest'), ['Hyejin', 'Tomás', 'Min']);
    assert.deepEqual(await names('newest'), ['Min', 'Tomás', 'Hyejin']);
    assert.deepEqual(await names('top'), ['Tomás', 'Hyejin', 'Min']);
    assert.equal((await server.request('/v1/reviews/ballerina/comments?sort=best')).status, 400);
  });

  it('posts a comment: 201 with editToken and editableUntil, Location, never the email', async () => {
    const id = await newReview();
    const res = await post(id, comment('Ana', 'First!', { author: { name: 'Ana', email: 'ana@example.com' } }));
    assert.equal(res.status, 201);
    const created = await res.json();
    assert.equal(res.headers.get('Location'), `/v1/comments/${created.id}`);
    assert.equal(created.status, 'published');
    assert.ok(created.editToken.length >= 32);
    assert.ok(Date.parse(created.editableUntil) > Date.parse(created.createdAt));
    assert.equal(JSON.stringify(created).includes('ana@example.com'), false);
    const listed = await page(id);
    assert.equal(listed.total, 1);
    assert.equal(JSON.stringify(listed).includes('ana@example.com'), false);
    assert.equal(JSON.stringify(listed).includes('editToken'), false);
  });

  it('stores text exactly as sent, HTML and all', async () => {
    const id = await newReview();
    const text = '<script>alert(1)</script> & "quotes" \u202eevil\u202c 😀 \n\n two lines';
    await post(id, comment('<b>Bob</b>', text));
    const [stored] = (await page(id)).items;
    assert.equal(stored.body, text);
    assert.equal(stored.author.name, '<b>Bob</b>');
  });

  it('counts reviews whose ids hold a comma or an Object.prototype name', async () => {
    const ids = ['a,b', 'constructor', '__proto__'];
    for (const id of ids) {
      const res = await server.request(`/v1/reviews/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: admin,
        json: {
          id,
          url: 'https://blog.example/x',
          lang: 'en',
          title: id,
          publishedAt: '2025-01-01T00:00:00Z',
          work: { title: id, type: 'movie' },
          comments: { open: true },
        },
      });
      assert.equal(res.status < 300, true, `PUT ${id}: ${res.status}`);
      assert.equal((await post(encodeURIComponent(id), comment('Ana', `On ${id}`))).status, 201);
    }
    const res = await server.request(`/v1/comment-counts?ids=${ids.map(encodeURIComponent).join(',')}`);
    const { counts } = await res.json();
    for (const id of ids) assert.equal(Object.hasOwn(counts, id) && counts[id], 1, id);
  });

  it('reflects a new comment in counts, pages and the review at once', async () => {
    const id = await newReview();
    const counts = async () =>
      (await (await server.request(`/v1/comment-counts?ids=${id},ballerina,unknown-id`)).json()).counts;
    assert.deepEqual(await counts(), { [id]: 0, ballerina: 6 });
    const before = await server.request(`/v1/reviews/${id}`);
    await post(id, comment('Ana', 'Hello'));
    assert.deepEqual(await counts(), { [id]: 1, ballerina: 6 });
    const afterPost = await server.request(`/v1/reviews/${id}`, {
      headers: { 'If-None-Match': before.headers.get('ETag')! },
    });
    assert.equal(afterPost.status, 200);
    assert.equal((await afterPost.json()).commentCount, 1);
  });

  it('revalidates comment pages with ETag', async () => {
    const first = await server.request('/v1/reviews/ballerina/comments');
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    const again = await server.request('/v1/reviews/ballerina/comments', {
      headers: { 'If-None-Match': first.headers.get('ETag')! },
    });
    assert.equal(again.status, 304);
  });

  it('threads replies and caps their depth', async () => {
    const id = await newReview();
    let parentId: string | null = null;
    const ids: string[] = [];
    for (let depth = 0; depth <= 8; depth++) {
      const res = await post(id, comment(`n${depth}`, `depth ${depth}`, { parentId }));
      assert.equal(res.status, 201, `depth ${depth}`);
      parentId = (await res.json()).id;
      ids.push(parentId!);
    }
    const tooDeep = await post(id, comment('x', 'too deep', { parentId }));
    assert.equal(tooDeep.status, 422);
    assert.equal((await tooDeep.json()).code, 'reply-too-deep');
    const [root] = (await page(id)).items;
    assert.equal(root.replyCount, 8);
    assert.equal(flatten([root]).length, 9);
    const unknownParent = await post(id, comment('x', 'orphan', { parentId: 'c_nope' }));
    assert.equal((await unknownParent.json()).code, 'invalid-parent');
    const otherReview = await post(await newReview(), comment('x', 'elsewhere', { parentId: ids[0] }));
    assert.equal(otherReview.status, 422);
  });

  it('paginates with a cursor that stays stable while comments are added', async () => {
    const id = await newReview();
    for (let i = 1; i <= 5; i++) await post(id, comment('a', `c${i}`));
    const oldest1 = await page(id, '?limit=2');
    const newest1 = await page(id, '?limit=2&sort=newest');
    // Comments arrive between page requests.
    for (let i = 6; i <= 8; i++) await post(id, comment('a', `c${i}`));
    const bodies: string[] = oldest1.items.map((c: PublicComment) => c.body);
    let cursor = oldest1.nextCursor;
    while (cursor) {
      const next = await page(id, `?limit=2&cursor=${encodeURIComponent(cursor)}`);
      bodies.push(...next.items.map((c: PublicComment) => c.body));
      cursor = next.nextCursor;
    }
    assert.deepEqual(bodies, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
    const newest = newest1.items.map((c: PublicComment) => c.body);
    cursor = newest1.nextCursor;
    while (cursor) {
      const next = await page(id, `?limit=2&sort=newest&cursor=${encodeURIComponent(cursor)}`);
      newest.push(...next.items.map((c: PublicComment) => c.body));
      cursor = next.nextCursor;
    }
    // Newer comments sit before the cursor: none repeats, none of the first five is skipped.
    assert.deepEqual(newest, ['c5', 'c4', 'c3', 'c2', 'c1']);
    const wrongSort = await server.request(
      `/v1/reviews/${id}/comments?sort=newest&cursor=${encodeURIComponent(oldest1.nextCursor)}`,
    );
    assert.equal((await wrongSort.json()).code, 'invalid-cursor');
  });

  it('validates bodies: names 1–80, bodies 1–10 000, JSON, content type, size', async () => {
    const id = await newReview();
    const expectProblem = async (res: Response, status: number, code: string) => {
      assert.equal(res.status, status);
      assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
      const body = await res.json();
      assert.equal(body.code, code);
      return body;
    };
    const empty = await expectProblem(await post(id, comment('  ', 'hi')), 400, 'invalid-body');
    assert.equal(empty.errors[0].path, 'author.name');
    await expectProblem(await post(id, comment('x'.repeat(81), 'hi')), 400, 'invalid-body');
    assert.equal((await post(id, comment('x'.repeat(80), 'hi'))).status, 201);
    await expectProblem(await post(id, comment('a', ' \n ')), 400, 'invalid-body');
    await expectProblem(await post(id, comment('a', 'b'.repeat(10_001))), 400, 'invalid-body');
    assert.equal((await post(id, comment('a', 'b'.repeat(10_000)))).status, 201);
    await expectProblem(
      await post(id, comment('a', 'hi', { author: { name: 'a', email: 'not an email' } })),
      400,
      'invalid-body',
    );
    const malformed = await server.request(`/v1/reviews/${id}/comments`, {
      method: 'POST',
      body: '{"author":',
      headers: { 'Content-Type': 'application/json' },
    });
    await expectProblem(malformed, 400, 'invalid-body');
    const form = await server.request(`/v1/reviews/${id}/comments`, {
      method: 'POST',
      body: 'a=b',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    await expectProblem(form, 415, 'unsupported-media-type');
    // Over 64 KiB is refused before parsing: this is not even JSON.
    const huge = await server.request(`/v1/reviews/${id}/comments`, {
      method: 'POST',
      body: 'x'.repeat(70_000),
      headers: { 'Content-Type': 'application/json' },
    });
    await expectProblem(huge, 413, 'payload-too-large');
    await expectProblem(await post('no-such-review', comment('a', 'b')), 404, 'not-found');
  });

  it('keeps the connection usable after refusing an oversized body, so the next request is not lost', async () => {
    const id = await newReview();
    // fetch keeps connections alive: the GET after a refused 1 MiB upload goes down the same
    // connection, which must still be good.
    for (let i = 0; i < 3; i++) {
      const res = await server.request(`/v1/reviews/${id}/comments`, {
        method: 'POST',
        body: 'x'.repeat(1024 * 1024),
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(res.status, 413);
      assert.equal((await res.json()).code, 'payload-too-large');
      assert.equal((await server.request(`/v1/reviews/${id}/comments`)).status, 200);
    }
  });

  it('stores a lone surrogate in a name or body as one U+FFFD (UTF-8 cannot hold it)', async () => {
    const id = await newReview();
    const res = await post(id, comment('Ann \uD800', 'a\uDC00b \uD83C\uDFAC'));
    assert.equal(res.status, 201);
    const created = await res.json();
    assert.deepEqual([created.author.name, created.body], ['Ann \uFFFD', 'a\uFFFDb \uD83C\uDFAC']);
    const [stored] = (await page(id)).items;
    assert.deepEqual([stored.author.name, stored.body], ['Ann \uFFFD', 'a\uFFFDb \uD83C\uDFAC']);
  });

  it('answers the honeypot as if it worked and stores nothing', async () => {
    const id = await newReview();
    const res = await post(id, comment('Bot', 'Buy now', { website: 'https://spam.example' }));
    assert.equal(res.status, 201);
    assert.equal((await page(id)).total, 0);
  });

  it('says in each comments page whether comments are open, and follows the owner closing them', async () => {
    const id = await newReview();
    await post(id, comment('Ana', 'First'));
    const first = await server.request(`/v1/reviews/${id}/comments`);
    const etag = first.headers.get('ETag')!;
    const body = await first.json();
    assert.equal(body.open, true);
    assert.equal(body.items.length, 1);
    const doc = await (await server.request(`/v1/reviews/${id}`)).json();
    const closed = await server.request(`/v1/reviews/${id}`, {
      method: 'PUT',
      headers: admin,
      json: { ...doc, comments: { open: false } },
    });
    assert.equal(closed.status, 200);
    // The same comments, but not the same answer: a client holding the old one must not keep it.
    const again = await server.request(`/v1/reviews/${id}/comments`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 200);
    const after = await again.json();
    assert.equal(after.open, false);
    assert.deepEqual(after.items, body.items);
    assert.equal((await page(id, '?sort=newest&limit=1')).open, false);
  });

  it('refuses comments on a review with comments closed', async () => {
    const id = await newReview({ comments: { open: false } });
    const res = await post(id, comment('a', 'b'));
    assert.equal(res.status, 403);
    assert.equal((await res.json()).code, 'comments-closed');
  });

  it('makes one comment from a repeated Idempotency-Key, also concurrently', async () => {
    const id = await newReview();
    const headers = { 'Idempotency-Key': 'key-1' };
    const first = await post(id, comment('Ana', 'Once'), headers);
    const second = await post(id, comment('Ana', 'Once'), headers);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    // The same comment; the edit token is a new one (the first is kept nowhere), and it works.
    const { editToken: firstToken, ...firstComment } = await first.json();
    const { editToken: replayToken, ...replayComment } = await second.json();
    assert.deepEqual(replayComment, firstComment);
    assert.notEqual(replayToken, firstToken);
    const edit = await server.request(`/v1/comments/${firstComment.id}`, {
      method: 'PATCH',
      json: { spoiler: true },
      headers: { Authorization: `Bearer ${replayToken}` },
    });
    assert.equal(edit.status, 200);
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => post(id, comment('Ana', 'Twice'), { 'Idempotency-Key': 'key-2' })),
    );
    assert.ok(burst.every((r) => r.status === 201));
    assert.equal(new Set(await Promise.all(burst.map(async (r) => (await r.json()).id))).size, 1);
    assert.equal((await page(id)).total, 2);
    const reused = await post(id, comment('Ana', 'Something else'), headers);
    assert.equal(reused.status, 422);
    assert.equal((await reused.json()).code, 'idempotency-key-reused');
  });

  it('keeps all of 50 concurrent posts, and counts them', async () => {
    const id = await newReview();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post(id, comment(`p${i}`, `post ${i}`))));
    assert.ok(results.every((r) => r.status === 201));
    const listed = await page(id, '?limit=100');
    assert.equal(listed.total, 50);
    assert.equal(listed.items.length, 50);
    const counts = await (await server.request(`/v1/comment-counts?ids=${id}`)).json();
    assert.equal(counts.counts[id], 50);
  });

  it('lets the author edit and delete within the window, with the edit token only', async () => {
    const id = await newReview();
    const created = await (await post(id, comment('Ana', 'Typo'))).json();
    const patch = (token: string | undefined, json: unknown) =>
      server.request(`/v1/comments/${created.id}`, {
        method: 'PATCH',
        json,
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    assert.equal((await patch(undefined, { body: 'x' })).status, 401);
    assert.equal((await patch('wrong-token', { body: 'x' })).status, 403);
    const edited = await patch(created.editToken, { body: 'Fixed' });
    assert.equal(edited.status, 200);
    const body = await edited.json();
    assert.equal(body.body, 'Fixed');
    assert.ok(body.editedAt);
    assert.equal((await patch(created.editToken, {})).status, 400);
    await sleep(2100);
    const late = await patch(created.editToken, { body: 'Too late' });
    assert.equal(late.status, 403);
    assert.equal((await late.json()).code, 'edit-window-closed');
    // An admin may still edit.
    assert.equal((await patch(ADMIN_TOKEN, { body: 'Moderated' })).status, 200);
  });

  it('keeps a deleted comment with replies as [deleted], and drops one without', async () => {
    const id = await newReview();
    const parent = await (await post(id, comment('Ana', 'Parent'))).json();
    await post(id, comment('Bo', 'Reply', { parentId: parent.id }));
    const lonely = await (await post(id, comment('Cy', 'Alone'))).json();
    const del = (c: { id: string; editToken: string }) =>
      server.request(`/v1/comments/${c.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${c.editToken}` } });
    assert.equal((await del(parent)).status, 204);
    assert.equal((await del(lonely)).status, 204);
    const listed = await page(id);
    assert.equal(listed.total, 1);
    assert.equal(listed.items.length, 1);
    assert.deepEqual([listed.items[0].status, listed.items[0].body, listed.items[0].author.name], ['deleted', '', '']);
    assert.equal(listed.items[0].replies[0].body, 'Reply');
    assert.equal((await del(lonely)).status, 404);
  });
});

describe('moderation', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, MODERATION: 'pre' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('holds new comments as pending until approved; rejected ones never show', async () => {
    const post = (body: string) =>
      server.request('/v1/reviews/ballerina/comments', {
        method: 'POST',
        json: comment('Ana', body, { author: { name: 'Ana', email: 'ana@example.com' } }),
      });
    const held = await (await post('Please approve')).json();
    const spam = await (await post('Spam')).json();
    assert.equal(held.status, 'pending');
    const total = async () => (await (await server.request('/v1/reviews/ballerina/comments')).json()).total;
    assert.equal(await total(), 6);
    assert.equal((await server.request('/v1/admin/comments')).status, 401);
    const queue = await (await server.request('/v1/admin/comments?status=pending', { headers: admin })).json();
    assert.deepEqual(
      queue.items.map((c: { body: string }) => c.body),
      ['Please approve', 'Spam'],
    );
    assert.equal(queue.items[0].author.email, 'ana@example.com');
    assert.equal(queue.items[0].reviewId, 'ballerina');
    assert.equal(
      (await server.request(`/v1/admin/comments/${held.id}/approve`, { method: 'POST', headers: admin })).status,
      200,
    );
    assert.equal(
      (await server.request(`/v1/admin/comments/${spam.id}/reject`, { method: 'POST', headers: admin })).status,
      200,
    );
    assert.equal(await total(), 7);
    const bodies = JSON.stringify(await (await server.request('/v1/reviews/ballerina/comments')).json());
    assert.ok(bodies.includes('Please approve'));
    assert.ok(!bodies.includes('Spam'));
    assert.equal(
      (await (await server.request('/v1/admin/comments?status=pending', { headers: admin })).json()).items.length,
      0,
    );
  });
});

describe('abuse limits and CORS', () => {
  let server: Server;
  before(async () => {
    server = await startServer({
      REVIEW_ADMIN_TOKEN: ADMIN_TOKEN,
      WRITE_RATE_LIMIT: '3',
      ALLOWED_ORIGINS: 'https://blog.example',
    });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('limits writes per client and says when to come back', async () => {
    const post = () => server.request('/v1/reviews/the-glory/comments', { method: 'POST', json: comment('a', 'b') });
    for (let i = 0; i < 3; i++) assert.equal((await post()).status, 201);
    const limited = await post();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    assert.equal((await limited.json()).code, 'rate-limited');
    // Reads are not limited.
    assert.equal((await server.request('/v1/reviews/the-glory')).status, 200);
  });

  it('lets any origin read, only allowed origins write, and no other origin use admin routes', async () => {
    const read = await server.request('/v1/reviews/ballerina', { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), '*');
    assert.match(read.headers.get('Access-Control-Expose-Headers')!, /ETag/);
    const preflight = (origin: string, method: string) =>
      server.request('/v1/reviews/ballerina/comments', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'content-type, idempotency-key',
        },
      });
    const allowedPre = await preflight('https://blog.example', 'POST');
    assert.equal(allowedPre.status, 204);
    assert.equal(allowedPre.headers.get('Access-Control-Allow-Origin'), 'https://blog.example');
    assert.match(allowedPre.headers.get('Access-Control-Allow-Headers')!, /Idempotency-Key/);
    assert.equal(
      (await preflight('https://elsewhere.example', 'POST')).headers.get('Access-Control-Allow-Origin'),
      null,
    );
    assert.equal((await preflight('https://elsewhere.example', 'GET')).headers.get('Access-Control-Allow-Origin'), '*');
    const foreign = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment('a', 'b'),
      headers: { Origin: 'https://elsewhere.example', Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(foreign.status, 403);
    assert.equal((await foreign.json()).code, 'origin-not-allowed');
    const own = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment('a', 'b'),
      headers: { Origin: server.url, Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(own.status, 201);
    const allowed = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment('a', 'b'),
      headers: { Origin: 'https://blog.example', Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(allowed.status, 201);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://blog.example');
    // Behind a TLS-terminating proxy: the browser's Origin is https, the server is asked over http.
    const host = new URL(server.url).host;
    const proxied = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment('a', 'b'),
      headers: { Origin: `https://${host}`, Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(proxied.status, 201);
    const adminForeign = await server.request('/v1/admin/comments', {
      headers: { ...admin, Origin: 'https://elsewhere.example' },
    });
    assert.equal(adminForeign.status, 403);
  });
});
