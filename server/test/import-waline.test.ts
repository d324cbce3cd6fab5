import { join } from 'node:path';
import { FIXTURES } from './import-harness.js';
import { importSuite } from './import-suite.js';

importSuite({
  format: 'waline',
  file: () => join(FIXTURES, 'waline.json'),
  report: {
    threads: { total: 3, matched: 2, unmatched: 1 },
    imported: { total: 7, published: 6, pending: 1, rejected: 0, deleted: 0 },
    skipped: { spam: 1, deleted: 0, duplicate: 0 },
    missingParent: 1,
    flattened: 0,
    // Waline keeps only the path: matched by path, and reported as such.
    unmatched: [{ url: '/2018/05/an-old-post-we-never-moved/', title: null, comments: 1 }],
  },
  kingdom: [
    '혜진: 조선 좀비라니! **최고**예요.\n\n두 번째 문단.\n줄바꿈도 그대로.',
    [
      'Tomás: @혜진: Agreed & the hats! click me [watch it](https://www.netflix.com/title/80180171)\n\n> Zombies, politics and hats.\n\nThat sums it up, `<b>literally</b>`.',
      ['Min: Replying to Tomás, deep in the thread'],
    ],
    'Anonymous: Anonymous and *proud* https://img.example/cat.png',
    'ليلى: مسلسل رائع، أنصح به',
  ],
  parasite: ['Ana: Bong Joon-ho **does it again**.'],
  // ISO, SQL-storage "YYYY-MM-DD HH:mm:ss" (UTC) and LeanCloud's {__type: "Date", iso} forms.
  dates: { 혜진: '2019-02-01T09:15:00.000Z', Tomás: '2019-02-01T10:00:00.000Z', Anonymous: '2019-02-01T12:30:00.000Z' },
  emails: ['hyejin@example.kr', 'tomas@example.com', 'xiaoming@example.cn'],
});
