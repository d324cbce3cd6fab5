/**
 * Retry and focus, the same in every element with a Retry (issue #17): the first load fails (the
 * fixture API's `flaky` answers 503 once per key, each answer 300 ms late so the loading states
 * can be seen), the reader activates Retry from the keyboard, and then focus is on the element's
 * heading (the card's title; the cast's list, which is named "Cast") and the element never
 * collapsed below its skeleton's height on the way. `<content-warning from-review>` and
 * `<comment-count>` have no Retry: they ask again by themselves (test/integration/faults.test.ts);
 * here the warning keeps the reader's focus on its button while it does.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { API, seen, unique } from '../support/helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const height = (el: Element) => el.getBoundingClientRect().height;

interface Case {
  tag: 'review-card' | 'cast-list';
  /** What takes focus after the retry: the element's heading. */
  heading: string;
  headingName: (el: HTMLElement) => string;
}

const cases: Case[] = [
  { tag: 'review-card', heading: 'title', headingName: (el) => seen(el) },
  { tag: 'cast-list', heading: 'list', headingName: (el) => el.getAttribute('aria-label') ?? '' },
];

for (const { tag, heading, headingName } of cases) {
  describe(`<${tag}> retry`, () => {
    it('retries from the keyboard, keeps its height while it does, then focuses its heading', async () => {
      const src = `${API}/flaky?key=${unique(tag)}&delay=300`;
      const wrapper = await fixture<HTMLElement>(
        tag === 'review-card'
          ? html`<div style="inline-size: 720px"><review-card src=${src}></review-card></div>`
          : html`<div style="inline-size: 720px"><cast-list src=${src}></cast-list></div>`,
      );
      const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(true);
      const skeleton = height(el);
      expect(skeleton).to.be.greaterThan(0);

      await waitUntil(() => part(el, 'retry-button'), 'no Retry after the failed load', { timeout: 5000 });
      expect(el.matches(':state(error)')).to.equal(true);
      // The error box is shorter than the skeleton: the element holds the skeleton's height.
      expect(height(el)).to.be.closeTo(skeleton, 1);

      const heights: number[] = [];
      // Every height while the error box (or its retry) shows, until the content replaces it.
      const watch = new ResizeObserver(() => part(el, 'retry-button') && heights.push(height(el)));
      watch.observe(el);
      const button = part(el, 'retry-button')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      // While it tries again the error box stays, its button saying so, and so does the height.
      await waitUntil(() => seen(part(el, 'retry-button')) === 'Trying again…', 'Retry did not say it is trying');
      expect(height(el)).to.be.closeTo(skeleton, 1);

      await waitUntil(() => el.matches(':not(:state(loading)):not(:state(error))') && part(el, heading), 'no load');
      const target = part(el, heading)!;
      expect(el.shadowRoot!.activeElement).to.equal(target, 'focus is not on the heading');
      expect(headingName(target)).to.not.equal('');
      watch.disconnect();
      // Never lower than the skeleton between the failure and the content.
      expect(Math.min(...heights)).to.be.at.least(skeleton - 1);
      await expect(el).to.be.accessible();
    });
  });
}

describe('<content-warning from-review> without a Retry', () => {
  it('keeps the content hidden and the focus on its button while it loads the topics by itself', async () => {
    const src = `${API}/flaky?key=${unique('cw')}`;
    const wrapper = await fixture<HTMLElement>(
      html`<div><content-warning from-review src=${src}><p>Hidden words</p></content-warning></div>`,
    );
    const el = wrapper.querySelector('content-warning')!;
    const failed = new Promise((resolve) => el.addEventListener('review-error', resolve, { once: true }));
    await failed;
    await el.updateComplete;
    expect(el.matches(':state(concealed)')).to.equal(true);
    const reveal = part(el, 'reveal-button')!;
    reveal.focus();
    const loaded = new Promise((resolve) => el.addEventListener('review-load', resolve, { once: true }));
    // What the browser says when it is back online: the warning asks again at once.
    window.dispatchEvent(new Event('online'));
    await loaded;
    await waitUntil(() => part(el, 'topics'), 'the topics did not show');
    expect(el.matches(':state(concealed)')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(reveal);
  });
});
