/**
 * Imports on PostgreSQL: the same export, uploaded to a server on SQLite and to one on PostgreSQL,
 * reads back the same through the API; a re-run adds nothing; the CLI writes to the database
 * DATABASE_URL names, and the running server shows it at once (its caches hear the NOTIFY).
 * Runs when the suite runs on PostgreSQL (npm run test:server:pg).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process.mjs';
import { POSTGRES, removeDir } from './harness.js';
import { FIXTURES, REVIEWS, admin, compact, startWorld, type World } from './import-harness.js';

describe('imports on PostgreSQL', { skip: POSTGRES ? false : 'needs DATABASE_URL (npm run test:server:pg)' }, () => {
  let world: World;
  let sqlite: ServerProcess;
  const disqus = readFileSync(join(FIXTURES, 'disqus.xml'));
  const upload = (base: string, body: Buffer) =>
    fetch(`${base}/v1/admin/import?from=disqus`, {
      method: 'POST',
      body,
      headers: { ...admin, 'Content-Type': 'application/octet-stream' },
    });
  const tree = async (base: string, id: string) =>
    compact((await (await fetch(`${base}/v1/reviews/${id}/comments?sort=oldest&limit=100`)).json()).items);

  before(async () => {
    world = await startWorld();
    sqlite = await startServerProcess({
      REVIEW_ADMIN_TOKEN: admin.Authorization.slice(7),
      REVIEW_SEED: 'none',
      WRITE_RATE_LIMIT: '0',
    });
    for (const { id, url } of REVIEWS) {
      const res = await fetch(`${sqlite.url}/v1/reviews/${id}`, {
        method: 'PUT',
        headers: { ...admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id,
          url,
          lang: 'en',
          title: id,
          publishedAt: '2019-01-01T00:00:00Z',
          work: { title: id, type: 'series' },
          comments: { open: true },
        }),
      });
      assert.equal(res.status, 201);
    }
  });
  after(async () => {
    await world.stop();
    removeDir(world.server.dir);
    await sqlite.stop();
  });

  it('reads an uploaded export back exactly as the SQLite store does', async () => {
    const [onPg, onSqlite] = await Promise.all([
      (await upload(world.server.url, disqus)).json(),
      (await upload(sqlite.url, disqus)).json(),
    ]);
    assert.equal(onPg.imported.total, 18);
    assert.deepEqual(onPg, onSqlite);
    for (const { id } of REVIEWS) {
      const pgTree = await tree(world.server.url, id);
      assert.ok(pgTree.length > 0);
      assert.deepEqual(pgTree, await tree(sqlite.url, id), id);
      const [a, b] = await Promise.all([
        fetch(`${world.server.url}/v1/reviews/${id}`),
        fetch(`${sqlite.url}/v1/reviews/${id}`),
      ]);
      assert.equal((await a.json()).commentCount, (await b.json()).commentCount);
    }
  });

  it('imports nothing twice', async () => {
    const again = await (await upload(world.server.url, disqus)).json();
    assert.equal(again.imported.total, 0);
    assert.equal(again.skipped.duplicate, 18);
  });

  it('imports with the CLI into DATABASE_URL, and the running server shows it without a restart', async () => {
    const before = await tree(world.server.url, 'parasite');
    const result = await world.cli(['--json', '--from', 'wordpress', join(FIXTURES, 'wordpress.xml')], {
      DATABASE_URL: world.server.databaseUrl!,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).imported.total, 8);
    const after = await tree(world.server.url, 'parasite');
    assert.ok(after.includes('Ana & Jo: Bong Joon-ho **does it again**.'), JSON.stringify(after));
    assert.ok(after.length > before.length);
  });
});
