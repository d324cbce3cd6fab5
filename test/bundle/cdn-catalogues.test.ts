/**
 * The CDN file with a language it does not carry (Arabic): the catalogue comes from a file beside
 * the bundle, found relative to the bundle's own URL, and the warning switches to it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openFrame, shadowText } from '../support/helpers.js';

describe('dist/review-elements.js and the catalogues beside it', () => {
  it('on an Arabic page, loads the Arabic catalogue from beside the bundle and speaks Arabic', async () => {
    const frame = await openFrame('/test/fixtures/arabic-page.html');
    try {
      const doc = frame.contentDocument!;
      await waitUntil(() => shadowText(doc.querySelector('content-warning'), '[part~="title"]') === 'تحذير من المحتوى', 'no Arabic', { timeout: 8000 });
      expect(shadowText(doc.querySelector('content-warning'), '[part~="topics"]')).to.equal('العنف الجنسي');
      const catalogue = (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => new URL(e.name).pathname)
        .filter((path) => /review-elements\.ar-[\w-]+\.js$/.test(path));
      expect(catalogue.length).to.equal(1);
      expect(catalogue[0].startsWith('/dist/')).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
