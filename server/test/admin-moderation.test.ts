import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { emailHash } from '../email-hash.js';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
type Item = {
  id: string;
  status: string;
  reports: number;
  reasons: string[];
  body: string;
  author: { emailHash: string | null };
  clientIp: string | null;
};

describe('admin: queue, actions, bans and reader reports', () => {
  let server: Server;
  const post = async (name: string, body: string, extra: Record<string, unknown> = {}) => {
    const res = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment(name, body, extra),
    });
    assert.equal(res.status, 201);
    return (await res.json()) as { id: string; status: string };
  };
  const queue = async (query: string): Promise<Item[]> =>
    (await (await server.request(`/v1/admin/queue?${query}`, { headers: admin })).json()).items;
  const visible = async () =>
    JSON.stringify(await (await server.request('/v1/reviews/ballerina/comments?limit=100')).json());

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, MODERATION: 'pre', REVIEW_REPORT_HIDE_AT: '1' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('lists pending comments across reviews or for one, with who wrote them', async () => {
    const held = await post('Held', 'Waiting for you', { author: { name: 'Held', email: 'Held@Example.com ' } });
    const pending = await queue('status=pending');
    const item = pending.find((c) => c.id === held.id)!;
    assert.equal(item.status, 'pending');
    assert.equal(item.body, 'Waiting for you');
    assert.equal(item.author.emailHash, emailHash('held@example.com'));
    assert.equal(item.clientIp, '127.0.0.1');
    assert.equal((await queue('status=pending&review=past-lives')).length, 0);
    assert.equal((await server.request('/v1/admin/queue?status=nope', { headers: admin })).status, 400);
    assert.equal((await server.request('/v1/admin/queue')).status, 401);
  });

  it('approves, rejects, marks spam, deletes and purges, one by one and in bulk', async () => {
    const [a, b, c, d] = [
      await post('A', 'one'),
      await post('B', 'two'),
      await post('C', 'three'),
      await post('D', 'four'),
    ];
    assert.equal(
      (await server.request(`/v1/admin/comments/${a.id}/approve`, { method: 'POST', headers: admin })).status,
      200,
    );
    assert.match(await visible(), /"one"/);
    const bulk = await server.request('/v1/admin/comments/bulk', {
      method: 'POST',
      headers: admin,
      json: { action: 'spam', ids: [b.id, c.id, 'c_missing'] },
    });
    assert.equal(bulk.status, 200);
    assert.deepEqual((await bulk.json()).results, [
      { id: b.id, ok: true, status: 'spam' },
      { id: c.id, ok: true, status: 'spam' },
      { id: 'c_missing', ok: false, code: 'not-found' },
    ]);
    assert.deepEqual((await queue('status=spam')).map((i) => i.id).sort(), [b.id, c.id].sort());
    await server.request(`/v1/admin/comments/${d.id}/reject`, { method: 'POST', headers: admin });
    assert.deepEqual(
      (await queue('status=rejected')).map((i) => i.id),
      [d.id],
    );
    // A rejected comment can be deleted and purged (it could not before #14).
    const deleted = await server.request(`/v1/admin/comments/${d.id}/delete`, { method: 'POST', headers: admin });
    assert.equal((await deleted.json()).status, 'deleted');
    assert.equal(
      (await server.request(`/v1/admin/comments/${b.id}/purge`, { method: 'POST', headers: admin })).status,
      204,
    );
    assert.equal(
      (await server.request(`/v1/admin/comments/${b.id}/approve`, { method: 'POST', headers: admin })).status,
      404,
    );
    const invalid = await server.request('/v1/admin/comments/bulk', {
      method: 'POST',
      headers: admin,
      json: { action: 'burn', ids: [] },
    });
    assert.equal((await invalid.json()).code, 'invalid-body');
  });

  it('purging a comment removes its replies too', async () => {
    const parent = await post('P', 'parent');
    await server.request(`/v1/admin/comments/${parent.id}/approve`, { method: 'POST', headers: admin });
    const reply = await post('R', 'reply', { parentId: parent.id });
    await server.request(`/v1/admin/comments/${reply.id}/approve`, { method: 'POST', headers: admin });
    assert.match(await visible(), /"reply"/);
    await server.request(`/v1/admin/comments/${parent.id}/purge`, { method: 'POST', headers: admin });
    assert.doesNotMatch(await visible(), /"reply"|"parent"/);
  });

  it('takes a reader report once, hides the comment at the threshold and raises it in the queue', async () => {
    const calm = await post('Calm', 'calm words');
    const rude = await post('Rude', 'rude words');
    for (const c of [calm, rude])
      await server.request(`/v1/admin/comments/${c.id}/approve`, { method: 'POST', headers: admin });
    const first = await server.request(`/v1/comments/${rude.id}/reports`, {
      method: 'POST',
      json: { reason: 'harassment', note: 'see the second line' },
    });
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), { commentId: rude.id, reported: true });
    const again = await server.request(`/v1/comments/${rude.id}/reports`, { method: 'POST', json: { reason: 'spam' } });
    assert.equal(again.status, 200);
    // REVIEW_REPORT_HIDE_AT=1: one report sends it back to pending, out of sight.
    assert.doesNotMatch(await visible(), /rude words/);
    const reported = await queue('status=reported');
    assert.equal(reported[0].id, rude.id);
    assert.equal(reported[0].reports, 1);
    assert.deepEqual(reported[0].reasons, ['harassment']);
    const pending = await queue('status=pending');
    assert.equal(pending[0].id, rude.id, 'reported comments rise first');
    // Approving closes the reports.
    await server.request(`/v1/admin/comments/${rude.id}/approve`, { method: 'POST', headers: admin });
    assert.match(await visible(), /rude words/);
    assert.equal((await queue('status=reported')).length, 0);

    assert.equal(
      (await server.request(`/v1/comments/${calm.id}/reports`, { method: 'POST', json: { reason: 'because' } })).status,
      400,
    );
    assert.equal(
      (await server.request('/v1/comments/c_nope/reports', { method: 'POST', json: { reason: 'spam' } })).status,
      404,
    );
  });

  it('bans by email hash and by network, answers the banned poster as if held, and lifts bans', async () => {
    const troll = await post('Troll', 'first', { author: { name: 'Troll', email: 'troll@example.com' } });
    const byEmail = await server.request('/v1/admin/bans', {
      method: 'POST',
      headers: admin,
      json: { kind: 'email', commentId: troll.id, hours: 24, reason: 'abuse' },
    });
    assert.equal(byEmail.status, 201);
    const ban = await byEmail.json();
    assert.equal(ban.value, emailHash('troll@example.com'));
    assert.ok(Date.parse(ban.expiresAt) > Date.now() + 23 * 3_600_000);

    const again = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment('Troll', 'second', { author: { name: 'Troll 2', email: 'TROLL@example.com' } }),
    });
    assert.equal(again.status, 201);
    const answer = await again.json();
    assert.equal(answer.status, 'pending', 'the answer does not reveal the ban');
    assert.ok(
      (await queue('status=spam')).some((i) => i.id === answer.id),
      'kept as spam for the owner',
    );
    assert.ok(!(await queue('status=pending')).some((i) => i.id === answer.id));

    const net = await server.request('/v1/admin/bans', {
      method: 'POST',
      headers: admin,
      json: { kind: 'network', network: '127.0.0.0/8' },
    });
    assert.equal(net.status, 201);
    const netBan = await net.json();
    const anyone = await (
      await server.request('/v1/reviews/ballerina/comments', {
        method: 'POST',
        json: comment('Anyone', 'from loopback'),
      })
    ).json();
    assert.ok((await queue('status=spam')).some((i) => i.id === anyone.id));
    const bans = await (await server.request('/v1/admin/bans', { headers: admin })).json();
    assert.equal(bans.items.length, 2);
    assert.equal(
      (await server.request(`/v1/admin/bans/${netBan.id}`, { method: 'DELETE', headers: admin })).status,
      204,
    );
    assert.equal((await server.request(`/v1/admin/bans/${ban.id}`, { method: 'DELETE', headers: admin })).status, 204);
    const free = await (
      await server.request('/v1/reviews/ballerina/comments', { method: 'POST', json: comment('Anyone', 'free again') })
    ).json();
    assert.ok((await queue('status=pending')).some((i) => i.id === free.id));

    for (const bad of [
      { kind: 'network', network: '10.0.0.0/4' },
      { kind: 'network', network: 'example.com' },
      { kind: 'email' },
      { kind: 'email', email: 'a@b.example', network: '10.0.0.0/8' },
    ]) {
      const res = await server.request('/v1/admin/bans', { method: 'POST', headers: admin, json: bad });
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal((await res.json()).code, 'invalid-body');
    }
  });
});
