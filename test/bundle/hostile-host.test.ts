/**
 * A theme's global CSS cannot reach inside the elements: on a page that sets `* { font-size: 30px
 * !important; box-sizing: content-box !important }`, unsets every button and shows scripts, the
 * elements still render their own layout inside their own box.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openFrame } from '../support/helpers.js';

describe('on a page with aggressive global CSS', () => {
  it('keeps each element inside its own box, with its own controls', async () => {
    const frame = await openFrame('/test/fixtures/hostile-css-page.html', 'inline-size: 600px; block-size: 3000px');
    const doc = frame.contentDocument!;
    const card = doc.querySelector('review-card')!;
    await waitUntil(
      () => card.shadowRoot?.querySelector('[part~="title"]')?.textContent?.includes('Ballerina'),
      'the card did not render',
      { timeout: 8000 },
    );
    const main = doc.querySelector('main')!.getBoundingClientRect();
    for (const tag of ['review-card', 'content-warning', 'cast-list']) {
      const box = doc.querySelector(tag)!.getBoundingClientRect();
      expect(box.height, tag).to.be.greaterThan(50);
      expect(box.right, `${tag} stays in its column`).to.be.at.most(main.right + 1);
    }
    // The card's grid holds: the poster beside the text, the poster at its 2:3 ratio.
    const poster = card.shadowRoot!.querySelector('[part~="poster"]')!.getBoundingClientRect();
    expect(poster.height / poster.width).to.be.closeTo(1.5, 0.05);
    // A reset of every button does not reach the elements' own buttons.
    const reveal = doc
      .querySelector('content-warning')!
      .shadowRoot!.querySelector<HTMLElement>('[part~="reveal-button"]')!;
    expect(getComputedStyle(reveal).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(reveal).cursor).to.equal('pointer');
    // The JSON-LD script stays invisible even when the page shows scripts: it is in the light
    // DOM, so only the card's shadow root (which has no slot for it) keeps it out of the layout.
    await waitUntil(() => card.querySelector('script'), 'no JSON-LD');
    const jsonLd = card.querySelector('script[type="application/ld+json"]')!;
    expect(jsonLd.getBoundingClientRect().height).to.equal(0);
    frame.remove();
  });
});
