#!/usr/bin/env node
/**
 * The "thread in the first viewport" section of bench/browser.mjs on its own, to iterate on in a
 * minute: ours (through the loader) and the floor element, alternating cold runs in one process,
 * on the same page and server. With PHASES=1 it also prints, for ours, when each file arrived and
 * when the element was defined, from the page's own Performance timings.
 *
 *   npm run build:cdn && npm run build:server && RUNS=9 node bench/thread-floor.mjs
 */
import { chromium } from 'playwright-core';
import { startServerProcess } from '../scripts/server-process.mjs';
import { FLOOR, newestCommentAt, seedThread, serverRenderedAt, serverRenderedPage } from './first-viewport.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const ADMIN = 'bench-admin-token-0123456789';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const server = await startServerProcess({ WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: ADMIN });
await seedThread(server.url, ADMIN, 'bench-200', 200);
const renderedPage = await serverRenderedPage(server.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

// When the element's class was defined and when its first comment appeared, from the first script on.
const watch = () => {
  window.__phases = {};
  customElements.whenDefined('comment-thread').then(() => (window.__phases.defined = performance.now()));
};
const results = { ours: [], floor: [] };
const rendered = { parsed: [], painted: [] };
const phases = [];
for (let run = 0; run < RUNS; run++) {
  for (const [which, tag, head] of [
    ['ours', 'comment-thread', '<script type="module" src="/review-elements.js"></script>'],
    ['floor', 'floor-thread', `<script type="module">${FLOOR}</script>`],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watch);
    results[which].push(await newestCommentAt(page, server.url, tag, head));
    if (which === 'ours' && process.env.PHASES)
      phases.push(
        await page.evaluate(() => ({
          ...window.__phases,
          resources: performance
            .getEntriesByType('resource')
            .map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]),
        })),
      );
    await context.close();
  }
  // The same page rendered on the server (a blog that renders its pages), in the same round.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { parsed, painted } = await serverRenderedAt(await context.newPage(), server.url, renderedPage);
  rendered.parsed.push(parsed);
  rendered.painted.push(painted);
  await context.close();
}
await browser.close();
await server.stop();

console.log(`thread in the first viewport, ${RUNS} alternating cold runs, median (min–max)`);
console.log(`ours  ${fmt(results.ours)}\nfloor ${fmt(results.floor)}`);
console.log(`ours / floor ${(median(results.ours) / median(results.floor)).toFixed(2)}×`);
const ofFloor = (xs) => `${(median(xs) / median(results.floor)).toFixed(2)}× the floor`;
console.log(`server-rendered, in the DOM ${fmt(rendered.parsed)}, ${ofFloor(rendered.parsed)}`);
console.log(`server-rendered, painted    ${fmt(rendered.painted)}, ${ofFloor(rendered.painted)}`);
if (process.env.PHASES) {
  // Per run: the loader's file, the first request it started, the last chunk and the comments
  // page arriving, the element defined, the first comment in the DOM.
  const rows = phases.map((p, i) => {
    const files = p.resources.filter(([n]) => !n.includes('favicon'));
    const loader = files.find(([n]) => n.endsWith('/review-elements.js'));
    const rest = files.filter((f) => f !== loader);
    const chunks = rest.filter(([n]) => n.includes('/cdn/'));
    const comments = rest.find(([n]) => n.includes('/comments'));
    return {
      'loader arrived': loader[2],
      'requests started': Math.min(...rest.map(([, s]) => s)),
      'comments arrived': comments?.[2] ?? NaN,
      'last chunk arrived': Math.max(...chunks.map(([, , e]) => e)),
      defined: p.defined,
      'first comment': results.ours[i],
      chunks: chunks.length,
    };
  });
  console.log(`\nours, phases: median (min–max) ms from navigation, ${rows[0].chunks} chunk files`);
  for (const key of Object.keys(rows[0]).filter((k) => k !== 'chunks'))
    console.log(`  ${key.padEnd(20)} ${fmt(rows.map((r) => r[key]))}`);
  const gap = (a, b) => rows.map((r) => r[b] - r[a]);
  console.log(`  last chunk → defined ${fmt(gap('last chunk arrived', 'defined'))}`);
  console.log(`  defined → comment    ${fmt(gap('defined', 'first comment'))}`);
}
