/**
 * Size budgets, run by `npm test` after the build (sizes are deterministic; timings are not, and
 * live in `npm run bench`).
 *
 * Two kinds of limit:
 * - TARGETS are issue #8's budgets: the one-file bundle with every element ≤ 30 KB gzip, and
 *   content-warning alone with lit ≤ 10 KB gzip. They are not met yet (see the README), so they
 *   are reported, and enforced only once met: flip `enforced` when a target holds.
 * - CEILINGS hold every size at most ~3 % above what it is today, so no change can quietly grow
 *   the library; lower them whenever a change makes it smaller.
 * KB here is 1024 bytes, as the benchmark prints.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cdnSizes, ELEMENT_ENTRIES, entrySizes } from '../../scripts/bundle-sizes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const KB = 1024;

const TARGETS = {
  'review-elements.js': { gzip: 30 * KB, enforced: false },
  'content-warning.js with lit': { gzip: 10 * KB, enforced: false },
};

// #14 raised the two that carry <comment-thread> by what its Report action weighs (about 1.6 KB
// gzip in the CDN file with its strings in three languages).
const CEILINGS = {
  'review-elements.js': 44.8 * KB,
  'review-card.js with lit': 23.9 * KB,
  'review-rating.js with lit': 10.0 * KB,
  'review-source.js with lit': 17.0 * KB,
  'cast-list.js with lit': 20.5 * KB,
  'content-warning.js with lit': 11.6 * KB,
  'comment-thread.js with lit': 30.5 * KB,
  'comment-count.js with lit': 16.8 * KB,
};

const measured = {};
const cdn = cdnSizes(root);
measured['review-elements.js'] = cdn.bundle.gzip;
const lazy = {};
for (const entry of ELEMENT_ENTRIES) {
  const sizes = await entrySizes(root, entry);
  measured[`${entry}.js with lit`] = sizes.initial.gzip;
  lazy[entry] = sizes.lazy;
}
const kb = (n) => `${(n / KB).toFixed(2)} KB`;

describe('bundle sizes (gzip)', () => {
  it('has every catalogue in the CDN file, and loads them on demand for npm entries', () => {
    assert.deepEqual(Object.keys(cdn.catalogues), [], 'the CDN file is one file');
    for (const entry of ELEMENT_ENTRIES) assert.ok(lazy[entry].ko && lazy[entry]['zh-Hans'], `${entry} imports the catalogues lazily`);
  });

  it('keeps content-warning free of the API client until from-review needs it', () => {
    assert.ok(lazy['content-warning']['review-loader'], 'the loader is a lazy import of content-warning');
    assert.ok(lazy['content-warning']['review-controller'], 'the review controller is a lazy import of content-warning');
  });

  for (const [name, ceiling] of Object.entries(CEILINGS)) {
    it(`${name}: ${kb(measured[name])}, ceiling ${kb(ceiling)}`, () => {
      assert.ok(measured[name] <= ceiling, `${name} grew to ${kb(measured[name])}, over its ceiling of ${kb(ceiling)}`);
    });
  }

  for (const [name, { gzip, enforced }] of Object.entries(TARGETS)) {
    const met = measured[name] <= gzip;
    it(`${name}: issue #8 target ${kb(gzip)} — ${met ? 'met' : `not met yet, ${kb(measured[name] - gzip)} over`}`, { skip: !enforced && !met && 'reported, not enforced until met' }, () => {
      assert.ok(met, `${name} is ${kb(measured[name])}, over the ${kb(gzip)} budget`);
    });
  }
});
