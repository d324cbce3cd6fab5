/**
 * The CDN files with a language beyond en/ko/zh-Hans (Arabic): the loader fetches its catalogue
 * from dist/cdn/ with the elements, before they render; review-elements.all.js, which carries only
 * en/ko/zh-Hans, loads it from a file beside itself, found relative to its own URL.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openFrame, shadowText } from '../support/helpers.js';

const fetched = (frame: HTMLIFrameElement, pattern: RegExp) =>
  (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((e) => new URL(e.name).pathname)
    .filter((path) => pattern.test(path));

describe('the catalogues beside the CDN files', () => {
  it('on an Arabic page, the loader fetches the Arabic catalogue with the elements and speaks Arabic', async () => {
    const frame = await openFrame('/test/fixtures/arabic-page.html');
    try {
      const doc = frame.contentDocument!;
      await waitUntil(
        () => shadowText(doc.querySelector('content-warning'), '[part~="title"]') === 'تحذير من المحتوى',
        'no Arabic',
        { timeout: 8000 },
      );
      expect(shadowText(doc.querySelector('content-warning'), '[part~="topics"]')).to.equal('العنف الجنسي');
      expect(fetched(frame, /^\/dist\/cdn\/locale-ar-[\w-]+\.js$/).length).to.equal(1);
      expect(fetched(frame, /review-elements\.ar-/)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('on an Arabic page, review-elements.all.js loads the Arabic catalogue from beside itself', async () => {
    const frame = await openFrame('/test/fixtures/arabic-page-all.html');
    try {
      const doc = frame.contentDocument!;
      await waitUntil(
        () => shadowText(doc.querySelector('content-warning'), '[part~="title"]') === 'تحذير من المحتوى',
        'no Arabic',
        { timeout: 8000 },
      );
      const catalogue = fetched(frame, /review-elements\.ar-[\w-]+\.js$/);
      expect(catalogue.length).to.equal(1);
      expect(catalogue[0].startsWith('/dist/')).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
