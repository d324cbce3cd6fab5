import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CastList } from '../../src/index.js';
import type { CastSelectEvent } from '../../src/elements/cast-list/events.js';
import { hueFor, initials } from '../../src/shared/initials.js';
import { API, seen, unique } from '../support/helpers.js';

const parts = (el: CastList, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const part = (el: CastList, name: string) => parts(el, name)[0];
const ready = (el: CastList) =>
  waitUntil(
    () => (part(el, 'list') || part(el, 'empty') || part(el, 'error')) && !el.matches(':state(loading)'),
    'cast did not load',
    { timeout: 5000 },
  );

async function castList(template: ReturnType<typeof html>, width = 720): Promise<CastList> {
  const wrapper = await fixture<HTMLElement>(html`<div style=${`inline-size:${width}px`}>${template}</div>`);
  const el = wrapper.querySelector('cast-list')!;
  await ready(el);
  return el;
}

describe('<cast-list>', () => {
  describe('loaded', () => {
    it('lists the cast in order, each entry named "actor as character"', async () => {
      const el = await castList(html`<cast-list src="/demo/data/ballerina.json"></cast-list>`);
      const list = part(el, 'list');
      expect(list.tagName).to.equal('UL');
      expect(list.getAttribute('aria-label')).to.equal('Cast');
      expect(parts(el, 'member').map((m) => m.getAttribute('aria-label'))).to.deep.equal([
        'Jeon Jong-seo as Jang Ok-ju',
        'Kim Ji-hoon as Choi Pro',
        'Park Yu-rim as Choi Min-hee',
      ]);
      expect(parts(el, 'character').map(seen)).to.deep.equal(['Jang Ok-ju', 'Choi Pro', 'Choi Min-hee']);
      await expect(el).to.be.accessible();
    });

    it('loads photos lazily at a fixed size, without repeating the name the entry already has', async () => {
      const el = await castList(html`<cast-list src="/demo/data/ballerina.json"></cast-list>`);
      const img = part(el, 'photo').querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal('');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      const box = part(el, 'photo').getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([80, 80]);
    });

    it('keeps every entry in place while photos load and when they fail', async () => {
      const el = await castList(html`<cast-list src=${`${API}/big-cast`}></cast-list>`);
      const before = parts(el, 'member').map((m) => m.getBoundingClientRect().top);
      await waitUntil(() => parts(el, 'initials').length >= 26, 'broken photos did not fall back', { timeout: 5000 });
      const after = parts(el, 'member').map((m) => m.getBoundingClientRect().top);
      expect(after).to.deep.equal(before);
    });

    it('shows initials on a stable colour for a missing or broken photo', async () => {
      const el = await castList(html`<cast-list src=${`${API}/big-cast`}></cast-list>`);
      await waitUntil(
        () => parts(el, 'member')[1].querySelector('[part~="initials"]'),
        'a 404 photo did not fall back',
      );
      const [, broken, none] = parts(el, 'member');
      expect(seen(broken.querySelector('[part~="initials"]'))).to.equal('김');
      expect(seen(none.querySelector('[part~="initials"]'))).to.equal('朴');
      expect(initials('Jeon Jong-seo')).to.equal('JJ');
      expect(initials('  ')).to.equal('?');
      expect(hueFor('Kim Ji-hoon')).to.equal(hueFor('Kim Ji-hoon'));
      expect(hueFor('Kim Ji-hoon')).not.to.equal(hueFor('Park Yu-rim'));
    });

    it('wraps very long names and names in any script inside their entry', async () => {
      const el = await castList(html`<cast-list src=${`${API}/big-cast`}></cast-list>`, 360);
      for (const member of parts(el, 'member').slice(0, 5)) {
        expect(member.scrollWidth, seen(member)).to.be.at.most(member.clientWidth + 1);
      }
      expect(part(el, 'base').scrollWidth).to.be.at.most(360);
    });
  });

  describe('limit and show all', () => {
    it('shows the first entries and a button that reveals the rest and moves focus to them', async () => {
      const el = await castList(html`<cast-list limit="6" src=${`${API}/big-cast`}></cast-list>`);
      expect(parts(el, 'member')).to.have.length(6);
      const button = part(el, 'show-all-button');
      expect(seen(button)).to.equal('Show all 40');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal('list');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(parts(el, 'member')).to.have.length(40);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(seen(button)).to.equal('Show fewer');
      // Focus lands on the seventh entry, the first one that was hidden.
      expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'member')[6]);
      expect(el.matches(':state(expanded)')).to.equal(true);
      await expect(el).to.be.accessible();
      button.click();
      await el.updateComplete;
      expect(parts(el, 'member')).to.have.length(6);
    });

    it('has no button when the cast fits the limit', async () => {
      const el = await castList(html`<cast-list limit="6" src="/demo/data/ballerina.json"></cast-list>`);
      expect(part(el, 'show-all-button')).to.equal(undefined);
    });
  });

  describe('row layout', () => {
    it('is one scrolling row in a focusable, labelled region that the keyboard can scroll', async () => {
      const el = await castList(html`<cast-list layout="row" src=${`${API}/big-cast`}></cast-list>`, 600);
      const scroller = part(el, 'scroller');
      expect(scroller.getAttribute('role')).to.equal('region');
      expect(scroller.getAttribute('aria-label')).to.equal('Cast');
      expect(scroller.tabIndex).to.equal(0);
      expect(getComputedStyle(scroller).scrollSnapType).to.contain('mandatory');
      const tops = new Set(parts(el, 'member').map((m) => Math.round(m.getBoundingClientRect().top)));
      expect(tops.size).to.equal(1);
      expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
      scroller.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => scroller.scrollLeft > 0, 'the arrow key did not scroll');
      await expect(el).to.be.accessible();
    });
  });

  describe('cast-select', () => {
    it('fires when an entry is activated, and a host can stop the link', async () => {
      const el = await castList(html`<cast-list src=${`${API}/big-cast`}></cast-list>`);
      const link = part(el, 'name').querySelector('a')!;
      expect(link.href).to.equal('https://people.example/jeon-jong-seo');
      el.addEventListener('cast-select', (e) => e.preventDefault(), { once: true });
      const selected = oneEvent(el, 'cast-select') as Promise<CastSelectEvent>;
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(click);
      expect((await selected).detail.member.name).to.equal('Jeon Jong-seo');
      expect(click.defaultPrevented).to.equal(true);
    });

    it('makes entries without a link buttons with selectable', async () => {
      const el = await castList(html`<cast-list selectable src="/demo/data/ballerina.json"></cast-list>`);
      const button = part(el, 'name').querySelector('button')!;
      button.focus();
      const selected = oneEvent(el, 'cast-select') as Promise<CastSelectEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.member.character).to.equal('Jang Ok-ju');
    });
  });

  describe('states', () => {
    it('shows a busy skeleton of fixed-size entries while loading', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div><cast-list limit="4" src=${`${API}/hang?ms=5000&${unique()}`}></cast-list></div>`,
      );
      const el = wrapper.querySelector('cast-list')!;
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(true);
      expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
      expect(parts(el, 'member')).to.have.length(4);
      expect(part(el, 'photo').getBoundingClientRect().height).to.equal(80);
      await expect(el).to.be.accessible();
    });

    it('says so when the review lists no cast', async () => {
      const el = await castList(html`<cast-list src=${`${API}/no-cast`}></cast-list>`);
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(seen(part(el, 'empty'))).to.equal('No cast listed for this review.');
    });

    it('shows an error with a Retry that works', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div><cast-list src=${`${API}/flaky?key=${unique()}`}></cast-list></div>`,
      );
      const el = wrapper.querySelector('cast-list')!;
      await waitUntil(() => part(el, 'retry-button'), 'no error state');
      expect(seen(part(el, 'error-title'))).to.equal('The cast could not be shown');
      await expect(el).to.be.accessible();
      const button = part(el, 'retry-button');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(el, 'member').length === 3, 'retry did not load the cast');
      // The button is gone: focus moves to the list, named "Cast", as the card's goes to its title.
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'list'));
      expect(part(el, 'list').getAttribute('aria-label')).to.equal('Cast');
    });

    it('shows a cast given without a request: a property, or a JSON script child', async () => {
      const review = await (await fetch('/demo/data/ballerina.json')).json();
      const byProperty = await fixture<CastList>(html`<cast-list .data=${review}></cast-list>`);
      await waitUntil(() => parts(byProperty, 'member').length > 0, 'the property did not show');
      const wrapper = await fixture<HTMLElement>(
        html`<div><cast-list><script type="application/json">${JSON.stringify(review)}</script></cast-list></div>`,
      );
      const el = wrapper.querySelector('cast-list')!;
      await waitUntil(() => parts(el, 'member').length > 0, 'the script child did not show');
      expect(parts(el, 'member').length).to.equal(parts(byProperty, 'member').length);
    });

    it('takes the review from <review-source>', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<review-source src="/demo/data/the-glory.json"><cast-list></cast-list></review-source>`,
      );
      const el = wrapper.querySelector('cast-list')!;
      await waitUntil(() => parts(el, 'member').length === 3);
      expect(parts(el, 'initials').map(seen)).to.deep.equal(['SH', 'LJ', 'LD']);
    });
  });

  describe('languages and direction', () => {
    it('names entries in zh-Hans and ko', async () => {
      const zh = await castList(
        html`<div lang="zh-Hans"><cast-list limit="1" src="/demo/data/ballerina.json"></cast-list></div>`,
      );
      expect(part(zh, 'member').getAttribute('aria-label')).to.equal('Jeon Jong-seo 饰 Jang Ok-ju');
      expect(seen(part(zh, 'show-all-button'))).to.equal('显示全部 3 位');
      const ko = await castList(html`<div lang="ko"><cast-list src="/demo/data/ballerina.json"></cast-list></div>`);
      expect(part(ko, 'member').getAttribute('aria-label')).to.equal('Jeon Jong-seo(Jang Ok-ju 역)');
      expect(part(ko, 'list').getAttribute('aria-label')).to.equal('출연진');
      await expect(ko).to.be.accessible();
    });

    it('starts the row from the right in right-to-left text', async () => {
      const el = await castList(
        html`<div dir="rtl"><cast-list layout="row" src="/demo/data/ballerina.json"></cast-list></div>`,
      );
      const [first, second] = parts(el, 'member');
      expect(first.getBoundingClientRect().left).to.be.greaterThan(second.getBoundingClientRect().left);
      await expect(el).to.be.accessible();
    });

    it('passes axe in dark theme, and names each entry in the accessibility tree', async () => {
      // theme="dark" says the page is dark there: put it on a dark page, as an author would.
      const el = await castList(
        html`<div style="background: #121016"><cast-list theme="dark" src="/demo/data/ballerina.json"></cast-list></div>`,
      );
      await expect(el).to.be.accessible();
      const snapshot = (await a11ySnapshot({})) as unknown as Parameters<typeof findAccessibilityNode>[0];
      const entry = findAccessibilityNode(snapshot, (node) => {
        const { role, name } = node as { role?: string; name?: string };
        return role === 'listitem' && name === 'Jeon Jong-seo as Jang Ok-ju';
      });
      expect(entry).to.exist;
    });
  });
});
