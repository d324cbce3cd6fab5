/**
 * Every shipped locale, every element: nothing left in English, no id shown raw, axe clean; and
 * the catalogue rules (which tag gets which catalogue, plural forms, dates from Intl).
 */
import { expect } from '@open-wc/testing';
import {
  catalogueFor,
  loadCatalogue,
  SUPPORTED_LOCALES,
  type CatalogueId,
  type Translation,
} from '../../src/shared/i18n/index.js';
import { enBase, enCast, enThread, enWarning } from '../../src/shared/i18n/index.js';
import { formatDate, formatNumber, plural } from '../../src/shared/format.js';
import { CREDIT_ROLES, WARNING_TOPICS } from '../../src/shared/vocabulary.js';
import {
  ARABIC,
  dataStrings,
  HEBREW,
  LATIN,
  putReview,
  UNKNOWN_ROLE,
  UNKNOWN_TOPIC,
  type DocText,
} from '../support/reader-docs.js';
import { ELEMENTS, readerPage } from '../support/reader-page.js';
import { fixture, html, waitUntil } from '@open-wc/testing';
import { absoluteUrl } from '../../src/api/urls.js';
import type { Comment } from '../../src/api/index.js';
import { rememberPending } from '../../src/elements/comment-thread/own-comments.js';
import { saveToken } from '../../src/elements/comment-thread/storage.js';
import { createReview, postComment } from '../support/comments.js';
import { ADMIN } from '../support/helpers.js';

/**
 * A thread on the pre-moderated server where this browser's reader has a published comment still
 * in its edit window and one held for moderation: what only an author sees.
 */
async function ownCommentsThread(lang: string, dir: 'ltr' | 'rtl'): Promise<Element> {
  const api = '/moderated/v1';
  const review = await createReview({ base: api });
  const created = async (body: string) =>
    (await postComment(review, body, { base: api, name: 'Ana' })) as unknown as Comment & {
      editToken: string;
      editableUntil: string;
    };
  const published = await created('🙂 1');
  const approved = await fetch(`${api}/admin/comments/${published.id}/approve`, { method: 'POST', headers: ADMIN });
  if (!approved.ok) throw new Error(`approve failed: ${approved.status}`);
  saveToken(published.id, published.editToken, published.editableUntil);
  const { editToken, editableUntil: _until, ...held } = await created('🙂 2');
  rememberPending(`${absoluteUrl(api)}|${review}`, held, editToken);
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style="inline-size: 720px">
    <comment-thread api=${api} review=${review}></comment-thread>
  </div>`);
  const thread = wrapper.querySelector('comment-thread')!;
  await waitUntil(
    () =>
      thread.shadowRoot?.querySelector('[part~="edit-window"]') &&
      thread.shadowRoot.querySelector('[part~="awaiting-approval"]') &&
      thread.shadowRoot.querySelector('review-comment-form'),
    'the own comments did not show',
  );
  return thread;
}

const en: Translation = { ...enBase, cast: enCast, warning: enWarning, thread: enThread };

/** Every piece of text in a catalogue: strings, plural forms, and what functions put around their arguments. */
function fragments(value: unknown): string[] {
  if (typeof value === 'string') return value.split('{n}');
  if (typeof value === 'function') {
    // As many arguments as any string takes: a function made from JSON (compile.ts) declares none.
    const args = ['\u0001', '\u0001', '\u0001'];
    return String((value as (...a: string[]) => string)(...args)).split('\u0001');
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(fragments);
  return [];
}

const words = (s: string) =>
  s
    .replace(/[\s:：.,…()（）]+$/u, '')
    .replace(/^[\s:：.,…()（）]+/u, '')
    .trim();

/** The English words a locale must not show: any en fragment of four letters or more that its own catalogue does not contain. */
function englishLeft(catalogue: Translation): string[] {
  const own = fragments(catalogue).join('\n');
  return [...new Set(fragments(en).map(words))].filter((f) => /[A-Za-z]{4}/.test(f) && !own.includes(f));
}

/** Text from the shadow trees (nested ones too): text nodes and the names screen readers read. */
function shownText(host: Element): string {
  const out: string[] = [];
  const visit = (root: ShadowRoot) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        // JSON-LD is for crawlers and stays in the review's own words.
        if ((node.parentNode as Element | null)?.localName !== 'script') out.push(node.textContent ?? '');
        continue;
      }
      const el = node as Element;
      for (const name of ['aria-label', 'alt', 'title', 'placeholder'])
        if (el.getAttribute(name)) out.push(el.getAttribute(name)!);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return out.join('\n');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What is left of the text once the review's own words are taken out. */
function withoutData(text: string, doc: DocText): string {
  let rest = text;
  for (const s of dataStrings(doc).sort((a, b) => b.length - a.length)) rest = rest.split(s).join(' ');
  return rest;
}

const DOCS: Record<string, DocText> = { ar: ARABIC, he: HEBREW };

describe('every shipped locale', () => {
  for (const id of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    it(`${id}: every element, no English left, no raw id, axe clean`, async () => {
      const doc = DOCS[id] ?? LATIN;
      const catalogue = await loadCatalogue(id as Exclude<CatalogueId, 'en'>);
      const page = await readerPage(await putReview(doc, id), id, id === 'ar' ? 'rtl' : 'ltr', 720);
      const forbidden = englishLeft(catalogue);
      for (const tag of ELEMENTS) {
        for (const el of page.querySelectorAll(tag)) {
          const text = withoutData(shownText(el), doc);
          expect(text.trim(), `${tag} shows text`).not.to.equal('');
          const english = forbidden.filter((f) => new RegExp(`(^|[^A-Za-z])${escape(f)}($|[^A-Za-z])`).test(text));
          expect(english, `${tag} in ${id} still says: ${english.join(' | ')}\n${text}`).to.deep.equal([]);
          const raw = [...WARNING_TOPICS, ...CREDIT_ROLES, UNKNOWN_TOPIC, UNKNOWN_ROLE].filter((rawId) =>
            new RegExp(`(^|[^\\w-])${escape(rawId)}($|[^\\w-])`).test(text),
          );
          expect(raw, `${tag} in ${id} shows raw ids`).to.deep.equal([]);
          await expect(el).to.be.accessible();
        }
      }
      // Ids we have no label for read as words.
      expect(shownText(page.querySelector('content-warning')!)).to.include('Ferry disaster');
      expect(shownText(page.querySelector('review-card')!)).to.include('Sound designer');
    });
  }

  for (const id of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    it(`${id}: the reader's own comments (edit window, awaiting approval), no English left`, async () => {
      localStorage.clear();
      const catalogue = await loadCatalogue(id as Exclude<CatalogueId, 'en'>);
      const thread = await ownCommentsThread(id, id === 'ar' ? 'rtl' : 'ltr');
      const text = shownText(thread);
      const forbidden = englishLeft(catalogue);
      const english = forbidden.filter((f) => new RegExp(`(^|[^A-Za-z])${escape(f)}($|[^A-Za-z])`).test(text));
      expect(english, `comment-thread in ${id} still says: ${english.join(' | ')}\n${text}`).to.deep.equal([]);
      expect(text).to.include(catalogue.thread.awaitingApproval);
      // The check above passes a catalogue that copied English; these strings must be translated.
      for (const key of ['awaitingApproval', 'editWindow', 'editWindowHours'] as const)
        expect(JSON.stringify(catalogue.thread[key]), key).not.to.equal(JSON.stringify(enThread[key]));
      const note = thread.shadowRoot!.querySelector('[part~="edit-window"]')!.textContent!.trim();
      expect([14, 15].map((n) => plural(id, catalogue.thread.editWindow, n))).to.include(note);
      await expect(thread).to.be.accessible();
      localStorage.clear();
    });
  }

  for (const id of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    it(`${id}: "the author chose not to warn", on the warning and the card, no English left`, async () => {
      const catalogue = await loadCatalogue(id as Exclude<CatalogueId, 'en'>);
      const page = await readerPage(await putReview(LATIN, id, 'not-warned'), id, id === 'ar' ? 'rtl' : 'ltr', 720);
      const warning = page.querySelector('content-warning')!;
      // The notice shown while the review loads also satisfies readerPage: wait for this one.
      await waitUntil(() => shownText(warning).includes(catalogue.warning.notWarned.split(/[.。]/)[0]));
      const forbidden = englishLeft(catalogue);
      for (const el of [warning, page.querySelector('review-card')!]) {
        const text = withoutData(shownText(el), LATIN);
        const english = forbidden.filter((f) => new RegExp(`(^|[^A-Za-z])${escape(f)}($|[^A-Za-z])`).test(text));
        expect(english, `${el.localName} in ${id} still says: ${english.join(' | ')}\n${text}`).to.deep.equal([]);
      }
    });
  }

  it('finds English when it is there (the check itself)', async () => {
    const page = await readerPage(await putReview(LATIN, 'en'), 'en', 'ltr', 720);
    const ja = await loadCatalogue('ja');
    const text = withoutData(shownText(page.querySelector('content-warning')!), LATIN);
    expect(englishLeft(ja).filter((f) => text.includes(f))).to.include.members(['Content warning', 'Show content']);
  });
});

describe('catalogue rules', () => {
  it('maps tags to catalogues: script and region for Chinese, one catalogue per language otherwise', () => {
    const cases: Record<string, CatalogueId> = {
      'zh-Hant': 'zh-Hant',
      'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant',
      'zh-MO': 'zh-Hant',
      'zh-Hant-CN': 'zh-Hant',
      zh: 'zh-Hans',
      'zh-CN': 'zh-Hans',
      'zh-Hans-HK': 'zh-Hans',
      'pt-BR': 'pt-BR',
      'pt-PT': 'pt-BR',
      pt: 'pt-BR',
      'es-MX': 'es',
      'fr-CA': 'fr',
      'de-AT': 'de',
      ja: 'ja',
      'ar-EG': 'ar',
      ko_KR: 'ko',
      'en-GB': 'en',
      he: 'en',
    };
    for (const [tag, id] of Object.entries(cases)) expect(catalogueFor(tag), tag).to.equal(id);
    expect(catalogueFor('constructor')).to.equal('en');
  });

  it('loads every catalogue on demand, each complete', async () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
    for (const id of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      const catalogue = await loadCatalogue(id as Exclude<CatalogueId, 'en'>);
      // Plural objects may have more forms than English (Arabic has six); every other key matches.
      const strip = (list: string[]) => list.filter((k) => !/\.(zero|one|two|few|many)$/.test(k)).sort();
      expect(strip(keys(catalogue)), id).to.deep.equal(strip(keys(en)));
    }
  });

  it('counts in Arabic with all six plural forms', async () => {
    const ar = await loadCatalogue('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((n) => plural('ar', ar.comments, n));
    expect(new Set(forms).size).to.equal(6);
    expect(forms[1]).to.equal('تعليق واحد');
    expect(forms[4]).to.equal(`${formatNumber('ar', 11)} تعليقًا`);
    expect(forms[5]).to.equal(`${formatNumber('ar', 100)} تعليق`);
  });

  it('formats dates with Intl in each locale', () => {
    const date = '2025-02-14T10:00:00Z';
    expect(formatDate('ja', date)).to.equal('2025年2月14日');
    expect(formatDate('de', date)).to.equal('14. Februar 2025');
    expect(formatDate('ar', date)).to.match(/فبراير/);
    expect(formatDate('pt-BR', date)).to.equal('14 de fevereiro de 2025');
  });
});
