import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/review-rating.js';
import type { ReviewRating } from '../../src/index.js';
import { seen } from '../support/helpers.js';

const base = (el: ReviewRating) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
const stars = (el: ReviewRating, kind: string) => el.shadowRoot!.querySelectorAll(`[part~="star-${kind}"]`).length;

describe('<review-rating>', () => {
  it('defaults to 0 out of 5 stars', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating></review-rating>`);
    expect(el.value).to.equal(0);
    expect(el.best).to.equal(5);
    expect(base(el).getAttribute('aria-label')).to.equal('0 out of 5');
    expect(stars(el, 'empty')).to.equal(5);
  });

  it('has one accessible name and shows half stars', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating value="3.5" best="5"></review-rating>`);
    expect(base(el).getAttribute('role')).to.equal('img');
    expect(base(el).getAttribute('aria-label')).to.equal('3.5 out of 5');
    expect([stars(el, 'full'), stars(el, 'half'), stars(el, 'empty')]).to.deep.equal([3, 1, 1]);
    // The stars themselves are hidden: a screen reader hears the name once, not five images.
    expect(el.shadowRoot!.querySelectorAll('svg[aria-hidden="true"]')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('rounds to the nearest half star', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating value="3.74"></review-rating>`);
    expect([stars(el, 'full'), stars(el, 'half'), stars(el, 'empty')]).to.deep.equal([3, 1, 1]);
    el.value = 3.76;
    await el.updateComplete;
    expect([stars(el, 'full'), stars(el, 'half'), stars(el, 'empty')]).to.deep.equal([4, 0, 1]);
  });

  it('round-trips attributes and properties', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating value="7" best="10"></review-rating>`);
    expect(el.value).to.equal(7);
    expect(el.best).to.equal(10);
    expect(stars(el, 'full')).to.equal(7);
    el.setAttribute('best', '5');
    el.setAttribute('value', '2');
    await el.updateComplete;
    expect(base(el).getAttribute('aria-label')).to.equal('2 out of 5');
  });

  it('shows large scales and display="number" as a number', async () => {
    const hundred = await fixture<ReviewRating>(html`<review-rating value="87" best="100"></review-rating>`);
    expect(seen(hundred.shadowRoot!.querySelector('[part~="value"]'))).to.equal('87/100');
    expect(base(hundred).getAttribute('aria-label')).to.equal('87 out of 100');
    const number = await fixture<ReviewRating>(html`<review-rating value="4" display="number"></review-rating>`);
    expect(seen(number.shadowRoot!.querySelector('[part~="value"]'))).to.equal('4/5');
    await expect(number).to.be.accessible();
  });

  it('clamps values outside the scale and survives nonsense', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating value="9" best="5"></review-rating>`);
    expect(base(el).getAttribute('aria-label')).to.equal('5 out of 5');
    el.setAttribute('value', 'abc');
    el.setAttribute('best', '-3');
    await el.updateComplete;
    expect(base(el).getAttribute('aria-label')).to.equal('0 out of 5');
  });

  it('takes a custom label', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating value="4" label="Our critic: 4 of 5"></review-rating>`);
    expect(base(el).getAttribute('aria-label')).to.equal('Our critic: 4 of 5');
  });

  it('speaks zh-Hans and ko', async () => {
    // From source, the catalogues load on demand (English shows until they arrive): wait for them.
    const label = (el: HTMLElement) => base(el.querySelector('review-rating')!).getAttribute('aria-label');
    const zh = await fixture<HTMLElement>(html`<div lang="zh-Hans"><review-rating value="3.5"></review-rating></div>`);
    await waitUntil(() => label(zh) === '3.5分（满分5分）', `zh-Hans: ${label(zh)}`);
    const ko = await fixture<HTMLElement>(html`<div lang="ko"><review-rating value="3.5"></review-rating></div>`);
    await waitUntil(() => label(ko) === '5점 만점에 3.5점', `ko: ${label(ko)}`);
  });

  it('fills half stars from the right in right-to-left text', async () => {
    const ltr = await fixture<ReviewRating>(html`<review-rating value="0.5" best="1"></review-rating>`);
    const rtl = (
      await fixture<HTMLElement>(html`<div dir="rtl"><review-rating value="0.5" best="1"></review-rating></div>`)
    ).querySelector('review-rating')!;
    const clip = (el: ReviewRating) => getComputedStyle(el.shadowRoot!.querySelector('.half .on')!).clipPath;
    expect(clip(ltr)).to.equal('inset(0px 50% 0px 0px)');
    expect(clip(rtl)).to.equal('inset(0px 0px 0px 50%)');
    await expect(rtl).to.be.accessible();
  });

  it('passes axe in dark theme', async () => {
    const el = await fixture<ReviewRating>(html`<review-rating theme="dark" value="2.5"></review-rating>`);
    await expect(el).to.be.accessible();
  });
});
