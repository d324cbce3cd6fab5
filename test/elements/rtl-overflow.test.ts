/**
 * Right-to-left at 360 px, with real Arabic and Hebrew text and the Latin names that used to be
 * cut ("Mariana Lop…"): in every element, no text wider than its box, none outside its host or
 * cut by a clip, and no list separator ("·") left at the start of a line.
 */
import { expect } from '@open-wc/testing';
import { loadCatalogue } from '../../src/shared/i18n/index.js';
import { layoutProblems } from '../support/layout.js';
import { ARABIC, HEBREW, LATIN, putReview, type DocText } from '../support/reader-docs.js';
import { ELEMENTS, readerPage } from '../support/reader-page.js';

const CASES: [string, string, DocText][] = [
  ['Arabic text, Arabic interface', 'ar', ARABIC],
  ['Latin names, Arabic interface', 'ar', LATIN],
  ['Hebrew text, Hebrew page (English interface)', 'he', HEBREW],
];

describe('right-to-left at 360 px', () => {
  before(() => loadCatalogue('ar'));

  for (const [name, lang, text] of CASES) {
    it(`${name}: nothing cut, nothing stray, nothing outside its element`, async () => {
      const page = await readerPage(await putReview(text, lang), lang, 'rtl', 360);
      const problems: string[] = [];
      for (const tag of ELEMENTS) {
        for (const el of page.querySelectorAll(tag)) {
          expect(getComputedStyle(el).direction, tag).to.equal('rtl');
          problems.push(
            ...layoutProblems(el).map(
              (p) => `${tag}${el.getAttribute('layout') ? `[${el.getAttribute('layout')}]` : ''} ${p.where}: ${p.what}`,
            ),
          );
        }
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  it('mirrors the card: the poster on the right, the text to its left, the link at the line’s end', async () => {
    const page = await readerPage(await putReview(ARABIC, 'ar'), 'ar', 'rtl', 360);
    const card = page.querySelector('review-card')!;
    const r = (name: string) => card.shadowRoot!.querySelector(`[part~="${name}"]`)!.getBoundingClientRect();
    expect(r('poster').right).to.be.greaterThan(r('head').right);
    expect(r('head').left).to.be.lessThan(r('poster').left);
    const rows = card.shadowRoot!.querySelectorAll<HTMLElement>('[part~="facts"] > li');
    expect(rows[0].getBoundingClientRect().right).to.be.greaterThan(
      rows[rows.length - 1].getBoundingClientRect().right,
    );
  });

  it('catches what it looks for: a box too narrow for its text, and a separator that starts a line', async () => {
    const page = await readerPage(await putReview(LATIN, 'ar'), 'ar', 'rtl', 360);
    const card = page.querySelector('review-card')!;
    const verdict = card.shadowRoot!.querySelector<HTMLElement>('[part~="verdict"]')!;
    verdict.style.whiteSpace = 'nowrap';
    verdict.textContent = 'Averyveryveryverylongwordthatdoesnotfitinthreehundredandsixtypixels';
    verdict.style.overflowWrap = 'normal';
    expect(layoutProblems(card).some((p) => p.what.startsWith('text overflows'))).to.equal(true);
    verdict.removeAttribute('style');
    // The old style: each item in its own direction put the "·" of a Latin item on the left.
    for (const li of card.shadowRoot!.querySelectorAll<HTMLElement>('[part~="credits"] > li'))
      li.style.unicodeBidi = 'plaintext';
    for (const bdi of card.shadowRoot!.querySelectorAll<HTMLElement>('[part~="credits"] > li > bdi'))
      bdi.replaceWith(...bdi.childNodes);
    const found = layoutProblems(card).map((p) => p.what);
    expect(found.some((w) => w.includes('separator'))).to.equal(true);
  });
});
