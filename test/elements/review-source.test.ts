import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { ReviewSource, type ReviewCard } from '../../src/index.js';
import type { ReviewLoadEvent } from '../../src/data/events.js';
import { API, requestCount, seen, unique } from '../support/helpers.js';

const title = (card: ReviewCard) => seen(card.shadowRoot!.querySelector('[part~="title"]'));
const loaded = (card: ReviewCard) => waitUntil(() => card.data && title(card), 'card did not load', { timeout: 5000 });

describe('<review-source>', () => {
  it('loads once and gives the review to every element inside it', async () => {
    const id = unique('named');
    const el = await fixture<ReviewSource>(html`<review-source api=${`${API}/v1`} review=${id}>
      <review-card></review-card>
      <section><review-card layout="compact"></review-card></section>
    </review-source>`);
    const cards = [...el.querySelectorAll('review-card')];
    await Promise.all(cards.map(loaded));
    expect(cards.map(title)).to.deep.equal([`Work ${id}`, `Work ${id}`]);
    expect(await requestCount(`v1/reviews/${id}`)).to.equal(1);
    expect(el.data?.id).to.equal(id);
  });

  it('renders its children in place and has no box of its own', async () => {
    const el = await fixture<ReviewSource>(
      html`<review-source src="/demo/data/ballerina.json"><p>Hello</p></review-source>`,
    );
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(seen(el)).to.equal('Hello');
  });

  it('loads a static document with src and fires review-load', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const source = document.createElement('review-source');
    const event = oneEvent(source, 'review-load') as Promise<ReviewLoadEvent>;
    source.src = '/demo/data/past-lives.json';
    source.innerHTML = '<review-card></review-card>';
    wrapper.append(source);
    expect((await event).review.id).to.equal('past-lives');
    await loaded(source.querySelector('review-card')!);
  });

  it('passes the error to its elements, and Retry in a card reloads the source', async () => {
    const key = unique();
    const el = await fixture<ReviewSource>(
      html`<review-source src=${`${API}/flaky?key=${key}`}><review-card></review-card></review-source>`,
    );
    const card = el.querySelector('review-card')!;
    await waitUntil(() => card.shadowRoot!.querySelector('[part~="retry-button"]'));
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loaded(card);
    expect(title(card)).to.equal('Ballerina');
    expect(await requestCount(`flaky?key=${key}`)).to.equal(2);
  });

  it('sets the language of its subtree with lang', async () => {
    const el = await fixture<ReviewSource>(
      html`<review-source lang="ko" src="/demo/data/ballerina.json"><review-card></review-card></review-source>`,
    );
    const card = el.querySelector('review-card')!;
    await loaded(card);
    expect(seen(card.shadowRoot!.querySelector('[part~="link"]'))).to.equal('리뷰 전문 읽기');
  });

  it("lets a card inside show another review of the source's API", async () => {
    const [a, b] = [unique('named'), unique('named')];
    const el = await fixture<ReviewSource>(html`<review-source api=${`${API}/v1`} review=${a}>
      <review-card id="own" review=${b}></review-card>
      <review-card id="provided"></review-card>
    </review-source>`);
    const own = el.querySelector<ReviewCard>('#own')!;
    const provided = el.querySelector<ReviewCard>('#provided')!;
    await Promise.all([loaded(own), loaded(provided)]);
    expect(title(own)).to.equal(`Work ${b}`);
    expect(title(provided)).to.equal(`Work ${a}`);
  });

  it('feeds cards that were connected before the source was defined', async () => {
    // Per-element imports can arrive in any order: here the provider's tag is defined last.
    const tag = `late-source-${unique().toLowerCase()}`;
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = `<${tag} src="/demo/data/the-glory.json"><review-card></review-card></${tag}>`;
    const card = wrapper.querySelector('review-card')!;
    await waitUntil(() => card.matches(':state(empty)'), 'a card with no source should say so');
    customElements.define(tag, class extends ReviewSource {});
    await loaded(card);
    expect(title(card)).to.equal('The Glory');
  });

  it('switches every element to a new review when its attributes change', async () => {
    const el = await fixture<ReviewSource>(
      html`<review-source src="/demo/data/ballerina.json"><review-card></review-card></review-source>`,
    );
    const card = el.querySelector('review-card')!;
    await loaded(card);
    el.src = '/demo/data/past-lives.json';
    await waitUntil(() => title(card) === 'Past Lives', 'did not switch');
  });
});
