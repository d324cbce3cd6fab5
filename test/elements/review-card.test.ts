import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReviewCard } from '../../src/index.js';
import type { ReviewErrorEvent, ReviewLoadEvent } from '../../src/data/events.js';
import { API, requestCount, seen, unique } from '../support/helpers.js';

const BALLERINA = '/demo/data/ballerina.json';
const HANG = () => `${API}/hang?ms=8000&${unique()}`;

const part = (el: ReviewCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const ready = (el: ReviewCard) =>
  waitUntil(() => el.data && part(el, 'title'), 'the card did not load', { timeout: 5000 });

async function card(template: ReturnType<typeof html>): Promise<ReviewCard> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 720px">${template}</div>`);
  return wrapper.querySelector('review-card')!;
}

describe('<review-card>', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('defaults and attributes', () => {
    it('defaults to the full layout and a level-2 heading, and reflects layout', async () => {
      const el = await card(html`<review-card src=${BALLERINA}></review-card>`);
      await ready(el);
      expect(el.layout).to.equal('full');
      expect(el.getAttribute('layout')).to.equal('full');
      expect(part(el, 'title')!.tagName).to.equal('H2');
      el.layout = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('compact');
    });

    it('takes heading-level from its attribute', async () => {
      const el = await card(html`<review-card src=${BALLERINA} heading-level="4"></review-card>`);
      await ready(el);
      expect(el.headingLevel).to.equal(4);
      expect(part(el, 'title')!.tagName).to.equal('H4');
    });
  });

  describe('loaded, full layout', () => {
    let el: ReviewCard;
    beforeEach(async () => {
      el = await card(html`<review-card src=${BALLERINA}></review-card>`);
      await ready(el);
    });

    it('shows the work: type, year, country, titles, runtime, genres, age rating', () => {
      expect(seen(part(el, 'eyebrow'))).to.equal('Film · 2023 · South Korea');
      expect(seen(part(el, 'title'))).to.equal('Ballerina');
      expect(seen(part(el, 'original-title'))).to.equal('Original title: 발레리나');
      expect(part(el, 'original-title')!.querySelector('[lang]')!.getAttribute('lang')).to.equal('ko');
      expect(seen(part(el, 'facts'))).to.equal('Runtime: 1 h 33 min Genres: Action and Thriller Age rating: KMRB 18');
      expect(part(el, 'facts')!.querySelector('time')!.getAttribute('datetime')).to.equal('PT1H33M');
    });

    it("gives the reviewer's score one accessible name, and other sites' ratings in words", () => {
      const stars = part(el, 'score')!.querySelector('review-rating')!;
      const base = stars.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.getAttribute('role')).to.equal('img');
      expect(base.getAttribute('aria-label')).to.equal('Our score: 4 out of 5');
      expect(stars.shadowRoot!.querySelectorAll('[part~="star-full"]')).to.have.length(4);
      const external = part(el, 'external-ratings')!;
      expect(external.getAttribute('aria-label')).to.equal('Ratings elsewhere');
      expect(seen(external)).to.equal('Rotten Tomatoes 91% · avg 6.6/10');
    });

    it('shows the verdict, summary and credits with role labels', () => {
      expect(seen(part(el, 'verdict'))).to.contain('ninety minutes of payback');
      expect(seen(part(el, 'summary'))).to.contain('Korean revenge thriller');
      expect(seen(part(el, 'credits'))).to.equal(
        'Written by Mariana Lopes · Translated by Joey · Edited by Joey'.replace(/ · /g, ' '),
      );
    });

    it('shows the date, comment count and a named link to the full review', () => {
      expect(seen(part(el, 'date'))).to.equal('Published October 21, 2024');
      expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2024-10-21T09:00:00Z');
      expect(seen(part(el, 'comment-count'))).to.equal('0 comments');
      expect(part(el, 'comment-count')!.getAttribute('href')).to.equal(
        'https://dramas.example/reviews/ballerina#comments',
      );
      const link = part(el, 'link') as HTMLAnchorElement;
      expect(seen(link)).to.equal('Read the full review');
      // Many cards on one page: the spoken name says which review each link opens.
      expect(link.getAttribute('aria-label')).to.equal('Read the full review: Ballerina');
      expect(link.href).to.equal('https://dramas.example/reviews/ballerina');
    });

    it('shows a lazily loaded poster of fixed size with its alt text', () => {
      const img = part(el, 'poster')!.querySelector('img')!;
      expect(img.alt).to.contain('BALLERINA');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('width')).to.equal('400');
      expect(img.getAttribute('height')).to.equal('600');
      const box = part(el, 'poster')!.getBoundingClientRect();
      expect(box.height / box.width).to.be.closeTo(1.5, 0.02);
    });

    it('is one named article for assistive technology', () => {
      const base = part(el, 'base')!;
      expect(base.tagName).to.equal('ARTICLE');
      expect(base.getAttribute('aria-label')).to.equal('Review of Ballerina');
      expect(base.getAttribute('aria-busy')).to.equal('false');
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });
  });

  describe('compact layout', () => {
    it('leaves out summary, credits and external ratings, and passes axe', async () => {
      const el = await card(html`<review-card layout="compact" src=${BALLERINA}></review-card>`);
      await ready(el);
      expect(part(el, 'summary')).to.equal(null);
      expect(part(el, 'credits')).to.equal(null);
      expect(part(el, 'external-ratings')).to.equal(null);
      expect(seen(part(el, 'title'))).to.equal('Ballerina');
      await expect(el).to.be.accessible();
    });
  });

  describe('structured data', () => {
    it('appends schema.org Review JSON-LD to the light DOM', async () => {
      const el = await card(html`<review-card src=${BALLERINA}></review-card>`);
      await ready(el);
      const scripts = el.querySelectorAll(':scope > script[type="application/ld+json"]');
      expect(scripts).to.have.length(1);
      const data = JSON.parse(scripts[0].textContent!);
      expect(data).to.include({
        '@context': 'https://schema.org',
        '@type': 'Review',
        datePublished: '2024-10-21T09:00:00Z',
      });
      expect(data.name).to.equal('Ballerina: Taking Up Space, One Fight Scene at a Time');
      expect(data.author).to.deep.equal({ '@type': 'Person', name: 'Mariana Lopes' });
      expect(data.reviewRating).to.deep.equal({ '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 });
      expect(data.itemReviewed).to.include({
        '@type': 'Movie',
        name: 'Ballerina',
        duration: 'PT1H33M',
        dateCreated: '2023',
      });
      expect(data.itemReviewed.actor[0]).to.deep.equal({
        '@type': 'PerformanceRole',
        actor: { '@type': 'Person', name: 'Jeon Jong-seo' },
        characterName: 'Jang Ok-ju',
      });
      // Ratings from other sites are shown but never marked up.
      expect(JSON.stringify(data)).not.to.contain('Rotten Tomatoes');
      expect(data).not.to.have.property('aggregateRating');
    });

    it('marks a series up as TVSeries', async () => {
      const el = await card(html`<review-card src="/demo/data/the-glory.json"></review-card>`);
      await ready(el);
      const data = JSON.parse(el.querySelector('script')!.textContent!);
      expect(data.itemReviewed['@type']).to.equal('TVSeries');
    });

    it('adds none with no-structured-data, and removes it when the attribute is set later', async () => {
      const el = await card(html`<review-card no-structured-data src=${BALLERINA}></review-card>`);
      await ready(el);
      expect(el.querySelector('script')).to.equal(null);
      el.noStructuredData = false;
      await el.updateComplete;
      expect(el.querySelector('script')).not.to.equal(null);
      el.noStructuredData = true;
      await el.updateComplete;
      expect(el.querySelector('script')).to.equal(null);
    });

    it('cannot be closed by a </script> in any field, and shows hostile text literally', async () => {
      const el = await card(html`<review-card src=${`${API}/hostile`}></review-card>`);
      await ready(el);
      const script = el.querySelector('script')!;
      expect(script.textContent).not.to.match(/<\/script|<!--/i);
      // Serialising the page (what a crawler's snapshot does) keeps it one script element.
      const reparsed = new DOMParser().parseFromString(el.outerHTML, 'text/html');
      expect(reparsed.querySelectorAll('script')).to.have.length(1);
      expect(JSON.parse(reparsed.querySelector('script')!.textContent!).name).to.equal(
        '</script><script>window.__pwned = true</script>',
      );
      expect(seen(part(el, 'title'))).to.equal('<i>Ballerina</i></script>');
      expect(seen(part(el, 'summary'))).to.equal('<img src=x onerror="window.__pwned = true">');
      expect(part(el, 'summary')!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    });
  });

  describe('loading', () => {
    it('shows a busy skeleton, announced and without document text, that passes axe', async () => {
      const el = await card(html`<review-card src=${HANG()}></review-card>`);
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(true);
      const base = part(el, 'base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(base.getAttribute('aria-label')).to.equal('Loading review…');
      expect(el.shadowRoot!.querySelectorAll('.bone').length).to.be.greaterThan(5);
      await expect(el).to.be.accessible();
    });

    for (const [layout, width] of [
      ['full', 720],
      ['full', 360],
      ['compact', 720],
      ['compact', 360],
    ] as const) {
      it(`keeps its height when data arrives (${layout}, ${width}px)`, async () => {
        const wrapper = await fixture<HTMLElement>(html`<div style=${`inline-size:${width}px`}>
          <review-card layout=${layout} src=${HANG()}></review-card>
          <review-card layout=${layout} src=${BALLERINA}></review-card>
        </div>`);
        const [loading, loaded] = wrapper.querySelectorAll('review-card');
        await ready(loaded);
        await new Promise((r) => requestAnimationFrame(r));
        const before = loading.getBoundingClientRect().height;
        const after = loaded.getBoundingClientRect().height;
        expect(Math.abs(before - after), `skeleton ${before}px, loaded ${after}px`).to.be.at.most(4);
      });
    }
  });

  describe('errors', () => {
    it('says what went wrong in words, announces it politely, and fires review-error', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 600px"></div>`);
      const el = document.createElement('review-card');
      const event = oneEvent(el, 'review-error') as Promise<ReviewErrorEvent>;
      el.src = `${API}/problem-500`;
      wrapper.append(el);
      const { error } = await event;
      expect((error as { code?: string }).code).to.equal('server-error');
      await el.updateComplete;
      expect(el.matches(':state(error)')).to.equal(true);
      expect(seen(part(el, 'error-title'))).to.equal('This review could not be shown');
      expect(seen(part(el, 'error-message'))).to.equal('The review service had a problem on its side.');
      expect(seen(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(
        'The review service had a problem on its side.',
      );
      await expect(el).to.be.accessible();
    });

    it("keeps the skeleton's height when an error replaces it", async () => {
      const el = await card(html`<review-card src=${`${API}/problem-500?delay=300&${unique()}`}></review-card>`);
      await el.updateComplete;
      const loading = el.getBoundingClientRect().height;
      await waitUntil(() => part(el, 'error-message'));
      expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 1);
    });

    it('names a missing review and unreadable data differently', async () => {
      const missing = await card(html`<review-card api=${`${API}/v1`} review="does-not-exist"></review-card>`);
      await waitUntil(() => part(missing, 'error-message'));
      expect(seen(part(missing, 'error-message'))).to.equal('This review does not exist, or it was removed.');
      const invalid = await card(html`<review-card src=${`${API}/missing-title`}></review-card>`);
      await waitUntil(() => part(invalid, 'error-message'));
      expect(seen(part(invalid, 'error-message'))).to.equal('The review data arrived in a form we could not read.');
    });

    it('retries from the keyboard, then shows the review and moves focus to its title', async () => {
      const src = `${API}/flaky?key=${unique()}`;
      const el = await card(html`<review-card src=${src}></review-card>`);
      await waitUntil(() => part(el, 'retry-button'), 'no retry button');
      const button = part(el, 'retry-button')!;
      expect(seen(button)).to.equal('Try again');
      button.focus();
      const loaded = oneEvent(el, 'review-load') as Promise<ReviewLoadEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await loaded).review.work.title).to.equal('Ballerina');
      await ready(el);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'title'));
      expect(await requestCount(src.slice(API.length + 1))).to.equal(2);
    });
  });

  describe('empty', () => {
    it('says there is nothing to show when it has no source', async () => {
      const el = await card(html`<review-card></review-card>`);
      await el.updateComplete;
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(seen(part(el, 'empty'))).to.equal('No review to show yet.');
      await expect(el).to.be.accessible();
    });
  });

  describe('events', () => {
    it('fires review-load, bubbling and composed, with the review', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const heard = oneEvent(wrapper, 'review-load') as Promise<ReviewLoadEvent>;
      const el = document.createElement('review-card');
      el.src = BALLERINA;
      wrapper.append(el);
      const event = await heard;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.review.id).to.equal('ballerina');
    });
  });
});
