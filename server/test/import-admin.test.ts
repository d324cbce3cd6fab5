/**
 * POST /v1/admin/import: the same import as the CLI, uploaded to the running server, which sees
 * its own writes (no restart: counts and ETags change at once). And the CLI's own edges: --map,
 * a format guessed from the file, refusals.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { removeDir } from './harness.js';
import { FIXTURES, admin, runJson, startWorld, storedComments, type World } from './import-harness.js';

const disqus = readFileSync(join(FIXTURES, 'disqus.xml'));

describe('admin import upload', () => {
  let world: World;
  const upload = (query: string, body: Buffer, headers: Record<string, string> = admin) =>
    world.server.request(`/v1/admin/import${query}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/octet-stream', ...headers },
    });
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world.stop();
    removeDir(world.server.dir);
  });

  it('refuses without the admin token, or with a wrong one', async () => {
    const none = await upload('?from=disqus', disqus, {});
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('Content-Type'), 'application/problem+json');
    assert.equal((await none.json()).code, 'unauthorized');
    const wrong = await upload('?from=disqus', disqus, { Authorization: 'Bearer not-the-admin-token-at-all' });
    assert.equal(wrong.status, 403);
    assert.equal((await wrong.json()).code, 'forbidden');
    assert.deepEqual(await storedComments(world.server), []);
  });

  it('dryRun=1 answers the report and writes nothing', async () => {
    const res = await upload('?from=disqus&dryRun=1', disqus);
    assert.equal(res.status, 200);
    const report = await res.json();
    assert.equal(report.dryRun, true);
    assert.equal(report.imported.total, 18);
    assert.deepEqual(await storedComments(world.server), []);
    assert.deepEqual(await world.tree('kingdom'), []);
  });

  it('imports a file larger than the API body limit; counts and ETag change at once', async () => {
    const before = await world.server.request('/v1/reviews/kingdom');
    const etag = before.headers.get('ETag')!;
    assert.equal((await before.json()).commentCount, 0);
    // Padding past the API's 64 KiB limit, where a Disqus export may hold it (an XML comment).
    const big = Buffer.concat([
      disqus.subarray(0, disqus.indexOf('<disqus')),
      Buffer.from(`<!-- ${'x'.repeat(200_000)} -->\n`),
      disqus.subarray(disqus.indexOf('<disqus')),
    ]);
    const res = await upload('?from=disqus', big);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal((await res.json()).imported.total, 18);
    const afterImport = await world.server.request('/v1/reviews/kingdom', { headers: { 'If-None-Match': etag } });
    assert.equal(afterImport.status, 200);
    assert.equal((await afterImport.json()).commentCount, 16);
    assert.equal((await world.tree('kingdom'))[0], "혜진: Zombies in Joseon! **Best** thing I've seen this year.");
  });

  it('a second upload imports nothing', async () => {
    const report = await (await upload('?from=disqus', disqus)).json();
    assert.equal(report.imported.total, 0);
    assert.equal(report.skipped.duplicate, 18);
    assert.equal((await storedComments(world.server)).length, 18);
  });

  it('guesses the format of a gzipped upload without from=', async () => {
    const res = await upload('', gzipSync(readFileSync(join(FIXTURES, 'waline.json'))));
    assert.equal(res.status, 200);
    const report = await res.json();
    assert.equal(report.format, 'waline');
    assert.equal(report.imported.total, 7);
  });

  it('answers problems for a wrong format, an unknown from, an empty body and a body over 20 MB', async () => {
    const wrong = await upload('?from=wordpress', Buffer.from('{"not": "xml"'));
    assert.equal(wrong.status, 422);
    assert.equal((await wrong.json()).code, 'invalid-body');
    const unknown = await upload('?from=livefyre', disqus);
    assert.equal(unknown.status, 400);
    assert.equal((await unknown.json()).code, 'invalid-query');
    const empty = await upload('?from=disqus', Buffer.alloc(0));
    assert.equal(empty.status, 400);
    assert.equal((await empty.json()).code, 'invalid-body');
    // Declared over the limit, answered on the header alone. The body is not sent: a client still
    // sending 20 MB when the server answers and closes can get a reset before it reads the answer
    // (fetch failed now and then on a busy machine), which would test the network, not the server.
    const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${world.server.url}/v1/admin/import?from=disqus`,
        {
          method: 'POST',
          headers: { ...admin, 'Content-Type': 'application/octet-stream', 'Content-Length': 20 * 1024 * 1024 + 1 },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode!, body });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      // A server that waited for the body would never answer: fail, do not hang.
      req.setTimeout(10_000, () => req.destroy(new Error('no answer to the declared length')));
      req.flushHeaders();
    });
    assert.equal(huge.status, 413);
    assert.equal(JSON.parse(huge.body).code, 'payload-too-large');
  });
});

describe('import CLI', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world.stop();
    removeDir(world.server.dir);
  });

  it('--map gives an unmatched thread its review (CSV), and the report names what stays unmatched', async () => {
    const map = join(world.server.dir, 'map.csv');
    writeFileSync(
      map,
      'url,review\n# moved in 2019\nhttps://doramas.example/2018/05/an-old-post-we-never-moved/,parasite\n',
    );
    const report = await runJson(world, ['--from', 'disqus', '--map', map, join(FIXTURES, 'disqus.xml')]);
    assert.deepEqual(report.threads, { total: 3, matched: 3, unmatched: 0 });
    assert.deepEqual(report.unmatchedThreads, []);
    await world.restart();
    assert.deepEqual(await world.tree('parasite'), [
      'Ana: Bong Joon-ho **does it again**.\n\nThe stairs!',
      'Old Reader: First!',
      'Older Reader: Second',
    ]);
  });

  it('guesses the format when --from is left out, and prints a readable report', async () => {
    const result = await world.cli([join(FIXTURES, 'artalk.artrans')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Import from artalk\n/);
    assert.match(result.stdout, /Threads: 3 \(2 matched to a review, 1 unmatched\)/);
    assert.match(result.stdout, /Comments imported: 6 \(5 published, 1 pending\)/);
    assert.match(
      result.stdout,
      /Unmatched threads[^\n]*\n {2}https:\/\/doramas\.example\/2018\/05\/an-old-post-we-never-moved\/ "An old post": 1 comment\n/,
    );
  });

  it('--include-spam keeps spam as rejected comments, never shown', async () => {
    const report = await runJson(world, ['--from', 'wordpress', '--include-spam', join(FIXTURES, 'wordpress.xml')]);
    assert.equal(report.imported.rejected, 1);
    assert.equal(report.skipped.spam, 0);
    const rejected = (await storedComments(world.server)).filter((row) => row.status === 'rejected');
    assert.deepEqual(
      rejected.map((row) => row.body),
      ['Buy now http://spam.example/'],
    );
  });

  it('refuses an unknown format, a missing file, a file not in the format named, and a database it cannot reach', async () => {
    const file = join(FIXTURES, 'disqus.xml');
    assert.equal((await world.cli(['--from', 'livefyre', file])).code, 2);
    assert.equal((await world.cli(['--from', 'disqus', join(FIXTURES, 'nope.xml')])).code, 2);
    const wrong = await world.cli(['--from', 'isso', file]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /not a readable isso export/);
    assert.equal((await world.cli([])).code, 2);
    const ours = await world.cli(['--from', 'review-elements', file]);
    assert.equal(ours.code, 1);
    assert.match(ours.stderr, /not a readable review-elements export/);
    // DATABASE_URL wins over REVIEW_DB, as in the server: here it names a database no one serves.
    const postgres = await world.cli(['--from', 'disqus', file], { DATABASE_URL: 'postgres://127.0.0.1:1/reviews' });
    assert.equal(postgres.code, 1);
    assert.match(postgres.stderr, /Cannot open the database/);
    const stored = (await storedComments(world.server)).length;
    assert.ok(stored > 0);
    assert.equal((await world.cli(['--from', 'disqus', '--dry-run', file])).code, 0);
    assert.equal((await storedComments(world.server)).length, stored);
  });
});
