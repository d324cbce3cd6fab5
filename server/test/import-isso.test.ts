import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './import-harness.js';
import { importSuite } from './import-suite.js';

// Isso's backup is its SQLite file; the fixture is the SQL that makes one, so it can be read.
let db: string | undefined;
const file = () => {
  if (!db) {
    db = join(mkdtempSync(join(tmpdir(), 'isso-')), 'comments.db');
    const conn = new Database(db);
    conn.exec(readFileSync(join(FIXTURES, 'isso.sql'), 'utf8'));
    conn.close();
  }
  return db;
};

importSuite({
  format: 'isso',
  file,
  report: {
    threads: { total: 3, matched: 2, unmatched: 1 },
    imported: { total: 7, published: 5, pending: 1, rejected: 0, deleted: 1 },
    skipped: { spam: 0, deleted: 0, duplicate: 0 },
    missingParent: 1,
    flattened: 0,
    unmatched: [{ url: '/2018/05/an-old-post-we-never-moved/', title: 'An old post', comments: 1 }],
  },
  kingdom: [
    '혜진: 조선 좀비라니! **최고**예요.\n\n두 번째 문단.',
    [
      'Tomás: Agreed & the hats! click me [watch it](https://www.netflix.com/title/80180171)\n\n> Zombies, politics and hats.',
    ],
    '[deleted]',
    ['Anonymous: Why? It was *fine*.'],
    'ليلى: مسلسل رائع، أنصح به',
  ],
  parasite: ['Ana: Bong Joon-ho **does it again**.'],
  dates: { 혜진: '2019-02-01T09:15:00.123Z', Tomás: '2019-02-01T10:00:00.000Z', Anonymous: '2019-02-01T12:30:00.000Z' },
  emails: ['hyejin@example.kr', 'tomas@example.com', 'xiaoming@example.cn'],
});
