/**
 * custom-elements.json is what editors, Storybook and framework type generators read: check that
 * it documents each element fully, and that every public custom property an element's CSS reads
 * is documented (and every documented one is read), so docs and styles cannot drift.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import { styles as cardStyles } from '../../src/elements/review-card/review-card.styles.js';
import { styles as ratingStyles } from '../../src/elements/review-rating/review-rating.styles.js';
import { styles as castStyles } from '../../src/elements/cast-list/cast-list.styles.js';
import { styles as warningStyles } from '../../src/elements/content-warning/content-warning.styles.js';
import { styles as threadStyles } from '../../src/elements/comment-thread/comment-thread.styles.js';
import { CommentCount } from '../../src/elements/comment-count/comment-count.js';

interface Declaration {
  name: string;
  tagName?: string;
  summary?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { kind: string; name: string; privacy?: string; static?: boolean }[];
  events?: { name: string }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  cssStates?: { name: string }[];
}

let declarations: Declaration[] = [];
const element = (tag: string) => declarations.find((d) => d.tagName === tag)!;

/** `--review-card-*` / `--review-rating-*` read in a stylesheet (the element's own knobs). */
const knobsIn = (sheets: CSSResultGroup, prefix: string): Set<string> => {
  const text = [sheets]
    .flat(Infinity as 1)
    .map((s) => (s as CSSResult).cssText ?? '')
    .join('\n');
  return new Set([...text.matchAll(new RegExp(`var\\((${prefix}[\\w-]+)`, 'g'))].map((m) => m[1]));
};

describe('custom-elements.json', () => {
  before(async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    declarations = manifest.modules.flatMap((m: { declarations?: Declaration[] }) => m.declarations ?? []);
  });

  it('lists every public element with a summary', () => {
    for (const tag of ['review-card', 'review-rating', 'review-source', 'cast-list', 'content-warning']) {
      expect(element(tag), tag).to.exist;
      expect(element(tag).summary, `${tag} summary`).to.be.a('string').and.not.be.empty;
    }
  });

  it('documents attributes and properties', () => {
    const attrs = (tag: string) => element(tag).attributes!.map((a) => a.name);
    expect(attrs('review-card')).to.include.members([
      'src',
      'api',
      'review',
      'layout',
      'heading-level',
      'no-structured-data',
      'theme',
    ]);
    expect(attrs('review-rating')).to.include.members(['value', 'best', 'display', 'label']);
    expect(attrs('review-source')).to.include.members(['api', 'review', 'src']);
    expect(attrs('cast-list')).to.include.members(['src', 'api', 'review', 'limit', 'layout', 'selectable', 'label']);
    expect(attrs('content-warning')).to.include.members(['topics', 'from-review', 'note', 'mode', 'remember']);
    const fields = element('review-card').members!.filter(
      (m) => m.kind === 'field' && !m.static && m.privacy !== 'private',
    );
    expect(fields.map((f) => f.name)).to.include.members(['src', 'layout', 'headingLevel', 'noStructuredData']);
  });

  it('documents events, slots, parts and states', () => {
    const card = element('review-card');
    expect(card.events!.map((e) => e.name)).to.have.members(['review-load', 'review-error']);
    expect(element('review-source').events!.map((e) => e.name)).to.have.members(['review-load', 'review-error']);
    expect(card.slots!.map((s) => s.name)).to.include('actions');
    expect(element('review-source').slots!.map((s) => s.name)).to.include('');
    expect(card.cssParts!.map((p) => p.name)).to.include.members([
      'base',
      'poster',
      'title',
      'score',
      'link',
      'retry-button',
    ]);
    expect(element('review-rating').cssParts!.map((p) => p.name)).to.include.members(['base', 'star']);
    expect(card.cssStates!.map((s) => s.name)).to.have.members(['loading', 'error', 'empty']);
    expect(element('cast-list').events!.map((e) => e.name)).to.include('cast-select');
    expect(element('content-warning').events!.map((e) => e.name)).to.include.members([
      'content-warning-reveal',
      'content-warning-hide',
    ]);
    expect(element('content-warning').slots!.map((s) => s.name)).to.have.members(['', 'note']);
    expect(element('content-warning').cssParts!.map((p) => p.name)).to.include.members([
      'notice',
      'topics',
      'reveal-button',
      'content',
      'hide-button',
    ]);
    expect(element('cast-list').cssParts!.map((p) => p.name)).to.include.members([
      'list',
      'member',
      'photo',
      'initials',
      'name',
      'character',
      'show-all-button',
    ]);
  });

  it("documents exactly the custom properties each element's CSS reads", () => {
    for (const [tag, sheet, prefix] of [
      ['review-card', cardStyles, '--review-card-'],
      ['review-rating', ratingStyles, '--review-rating-'],
      ['cast-list', castStyles, '--cast-list-'],
      ['content-warning', warningStyles, '--content-warning-'],
      ['comment-thread', threadStyles, '--comment-thread-'],
      ['comment-count', CommentCount.styles, '--comment-count-'],
    ] as const) {
      const documented = new Set(
        element(tag)
          .cssProperties!.map((p) => p.name)
          .filter((n) => n.startsWith(prefix)),
      );
      expect([...knobsIn(sheet, prefix)].sort(), tag).to.deep.equal([...documented].sort());
    }
  });

  it('documents every part the templates name', async () => {
    for (const [tag, files] of [
      ['review-card', ['review-card/review-card.templates.ts', 'review-card/review-card.ts']],
      ['cast-list', ['cast-list/cast-list.ts']],
      ['content-warning', ['content-warning/content-warning.ts']],
    ] as const) {
      const documented = new Set(element(tag).cssParts!.map((p) => p.name));
      for (const file of files) {
        const source = await (await fetch(`/src/elements/${file}`)).text();
        for (const [, names] of source.matchAll(/part="([\w -]+)"/g)) {
          for (const name of names.split(' ')) expect(documented.has(name), `${tag} part ${name}`).to.equal(true);
        }
      }
    }
  });
});
