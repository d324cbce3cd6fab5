import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURES } from './import-harness.js';
import { importSuite } from './import-suite.js';

// Remark42 writes its backups gzipped (backup-site-YYYYMMDD.gz): the test imports it that way.
let gz: string | undefined;
const file = () => {
  if (!gz) {
    gz = join(mkdtempSync(join(tmpdir(), 'remark42-')), 'backup-doramas-20240115.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(FIXTURES, 'remark42.jsonl'))));
  }
  return gz;
};

importSuite({
  format: 'remark42',
  file,
  report: {
    threads: { total: 3, matched: 2, unmatched: 1 },
    imported: { total: 7, published: 6, pending: 0, rejected: 0, deleted: 1 },
    skipped: { spam: 0, deleted: 0, duplicate: 0 },
    missingParent: 1,
    flattened: 0,
    unmatched: [
      { url: 'https://doramas.example/2018/05/an-old-post-we-never-moved/', title: 'An old post', comments: 1 },
    ],
  },
  kingdom: [
    "혜진: Zombies in Joseon! **Best** thing I've seen this year.",
    [
      'Tom & Jerry: Agreed & the hats! [watch it](https://www.netflix.com/title/80180171)\n\n> Zombies in Joseon!\n\nThat sums it up.',
    ],
    '[deleted]',
    ['anonymous_ab12: Why? It was *fine*. click me'],
    'ليلى: مسلسل رائع، أنصح به',
    '小明: 第二季更好看… *真的* `x < y`',
  ],
  parasite: ['Ana: Bong Joon-ho **does it again**.'],
  dates: {
    혜진: '2019-02-01T09:15:00.000Z',
    anonymous_ab12: '2019-02-01T12:30:00.000Z',
    小明: '2019-02-01T14:00:00.000Z',
  },
  emails: [],
});
