import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** sort=top reads a score kept on every write (main's #13): the desk's writes must keep it too. */
describe('admin: moderation keeps sort=top in step', () => {
  let server: Server;
  const post = async (body: string, parentId?: string) => {
    const res = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      json: comment('Reader', body, parentId ? { parentId } : {}),
    });
    assert.equal(res.status, 201);
    return ((await res.json()) as { id: string }).id;
  };
  const topOrder = async (ids: string[]) => {
    const page = (await (await server.request('/v1/reviews/ballerina/comments?sort=top&limit=100')).json()) as {
      items: { id: string }[];
    };
    return page.items.map((c) => c.id).filter((id) => ids.includes(id));
  };

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_REPORT_HIDE_AT: '1' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('reorders after reject, approve, a report that hides a reply, and purge', async () => {
    const a = await post('three replies');
    const aReplies = [await post('a1', a), await post('a2', a), await post('a3', a)];
    const b = await post('two replies');
    await post('b1', b);
    await post('b2', b);
    assert.deepEqual(await topOrder([a, b]), [a, b]);

    for (const id of aReplies.slice(0, 2))
      assert.equal(
        (await server.request(`/v1/admin/comments/${id}/reject`, { method: 'POST', headers: admin })).status,
        200,
      );
    assert.deepEqual(await topOrder([a, b]), [b, a], 'a has one published reply left');
    for (const id of aReplies.slice(0, 2))
      assert.equal(
        (await server.request(`/v1/admin/comments/${id}/approve`, { method: 'POST', headers: admin })).status,
        200,
      );
    assert.deepEqual(await topOrder([a, b]), [a, b]);

    // One report hides a reply here (REVIEW_REPORT_HIDE_AT=1): it no longer counts.
    assert.equal(
      (await server.request(`/v1/comments/${aReplies[0]}/reports`, { method: 'POST', json: { reason: 'spam' } }))
        .status,
      201,
    );
    assert.equal(
      (await server.request(`/v1/admin/comments/${aReplies[1]}/purge`, { method: 'POST', headers: admin })).status,
      204,
    );
    assert.deepEqual(await topOrder([a, b]), [b, a], 'a has one reply left to show');
  });
});
