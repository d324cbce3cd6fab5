#!/usr/bin/env node
/**
 * `npm run bench`: what the elements cost a reader, measured in headless Chromium against the
 * built reference server on a temporary database. Every timing is the median of RUNS cold runs
 * (a fresh browser context each: empty cache, new connections), with min and max. A benchmark,
 * not a test: it fails on nothing; the machine's other load shows in it. Compare within one run.
 *
 *   RUNS=5 npm run bench          (writes bench/results.json)
 *
 * The thread in the first viewport against the floor element alone: bench/thread-floor.mjs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { cdnSizes, ELEMENT_ENTRIES, entrySizes, litSizes } from '../scripts/bundle-sizes.mjs';
import { bytesReport, entryInputs } from '../scripts/bytes-report.mjs';
import { startServerProcess } from '../scripts/server-process.mjs';
import {
  FLOOR,
  firstViewportPage,
  newestCommentAt,
  seedThread,
  serverRenderedAt,
  serverRenderedPage,
} from './first-viewport.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const ADMIN = 'bench-admin-token-0123456789';
const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Bytes ------------------------------------------------------------------------------------------
// Measured as the budget test measures them (scripts/bundle-sizes.mjs).
const cdn = cdnSizes(root);
const ABOVE_FOLD = ['review-source', 'review-card', 'review-rating', 'content-warning', 'cast-list', 'comment-count'];
const bytes = {
  'review-elements.js (the loader)': cdn.loader,
  'loader + a page with only <review-card>': cdn.page(['review-card']),
  'loader + the article page above the fold': cdn.page(ABOVE_FOLD, { lazy: true }),
  'loader + the article page above the fold, in Korean': cdn.page(ABOVE_FOLD, { lazy: true, langs: ['ko'] }),
  'loader + the article page with the thread': cdn.page([...ABOVE_FOLD, 'comment-thread'], { lazy: true }),
  'loader + content-warning with static topics': cdn.page(['content-warning']),
  'review-elements.all.js (everything, one file)': cdn.all,
};
const report = await bytesReport(root);
const inputs = await entryInputs(root);
// Each element entry on its own, with its share of lit: what loads with it (what a page using one
// element pays before any other language or lazily imported part).
let lazy = {};
for (const entry of ELEMENT_ENTRIES) {
  const sizes = await entrySizes(root, entry);
  bytes[`${entry}.js with lit`] = sizes.initial;
  lazy = { ...lazy, ...sizes.lazy };
}
for (const id of ['ko', 'zh-Hans'])
  bytes[`+ ${id} catalogue for npm entries (on demand, or locales/${id}.js)`] = lazy[id];
bytes['lit alone (for comparison)'] = await litSizes(root);

// Pages ------------------------------------------------------------------------------------------
const server = await startServerProcess({ WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: ADMIN });
const { url } = server;
await seedThread(url, ADMIN, 'bench-200', 200);
await seedThread(url, ADMIN, 'bench-2000', 2000);
const renderedThreadPage = await serverRenderedPage(url);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--enable-precise-memory-info',
  ],
});

// Watches, from the first script on the page, for each element's first real content.
const observe = () => {
  const t0 = performance.now();
  window.__bench = { ready: {}, shifts: 0, longTasks: [], t0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.shifts += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const checks = {
    'review-card': (el) => el.shadowRoot?.querySelector('img, [part~="poster"] svg') && !el.matches(':state(loading)'),
    'cast-list': (el) => el.shadowRoot?.querySelector('[part~="member"] [part~="name"]')?.textContent,
    'content-warning': (el) => el.shadowRoot?.querySelector('[part~="topics"]'),
    'comment-thread': (el) => el.shadowRoot?.querySelector('article[part~="comment"]'),
    'comment-count': (el) => el.shadowRoot?.querySelector('[part~="base"]'),
  };
  const tick = () => {
    for (const [tag, ready] of Object.entries(checks)) {
      if (window.__bench.ready[tag] !== undefined) continue;
      const el = document.querySelector(tag);
      if (el && ready(el)) window.__bench.ready[tag] = performance.now();
    }
    // Stopped before idle work is measured (this loop would be most of it).
    if (!window.__bench.stopped) setTimeout(tick, 10);
  };
  // A timer, not requestAnimationFrame: a page that asks for every frame from its first script is
  // painted differently, and showed no layout shift where the same page without the loop shifted
  // 0.015 (the card above the fold appearing after the first paint).
  setTimeout(tick, 10);
};

/** Main-thread work while the page sits idle, in ms per second (CDP's TaskDuration over IDLE_S). */
const IDLE_S = 3;
async function idleMsPerS(page, cdp) {
  const task = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  await page.evaluate(() => (window.__bench.stopped = true));
  const before = await task();
  await page.waitForTimeout(IDLE_S * 1000);
  return (((await task()) - before) * 1000) / IDLE_S;
}

const countNodes = () => {
  let n = 0;
  const walk = (node) => {
    n++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children ?? []) walk(child);
  };
  walk(document.documentElement);
  return n;
};

async function coldPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(observe);
  const api = [];
  page.on('request', (r) => r.url().includes('/v1/') && api.push(new URL(r.url()).pathname + new URL(r.url()).search));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, api, cdp };
}
const heapMb = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024;
};

/**
 * The article page, as an English reader and as a Korean one (the demo keeps a reader's language
 * in localStorage and puts it on <html> before the elements start): Korean adds the catalogue.
 * The page as a blog owner writes it (demo/index.html: the script tag and the elements, loaded
 * through the loader), not the server-rendered `/` the reference server makes of it (docs/ssr.md),
 * which asks the API nothing and hydrates from its own bundle.
 */
const ARTICLE_HTML = readFileSync(join(root, 'demo/index.html'), 'utf8');
const THREAD_AFTER_SCROLL = 'comment-thread, from scrolling to it';
async function measureArticle(lang) {
  const article = { requests: [], scripts: [], shifts: [], longTasks: [], longTaskMs: [], heapMb: [] };
  const readyAt = {};
  for (let run = 0; run < RUNS; run++) {
    const { context, page, api, cdp } = await coldPage();
    if (lang !== 'en') await page.addInitScript((l) => localStorage.setItem('demo:lang', l), lang);
    const scripts = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.route(`${url}/`, (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE_HTML }));
    await page.goto(`${url}/`, { waitUntil: 'load' });
    // The four elements above the fold first. The thread is more than a viewport below them once
    // the page holds their space (demo/site.css), so the loader leaves it until the reader comes
    // near: scroll to it as a reader would, then wait for its comments.
    await page.waitForFunction(() => Object.keys(window.__bench.ready).length === 4, null, { timeout: 20_000 });
    const scrolledAt = await page.evaluate(() => {
      document.querySelector('comment-thread').scrollIntoView();
      return performance.now();
    });
    await page.waitForFunction(() => window.__bench.ready['comment-thread'] !== undefined, null, { timeout: 20_000 });
    await page.waitForTimeout(500);
    const b = await page.evaluate(() => window.__bench);
    for (const [tag, t] of Object.entries(b.ready))
      if (tag === 'comment-thread') (readyAt[THREAD_AFTER_SCROLL] ??= []).push(t - scrolledAt);
      else (readyAt[tag] ??= []).push(t);
    article.requests.push(api.length);
    article.scripts.push(scripts.length);
    article.shifts.push(b.shifts);
    article.longTasks.push(b.longTasks.length);
    article.longTaskMs.push(b.longTasks.reduce((s, d) => s + d, 0));
    article.heapMb.push(await heapMb(cdp));
    (article.idle ??= []).push(await idleMsPerS(page, cdp));
    if (run === 0) article.requestList = api;
    await context.close();
  }
  return { article, readyAt };
}
const { article, readyAt } = await measureArticle('en');
const korean = await measureArticle('ko');

/** Elements in an element's shadow tree, nested shadow roots included, per comment shown. */
const perComment = (tag) => {
  const host = document.querySelector(tag);
  let elements = 0;
  let comments = 0;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      elements++;
      if (el.matches('article[part~="comment"]')) comments++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(host.shadowRoot);
  return { elements, comments, perComment: elements / Math.max(1, comments) };
};
/** The thread in the first viewport, newest first: ours and the floor, alternating, in one run. */
const firstViewport = {
  ours: { newest: [], shifts: [], perComment: [], requests: [], idle: [] },
  floor: { newest: [], shifts: [], perComment: [], requests: [], idle: [] },
  // The same page with the one CSS rule the README gives blog owners to hold the thread's space
  // before any script has run (`:not(:defined)`): no element can do that for itself, so the bare
  // page shifts the paragraph below the thread for ours and the floor alike.
  oursHeld: { newest: [], shifts: [] },
  floorHeld: { newest: [], shifts: [] },
  // The same page rendered on the server (serverRenderedPage), for a blog that renders its pages.
  rendered: { parsed: [], painted: [], shifts: [], requests: [] },
  // The same page with no script at all: what the idle measure reads for a page that does nothing
  // (the browser's and the measure's own work; on this shared machine it is not 0).
  blank: { idle: [] },
};
const HOLD = (tag) => `<style>${tag}:not(:defined) { display: block; min-block-size: 100vh }</style>`;
for (let run = 0; run < RUNS; run++) {
  const ours = '<script type="module" src="/review-elements.js"></script>';
  const floor = `<script type="module">${FLOOR}</script>`;
  for (const [which, tag, head] of [
    ['ours', 'comment-thread', ours],
    ['floor', 'floor-thread', floor],
    ['oursHeld', 'comment-thread', HOLD('comment-thread') + ours],
    ['floorHeld', 'floor-thread', HOLD('floor-thread') + floor],
  ]) {
    const { context, page, api, cdp } = await coldPage();
    firstViewport[which].newest.push(await newestCommentAt(page, url, tag, head));
    await page.waitForTimeout(500);
    firstViewport[which].shifts.push(await page.evaluate(() => window.__bench.shifts));
    if (which.endsWith('Held')) {
      await context.close();
      continue;
    }
    firstViewport[which].perComment.push((await page.evaluate(perComment, tag)).perComment);
    firstViewport[which].requests.push(api.length);
    firstViewport[which].idle.push(await idleMsPerS(page, cdp));
    await context.close();
  }
  const { context, page, api } = await coldPage();
  const { parsed, painted } = await serverRenderedAt(page, url, renderedThreadPage);
  await page.waitForTimeout(500);
  firstViewport.rendered.requests.push(api.length);
  firstViewport.rendered.parsed.push(parsed);
  firstViewport.rendered.painted.push(painted);
  firstViewport.rendered.shifts.push(await page.evaluate(() => window.__bench.shifts));
  await context.close();
  const blank = await coldPage();
  await blank.page.route('**/bench-blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: firstViewportPage('div', '') }),
  );
  await blank.page.goto(`${url}/bench-blank.html`, { waitUntil: 'load' });
  await blank.page.waitForTimeout(500);
  firstViewport.blank.idle.push(await idleMsPerS(blank.page, blank.cdp));
  await blank.context.close();
}

const thread = {};
for (const size of [200, 2000]) {
  const m = { firstComments: [], nextPage: [], heapMb: [], domNodes: [] };
  for (let run = 0; run < RUNS; run++) {
    const { context, page, cdp } = await coldPage();
    await page.route('**/bench-thread.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>thread</title><script type="module" src="/review-elements.js"></script></head><body><comment-thread api="/v1" review="bench-${size}"></comment-thread></body></html>`,
      }),
    );
    await page.goto(`${url}/bench-thread.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.ready['comment-thread'] !== undefined, null, { timeout: 20_000 });
    m.firstComments.push(await page.evaluate(() => window.__bench.ready['comment-thread']));
    const before = await page.evaluate(
      () => document.querySelector('comment-thread').shadowRoot.querySelectorAll('article').length,
    );
    const t = await page.evaluate(async (before) => {
      const root = document.querySelector('comment-thread').shadowRoot;
      const start = performance.now();
      root.querySelector('[part~="load-more"]').click();
      await new Promise((resolve) => {
        const check = () =>
          root.querySelectorAll('article').length > before ? resolve() : requestAnimationFrame(check);
        check();
      });
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    }, before);
    m.nextPage.push(t);
    m.heapMb.push(await heapMb(cdp));
    m.domNodes.push(await page.evaluate(countNodes));
    await context.close();
  }
  thread[size] = m;
}
await browser.close();
await server.stop();

// Server -----------------------------------------------------------------------------------------
let serverResults;
if (process.env.SKIP_SERVER_BENCH !== '1') {
  execFileSync(process.execPath, [join(root, 'bench/server.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, RUNS: String(Math.max(3, Math.min(RUNS, 5))), DURATION: '3' },
  });
  serverResults = JSON.parse(readFileSync(join(root, 'bench/server-results.json'), 'utf8'));
}

// Report -----------------------------------------------------------------------------------------
const ms = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const num = (s, d = 0) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
const lines = [];
lines.push(
  `\nreview-elements benchmark: ${RUNS} cold runs each, median (min–max); ${cpus().length} cores, Node ${process.version}, ${browser.version?.() ?? 'Chromium'}\n`,
);
lines.push('| bytes | minified | gzip | brotli |', '| --- | --- | --- | --- |');
for (const [name, s] of Object.entries(bytes))
  lines.push(
    `| ${name}${s.requests ? ` (${s.requests} files)` : ''} | ${kb(s.minified)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`,
  );
lines.push(
  '',
  'Where the bytes go (esbuild metafile of the element modules, split as the CDN build splits them; minified bytes):',
  '',
  '| file | bytes | loaded by | from |',
  '| --- | --- | --- | --- |',
);
for (const r of report)
  lines.push(
    `| ${r.file} | ${kb(r.bytes)} | ${r.loadedBy.join(', ')} | ${Object.entries(r.groups)
      .map(([g, b]) => `${g} ${kb(b)}`)
      .join(', ')} |`,
  );
lines.push(
  '',
  'Biggest inputs per element (esbuild metafile of the element with what it imports statically, as the loader fetches it; minified bytes):',
  '',
  '| element | minified | biggest inputs |',
  '| --- | --- | --- |',
);
for (const [element, { total, top }] of Object.entries(inputs))
  lines.push(`| \`<${element}>\` | ${kb(total)} | ${top.map(([input, b]) => `${input} ${kb(b)}`).join(', ')} |`);
lines.push(
  '',
  '| article page (demo/index.html through the loader) | English reader | Korean reader |',
  '| --- | --- | --- |',
);
const both = (label, get, fmt) =>
  lines.push(`| ${label} | ${fmt(stat(get(article, readyAt)))} | ${fmt(stat(get(korean.article, korean.readyAt)))} |`);
both('API requests', (a) => a.requests, num);
both('script files', (a) => a.scripts, num);
for (const tag of Object.keys(readyAt))
  both(
    tag === THREAD_AFTER_SCROLL
      ? 'scrolling to `<comment-thread>` → its first comments'
      : `navigation → first content of \`<${tag}>\``,
    (_a, r) => r[tag],
    ms,
  );
both(
  'cumulative layout shift',
  (a) => a.shifts,
  (x) => num(x, 3),
);
both('long tasks (count)', (a) => a.longTasks, num);
both('long tasks (total)', (a) => a.longTaskMs, ms);
both(
  'JS heap after load',
  (a) => a.heapMb,
  (x) => `${num(x, 1)} MB`,
);
both(
  `idle main-thread work (over ${IDLE_S} s)`,
  (a) => a.idle,
  (x) => `${num(x, 2)} ms/s`,
);
const fv = firstViewport;
lines.push(
  '',
  '| thread in the first viewport (200 comments, newest first) | ours | floor element | ours / floor |',
  '| --- | --- | --- | --- |',
);
lines.push(
  `| navigation → newest comment in the DOM | ${ms(stat(fv.ours.newest))} | ${ms(stat(fv.floor.newest))} | ${(median(fv.ours.newest) / median(fv.floor.newest)).toFixed(2)}× |`,
);
lines.push(`| cumulative layout shift | ${num(stat(fv.ours.shifts), 3)} | ${num(stat(fv.floor.shifts), 3)} | |`);
lines.push(
  `| cumulative layout shift, the page holding the space (README's CSS) | ${num(stat(fv.oursHeld.shifts), 3)} | ${num(stat(fv.floorHeld.shifts), 3)} | |`,
);
const ofFloor = (xs) => `${(median(xs) / median(fv.floor.newest)).toFixed(2)}×`;
lines.push(
  `| server-rendered page (a blog that renders its pages): newest comment in the DOM, as the HTML is parsed | ${ms(stat(fv.rendered.parsed))} | | ${ofFloor(fv.rendered.parsed)} |`,
  `| server-rendered page: first paint, the comments in it | ${ms(stat(fv.rendered.painted))} | | ${ofFloor(fv.rendered.painted)} |`,
  `| server-rendered page: cumulative layout shift, through hydration | ${num(stat(fv.rendered.shifts), 3)} | | |`,
  `| server-rendered page: API requests | ${num(stat(fv.rendered.requests))} | | |`,
);
lines.push(`| elements per comment | ${num(stat(fv.ours.perComment), 1)} | ${num(stat(fv.floor.perComment), 1)} | |`);
lines.push(`| API requests | ${num(stat(fv.ours.requests))} | ${num(stat(fv.floor.requests))} | |`);
lines.push(
  `| idle main-thread work (over ${IDLE_S} s) | ${num(stat(fv.ours.idle), 2)} ms/s | ${num(stat(fv.floor.idle), 2)} ms/s | |`,
  `| idle main-thread work, the same page with no script (what the measure reads for nothing) | | ${num(stat(fv.blank.idle), 2)} ms/s | |`,
);
lines.push('', '| comment thread | 200 comments | 2 000 comments |', '| --- | --- | --- |');
lines.push(
  `| navigation → first comments painted | ${ms(stat(thread[200].firstComments))} | ${ms(stat(thread[2000].firstComments))} |`,
);
lines.push(
  `| "Load more" → next page painted | ${ms(stat(thread[200].nextPage))} | ${ms(stat(thread[2000].nextPage))} |`,
);
lines.push(`| JS heap | ${num(stat(thread[200].heapMb), 1)} MB | ${num(stat(thread[2000].heapMb), 1)} MB |`);
lines.push(
  `| DOM nodes (shadow roots included) | ${num(stat(thread[200].domNodes))} | ${num(stat(thread[2000].domNodes))} |`,
);
if (serverResults) {
  lines.push('', '| server (loopback, 50 connections) | req/s | p99 |', '| --- | --- | --- |');
  for (const r of serverResults.results)
    lines.push(`| ${r.scenario} | ${num(r.requestsPerSecond)} | ${num(r.p99ms)} ms |`);
}
console.log(lines.join('\n'));
writeFileSync(
  join(root, 'bench/results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      cores: cpus().length,
      node: process.version,
      bytes,
      bytesReport: report,
      entryInputs: inputs,
      firstViewport,
      article: { ...article, readyAt },
      articleKorean: { ...korean.article, readyAt: korean.readyAt },
      thread,
      server: serverResults ?? null,
    },
    null,
    2,
  ) + '\n',
);
