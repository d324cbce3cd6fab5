import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
type Item = { id: string; status: string; clientIp: string | null };

/** The desk behind a reverse proxy (TRUST_PROXY): bans, reports and stored addresses are the reader's, not the proxy's. */
describe('admin: bans and reports behind a trusted proxy', () => {
  let server: Server;
  const post = async (from: string, body: string, extra: Record<string, unknown> = {}) => {
    const res = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      headers: { 'X-Forwarded-For': from },
      json: comment('Reader', body, extra),
    });
    assert.equal(res.status, 201);
    return (await res.json()) as { id: string; status: string };
  };
  const queue = async (status: string): Promise<Item[]> =>
    (await (await server.request(`/v1/admin/queue?status=${status}`, { headers: admin })).json()).items;
  const visible = async () =>
    JSON.stringify(await (await server.request('/v1/reviews/ballerina/comments?limit=100')).json());

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, TRUST_PROXY: '1', REVIEW_REPORT_HIDE_AT: '2' });
    for (const network of ['203.0.113.0/24', '2001:db8:1::/48']) {
      const res = await server.request('/v1/admin/bans', {
        method: 'POST',
        headers: admin,
        json: { kind: 'network', network },
      });
      assert.equal(res.status, 201);
    }
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('bans the forwarded client by network (IPv4 and IPv6) and stores its whole address', async () => {
    const banned4 = await post('203.0.113.7', 'from a banned network');
    const banned6 = await post('2001:db8:1:2::5', 'from a banned IPv6 network');
    const fine = await post('198.51.100.9', 'from elsewhere');
    assert.equal(banned4.status, 'pending');
    assert.equal(banned6.status, 'pending');
    assert.equal(fine.status, 'published');
    const spam = await queue('spam');
    assert.equal(spam.find((c) => c.id === banned4.id)?.clientIp, '203.0.113.7');
    assert.equal(spam.find((c) => c.id === banned6.id)?.clientIp, '2001:db8:1:2::5');
    assert.equal((await queue('published')).find((c) => c.id === fine.id)?.clientIp, '198.51.100.9');
    const shown = await visible();
    assert.ok(shown.includes('from elsewhere') && !shown.includes('banned'));
  });

  it('hides a comment that two readers report at the same moment', async () => {
    const target = await post('198.51.100.30', 'reported at once');
    for (let round = 0; round < 5; round++) {
      // Each round a new comment, reported by two readers in parallel: the second must see the first.
      const id = round === 0 ? target.id : (await post('198.51.100.30', `reported at once ${round}`)).id;
      const answers = await Promise.all(
        ['198.51.100.41', '198.51.100.42'].map((from) =>
          server.request(`/v1/comments/${id}/reports`, {
            method: 'POST',
            headers: { 'X-Forwarded-For': from },
            json: { reason: 'harassment' },
          }),
        ),
      );
      assert.deepEqual(
        answers.map((r) => r.status),
        [201, 201],
      );
      assert.ok(
        (await queue('pending')).some((c) => c.id === id),
        `round ${round}: hidden after two readers reported it at once`,
      );
    }
  });

  it('counts reports per forwarded reader, and a delete wipes the address with the rest', async () => {
    const target = await post('198.51.100.20', 'reported twice', {
      author: { name: 'Reader', email: 'reader@example.com' },
    });
    const report = (from: string) =>
      server.request(`/v1/comments/${target.id}/reports`, {
        method: 'POST',
        headers: { 'X-Forwarded-For': from },
        json: { reason: 'spam' },
      });
    assert.equal((await report('198.51.100.1')).status, 201);
    assert.equal((await report('198.51.100.1')).status, 200);
    assert.ok((await visible()).includes('reported twice'));
    assert.equal((await report('198.51.100.2')).status, 201);
    assert.ok(!(await visible()).includes('reported twice'), 'hidden after two readers reported it');

    assert.equal(
      (await server.request(`/v1/admin/comments/${target.id}/delete`, { method: 'POST', headers: admin })).status,
      200,
    );
    const row = await storedComment(server, target.id);
    assert.deepEqual(row, {
      status: 'deleted',
      body: '',
      author_name: '',
      author_email: null,
      author_email_hash: null,
      client_ip: null,
      edit_token_hash: '',
    });
  });
});

/** The stored row, from whichever store the server runs on: what a delete leaves behind. */
async function storedComment(server: Server, id: string): Promise<unknown> {
  const columns = 'status, body, author_name, author_email, author_email_hash, client_ip, edit_token_hash';
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      return { ...(await client.query(`SELECT ${columns} FROM comments WHERE id = $1`, [id])).rows[0] };
    } finally {
      await client.end();
    }
  }
  const db = new Database(server.db, { readonly: true });
  try {
    return db.prepare(`SELECT ${columns} FROM comments WHERE id = ?`).get(id);
  } finally {
    db.close();
  }
}
