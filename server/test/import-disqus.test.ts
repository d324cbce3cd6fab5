import { join } from 'node:path';
import { FIXTURES } from './import-harness.js';
import { importSuite } from './import-suite.js';

importSuite({
  format: 'disqus',
  file: () => join(FIXTURES, 'disqus.xml'),
  report: {
    threads: { total: 3, matched: 2, unmatched: 1 },
    imported: { total: 18, published: 17, pending: 0, rejected: 0, deleted: 1 },
    skipped: { spam: 1, deleted: 1, duplicate: 0 },
    missingParent: 1,
    flattened: 1,
    unmatched: [
      { url: 'https://doramas.example/2018/05/an-old-post-we-never-moved/', title: 'An old post', comments: 2 },
    ],
  },
  kingdom: [
    "혜진: Zombies in Joseon! **Best** thing I've seen this year.",
    ['Tomás: Agreed & the hats! click me\n\nhttps://en.wikipedia.org/wiki/Kingdom_(South_Korean_TV_series)'],
    '[deleted]',
    ['Guest: > I regret writing this\n\nWhy? It was *fine*.'],
    'ليلى: مسلسل رائع، أنصح به',
    '小明: 第二季更好看… *真的*\n\n||王世子活下来了||',
    'Guest Star: café talk: `x < y`',
    'Chain 0: level 0',
    [
      'Chain 1: level 1',
      [
        'Chain 2: level 2',
        [
          'Chain 3: level 3',
          [
            'Chain 4: level 4',
            ['Chain 5: level 5', ['Chain 6: level 6', ['Chain 7: level 7', ['Chain 8: level 8', 'Chain 9: level 9']]]],
          ],
        ],
      ],
    ],
  ],
  parasite: ['Ana: Bong Joon-ho **does it again**.\n\nThe stairs!'],
  dates: { 혜진: '2019-02-01T09:15:00.000Z', Tomás: '2019-02-01T10:00:00.000Z', 'Chain 9': '2019-02-01T15:09:00.000Z' },
  emails: ['hyejin@example.kr', 'tomas@example.com', 'xiaoming@example.cn'],
});
