/**
 * Reads an attacker can make cheap for them and expensive for us (issue 13): cursor spellings,
 * huge threads, pages without a size cap, hidden replies, too many reads. Over HTTP only, so the
 * same suite can run against another store.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server, openReview } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const cursor = (json: unknown[]) => Buffer.from(JSON.stringify(json)).toString('base64url');
const PAGE_CAP = 256 * 1024;

interface Item {
  id: string;
  body: string;
  replies: Item[];
  replyCount: number;
  repliesCursor?: string;
}

describe('abuse: reads', () => {
  let server: Server;
  let review = 0;
  async function newReview(): Promise<string> {
    const id = `read${++review}`;
    const res = await server.request(`/v1/reviews/${id}`, {
      method: 'PUT',
      headers: admin,
      json: openReview(id),
    });
    assert.equal(res.status, 201);
    return id;
  }
  const post = async (id: string, body: unknown) => {
    const res = await server.request(`/v1/reviews/${id}/comments`, { method: 'POST', json: body });
    assert.equal(res.status, 201);
    return (await res.json()) as { id: string };
  };
  const get = (path: string) => server.request(path);

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_MAX_LINKS: '1000' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('refuses every cursor spelling but the one it makes (400 invalid-cursor)', async () => {
    const id = await newReview();
    for (let i = 0; i < 3; i++) await post(id, comment('a', `c${i}`));
    const first = await (await get(`/v1/reviews/${id}/comments?limit=1`)).json();
    const made = first.nextCursor as string;
    assert.equal((await get(`/v1/reviews/${id}/comments?limit=1&cursor=${made}`)).status, 200);
    const [, seq] = JSON.parse(Buffer.from(made, 'base64url').toString()) as [string, number];
    const spellings = [
      cursor(['oldest', -1]),
      cursor(['oldest', seq + 0.5]),
      Buffer.from(`["oldest", ${seq}]`).toString('base64url'),
      Buffer.from(`["oldest",${seq}.0]`).toString('base64url'),
      `${made}=`,
      `${made}!`,
      Buffer.from(JSON.stringify(['oldest', seq])).toString('base64'),
      cursor(['newest', seq]),
    ].filter((s) => s !== made);
    for (const spelling of spellings) {
      const res = await get(`/v1/reviews/${id}/comments?limit=1&cursor=${encodeURIComponent(spelling)}`);
      assert.equal(res.status, 400, spelling);
      assert.equal((await res.json()).code, 'invalid-cursor');
    }
  });

  it('caps replies in a page, with a cursor for the rest, and every page under 256 KB', async () => {
    const id = await newReview();
    const root = await post(id, comment('root', 'A thread that grows'));
    const text = (i: number) => `${i} `.padEnd(9_000, 'x');
    for (let i = 0; i < 70; i++) await post(id, comment(`r${i}`, text(i), { parentId: root.id }));
    const res = await get(`/v1/reviews/${id}/comments?limit=1`);
    const raw = await res.text();
    assert.ok(raw.length <= PAGE_CAP, `${raw.length} bytes`);
    const page = JSON.parse(raw) as { items: Item[] };
    const [top] = page.items;
    assert.equal(top.replyCount, 70, 'replyCount counts every reply, shown or not');
    assert.ok(top.replies.length < 70 && top.replies.length > 0);
    assert.ok(top.repliesCursor);
    // The rest, through ?parent= and the cursor, each page capped too, until none is left.
    const seen = top.replies.map((r) => r.body);
    let next: string | undefined = top.repliesCursor;
    for (let guard = 0; next && guard < 20; guard++) {
      const more = await get(`/v1/reviews/${id}/comments?parent=${root.id}&cursor=${next}&limit=100`);
      assert.equal(more.status, 200);
      const body = await more.text();
      assert.ok(body.length <= PAGE_CAP);
      const parsed = JSON.parse(body) as { items: Item[]; nextCursor: string | null };
      seen.push(...parsed.items.map((r) => r.body));
      next = parsed.nextCursor ?? undefined;
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 70 }, (_, i) => text(i)),
    );
  });

  it('keeps ?limit=100 of long comments under 256 KB, the rest behind nextCursor', async () => {
    const id = await newReview();
    for (let i = 0; i < 40; i++) await post(id, comment(`t${i}`, `${i} `.padEnd(10_000, '"')));
    const raw = await (await get(`/v1/reviews/${id}/comments?limit=100`)).text();
    assert.ok(Buffer.byteLength(raw) <= PAGE_CAP, `${Buffer.byteLength(raw)} bytes`);
    const page = JSON.parse(raw) as { items: Item[]; nextCursor: string | null };
    assert.ok(page.items.length < 40);
    assert.ok(page.nextCursor);
  });

  it("hides a rejected comment's replies everywhere: listing, total, counts and ?parent=", async () => {
    const id = await newReview();
    const root = await post(id, comment('spammer', 'Soon rejected'));
    await post(id, comment('reader', 'A reply under it', { parentId: root.id }));
    await post(id, comment('other', 'Unrelated'));
    assert.equal((await (await get(`/v1/reviews/${id}/comments`)).json()).total, 3);
    assert.equal(
      (await server.request(`/v1/admin/comments/${root.id}/reject`, { method: 'POST', headers: admin })).status,
      200,
    );
    const page = await (await get(`/v1/reviews/${id}/comments`)).json();
    assert.deepEqual(
      page.items.map((c: Item) => c.body),
      ['Unrelated'],
    );
    assert.equal(page.total, 1);
    assert.equal((await (await get(`/v1/comment-counts?ids=${id}`)).json()).counts[id], 1);
    assert.equal((await (await get(`/v1/reviews/${id}`)).json()).commentCount, 1);
    const parent = await get(`/v1/reviews/${id}/comments?parent=${root.id}`);
    assert.equal(parent.status, 404);
  });

  it('answers a repeated read with 304 from its ETag', async () => {
    const first = await get('/v1/reviews/ballerina/comments');
    const etag = first.headers.get('ETag')!;
    const again = await server.request('/v1/reviews/ballerina/comments', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });
});

describe('abuse: read limit per client', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ READ_RATE_LIMIT: '5' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('answers 429 with Retry-After past READ_RATE_LIMIT reads a minute', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await server.request('/v1/reviews/ballerina')).status, 200);
    const limited = await server.request('/v1/reviews/ballerina');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    assert.equal((await limited.json()).code, 'rate-limited');
  });
});
