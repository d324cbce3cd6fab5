/**
 * The default colour tokens meet WCAG contrast in both schemes: 4.5:1 for text on the surfaces
 * it is drawn on, 3:1 for focus rings, star fills and borders that carry meaning.
 */
import { expect } from '@open-wc/testing';
import { tokens } from '../../src/shared/tokens.styles.js';

type Scheme = 'light' | 'dark';

function palette(scheme: Scheme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, light, dark] of tokens.cssText.matchAll(
    /--_([\w-]+):\s*var\(--review-[\w-]+,\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)\)/gi,
  )) {
    out[name] = scheme === 'light' ? light : dark;
  }
  return out;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const TEXT_PAIRS: [string, string][] = [
  ['text', 'surface'],
  ['text', 'surface-raised'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-raised'],
  ['accent', 'surface'],
  ['accent', 'surface-raised'],
  ['accent-text', 'accent'],
  ['danger', 'surface'],
  ['danger', 'surface-raised'],
];
const GRAPHIC_PAIRS: [string, string][] = [
  ['focus', 'surface'],
  ['rating', 'surface'],
];

for (const scheme of ['light', 'dark'] as const) {
  describe(`default tokens, ${scheme}`, () => {
    const colours = palette(scheme);

    it('defines every colour it is checked for', () => {
      for (const name of new Set([...TEXT_PAIRS, ...GRAPHIC_PAIRS].flat())) expect(colours[name], name).to.match(/^#/);
    });

    for (const [fg, bg] of TEXT_PAIRS) {
      it(`${fg} on ${bg} is at least 4.5:1`, () => {
        expect(contrast(colours[fg], colours[bg])).to.be.at.least(4.5);
      });
    }
    for (const [fg, bg] of GRAPHIC_PAIRS) {
      it(`${fg} on ${bg} is at least 3:1`, () => {
        expect(contrast(colours[fg], colours[bg])).to.be.at.least(3);
      });
    }
  });
}
