/**
 * The JSON catalogues' placeholders (src/shared/i18n/compile.ts): each names a parameter of the
 * English function it translates, each argument lands where its name is, and nothing else in a
 * catalogue becomes code. English's parameter names are read from its functions' source, which the
 * test server serves unminified.
 */
import { expect } from '@open-wc/testing';
import { adminStrings, enAdmin } from '../../src/admin/i18n/index.js';
import koAdmin from '../../src/admin/i18n/ko.json';
import zhHansAdmin from '../../src/admin/i18n/zh-Hans.json';
import { plural } from '../../src/shared/format.js';
import { catalogue } from '../../src/shared/i18n/catalogue.js';
import { compile } from '../../src/shared/i18n/compile.js';
import { enBase, enCast, enThread, enWarning, type Translation } from '../../src/shared/i18n/index.js';
import ar from '../../src/shared/i18n/ar.json';
import de from '../../src/shared/i18n/de.json';
import es from '../../src/shared/i18n/es.json';
import fr from '../../src/shared/i18n/fr.json';
import ja from '../../src/shared/i18n/ja.json';
import ko from '../../src/shared/i18n/ko.json';
import ptBR from '../../src/shared/i18n/pt-BR.json';
import zhHans from '../../src/shared/i18n/zh-Hans.json';
import zhHant from '../../src/shared/i18n/zh-Hant.json';

type Tree = { [key: string]: unknown };

const en: Translation = { ...enBase, cast: enCast, warning: enWarning, thread: enThread };

/** `(hours, minutes) => …` → ['hours', 'minutes']. */
function parameters(fn: unknown): string[] {
  const list = /^\(([^)]*)\)/.exec(String(fn))?.[1] ?? '';
  return list.split(',').map((name) => name.trim());
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** Every problem found in `words` (as JSON) and `compiled` (as the elements get it) against `english`. */
function problems(english: Tree, words: Tree, compiled: Tree, path = ''): string[] {
  return Object.entries(english).flatMap(([key, value]) => {
    const at = `${path}${key}`;
    const text = words[key];
    if (typeof value === 'function') {
      const names = parameters(value);
      if (typeof text !== 'string') return [`${at}: not a string`];
      const used = placeholders(text);
      const unknown = used.filter((name) => !names.includes(name));
      const missing = names.filter((name) => !used.includes(name));
      const shown = (compiled[key] as (...args: string[]) => string)(...names.map((name) => `‹${name}›`));
      return [
        ...unknown.map((name) => `${at}: {${name}} is not a parameter of English's (${names.join(', ')})`),
        ...missing.map((name) => `${at}: never shows {${name}}`),
        ...(shown === text.replace(/\{(\w+)\}/g, '‹$1›') ? [] : [`${at}: arguments misplaced: ${shown}`]),
      ];
    }
    if (value && typeof value === 'object')
      return problems(value as Tree, text as Tree, compiled[key] as Tree, `${at}.`);
    return compiled[key] === text ? [] : [`${at}: changed by compile`];
  });
}

describe('JSON catalogues and their placeholders', () => {
  const shared: Record<string, Tree> = { ar, de, es, fr, ja, ko, 'pt-BR': ptBR, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
  for (const [id, words] of Object.entries(shared)) {
    it(`${id}: every placeholder is a parameter of English's, and every argument lands on its name`, () => {
      expect(problems(en as unknown as Tree, words, catalogue(words as never) as unknown as Tree)).to.deep.equal([]);
    });
  }

  for (const [id, words] of Object.entries({ ko: koAdmin, 'zh-Hans': zhHansAdmin })) {
    it(`admin ${id}: the same for the owner's desk`, () => {
      const compiled = adminStrings(id) as unknown as Tree;
      expect(problems(enAdmin as unknown as Tree, words as Tree, compiled)).to.deep.equal([]);
    });
  }

  it('puts arguments in the order the language needs, as written', () => {
    const t = catalogue(ko);
    expect(t.ratingOutOf('4', '5')).to.equal('5점 만점에 4점');
    expect(t.runtime('1', '33')).to.equal('1시간 33분');
    expect(t.cast.member('송강호', '기택')).to.equal('송강호(기택 역)');
    // An argument is text, never a replacement pattern.
    expect(t.posterAlt('$& $1')).to.equal('$& $1 포스터');
  });

  it('leaves counts to plural(), in every form a language has', () => {
    const t = catalogue(ar);
    expect(t.comments).to.deep.equal(ar.comments);
    expect(plural('ar', t.comments, 2)).to.equal('تعليقان');
  });

  it('leaves a name it does not know as written', () => {
    const t = compile<{ hello: (name: string) => string }>({ hello: '{greeting}, {name}' }, { hello: ['name'] });
    expect(t.hello('Ana')).to.equal('{greeting}, Ana');
  });
});
