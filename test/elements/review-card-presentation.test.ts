import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReviewCard } from '../../src/index.js';
import { seen } from '../support/helpers.js';

const BALLERINA = '/demo/data/ballerina.json';

const part = (el: ReviewCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const ready = (el: ReviewCard) =>
  waitUntil(() => el.data && part(el, 'title'), 'the card did not load', { timeout: 5000 });

async function card(template: ReturnType<typeof html>): Promise<ReviewCard> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 720px">${template}</div>`);
  return wrapper.querySelector('review-card')!;
}

describe('<review-card> languages, directions, themes and widths', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('languages', () => {
    it('speaks Simplified Chinese under lang="zh-Hans"', async () => {
      const el = await card(html`<div lang="zh-Hans"><review-card src=${BALLERINA}></review-card></div>`);
      await ready(el);
      expect(seen(part(el, 'eyebrow'))).to.equal('电影 · 2023 · 韩国');
      expect(seen(part(el, 'facts'))).to.contain('1小时33分钟');
      expect(seen(part(el, 'credits'))).to.equal('作者 Mariana Lopes 译者 Joey 审核人 Joey');
      expect(part(el, 'link')!.getAttribute('aria-label')).to.equal('阅读全文: Ballerina');
      expect(seen(part(el, 'comment-count'))).to.equal('0 条评论');
      expect(seen(part(el, 'date'))).to.equal('发布于 2024年10月21日');
      const rating = part(el, 'score')!.querySelector('review-rating')!.shadowRoot!.querySelector('[role="img"]')!;
      expect(rating.getAttribute('aria-label')).to.equal('本站评分: 4分（满分5分）');
      await expect(el).to.be.accessible();
    });

    it('speaks Korean under lang="ko"', async () => {
      const el = await card(html`<div lang="ko"><review-card src=${BALLERINA}></review-card></div>`);
      await ready(el);
      expect(seen(part(el, 'eyebrow'))).to.equal('영화 · 2023 · 대한민국');
      expect(seen(part(el, 'facts'))).to.contain('1시간 33분');
      expect(seen(part(el, 'credits'))).to.equal('글 Mariana Lopes 번역 Joey 검수 Joey');
      expect(seen(part(el, 'comment-count'))).to.equal('댓글 0개');
      await expect(el).to.be.accessible();
    });

    it('follows a language change on <html> live', async () => {
      const el = await card(html`<review-card src=${BALLERINA}></review-card>`);
      await ready(el);
      const before = document.documentElement.lang;
      try {
        document.documentElement.lang = 'ko';
        await waitUntil(() => seen(part(el, 'link')).startsWith('리뷰 전문 읽기'), 'did not switch to Korean');
      } finally {
        document.documentElement.lang = before;
      }
      await waitUntil(() => seen(part(el, 'link')).startsWith('Read the full review'));
    });

    it('falls back to English for a language it has no strings for, with local formats', async () => {
      // Dutch: no catalogue of ours (German has one now), so English words with Dutch dates.
      const el = await card(html`<div lang="nl"><review-card src=${BALLERINA}></review-card></div>`);
      await ready(el);
      expect(seen(part(el, 'link'))).to.equal('Read the full review');
      expect(seen(part(el, 'date'))).to.equal('Published 21 oktober 2024');
    });
  });

  describe('right-to-left', () => {
    it('puts the poster on the right and keeps axe happy', async () => {
      const el = await card(html`<div dir="rtl" lang="ar"><review-card src=${BALLERINA}></review-card></div>`);
      await ready(el);
      const poster = part(el, 'poster')!.getBoundingClientRect();
      const body = part(el, 'head')!.getBoundingClientRect();
      expect(poster.left).to.be.greaterThan(body.right - 1);
      await expect(el).to.be.accessible();
    });
  });

  describe('themes', () => {
    const luminance = (color: string) => {
      const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const background = (el: ReviewCard) => getComputedStyle(part(el, 'base')!).backgroundColor;

    it('follows prefers-color-scheme: dark on a page that supports dark mode', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await card(
        html`<div style="color-scheme: light dark"><review-card src=${BALLERINA}></review-card></div>`,
      );
      await ready(el);
      expect(luminance(background(el))).to.be.below(0.2);
      expect(luminance(getComputedStyle(part(el, 'title')!).color)).to.be.above(0.8);
      await expect(el).to.be.accessible();
    });

    it('stays light on a light-only page for a reader in dark mode', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await card(html`<review-card src=${BALLERINA}></review-card>`);
      await ready(el);
      expect(luminance(background(el))).to.be.above(0.9);
    });

    it('takes theme="dark" over a light preference, and theme="light" over a dark one', async () => {
      const dark = await card(html`<review-card theme="dark" src=${BALLERINA}></review-card>`);
      await ready(dark);
      expect(luminance(background(dark))).to.be.below(0.2);
      await expect(dark).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      const light = await card(html`<review-card theme="light" src=${BALLERINA}></review-card>`);
      await ready(light);
      expect(luminance(background(light))).to.be.above(0.9);
    });

    it('lets a page restyle it through custom properties and parts only', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <style>
          .themed {
            --review-accent: rgb(0, 90, 0);
            --review-card-poster-width: 100px;
          }
          .themed::part(title) {
            text-transform: uppercase;
          }
        </style>
        <review-card class="themed" src=${BALLERINA}></review-card>
      </div>`);
      const el = wrapper.querySelector('review-card')!;
      await ready(el);
      expect(getComputedStyle(part(el, 'link')!).color).to.equal('rgb(0, 90, 0)');
      expect(part(el, 'poster')!.getBoundingClientRect().width).to.be.closeTo(100, 1);
      expect(getComputedStyle(part(el, 'title')!).textTransform).to.equal('uppercase');
    });
  });

  describe('narrow screens', () => {
    it('fits a 320px phone without horizontal overflow', async () => {
      await setViewport({ width: 320, height: 800 });
      try {
        const el = await fixture<ReviewCard>(html`<review-card src=${BALLERINA}></review-card>`);
        await ready(el);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        expect(part(el, 'base')!.scrollWidth).to.be.at.most(part(el, 'base')!.clientWidth);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });
});
