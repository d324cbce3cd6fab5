/**
 * The npm path: this page imports one element, not the whole library (which has every catalogue
 * built in), so other languages load on demand, or at once from `review-elements/locales/*`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/content-warning.js';
import { seen } from '../support/helpers.js';

const title = (el: Element) => seen(el.shadowRoot!.querySelector('[part~="title"]'));
const scripts = (match: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(match));

describe('catalogues for npm users', () => {
  it('renders at once (English), fetches Korean once, then switches every element to it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ko">
      <content-warning topics="violence"><p>본문</p></content-warning>
      <content-warning topics="gore"><p>본문</p></content-warning>
    </div>`);
    const [a, b] = wrapper.querySelectorAll('content-warning');
    // No render is held back for the catalogue: holding it back shifted the page (CLS 0.165).
    expect(a.shadowRoot!.querySelector('[part~="notice"]'), 'rendered at once').to.exist;
    await waitUntil(() => title(a) === '콘텐츠 주의' && title(b) === '콘텐츠 주의', 'not in Korean', { timeout: 5000 });
    expect(seen(a.shadowRoot!.querySelector('[part~="topics"]'))).to.equal('폭력');
    expect(scripts('/src/shared/i18n/ko.json')).to.have.length(1);
    expect(scripts('/src/shared/i18n/catalogue.ts')).to.have.length(1);
    // One at a time: side by side, their two 'Content warning' regions share a name.
    await expect(a).to.be.accessible();
  });

  it('after locales/zh-Hans.js is imported, speaks Chinese from the first render with no request', async () => {
    await import('../../src/locales/zh-Hans.js');
    const before = scripts('/src/shared/i18n/zh-Hans.json').length;
    const el = await fixture<HTMLElement>(
      html`<content-warning lang="zh-CN" topics="violence"><p>正文</p></content-warning>`,
    );
    expect(title(el)).to.equal('内容提醒');
    expect(scripts('/src/shared/i18n/zh-Hans.json').length - before).to.equal(0);
  });

  it('switches an element already showing English when a catalogue is registered', async () => {
    const el = await fixture<HTMLElement>(
      html`<content-warning lang="en" topics="violence"><p>x</p></content-warning>`,
    );
    expect(title(el)).to.equal('Content warning');
    el.setAttribute('lang', 'zh');
    await waitUntil(() => title(el) === '内容提醒', 'did not follow lang', { timeout: 5000 });
  });
});
