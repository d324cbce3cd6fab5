#!/usr/bin/env node
/**
 * Writes docs/elements/<tag>.md from custom-elements.json (run `npm run analyze` first), so the
 * reference pages list exactly what the code documents: attributes, properties, events, slots,
 * parts, custom properties and states, with an example per element.
 *   npm run docs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const examples = {
  'review-source': `<review-source api="https://reviews.example/v1" review="ballerina" lang="en">
  <review-card></review-card>
  <cast-list limit="6"></cast-list>
</review-source>`,
  'review-card': `<review-card src="/reviews/ballerina.json" layout="full" heading-level="2"></review-card>`,
  'review-rating': `<review-rating value="3.5" best="5"></review-rating>`,
  'cast-list': `<cast-list api="https://reviews.example/v1" review="ballerina" limit="6" layout="row"></cast-list>`,
  'content-warning': `<content-warning topics="suicide sexual-violence" remember="always">
  <details>
    <summary>Content warning: suicide, sexual violence. Show</summary>
    <p>The paragraphs about the assault…</p>
  </details>
</content-warning>`,
  'content-warning-settings': `<!-- On the site's settings page; point every warning at it with <meta name="content-warning-settings" content="/settings#warnings"> -->
<content-warning-settings id="warnings"></content-warning-settings>`,
  'comment-thread': `<comment-thread api="https://reviews.example/v1" review="ballerina" sort="newest" page-size="20"></comment-thread>`,
  'comment-count': `<comment-count href="#comments" api="https://reviews.example/v1" review="ballerina"></comment-count>`,
  'review-editor': `<review-editor api="/v1" review-id="ballerina"></review-editor>`,
  'comment-moderation': `<comment-moderation api="/v1" status="reported"></comment-moderation>`,
};
/** The owner's desk (#14) is its own entry, not a per-element npm one. */
const ADMIN = new Set(['review-editor', 'comment-moderation']);

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head, rows) =>
  rows.length
    ? `| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')}\n`
    : '_None._\n';

mkdirSync(new URL('../docs/elements/', import.meta.url), { recursive: true });
const index = [];
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName || !examples[d.tagName]) continue;
    const publicFields = (d.members ?? []).filter(
      (m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('#'),
    );
    const methods = (d.members ?? []).filter(
      (m) => m.kind === 'method' && !m.static && !m.privacy && !m.name.startsWith('#') && m.description,
    );
    const md = `# \`<${d.tagName}>\`

${d.summary ?? ''}

${d.description ?? ''}

\`\`\`html
${examples[d.tagName]}
\`\`\`

${ADMIN.has(d.tagName) ? "Part of the owner's desk: load `dist/admin/admin.js` (the reference server serves it at `/admin/admin.js`, on a page where the owner has signed in, or give the element an `AdminClient` with the admin token). It is never in `review-elements.js`." : `Import it alone with \`import 'review-elements/${d.tagName}.js'\`, or load \`review-elements.js\` for every element.`}

## Attributes and properties
${table(
  ['attribute', 'property', 'type', 'default', 'description'],
  (d.attributes ?? []).map((a) => [
    `\`${a.name}\``,
    a.fieldName ? `\`${a.fieldName}\`` : '',
    a.type?.text ?? '',
    a.default ?? '',
    a.description ?? '',
  ]),
)}
${
  publicFields.filter((f) => !(d.attributes ?? []).some((a) => a.fieldName === f.name)).length
    ? `Properties without an attribute:\n\n${table(
        ['property', 'type', 'description'],
        publicFields
          .filter((f) => !(d.attributes ?? []).some((a) => a.fieldName === f.name))
          .map((f) => [`\`${f.name}\``, f.type?.text ?? '', f.description ?? '']),
      )}`
    : ''
}
${
  methods.length
    ? `## Methods\n${table(
        ['method', 'description'],
        methods.map((m) => [`\`${m.name}()\``, m.description]),
      )}`
    : ''
}
## Events
${table(
  ['event', 'type', 'description'],
  (d.events ?? []).map((e) => [`\`${e.name}\``, e.type?.text ?? '', e.description ?? '']),
)}
## Slots
${table(
  ['slot', 'description'],
  (d.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? '']),
)}
## CSS parts
${table(
  ['part', 'description'],
  (d.cssParts ?? []).map((p) => [`\`::part(${p.name})\``, p.description ?? '']),
)}
## CSS custom properties
${table(
  ['property', 'default', 'description'],
  (d.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.default ?? '', p.description ?? '']),
)}
## CSS custom states
${table(
  ['state', 'description'],
  (d.cssStates ?? []).map((s) => [`\`:state(${s.name})\``, s.description ?? '']),
)}
Global tokens (\`--review-*\`) and dark mode: [theming](../theming.md).
`;
    writeFileSync(new URL(`../docs/elements/${d.tagName}.md`, import.meta.url), md.replace(/\n{3,}/g, '\n\n'));
    index.push(`- [\`<${d.tagName}>\`](elements/${d.tagName}.md): ${d.summary ?? ''}`);
  }
}
writeFileSync(
  new URL('../docs/README.md', import.meta.url),
  `# review-elements docs\n\nGenerated reference (\`npm run docs\`), one page per element:\n\n${index.sort().join('\n')}\n\nAlso: [using them in a static site, WordPress, React, Vue, Svelte](usage.md) · [the API contract](api.md) · [theming](theming.md) · [languages](i18n.md) · [decisions](decisions.md).\n`,
);
console.log(`wrote ${index.length} element pages`);
