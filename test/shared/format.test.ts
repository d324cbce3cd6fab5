import { expect } from '@open-wc/testing';
import {
  formatDate,
  formatPercent,
  formatRelative,
  formatRuntime,
  isoDuration,
  langTag,
  plural,
  regionName,
} from '../../src/shared/format.js';
import { catalogueFor, enBase, intlLocale, loadCatalogue, loadedCatalogue } from '../../src/shared/i18n/index.js';
import { nearestLang } from '../../src/shared/locale-controller.js';

describe('i18n and formatting', () => {
  it('formats runtimes in each shipped language', async () => {
    expect(formatRuntime('en', enBase, 93)).to.equal('1 h 33 min');
    expect(formatRuntime('ko', await loadCatalogue('ko'), 93)).to.equal('1시간 33분');
    expect(formatRuntime('zh-Hans', await loadCatalogue('zh-Hans'), 93)).to.equal('1小时33分钟');
    expect(formatRuntime('en', enBase, 45)).to.equal('45 min');
    expect(formatRuntime('en', enBase, 120)).to.equal('2 h');
  });

  it('loads a catalogue once, and only when asked', async () => {
    const [a, b] = await Promise.all([loadCatalogue('ko'), loadCatalogue('ko')]);
    expect(a).to.equal(b);
    expect(loadedCatalogue('ko')).to.equal(a);
  });

  it('writes ISO 8601 durations for machines', () => {
    expect(isoDuration(93)).to.equal('PT1H33M');
    expect(isoDuration(120)).to.equal('PT2H');
    expect(isoDuration(45)).to.equal('PT45M');
  });

  it("runs in UTC whatever the machine's zone is (web-test-runner.config.mjs pins it)", () => {
    // Late on 1 March in UTC is already 2 March in Kiritimati and still 1 March in Anchorage.
    expect(new Date('2025-03-01T23:30:00Z').getTimezoneOffset()).to.equal(0);
    expect(formatDate('en', '2025-03-01T23:30:00Z', { dateStyle: 'long' })).to.equal('March 1, 2025');
  });

  it('formats dates, percentages and region names with Intl', () => {
    expect(formatDate('en', '2024-10-21T09:00:00Z')).to.equal('October 21, 2024');
    expect(formatDate('ko', '2024-10-21T09:00:00Z')).to.equal('2024년 10월 21일');
    expect(formatDate('en', 'not a date')).to.equal('not a date');
    expect(formatPercent('en', 91)).to.equal('91%');
    expect(formatPercent('fr', 91)).to.match(/^91\s%$/u);
    expect(regionName('zh-Hans', 'KR')).to.equal('韩国');
    expect(regionName('en', 'not-a-region')).to.equal('not-a-region');
  });

  it('writes relative times in the largest unit, rounding before it chooses', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    const ago = (ms: number) => new Date(now - ms).toISOString();
    expect(formatRelative('en', ago(10_000), now)).to.equal('now');
    expect(formatRelative('en', ago(5 * 60_000), now)).to.equal('5 minutes ago');
    expect(formatRelative('en', ago(59.9 * 60_000), now)).to.equal('1 hour ago');
    expect(formatRelative('en', ago(3 * 86_400_000), now)).to.equal('3 days ago');
    expect(formatRelative('ko', ago(86_400_000), now)).to.equal('어제');
  });

  it('keeps a language tag from data for `lang` only when it is well-formed', () => {
    for (const tag of ['ko', 'zh-Hans', 'en-GB', 'sr-Latn-RS']) expect(langTag(tag)).to.equal(tag);
    for (const tag of ['', '<b>', 'hasOwnProperty', 'en_GB', ' ko', '\u202Eko', undefined])
      expect(langTag(tag)).to.equal(undefined);
  });

  it('chooses plural forms with Intl.PluralRules', async () => {
    expect(plural('en', enBase.comments, 1)).to.equal('1 comment');
    expect(plural('en', enBase.comments, 1200)).to.equal('1,200 comments');
    expect(plural('ko', (await loadCatalogue('ko')).comments, 3)).to.equal('댓글 3개');
  });

  it('maps language tags to catalogues, falling back to English', () => {
    expect(catalogueFor('zh-CN')).to.equal('zh-Hans');
    expect(catalogueFor('zh-TW')).to.equal('zh-Hant');
    expect(catalogueFor('ko-KR')).to.equal('ko');
    expect(catalogueFor('pt-PT')).to.equal('pt-BR');
    expect(catalogueFor('he')).to.equal('en');
    expect(intlLocale('not a locale!')).to.equal('en');
    expect(intlLocale('zh_hans')).to.equal('zh-Hans');
  });

  it('finds the nearest lang through shadow roots', () => {
    const outer = document.createElement('div');
    outer.lang = 'ko';
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    outer.append(host);
    document.body.append(outer);
    try {
      expect(nearestLang(inner)).to.equal('ko');
      inner.lang = 'zh-Hans';
      expect(nearestLang(inner)).to.equal('zh-Hans');
    } finally {
      outer.remove();
    }
  });
});
