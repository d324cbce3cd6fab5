/**
 * `GET /v1/comments/{id}`: what an author's browser asks about a comment held for moderation, so it
 * can keep showing it across reloads, and learn when it was approved, rejected or deleted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('a comment held for moderation, as its author sees it', () => {
  let server: Server;
  before(async () => {
    // A one-second edit window: the token must still answer after it closes.
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, MODERATION: 'pre', REVIEW_EDIT_WINDOW: '1' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  const post = async (body: string) => {
    const res = await server.request('/v1/reviews/ballerina/comments', { method: 'POST', json: comment('Ana', body) });
    assert.equal(res.status, 201);
    return (await res.json()) as { id: string; editToken: string; status: string };
  };
  const get = (id: string, token?: string) =>
    server.request(`/v1/comments/${id}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('answers its author as pending, after the edit window too, and nobody else', async () => {
    const held = await post('Held for now');
    assert.equal(held.status, 'pending');
    await new Promise((r) => setTimeout(r, 1100));
    const mine = await get(held.id, held.editToken);
    assert.equal(mine.status, 200);
    const body = await mine.json();
    assert.equal(body.status, 'pending');
    assert.equal(body.body, 'Held for now');
    assert.equal(body.editToken, undefined);
    // Without the token, or with another comment's, it does not exist.
    assert.equal((await get(held.id)).status, 404);
    const other = await post('Another');
    const wrong = await get(held.id, other.editToken);
    assert.equal(wrong.status, 404);
    assert.equal((await wrong.json()).code, 'not-found');
  });

  it('is public once approved, and gone once rejected or deleted', async () => {
    const approved = await post('Approve me');
    const rejected = await post('Reject me');
    const deleted = await post('Delete me');
    for (const [c, action] of [
      [approved, 'approve'],
      [rejected, 'reject'],
    ] as const) {
      const res = await server.request(`/v1/admin/comments/${c.id}/${action}`, { method: 'POST', headers: admin });
      assert.equal(res.status, 200);
    }
    const del = await server.request(`/v1/comments/${deleted.id}`, { method: 'DELETE', headers: admin });
    assert.equal(del.status, 204);
    const pub = await get(approved.id);
    assert.equal(pub.status, 200);
    assert.equal((await pub.json()).status, 'published');
    assert.equal((await get(rejected.id, rejected.editToken)).status, 404);
    assert.equal((await get(deleted.id, deleted.editToken)).status, 404);
    assert.equal((await get('c_nothing', approved.editToken)).status, 404);
  });
});
