/**
 * Client-side validation is lenient for optional fields: a malformed one is left out and reported
 * with a `review-warning` event (nothing on the console); a malformed required field fails as before.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { droppedFields } from '../../src/api/lenient.js';
import { parseReview, ReviewApiError } from '../../src/api/index.js';
import '../../src/elements/review-card/index.js';
import type { ReviewWarningEvent } from '../../src/data/events.js';

const doc = {
  id: 'lenient',
  url: 'https://blog.example/lenient',
  lang: 'en',
  title: 'A review with a few mistakes',
  publishedAt: '2024-06-01T10:00:00Z',
  work: { title: 'The Quiet Season', type: 'series', year: 'twenty-twenty-one', poster: { width: 200 } },
  cast: [{ name: 'Actor One' }, { character: 'nameless' }, { name: 'Actor Three' }],
};

describe('lenient validation', () => {
  it('leaves out malformed optional fields and list items, and says which', () => {
    const review = parseReview(doc, 'https://blog.example/');
    expect(review.title).to.equal('A review with a few mistakes');
    expect(review.work.year).to.equal(undefined);
    expect(review.work.poster).to.equal(undefined);
    expect(review.cast.map((c) => c.name)).to.deep.equal(['Actor One', 'Actor Three']);
    expect(
      droppedFields(review)
        .map((f) => f.path)
        .sort(),
    ).to.deep.equal(['cast.1', 'work.poster', 'work.year']);
  });

  it('still fails on a malformed required field', () => {
    let error: unknown;
    try {
      parseReview({ ...doc, work: { ...doc.work, title: 42 } }, 'https://blog.example/');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ReviewApiError);
    expect((error as ReviewApiError).code).to.equal('invalid-response');
    expect((error as ReviewApiError).field).to.equal('work.title');
  });

  it('has the card show the review and fire review-warning, with nothing on the console', async () => {
    const logged: unknown[] = [];
    const { warn, error } = console;
    console.warn = (...args: unknown[]) => logged.push(args);
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const el = await fixture(html`<div></div>`);
      const warned = oneEvent(el, 'review-warning') as Promise<ReviewWarningEvent>;
      el.innerHTML = `<review-card><script type="application/json">${JSON.stringify(doc)}</script></review-card>`;
      const event = await warned;
      expect(event.detail.fields.map((f) => f.path).sort()).to.deep.equal(['cast.1', 'work.poster', 'work.year']);
      const card = el.querySelector('review-card')!;
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('The Quiet Season');
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(logged).to.deep.equal([]);
  });
});
