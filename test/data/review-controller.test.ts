import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ReviewCard, ReviewLoadEvent } from '../../src/index.js';
import { API, requestCount, seen, unique } from '../support/helpers.js';

const title = (card: ReviewCard) => seen(card.shadowRoot!.querySelector('[part~="title"]'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ReviewDataController', () => {
  it('never lets a slow, stale response overwrite a newer one', async () => {
    const slow = unique('named');
    const fast = unique('named');
    const el = await fixture<ReviewCard>(
      html`<review-card src=${`${API}/v1/reviews/${slow}?delay=700`}></review-card>`,
    );
    await sleep(100);
    el.src = `${API}/v1/reviews/${fast}?delay=50`;
    await waitUntil(() => title(el) === `Work ${fast}`, 'the newer review did not show', { timeout: 3000 });
    // Wait until the slow response would have arrived, then check it did not win.
    await sleep(900);
    expect(title(el)).to.equal(`Work ${fast}`);
    expect(el.data?.id).to.equal(fast);
  });

  it('aborts the superseded request', async () => {
    const el = await fixture<ReviewCard>(html`<review-card src=${`${API}/hang?ms=5000&${unique()}`}></review-card>`);
    const entries = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/fixture-api/hang'));
    await sleep(100);
    el.src = '/demo/data/minimal.json';
    await waitUntil(() => el.data?.id === 'minimal-example');
    // An aborted fetch never completes a resource timing entry with a response end in the future.
    await sleep(50);
    expect(entries().every((e) => e.duration < 1000)).to.equal(true);
  });

  it('shares one request between two standalone elements for the same review', async () => {
    const id = unique('named');
    const wrapper = await fixture<HTMLElement>(html`<div>
      <review-card api=${`${API}/v1`} review=${id}></review-card>
      <review-card api=${`${API}/v1`} review=${id} layout="compact"></review-card>
    </div>`);
    const cards = [...wrapper.querySelectorAll('review-card')];
    await waitUntil(() => cards.every((c) => title(c) === `Work ${id}`));
    expect(await requestCount(`v1/reviews/${id}`)).to.equal(1);
  });

  it('switches between api + review and src, and back', async () => {
    const id = unique('named');
    const el = await fixture<ReviewCard>(html`<review-card api=${`${API}/v1`} review=${id}></review-card>`);
    await waitUntil(() => title(el) === `Work ${id}`);
    el.src = '/demo/data/the-glory.json';
    await waitUntil(() => title(el) === 'The Glory');
    el.src = undefined;
    await waitUntil(() => title(el) === `Work ${id}`);
  });

  it('fires review-load once per load, with detail.review (event.review kept for older code)', async () => {
    const id = unique('named');
    const el = document.createElement('review-card');
    const events: ReviewLoadEvent[] = [];
    el.addEventListener('review-load', (e) => events.push(e));
    el.api = `${API}/v1`;
    el.review = id;
    document.body.append(el);
    try {
      await waitUntil(() => events.length === 1);
      expect(events[0].detail.review.id).to.equal(id);
      expect(events[0].review).to.equal(events[0].detail.review);
      // Re-renders that load nothing fire nothing.
      el.layout = 'compact';
      await el.updateComplete;
      el.layout = 'full';
      await el.updateComplete;
      expect(events).to.have.length(1);
    } finally {
      el.remove();
    }
  });

  describe('preloaded data', () => {
    const named = (id: string) => fetch(`${API}/v1/reviews/${id}`).then((r) => r.json());

    it('shows a review given as a property for the review it names, without a request, until reload()', async () => {
      const id = unique('named');
      const doc = await named(id);
      const before = await requestCount(`v1/reviews/${id}`);
      const el = await fixture<ReviewCard>(
        html`<review-card api=${`${API}/v1`} review=${id} .data=${doc}></review-card>`,
      );
      await waitUntil(() => title(el) === `Work ${id}`);
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(await requestCount(`v1/reviews/${id}`)).to.equal(before);
      el.reload();
      await waitUntil(
        async () => (await requestCount(`v1/reviews/${id}`)) === before + 1,
        'reload did not ask the server',
      );
    });

    it('reads a <script type="application/json"> child, and says so when it is not a review', async () => {
      const doc = await named(unique('named'));
      const wrapper = await fixture<HTMLElement>(html`<div>
        <review-card><script type="application/json">${JSON.stringify(doc)}</script></review-card>
        <review-card><script type="application/json">{"title": 1}</script></review-card>
      </div>`);
      const [good, bad] = [...wrapper.querySelectorAll('review-card')];
      await waitUntil(() => title(good) === doc.work.title);
      await waitUntil(() => bad.matches(':state(error)'), 'invalid data did not show an error');
      expect(seen(bad.shadowRoot!.querySelector('[part~="error-message"]'))).to.equal(
        'The review data arrived in a form we could not read.',
      );
    });

    it('lets own attributes win over the source, and the source over preloaded data', async () => {
      const own = unique('named');
      const given = await named(unique('named'));
      const wrapper = await fixture<HTMLElement>(html`<review-source src="/demo/data/the-glory.json">
        <review-card .data=${given}></review-card>
        <review-card api=${`${API}/v1`} review=${own} .data=${given}></review-card>
      </review-source>`);
      const [fromSource, fromOwn] = [...wrapper.querySelectorAll('review-card')];
      await waitUntil(() => title(fromSource) === 'The Glory', 'the source did not win over preloaded data');
      await waitUntil(() => title(fromOwn) === `Work ${own}`, 'own attributes did not win');
    });
  });

  describe('preloaded data in every element', () => {
    it('gives <review-source>, and so its children, a review without a request', async () => {
      const id = unique('named');
      const doc = await fetch(`${API}/v1/reviews/${id}`).then((r) => r.json());
      const before = await requestCount(`v1/reviews/${id}`);
      const wrapper = await fixture<HTMLElement>(html`<review-source api=${`${API}/v1`} review=${id}>
        <script type="application/json">${JSON.stringify(doc)}</script>
        <review-card></review-card>
      </review-source>`);
      const el = wrapper.querySelector('review-card')!;
      await waitUntil(() => title(el) === `Work ${id}`);
      expect(await requestCount(`v1/reviews/${id}`)).to.equal(before);
    });

    it('gives <content-warning from-review> its topics, and <comment-count> its count', async () => {
      const doc = { ...(await fetch('/demo/data/ballerina.json').then((r) => r.json())), commentCount: 7 };
      const wrapper = await fixture<HTMLElement>(html`<div>
        <content-warning from-review .data=${doc}><p>Hidden</p></content-warning>
        <comment-count><script type="application/json">${JSON.stringify(doc)}</script></comment-count>
      </div>`);
      const warning = wrapper.querySelector('content-warning')!;
      const count = wrapper.querySelector('comment-count')!;
      await waitUntil(
        () => warning.shadowRoot!.querySelector('[part~="topics"]'),
        'the warning did not take the given review',
      );
      expect(warning.shadowRoot!.querySelectorAll('[part~="topics"] li')).to.have.length(5);
      await waitUntil(
        () => seen(count.shadowRoot!.querySelector('[part~="base"]')) === '7 comments',
        'the count did not take the given review',
      );
    });
  });
});
