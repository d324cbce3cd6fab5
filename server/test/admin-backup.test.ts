import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { restoreExport } from '../backup/restore.js';
import { readReviewElementsExport, toImportedSource } from '../import/formats/review-elements.js';
import { SqliteStore } from '../store/sqlite.js';
import { ADMIN_TOKEN, POSTGRES, comment, removeDir, startServer, type Server } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
/** The CLI against the server's own database: its SQLite file, or its PostgreSQL database. */
const cli = (command: 'backup' | 'export', server: Server, file: string) => {
  const { DATABASE_URL: _, ...env } = process.env;
  return run(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', command, file], {
    cwd: ROOT,
    env: { ...env, REVIEW_DB: server.db, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) },
  });
};

describe('backup, export and restore while the server writes', () => {
  let server: Server;
  let out: string;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
    out = mkdtempSync(join(tmpdir(), 'review-backup-'));
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
    removeDir(out);
  });

  it(
    'keeps every comment acknowledged before the backup, and the export restores into a fresh database',
    {
      skip: POSTGRES
        ? 'npm run backup copies the SQLite file: SQLite only (export and restore on PostgreSQL: import-restore.test.ts)'
        : false,
    },
    async () => {
      const acknowledged: { id: string; body: string; at: number }[] = [];
      let writing = true;
      // Four writers post until told to stop; each acknowledgement is noted with its time.
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; writing; i++) {
          const body = `writer ${w} comment ${i}`;
          const res = await server.request('/v1/reviews/ballerina/comments', {
            method: 'POST',
            json: comment(`W${w}`, body),
          });
          if (res.status === 201) acknowledged.push({ id: (await res.json()).id, body, at: Date.now() });
        }
      });
      while (acknowledged.length < 40) await new Promise((r) => setImmediate(r));
      const backupStarted = Date.now();
      await cli('backup', server, join(out, 'backup.db'));
      const exportStarted = Date.now();
      await cli('export', server, join(out, 'export.json'));
      writing = false;
      await Promise.all(writers);
      // Same millisecond counts as before: the 40th acknowledgement is often noted in the very
      // millisecond the backup starts (a strict < made this fail on a busy machine), and whatever
      // was acknowledged then was committed long before the CLI process opens the database.
      const beforeBackup = acknowledged.filter((a) => a.at <= backupStarted);
      const beforeExport = acknowledged.filter((a) => a.at <= exportStarted);
      assert.ok(
        beforeBackup.length >= 40 && acknowledged.length > beforeBackup.length,
        `${beforeBackup.length} before, ${acknowledged.length} in all`,
      );

      const copy = new SqliteStore(join(out, 'backup.db'));
      try {
        for (const a of beforeBackup) assert.equal((await copy.getComment(a.id))?.body, a.body, a.id);
      } finally {
        await copy.close();
      }

      const fresh = new SqliteStore(join(out, 'restored.db'));
      try {
        const counts = await restoreExport(join(out, 'export.json'), fresh);
        assert.ok(counts.comments >= beforeExport.length + 6);
        for (const a of beforeExport) assert.equal((await fresh.getComment(a.id))?.body, a.body, a.id);
        await assert.rejects(restoreExport(join(out, 'export.json'), fresh), /empty database/);
      } finally {
        await fresh.close();
      }
      // The restored file serves the same thread over HTTP.
      const restored = await startServer({ REVIEW_SEED: 'none' }, { dir: out, db: join(out, 'restored.db') });
      try {
        const page = await (await restored.request('/v1/reviews/ballerina/comments?limit=100&sort=newest')).json();
        assert.ok(page.total >= beforeExport.length + 6);
      } finally {
        await restored.stop();
      }
    },
  );

  it('exports drafts, bans and statuses, and reads back in the shared import shape', async () => {
    const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    await server.request('/v1/reviews/draft-one?state=draft', {
      method: 'PUT',
      headers: admin,
      json: {
        id: 'draft-one',
        url: 'https://blog.example/d',
        lang: 'en',
        title: 'D',
        publishedAt: '2030-01-01T00:00:00Z',
        work: { title: 'D', type: 'movie' },
      },
    });
    await server.request('/v1/admin/bans', {
      method: 'POST',
      headers: admin,
      json: { kind: 'network', network: '192.0.2.0/24', hours: 2 },
    });
    await cli('export', server, join(out, 'second.json'));
    const data = readReviewElementsExport(readFileSync(join(out, 'second.json'), 'utf8'));
    assert.equal(data.version, 1);
    assert.equal(data.reviews.find((r) => r.id === 'draft-one')?.state, 'draft');
    assert.equal(data.bans[0].value, '192.0.2.0/24');
    const source = toImportedSource(data);
    assert.equal(source.format, 'review-elements');
    assert.ok(source.threads.find((t) => t.sourceId === 'ballerina')!.comments.length >= 6);
    assert.throws(() => readReviewElementsExport('{"format":"review-elements","version":2}'), /newer version/);
    assert.throws(() => readReviewElementsExport('nope'), /not JSON/);
  });
});
