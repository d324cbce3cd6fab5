/**
 * A keyboard-only walk through an article page: Tab reaches every control in reading order, each
 * shows a visible focus indicator, nothing hidden behind the content warning takes focus, and the
 * warning opens with the keyboard alone.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openFrame, shadowText } from '../support/helpers.js';

/** The element that really has focus, through shadow roots. */
function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Which element (by tag) and which control inside it. */
function describe_(el: Element | null): string {
  if (!el) return 'nothing';
  const host = (el.getRootNode() as ShadowRoot).host;
  const name = (
    el.getAttribute('aria-label') ||
    (el as HTMLElement).innerText ||
    el.getAttribute('part') ||
    el.id ||
    el.tagName
  )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
  return `${host ? host.tagName.toLowerCase() : 'page'}: ${el.tagName.toLowerCase()} "${name}"`;
}

describe('keyboard walk of an article page', () => {
  it('reaches every control in order, with visible focus, and never the hidden content', async function () {
    this.timeout(30_000);
    const frame = await openFrame('/test/fixtures/article-page.html', 'inline-size: 900px; block-size: 2400px');
    const doc = frame.contentDocument!;
    await waitUntil(() => shadowText(doc.querySelector('review-card'), '[part~="title"]') === 'Ballerina', 'card', {
      timeout: 8000,
    });
    await waitUntil(
      () => doc.querySelector('comment-thread')?.shadowRoot?.querySelector('review-comment-form'),
      'thread',
      { timeout: 8000 },
    );
    (doc.querySelector('h1') as HTMLElement).tabIndex = -1;
    (doc.querySelector('h1') as HTMLElement).focus();

    const visited: string[] = [];
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      const el = deepActive(doc);
      if (!el || el === doc.body) break;
      visited.push(describe_(el));
      // A visible indicator: an outline (ours) or the browser's own on form fields.
      const style = frame.contentWindow!.getComputedStyle(el);
      expect(
        style.outlineStyle !== 'none' || el.matches('input, textarea, select'),
        `${describe_(el)} shows focus`,
      ).to.equal(true);
      expect(el.closest('a[href="#hidden-link"]'), 'hidden content took focus').to.equal(null);
    }
    const order = visited.join('\n');
    const expectInOrder = [
      'page: a',
      'review-card: a "Rotten Tomatoes"',
      'review-card: a "6 comments"',
      'review-card: a "Read the full review',
      'content-warning: button "Show content"',
      'cast-list: div "Cast"',
      'comment-thread: select',
      'comment-thread: button "Reply"',
      'review-comment-form: input "name"',
      'review-comment-form: textarea "body"',
      'review-comment-form: button "Post comment"',
    ];
    let from = 0;
    for (const step of expectInOrder) {
      const at = visited.findIndex((v, i) => i >= from && v.startsWith(step));
      expect(at, `"${step}" after step ${from} in:\n${order}`).to.be.at.least(0);
      from = at + 1;
    }

    // Open the warning from the keyboard; focus lands on the content, and its link is reachable.
    const warning = doc.querySelector('content-warning')!;
    warning.shadowRoot!.querySelector<HTMLElement>('[part~="reveal-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive(doc)?.getAttribute('part') === 'content');
    await sendKeys({ press: 'Tab' });
    expect(deepActive(doc)?.getAttribute('href')).to.equal('#hidden-link');
    frame.remove();
  });
});
