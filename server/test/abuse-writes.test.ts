/**
 * Writes and moderation under attack (issue 13): pre-moderation bypass by edit, what a delete
 * leaves, idempotency keys as a way to someone else's edit token, floods of one text or of links,
 * the honeypot's tell, token guessing, admin routes from other origins, and DNS rebinding.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** A POST with the Host header we choose (fetch sets its own), as a rebinding page's would arrive. */
function postWithHost(server: Server, host: string, origin: string, body: unknown): Promise<number> {
  const url = new URL('/v1/reviews/ballerina/comments', server.url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          Host: host,
          Origin: origin,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(data),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('abuse: moderation and tokens', () => {
  let server: Server;
  before(async () => {
    // TRUST_PROXY=1 lets the tests speak as different clients through X-Forwarded-For.
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, MODERATION: 'pre', TRUST_PROXY: '1' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });
  const as = (address: string) => ({ 'X-Forwarded-For': address });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    server.request('/v1/reviews/the-glory/comments', { method: 'POST', json: body, headers });
  const bodies = async () => {
    const page = await (await server.request('/v1/reviews/the-glory/comments?limit=100')).json();
    return page.items.map((c: { body: string }) => c.body) as string[];
  };

  it('sends an edited comment back to the queue under pre-moderation', async () => {
    const created = await (await post(comment('Ana', 'Harmless words'))).json();
    await server.request(`/v1/admin/comments/${created.id}/approve`, { method: 'POST', headers: admin });
    assert.ok((await bodies()).includes('Harmless words'));
    const edit = await server.request(`/v1/comments/${created.id}`, {
      method: 'PATCH',
      json: { body: 'Buy followers at spam.example' },
      headers: { Authorization: `Bearer ${created.editToken}` },
    });
    assert.equal(edit.status, 200);
    assert.equal((await edit.json()).status, 'pending');
    assert.ok(!(await bodies()).some((b) => b.includes('spam.example')));
    const queue = await (await server.request('/v1/admin/comments?status=pending', { headers: admin })).json();
    assert.ok(queue.items.some((c: { id: string }) => c.id === created.id));
  });

  it('keeps nothing of a deleted comment: text, name, email, token', async () => {
    const created = await (
      await post(
        { author: { name: 'Ana', email: 'ana@example.com' }, body: 'Regret this' },
        { 'Idempotency-Key': 'del-1' },
      )
    ).json();
    const del = await server.request(`/v1/comments/${created.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${created.editToken}` },
    });
    assert.equal(del.status, 204);
    const deleted = await (
      await server.request('/v1/admin/comments?status=deleted&limit=100', { headers: admin })
    ).json();
    const row = deleted.items.find((c: { id: string }) => c.id === created.id);
    assert.deepEqual([row.body, row.author.name, row.author.email], ['', '', null]);
    // A replay of the post shows it as it is now: deleted, without its words.
    const replay = await post(
      { author: { name: 'Ana', email: 'ana@example.com' }, body: 'Regret this' },
      { 'Idempotency-Key': 'del-1' },
    );
    assert.equal(replay.status, 201);
    const replayed = await replay.json();
    assert.equal(replayed.status, 'deleted');
    assert.equal(replayed.body, '');
    assert.ok(!JSON.stringify(replayed).includes('Regret this'));
  });

  it("never gives another client a comment's edit token for a known Idempotency-Key", async () => {
    const body = comment('Ana', 'My own words');
    const mine = await (await post(body, { 'Idempotency-Key': 'known-key', ...as('198.51.100.7') })).json();
    const theirs = await post(body, { 'Idempotency-Key': 'known-key', ...as('203.0.113.9') });
    // Another client's key is another request: not a replay, so not the first comment's token.
    assert.equal(theirs.headers.get('Idempotent-Replayed'), null);
    const answer = await theirs.json();
    assert.notEqual(answer.id, mine.id);
    const edit = await server.request(`/v1/comments/${mine.id}`, {
      method: 'PATCH',
      json: { body: 'Hijacked' },
      headers: { Authorization: `Bearer ${answer.editToken}` },
    });
    assert.equal(edit.status, 403);
    // The owner's own retry still replays.
    const retry = await post(body, { 'Idempotency-Key': 'known-key', ...as('198.51.100.7') });
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await retry.json()).id, mine.id);
  });

  it('answers a filled honeypot exactly as a real post: status, shape, Location, validation', async () => {
    const real = await post(comment('Real', 'A real comment'));
    const bot = await post(comment('Bot', 'A bot comment', { website: 'https://spam.example' }));
    assert.equal(bot.status, real.status);
    assert.match(bot.headers.get('Location')!, /^\/v1\/comments\/c_/);
    assert.ok(real.headers.get('Location'));
    const [r, b] = [await real.json(), await bot.json()];
    assert.deepEqual(Object.keys(b).sort(), Object.keys(r).sort());
    assert.equal(b.status, r.status);
    assert.equal(b.editToken.length, r.editToken.length);
    const badParent = await post(comment('Bot', 'x', { website: 'y', parentId: 'c_nothing' }));
    assert.equal(badParent.status, 422);
    assert.equal((await badParent.json()).code, 'invalid-parent');
  });

  it('limits wrong tokens per client: the 11th in ten minutes is 429, even with the right one', async () => {
    const client = as('192.0.2.44');
    for (let i = 0; i < 10; i++) {
      const res = await server.request('/v1/admin/comments', {
        headers: { Authorization: `Bearer wrong-token-guess-${i}`, ...client },
      });
      assert.equal(res.status, 403);
    }
    const blocked = await server.request('/v1/admin/comments', { headers: { ...admin, ...client } });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('Retry-After')) > 0);
    // Another client is not affected.
    assert.equal(
      (await server.request('/v1/admin/comments', { headers: { ...admin, ...as('192.0.2.45') } })).status,
      200,
    );
  });
});

describe('abuse: floods', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ REVIEW_DUPLICATE_WINDOW: '600', REVIEW_MAX_LINKS: '3' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    server.request('/v1/reviews/the-glory/comments', { method: 'POST', json: body, headers });

  it('stores one of 20 identical posts; a retry with its Idempotency-Key still replays', async () => {
    const results = [];
    for (let i = 0; i < 20; i++)
      results.push(
        await post(comment(`n${i}`, i % 2 ? 'Visit  my blog!' : 'visit my BLOG'), { 'Idempotency-Key': `flood-${i}` }),
      );
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    const refused = results.find((r) => r.status === 409)!;
    assert.equal((await refused.json()).code, 'duplicate-comment');
    const retry = await post(comment('n0', 'visit my BLOG'), { 'Idempotency-Key': 'flood-0' });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
  });

  it('answers a bot (filled honeypot) as a person even when it repeats itself', async () => {
    const bot = (key: string) =>
      post(comment('Bot', 'Cheap pills here', { website: 'https://spam.example' }), { 'Idempotency-Key': key });
    const first = await bot('bot-1');
    const retry = await bot('bot-1');
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    const [a, b] = [await first.json(), await retry.json()];
    assert.equal(b.id, a.id);
    assert.equal(b.createdAt, a.createdAt);
    const again = await bot('bot-2');
    assert.equal(again.status, 409);
    assert.equal((await again.json()).code, 'duplicate-comment');
  });

  it('refuses a comment with more links than REVIEW_MAX_LINKS', async () => {
    const links = Array.from({ length: 4 }, (_, i) => `https://spam${i}.example`).join(' ');
    const res = await post(comment('s', links));
    assert.equal(res.status, 422);
    assert.equal((await res.json()).code, 'too-many-links');
    assert.equal(
      (await post(comment('s', 'Three: https://a.example [b](https://b.example) www.c.example'))).status,
      201,
    );
  });
});

describe('abuse: origins', () => {
  let server: Server;
  let port: string;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, ALLOWED_ORIGINS: 'https://blog.example' });
    port = new URL(server.url).port;
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('never answers admin routes cross-origin, not even to ALLOWED_ORIGINS', async () => {
    const res = await server.request('/v1/admin/comments', { headers: { ...admin, Origin: 'https://blog.example' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
    const pre = await server.request('/v1/admin/comments', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://blog.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    assert.equal(pre.headers.get('Access-Control-Allow-Origin'), null);
    const put = await server.request('/v1/reviews/ballerina', {
      method: 'OPTIONS',
      headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(put.headers.get('Access-Control-Allow-Origin'), null);
    // Its own site still works.
    assert.equal(
      (await server.request('/v1/admin/comments', { headers: { ...admin, Origin: server.url } })).status,
      200,
    );
  });

  it('does not take a forged Host for its own site (DNS rebinding)', async () => {
    const host = `rebind.attacker.example:${port}`;
    assert.equal(await postWithHost(server, host, `http://${host}`, comment('x', 'from a rebinding page')), 403);
    assert.equal(
      await postWithHost(server, `localhost:${port}`, `http://localhost:${port}`, comment('x', 'from localhost')),
      201,
    );
    assert.equal(await postWithHost(server, `[::1]:${port}`, `http://[::1]:${port}`, comment('x', 'from ::1')), 201);
  });
});

describe('abuse: PUBLIC_ORIGIN', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ PUBLIC_ORIGIN: 'https://reviews.example' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('takes exactly PUBLIC_ORIGIN for its own site, whatever the Host says', async () => {
    const write = (origin: string, host: string) => postWithHost(server, host, origin, comment('x', `from ${origin}`));
    assert.equal(await write('https://reviews.example', 'reviews.example'), 201);
    assert.equal(await write('https://evil.example', 'evil.example'), 403);
    // The Host matching the Origin no longer makes a site our own once PUBLIC_ORIGIN names it.
    const local = new URL(server.url).host;
    assert.equal(await write(`http://${local}`, local), 403);
  });
});
