/**
 * The seven per-element entries, the markup a consumer's page uses for each, and what a reader
 * sees once it has rendered (through its shadow root). Card, cast and source read the static
 * review document; thread and count ask the reference server (`/v1`, proxied by the page's server).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ELEMENTS = [
  {
    entry: 'review-card',
    tag: 'review-card',
    markup: '<review-card src="/ballerina.json"></review-card>',
    expect: /Ballerina/,
  },
  {
    entry: 'review-rating',
    tag: 'review-rating',
    markup: '<review-rating value="4" best="5"></review-rating>',
    expect: /4 out of 5/,
  },
  {
    entry: 'review-source',
    tag: 'review-source',
    // The source shows its children; what it adds is the review, announced by `review-load`.
    markup: `<review-source src="/ballerina.json"><p id="loaded">Loading</p></review-source>
      <script>addEventListener('review-load', (e) => { document.getElementById('loaded').textContent = 'Loaded: ' + e.review.work.title; });</script>`,
    expect: /Loaded: Ballerina/,
  },
  {
    entry: 'cast-list',
    tag: 'cast-list',
    markup: '<cast-list src="/ballerina.json"></cast-list>',
    expect: /Jeon Jong-seo/,
  },
  {
    entry: 'content-warning',
    tag: 'content-warning',
    markup: '<content-warning topics="suicide"><p id="warned">The warned-about paragraph.</p></content-warning>',
    expect: /Suicide/,
  },
  {
    entry: 'comment-thread',
    tag: 'comment-thread',
    markup: '<comment-thread api="/v1" review="ballerina"></comment-thread>',
    expect: /Hyejin/,
  },
  {
    entry: 'comment-count',
    tag: 'comment-count',
    markup: '<comment-count api="/v1" review="ballerina"></comment-count>',
    expect: /\d+ comments?/,
  },
];

/**
 * Every ```ts block of README.md and docs/*.md, as a file of its own (`README-1.ts`), so a consumer
 * compiles the examples exactly as the documentation shows them. A block that opens with
 * `// Repository code` is for the reference server in a clone (docs/backup.md), not for the
 * package, and is left out.
 */
export function examplesFrom(root) {
  const sources = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const examples = [];
  for (const source of sources) {
    const text = readFileSync(join(root, source), 'utf8');
    let n = 0;
    for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
      if (match[1].startsWith('// Repository code')) continue;
      const name = `${source.replace(/^docs\//, '').replace(/\.md$/, '')}-${++n}.ts`;
      // A module of its own (examples declare the same names), otherwise exactly as written.
      examples.push({ name, code: `${match[1]}export {};\n` });
    }
  }
  return examples;
}
