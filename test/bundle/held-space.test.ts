/**
 * An element whose size depends on its review (the cast list: how many people) keeps the space the
 * page held for it before its code ran (`cast-list:not(:defined)`, README "Holding the space")
 * until the review is in, instead of its skeleton's guess; a page that held nothing sees the
 * skeleton as before. The review is answered 300 ms late (/slow/), so the loading state can be
 * seen whatever the machine's speed.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openFrame } from '../support/helpers.js';

/** The cast list's height while it loads and once loaded, and where the paragraph below it was. */
async function heights(query: string) {
  const frame = await openFrame(`/test/fixtures/held-space-page.html${query}`);
  try {
    const doc = frame.contentDocument!;
    const cast = doc.querySelector('cast-list')!;
    const below = doc.querySelector('body > p')!;
    const warning = doc.querySelector('content-warning')!;
    await waitUntil(
      () => cast.matches(':defined') && cast.matches(':state(loading)'),
      'the cast list did not start loading',
      {
        timeout: 5000,
      },
    );
    const loading = cast.getBoundingClientRect().height;
    // The warning's review is as late; its code may come a little after the cast's.
    await waitUntil(() => warning.matches(':defined') && warning.shadowRoot?.firstChild, 'the warning did not start', {
      timeout: 5000,
    });
    const warningLoading = warning.getBoundingClientRect().height;
    const belowWhileLoading = below.getBoundingClientRect().top;
    await waitUntil(() => !cast.matches(':state(loading)'), 'the cast did not load', { timeout: 5000 });
    expect(cast.shadowRoot!.querySelector('[part~="member"] [part~="name"]')?.textContent).to.contain('Actor One');
    return {
      warningLoading,
      loading,
      loaded: cast.getBoundingClientRect().height,
      belowWhileLoading,
      belowLoaded: below.getBoundingClientRect().top,
    };
  } finally {
    frame.remove();
  }
}

describe('the space a page holds for an element', () => {
  it('is kept while the review loads, and given up once it is in', async () => {
    const held = await heights('');
    expect(held.loading, 'the held height while loading').to.equal(60);
    expect(held.loaded, 'the loaded cast sets its own height').to.be.greaterThan(60);
    // The warning takes the held height as a minimum (its fallback gives it one of its own).
    expect(held.warningLoading, "the warning's held height while loading").to.equal(400);
    const bare = await heights('?bare');
    expect(bare.warningLoading, 'the warning without the rule').to.be.below(400);
    // Without the rule the skeleton shows at its own guess of a height (six people for one).
    expect(bare.loading, "the skeleton's own height").to.be.greaterThan(held.loaded);
    expect(bare.belowWhileLoading).to.not.equal(bare.belowLoaded);
    // Same content, same height once loaded, whatever was held.
    expect(bare.loaded).to.equal(held.loaded);
  });
});
