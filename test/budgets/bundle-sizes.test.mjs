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
 *   Raised once, by the data controller (issue #17), for what it adds beyond the code it replaced:
 *   data given without a request (property and JSON script child, validated), a bounded cache,
 *   Retry, held height and focus the same in every element, and a "Load more" that a new sort
 *   aborts. review-elements.js 43.0 → 43.1, cast-list 20.5 → 20.7, comment-thread 29.3 → 29.7.
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

// The data controller (#17: preloaded data, a bounded cache, one Retry and focus everywhere, an
// abortable "Load more") and issue #19 raised these: seven more catalogues to choose from in every element's loader (~0.1 KB
// each), the role and topic vocabulary in en/ko/zh-Hans (the CDN file), the reader's settings
// store and the settings link in <content-warning>, and <content-warning-settings> in the CDN file.
// #14 (the merge of ownerdesk) raised the two that carry <comment-thread> to the merged sizes
// measured, rounded up to the next 0.1 KB: its Report action (<review-comment-report>, the
// client's reportComment and its strings in en/ko/zh-Hans) weighs about 1.4 KB gzip in the CDN
// file and 1 KB in comment-thread.js. These budgets are being replaced this round.
const CEILINGS = {
  'review-elements.js': 49.1 * KB,
  'review-card.js with lit': 24.7 * KB,
  'review-rating.js with lit': 10.4 * KB,
  'review-source.js with lit': 17.5 * KB,
  'cast-list.js with lit': 21.5 * KB,
  'content-warning.js with lit': 13.7 * KB,
  'comment-thread.js with lit': 31.6 * KB,
  'comment-count.js with lit': 17.4 * KB,
};

/** Catalogues the CDN file loads on demand, beside it; en, ko and zh-Hans are built in. */
const CDN_LAZY_CATALOGUES = ['ar', 'de', 'es', 'fr', 'ja', 'pt-BR', 'zh-Hant'];
const CATALOGUE_CEILING = 4.0 * KB;

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
  it('has en, ko and zh-Hans in the CDN file and the other catalogues beside it; npm entries load every one on demand', () => {
    assert.deepEqual(Object.keys(cdn.catalogues).sort(), CDN_LAZY_CATALOGUES, 'nothing but those catalogues is split from the CDN file');
    for (const [id, size] of Object.entries(cdn.catalogues)) assert.ok(size.gzip <= CATALOGUE_CEILING, `${id} is ${kb(size.gzip)}`);
    for (const entry of ELEMENT_ENTRIES) {
      for (const id of ['ko', 'zh-Hans', ...CDN_LAZY_CATALOGUES]) assert.ok(lazy[entry][id], `${entry} imports ${id} lazily`);
    }
  });

  it('keeps content-warning free of the API client until from-review needs it', () => {
    assert.ok(lazy['content-warning']['review-data-controller'], 'the data controller (with the client) is a lazy import of content-warning');
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
