import { join } from 'node:path';
import { FIXTURES } from './import-harness.js';
import { importSuite } from './import-suite.js';

importSuite({
  format: 'artalk',
  file: () => join(FIXTURES, 'artalk.artrans'),
  report: {
    threads: { total: 3, matched: 2, unmatched: 1 },
    imported: { total: 6, published: 5, pending: 1, rejected: 0, deleted: 0 },
    skipped: { spam: 0, deleted: 0, duplicate: 0 },
    missingParent: 1,
    flattened: 0,
    unmatched: [
      { url: 'https://doramas.example/2018/05/an-old-post-we-never-moved/', title: 'An old post', comments: 1 },
    ],
  },
  kingdom: [
    '혜진: 조선 좀비라니! **최고**예요.\n\n두 번째 문단.',
    ['Tomás: Agreed & the hats! click me [watch it](https://www.netflix.com/title/80180171)'],
    'Anonymous: Who needs a name? **Not me**',
    'ليلى: مسلسل رائع، أنصح به',
  ],
  // A page_key that is a path, under the site's URL.
  parasite: ['Ana: Bong Joon-ho **does it again**.'],
  // "+0900", "+0000" and the doubled "+0800 +0800" of older exports.
  dates: { 혜진: '2019-02-01T09:15:00.000Z', Tomás: '2019-02-01T10:00:00.000Z', Anonymous: '2019-02-01T12:30:00.000Z' },
  emails: ['hyejin@example.kr', 'tomas@example.com', 'layla@example.com', 'xiaoming@example.cn'],
});
