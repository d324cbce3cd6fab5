/**
 * npm run backup -- FILE   an online copy of the live database (SQLite's backup API: consistent,
 *                          safe while the server writes; the WAL is included)
 * npm run export -- FILE   every review, comment, report, ban and setting as versioned JSON
 * Both read REVIEW_DB (./data/reviews.db by default), like the server; export reads PostgreSQL
 * when DATABASE_URL names one (backup is SQLite's file copy: use pg_dump there).
 */
import Database from 'better-sqlite3';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { openPostgresStore } from '../store/open.js';
import { SqliteStore } from '../store/sqlite.js';
import type { ReviewStore } from '../store/store.js';

const [command, target] = process.argv.slice(2);
const source = process.env.REVIEW_DB || './data/reviews.db';
const db = isAbsolute(source) ? source : resolve(process.cwd(), source);

function fail(message: string): never {
  console.error(`review-${command ?? 'backup'}: ${message}`);
  process.exit(2);
}

if (!target || (command !== 'backup' && command !== 'export'))
  fail('usage: npm run backup -- FILE | npm run export -- FILE');
const postgres = process.env.DATABASE_URL || undefined;
if (postgres && command === 'backup')
  fail('backup copies the SQLite file; with DATABASE_URL use pg_dump, or npm run export');
if (!postgres && !existsSync(db)) fail(`there is no database at ${db} (set REVIEW_DB)`);
const out = resolve(process.cwd(), target);
const partial = `${out}.partial`;

if (command === 'backup') {
  const live = new Database(db, { readonly: true, fileMustExist: true });
  try {
    // Written aside, then renamed: a crash mid-copy never leaves a half backup under FILE.
    await live.backup(partial);
  } finally {
    live.close();
  }
  renameSync(partial, out);
  console.log(`review-backup: ${db} → ${out}`);
} else {
  const opened: { store: ReviewStore; close: () => Promise<void> } = postgres
    ? await openPostgresStore(postgres)
    : (() => {
        const store = new SqliteStore(db);
        return { store, close: () => store.close() };
      })();
  const { store } = opened;
  try {
    const data = await store.desk!.exportAll(Date.now()); // SQLite and PostgreSQL stores both have one
    writeFileSync(partial, JSON.stringify(data, null, 1));
    renameSync(partial, out);
    console.log(`review-export: ${data.reviews.length} reviews, ${data.comments.length} comments → ${out}`);
  } finally {
    await opened.close();
  }
}
