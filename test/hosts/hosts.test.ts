/**
 * The framework host pages (demo/hosts/), as built by `npm run build:hosts` into dist/hosts/:
 * React 19, Vue 3 and Svelte 5 each render the article's elements against the review API, hear
 * the card's `review-load` in framework code, and switch the card's layout through framework
 * state. Each page runs in an iframe, with its own copy of the elements from its own bundle.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { CastList, ReviewCard } from '../../src/index.js';
import { openFrame, shadowText } from '../support/helpers.js';

const HOSTS = ['react', 'vue', 'svelte'] as const;

for (const name of HOSTS) {
  describe(`the ${name} host page`, () => {
    const url = `/dist/hosts/${name}/index.html`;
    let frame: HTMLIFrameElement;
    let doc: Document;
    const errors: string[] = [];

    before(async () => {
      const res = await fetch(url, { method: 'HEAD' });
      if (!res.ok)
        throw new Error(`${url} is missing (${res.status}): run \`npm run build:hosts\` before the browser tests`);
      frame = await openFrame(url);
      doc = frame.contentDocument!;
      const win = frame.contentWindow!;
      win.addEventListener('error', (e) => errors.push(String(e.message)));
      win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    });
    after(() => frame?.remove());

    it('renders the card, in the source, from the review API', async () => {
      const card = () => doc.querySelector<ReviewCard>('review-source review-card');
      await waitUntil(
        () => shadowText(card(), '[part~="title"]') === 'Ballerina',
        `the ${name} page's card did not show the review`,
        {
          timeout: 8000,
        },
      );
      // The framework rendered the rest of the article's elements inside the same source.
      for (const tag of ['comment-count', 'content-warning', 'cast-list', 'comment-thread']) {
        expect(doc.querySelector(`review-source ${tag}`), tag).not.to.equal(null);
      }
      expect(doc.querySelector('content-warning')!.hasAttribute('from-review')).to.equal(true);
    });

    it("hears the card's review-load event in framework code", async () => {
      const loaded = doc.getElementById('loaded-title')!;
      await waitUntil(
        () => loaded.textContent?.trim() === 'Loaded: Ballerina',
        `#loaded-title says "${loaded.textContent}"`,
        {
          timeout: 8000,
        },
      );
    });

    it('passes values as properties where the element has them', () => {
      const cast = doc.querySelector<CastList>('cast-list')!;
      // A number, and no attribute: set as the property, not stringified into an attribute.
      expect(cast.limit).to.equal(6);
      expect(cast.hasAttribute('limit')).to.equal(false);
      expect(doc.querySelector<ReviewCard>('review-card')!.layout).to.equal('full');
    });

    it('switches the layout through framework state, and the card re-renders', async () => {
      const card = doc.querySelector<ReviewCard>('review-card')!;
      const button = doc.getElementById('toggle-layout') as HTMLButtonElement;
      expect(card.shadowRoot!.querySelector('[part~="summary"]'), 'summary in the full card').not.to.equal(null);

      button.click();
      await waitUntil(() => card.layout === 'compact', `the ${name} page did not set layout`, { timeout: 3000 });
      await card.updateComplete;
      expect(card.getAttribute('layout')).to.equal('compact');
      expect(card.shadowRoot!.querySelector('[part~="summary"]'), 'summary in the compact card').to.equal(null);
      expect(shadowText(card, '[part~="title"]')).to.equal('Ballerina');
      // The same element, updated in place (not a new one mounted by the framework).
      expect(doc.querySelector('review-card')).to.equal(card);

      button.click();
      await waitUntil(() => card.layout === 'full', `the ${name} page did not set layout back`, { timeout: 3000 });
      await card.updateComplete;
      expect(card.getAttribute('layout')).to.equal('full');
      expect(card.shadowRoot!.querySelector('[part~="summary"]')).not.to.equal(null);
      expect(errors).to.deep.equal([]);
    });
  });
}
