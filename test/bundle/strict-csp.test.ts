/**
 * The bundle on a page with a strict Content-Security-Policy (`default-src 'self'`, nothing
 * inline) and Trusted Types required: every element renders, and nothing is blocked.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openFrame, shadowText } from '../support/helpers.js';

interface PageWindow extends Window {
  __violations: string[];
  __errors: string[];
}

describe('under a strict CSP with Trusted Types', () => {
  it('renders every element with no violation and no uncaught error', async () => {
    const frame = await openFrame('/test/fixtures/strict-csp-page.html', 'inline-size: 900px; block-size: 1400px');
    const doc = frame.contentDocument!;
    const win = frame.contentWindow as PageWindow;
    await waitUntil(
      () => shadowText(doc.querySelector('review-card'), '[part~="title"]') === 'Ballerina',
      'the card did not render',
      { timeout: 8000 },
    );
    await waitUntil(
      () => doc.querySelector('comment-thread')?.shadowRoot?.querySelector('article'),
      'the thread did not render',
      { timeout: 8000 },
    );
    await waitUntil(
      () => doc.querySelector('cast-list')?.shadowRoot?.querySelector('[part~="member"]'),
      'the cast did not render',
    );
    await waitUntil(() => shadowText(doc.querySelector('comment-count'), '[part~="base"]').endsWith('comments'));
    expect(doc.querySelector('content-warning')!.shadowRoot!.querySelector('[part~="notice"]')).to.exist;
    // The cast's initials colour and the card's held height go through CSSOM, which CSP allows.
    expect(doc.querySelector('review-card script[type="application/ld+json"]')).to.exist;
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });
});
