/**
 * npm run migrate-store: a SQLite site moves to PostgreSQL and its readers notice nothing. Runs
 * when the suite runs on PostgreSQL (npm run test:server:pg).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, startServerProcess, type ServerProcess } from '../../scripts/server-process.mjs';
import { ADMIN_TOKEN, POSTGRES, comment, removeDir } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

function migrateStore(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/migrate-store.ts', ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const call = (base: string, path: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(`${base}${path}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
};

/**
 * What a reader gets, without the page's live-event position (`eventId`): that counts events in
 * one store's log, not data, so it differs between the SQLite process and the PostgreSQL one.
 */
function content(text: string): string {
  return text.replace(/,"eventId":\d+/, '');
}

describe('migrate-store', { skip: POSTGRES ? false : 'needs DATABASE_URL (npm run test:server:pg)' }, () => {
  let sqlite: ServerProcess;
  let target: string;
  const pages = [
    '/v1/reviews',
    '/v1/reviews/ballerina',
    '/v1/reviews/the-glory/comments?sort=newest',
    '/v1/reviews/the-glory/comments?sort=top',
    '/v1/comment-counts?ids=ballerina,the-glory',
  ];
  const seen = new Map<string, string>();
  let keyed: { id: string };
  let pendingId: string;
  let reportedId: string;

  before(async () => {
    // A SQLite site with some history: replies, an edit, a deletion, a comment awaiting review.
    sqlite = await startServerProcess({ WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: ADMIN_TOKEN }, { keepFiles: true });
    const post = async (body: unknown, headers: Record<string, string> = {}) =>
      (await call(sqlite.url, '/v1/reviews/the-glory/comments', { method: 'POST', json: body, headers })).json();
    const first = await post(comment('Ana', 'First'));
    const reply = await post(comment('Bo', 'A reply', { parentId: first.id }));
    await post(comment('Cy', 'A reply to the reply', { parentId: reply.id, spoiler: true }));
    const gone = await post(comment('Di', 'Regretted'));
    await call(sqlite.url, `/v1/comments/${gone.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${gone.editToken}` },
    });
    await call(sqlite.url, `/v1/comments/${first.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${first.editToken}` },
      json: { body: 'First, edited' },
    });
    keyed = await post(comment('Eun', 'Sent once'), { 'Idempotency-Key': 'move-me' });
    // The desk's own tables (#14): a ban and a reader's report.
    const ban = await call(sqlite.url, '/v1/admin/bans', {
      method: 'POST',
      headers: admin,
      json: { kind: 'network', network: '192.0.2.0/24' },
    });
    assert.equal(ban.status, 201, await ban.clone().text());
    reportedId = reply.id;
    const report = await call(sqlite.url, `/v1/comments/${reply.id}/reports`, {
      method: 'POST',
      json: { reason: 'spoiler', note: 'ending' },
    });
    assert.equal(report.status, 201, await report.clone().text());
    for (const path of pages) seen.set(path, content(await (await call(sqlite.url, path)).text()));
    assert.equal(await sqlite.stop(), 0);
    // A held comment, written straight into the file with pre-moderation on.
    const held = await startServerProcess(
      { WRITE_RATE_LIMIT: '0', MODERATION: 'pre' },
      { dir: sqlite.dir, db: sqlite.db, keepFiles: true },
    );
    pendingId = (
      await (
        await call(held.url, '/v1/reviews/the-glory/comments', { method: 'POST', json: comment('Fay', 'Awaiting') })
      ).json()
    ).id;
    await held.stop();
    target = await createDatabase(POSTGRES!);
  });
  after(async () => {
    removeDir(sqlite.dir);
    if (target) await dropDatabase(target);
  });

  it('copies everything, verified by counts and checksums, and the site reads the same on PostgreSQL', async () => {
    const moved = await migrateStore('--from', `sqlite:${sqlite.db}`, '--to', target);
    assert.equal(moved.code, 0, moved.output);
    assert.match(moved.output, /reviews: 3 rows, checksum \w+ on both sides/);
    assert.match(moved.output, /comments: 12 rows/);
    assert.match(moved.output, /idempotency_keys: 1 rows/);

    const pgServer = await startServerProcess(
      { WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: ADMIN_TOKEN },
      { databaseUrl: target },
    );
    try {
      for (const path of pages)
        assert.equal(content(await (await call(pgServer.url, path)).text()), seen.get(path), path);
      assert.doesNotMatch(pgServer.output(), /seeded/);
      // The idempotency key came along: a retry of the same post is answered, not posted again.
      const retry = await call(pgServer.url, '/v1/reviews/the-glory/comments', {
        method: 'POST',
        json: comment('Eun', 'Sent once'),
        headers: { 'Idempotency-Key': 'move-me' },
      });
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      assert.equal((await retry.json()).id, keyed.id);
      // Moderation state came along.
      const queue = await (await call(pgServer.url, '/v1/admin/comments?status=pending', { headers: admin })).json();
      assert.deepEqual(
        queue.items.map((c: { id: string }) => c.id),
        [pendingId],
      );
      // The desk's ban and report came along.
      const bans = await (await call(pgServer.url, '/v1/admin/bans', { headers: admin })).json();
      assert.deepEqual(
        bans.items.map((b: { value: string }) => b.value),
        ['192.0.2.0/24'],
      );
      const reported = await (await call(pgServer.url, '/v1/admin/queue?status=reported', { headers: admin })).json();
      assert.deepEqual(
        reported.items.map((c: { id: string }) => c.id),
        [reportedId],
      );
      assert.equal(reported.items[0].reports, 1);
      assert.deepEqual(reported.items[0].reasons, ['spoiler']);
      // New comments number on after the copied ones.
      const fresh = await (
        await call(pgServer.url, '/v1/reviews/the-glory/comments', { method: 'POST', json: comment('Gil', 'New home') })
      ).json();
      const newest = await (await call(pgServer.url, '/v1/reviews/the-glory/comments?sort=newest&limit=1')).json();
      assert.equal(newest.items[0].id, fresh.id);
    } finally {
      await pgServer.stop();
    }
  });

  it('refuses a target that holds data, unless --force', async () => {
    const refused = await migrateStore('--from', `sqlite:${sqlite.db}`, '--to', target);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /already holds data .*--force/);
    const forced = await migrateStore('--from', `sqlite:${sqlite.db}`, '--to', target, '--force');
    assert.equal(forced.code, 0, forced.output);
    assert.match(forced.output, /comments: 12 rows/);
  });
});
