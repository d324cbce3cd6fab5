import { join } from 'node:path';
import { FIXTURES } from './import-harness.js';
import { importSuite } from './import-suite.js';

importSuite({
  format: 'wordpress',
  file: () => join(FIXTURES, 'wordpress.xml'),
  report: {
    threads: { total: 3, matched: 2, unmatched: 1 },
    imported: { total: 8, published: 6, pending: 1, rejected: 0, deleted: 1 },
    skipped: { spam: 1, deleted: 0, duplicate: 0, pingback: 1 },
    missingParent: 1,
    flattened: 0,
    unmatched: [{ url: 'https://doramas.example/about/', title: 'About', comments: 1 }],
  },
  kingdom: [
    '혜진: 조선 좀비라니! **최고**예요.\n\n두 번째 문단: 갓이 너무 멋있어요.\n줄바꿈도 그대로.',
    [
      'Tomás: Agreed & the hats! click me [watch it](https://www.netflix.com/title/80180171)\n\n> Zombies, politics and hats.\n\nThat sums it up.',
    ],
    '[deleted]',
    ['Anonymous: Why? It was *fine*.'],
    'ليلى: مسلسل رائع، أنصح به',
    'Editor: Thanks, all — see you for season 2.',
  ],
  parasite: ['Ana & Jo: Bong Joon-ho **does it again**.'],
  // comment_date_gmt, not the site's local comment_date (UTC+9); without a GMT date, the local one.
  dates: {
    혜진: '2019-02-01T09:15:00.000Z',
    Anonymous: '2019-02-01T12:30:00.000Z',
    Editor: '2019-02-03T09:00:00.000Z',
  },
  emails: ['hyejin@example.kr', 'tomas@example.com', 'layla@example.com', 'xiaoming@example.cn'],
});
