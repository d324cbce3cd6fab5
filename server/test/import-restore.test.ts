import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { emailHash } from '../email-hash.js';
import { ADMIN_TOKEN, comment, databaseFor, removeDir, startServer, type Server } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
/** `npm run export` and `npm run import` as the owner runs them, against REVIEW_DB or DATABASE_URL. */
const node = (script: string, args: string[], db: string, databaseUrl?: string) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      REVIEW_DB: db,
      TZ: 'UTC',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  });

/** The stored email hash of a comment, from either store. */
async function storedEmailHash(db: string, databaseUrl: string | undefined, id: string): Promise<string | null> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (
        await client.query<{ author_email_hash: string | null }>(
          'SELECT author_email_hash FROM comments WHERE id = $1',
          [id],
        )
      ).rows[0].author_email_hash;
    } finally {
      await client.end();
    }
  }
  const stored = new Database(db, { readonly: true });
  try {
    return (
      stored.prepare('SELECT author_email_hash FROM comments WHERE id = ?').get(id) as {
        author_email_hash: string | null;
      }
    ).author_email_hash;
  } finally {
    stored.close();
  }
}

type Item = { id: string; author: { name: string }; body: string; replies: Item[]; replyCount: number };
const shape = (items: Item[]): unknown[] => items.map((c) => [c.id, c.author.name, c.body, shape(c.replies)]);

describe('npm run import of our own export (review-elements)', () => {
  let source: Server;
  let target: Server | undefined;
  let out: string;
  before(async () => {
    source = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
    out = mkdtempSync(join(tmpdir(), 'review-restore-'));
  });
  after(async () => {
    await source.stop();
    await target?.stop();
    removeDir(source.dir);
    if (target) removeDir(target.dir);
    removeDir(out);
  });

  it('restores everything into an empty database, and a second run writes nothing twice', async () => {
    const post = async (body: Record<string, unknown>) => {
      const res = await source.request('/v1/reviews/ballerina/comments', { method: 'POST', json: body });
      assert.equal(res.status, 201);
      return (await res.json()) as { id: string };
    };
    const loud = await post(
      comment('Loud', 'A thread with replies', { author: { name: 'Loud', email: 'loud@example.com' } }),
    );
    await post(comment('Quiet', 'No replies here'));
    await post(comment('Replier', 'first reply', { parentId: loud.id }));
    await post(comment('Replier', 'second reply', { parentId: loud.id }));
    const ban = await source.request('/v1/admin/bans', {
      method: 'POST',
      headers: admin,
      json: { kind: 'email', email: 'troll@example.com' },
    });
    assert.equal(ban.status, 201);
    assert.equal(
      (await source.request('/v1/admin/reviews/ballerina/unpublish', { method: 'POST', headers: admin })).status,
      200,
    );
    const asDraft = await source.request('/v1/admin/reviews/ballerina', { headers: admin });
    assert.equal(asDraft.status, 200);
    assert.equal(
      (await source.request('/v1/admin/reviews/ballerina/publish', { method: 'POST', headers: admin })).status,
      200,
    );
    const reviews = (await (await source.request('/v1/reviews?limit=100')).json()) as { items: { id: string }[] };
    const draftId = reviews.items.find((r) => r.id !== 'ballerina')!.id;
    assert.equal(
      (await source.request(`/v1/admin/reviews/${draftId}/unpublish`, { method: 'POST', headers: admin })).status,
      200,
    );
    const before = (await (await source.request('/v1/reviews/ballerina/comments?sort=top&limit=100')).json()) as {
      items: Item[];
      total: number;
    };

    const file = join(out, 'export.json');
    await node('server/backup/cli.ts', ['export', file], source.db, source.databaseUrl);
    const db = join(out, 'empty.db');
    const targetUrl = await databaseFor(out);
    const restored = await node('server/import/cli.ts', [file], db, targetUrl);
    assert.match(restored.stdout, /Restored into an empty database: \d+ reviews/);

    target = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_SEED: 'none' }, { dir: out, db });
    const after = (await (await target.request('/v1/reviews/ballerina/comments?sort=top&limit=100')).json()) as {
      items: Item[];
      total: number;
    };
    // Same ids, names, words and order (sort=top reads a score the restore recounted).
    assert.deepEqual(shape(after.items), shape(before.items));
    // Without recounted scores the new thread would sort after every older one with fewer replies.
    const older = after.items.filter((c) => c.replyCount < 2 && c.author.name !== 'Quiet');
    assert.ok(older.length > 0);
    assert.ok(after.items.findIndex((c) => c.id === loud.id) < after.items.indexOf(older[0]));
    assert.equal(after.total, before.total);
    // The draft is still a draft: not public, but on the desk.
    assert.equal((await target.request(`/v1/reviews/${draftId}`)).status, 404);
    assert.equal(
      ((await (await target.request(`/v1/admin/reviews/${draftId}`, { headers: admin })).json()) as { state: string })
        .state,
      'draft',
    );
    const bans = (await (await target.request('/v1/admin/bans', { headers: admin })).json()) as {
      items: { value: string }[];
    };
    assert.deepEqual(
      bans.items.map((b) => b.value),
      [emailHash('troll@example.com')],
    );
    assert.equal(await storedEmailHash(db, targetUrl, loud.id), emailHash('loud@example.com'));

    await target.stop();
    const again = await node('server/import/cli.ts', ['--json', file], db, targetUrl);
    const report = JSON.parse(again.stdout) as { restored?: unknown; imported: { total: number } };
    assert.equal(report.restored, undefined);
    assert.equal(report.imported.total, 0);
    target = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_SEED: 'none' }, { dir: out, db });
    const third = (await (await target.request('/v1/reviews/ballerina/comments?sort=top&limit=100')).json()) as {
      items: Item[];
    };
    assert.deepEqual(shape(third.items), shape(before.items));
  });
});
