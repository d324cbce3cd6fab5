/**
 * The checks every import format goes through, over the real CLI and the real API: a dry run
 * writes nothing and reports what the real run then does; the threads read back exactly as
 * expected; emails are kept only hashed; counts and dates are right; a second run adds nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { emailHash } from '../email-hash.js';
import { removeDir } from './harness.js';
import { runJson, startWorld, storedComments, type World } from './import-harness.js';

export interface FormatCase {
  format: string;
  /** Path of the export file (built before the suite runs, for Isso's database). */
  file: () => string;
  report: {
    threads: { total: number; matched: number; unmatched: number };
    imported: Record<string, number>;
    skipped: Record<string, number>;
    missingParent: number;
    flattened: number;
    unmatched: { url: string | null; title: string | null; comments: number }[];
  };
  kingdom: unknown[];
  parasite: unknown[];
  /** Author name → createdAt as the API must give it (time zones converted to UTC). */
  dates: Record<string, string>;
  /** Addresses in the file, which must be stored only as their hashes. */
  emails: string[];
}

type ApiComment = { author: { name: string }; createdAt: string; replies: ApiComment[] };
const flatten = (items: ApiComment[]): ApiComment[] => items.flatMap((c) => [c, ...flatten(c.replies)]);

export function importSuite(c: FormatCase): void {
  describe(`import from ${c.format}`, () => {
    let world: World;
    let dryReport: Record<string, unknown>;
    before(async () => {
      world = await startWorld();
    });
    after(async () => {
      await world.stop();
      removeDir(world.server.dir);
    });

    it('--dry-run writes nothing and prints the report', async () => {
      dryReport = await runJson(world, ['--from', c.format, '--dry-run', c.file()]);
      assert.equal(dryReport.dryRun, true);
      assert.deepEqual(await storedComments(world.server), []);
      const text = await world.cli(['--from', c.format, '--dry-run', c.file()]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /dry run: nothing was written/);
      assert.match(text.stdout, new RegExp(`Comments to import: ${c.report.imported.total} `));
      assert.deepEqual(await storedComments(world.server), []);
    });

    it('imports: the report says what happened, as the dry run did', async () => {
      const report = await runJson(world, ['--from', c.format, c.file()]);
      assert.deepEqual({ ...report, dryRun: true }, dryReport);
      assert.deepEqual(report.threads, c.report.threads);
      assert.deepEqual(report.imported, c.report.imported);
      assert.deepEqual(report.skipped, c.report.skipped);
      assert.equal(report.missingParent, c.report.missingParent);
      assert.equal(report.flattened, c.report.flattened);
      assert.deepEqual(
        report.unmatchedThreads.map((t: { url: string; title: string; comments: number }) => ({
          url: t.url,
          title: t.title,
          comments: t.comments,
        })),
        c.report.unmatched,
      );
      await world.restart();
    });

    it('reads the threads back through the API exactly: text, parents, names, order', async () => {
      assert.deepEqual(await world.tree('kingdom'), c.kingdom);
      assert.deepEqual(await world.tree('parasite'), c.parasite);
    });

    it('keeps the original dates, in UTC', async () => {
      const res = await world.server.request('/v1/reviews/kingdom/comments?sort=oldest&limit=100');
      const all = flatten((await res.json()).items);
      for (const [name, date] of Object.entries(c.dates)) {
        assert.equal(all.find((x) => x.author.name === name)?.createdAt, date, name);
      }
    });

    it('updates comment counts and the review document', async () => {
      const published = c.kingdom.flat(Infinity).filter((line) => line !== '[deleted]').length;
      const counts = await (await world.server.request('/v1/comment-counts?ids=kingdom,parasite')).json();
      assert.deepEqual(counts.counts, { kingdom: published, parasite: c.parasite.flat(Infinity).length });
      assert.equal((await (await world.server.request('/v1/reviews/kingdom')).json()).commentCount, published);
    });

    it('keeps emails only as their hash', async () => {
      const stored = await storedComments(world.server);
      assert.ok(stored.every((row) => row.author_email === null));
      const hashes = new Set(stored.map((row) => row.author_email_hash));
      for (const email of c.emails) assert.ok(hashes.has(emailHash(email)), email);
      const raw = JSON.stringify(stored);
      for (const email of c.emails) assert.equal(raw.includes(email), false, email);
    });

    it('a second run imports nothing', async () => {
      const before = (await storedComments(world.server)).length;
      const report = await runJson(world, ['--from', c.format, c.file()]);
      assert.equal(report.imported.total, 0);
      assert.equal(report.skipped.duplicate, c.report.imported.total);
      assert.equal((await storedComments(world.server)).length, before);
      await world.restart();
      assert.deepEqual(await world.tree('kingdom'), c.kingdom);
    });
  });
}
