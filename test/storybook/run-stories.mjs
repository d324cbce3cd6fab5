#!/usr/bin/env node
/**
 * Opens every story of the built Storybook (storybook-static/) in headless Chromium and fails on a
 * page error, a console error, or an axe violation in the story. Network failures that a story
 * mocks on purpose (its Error, NotFound… states) are not console errors of ours and are ignored.
 *
 * Every story runs in English; then, in every other shipped locale (set through the toolbar's
 * `locale` global, as a designer would), the first story of each component and each `Default`
 * story (11 stories). On the shared 2-core machine the English pass took 3.7 minutes and English
 * plus the sample 8.1 (224 runs, about 2.2 s each): every story in every locale would take about
 * 45, so it is not the default; `STORY_LOCALES=all` runs it. It also fails when the toolbar's
 * locales are not exactly the shipped ones (src/shared/i18n/index.ts).
 *
 *   npm run build-storybook && node test/storybook/run-stories.mjs [filter]
 */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../storybook-static', import.meta.url));
const axeSource = readFileSync(
  fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
);
const filter = process.argv[2] ?? '';

const index = JSON.parse(readFileSync(`${root}/index.json`, 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));

/** The quoted strings of the first `= [ … ]` after `start` in a source file (no TS import needed here). */
function listAfter(file, start) {
  const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
  const from = text.indexOf(start);
  const open = text.indexOf('= [', from);
  const body = text.slice(open, text.indexOf(']', open));
  return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
const shipped = listAfter('../../src/shared/i18n/index.ts', 'SUPPORTED_LOCALES');
const toolbarText = readFileSync(fileURLToPath(new URL('../../.storybook/preview.ts', import.meta.url)), 'utf8');
const toolbar = [
  ...toolbarText
    .slice(toolbarText.indexOf('locale: {'), toolbarText.indexOf('direction: {'))
    .matchAll(/value: '([^']+)'/g),
].map((m) => m[1]);
const setupFailures = [];
if ([...toolbar].sort().join() !== [...shipped].sort().join())
  setupFailures.push(`the locale toolbar lists ${toolbar.join(', ')}; the shipped locales are ${shipped.join(', ')}`);

const firstOfEach = new Set();
const sample = stories.filter((e) => {
  if (firstOfEach.has(e.title) && e.name !== 'Default') return false;
  firstOfEach.add(e.title);
  return true;
});
const others = shipped.filter((l) => l !== 'en');
const runs = [
  ...stories.map((story) => ({ story, locale: 'en' })),
  ...others.flatMap((locale) =>
    (process.env.STORY_LOCALES === 'all' ? stories : sample).map((story) => ({ story, locale })),
  ),
];

const app = new Hono();
app.use('/*', serveStatic({ root }));
const server = await new Promise((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
});
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const failures = [];
let passed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const check = async ({ story, locale }) => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      // A mocked 404/500/503 is the story's point; Chromium logs each as a console error.
      if (/^Failed to load resource/.test(text)) return;
      problems.push(`console error: ${text}`);
    });
    try {
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale}`, {
        waitUntil: 'load',
      });
      await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, {
        timeout: 15000,
      });
      // The page must really be in the locale asked for, or this run would check English again.
      // (Only for the sample: in the full run, a story's own `locale` global — "Korean (ko)" — wins.)
      const lang = await page.evaluate(() => document.querySelector('.story-root')?.getAttribute('lang'));
      if (locale !== 'en' && process.env.STORY_LOCALES !== 'all' && lang !== locale)
        problems.push(`asked for locale ${locale}, the story rendered in ${lang}`);
      // Let elements load their (mocked) data and settle.
      await page.waitForTimeout(600);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        // Storybook's a11y panel runs axe on the same page after each render; on a busy machine
        // its run can still be going, and axe refuses a second one: wait for it, then run ours.
        for (let attempt = 0; ; attempt++) {
          try {
            const result = await window.axe.run('#storybook-root', { resultTypes: ['violations'] });
            return result.violations.map(
              (v) =>
                `${v.id} (${v.impact}): ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')}`,
            );
          } catch (error) {
            if (attempt >= 20 || !/already running/.test(String(error))) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      });
      problems.push(...violations.map((v) => `axe: ${v}`));
    } catch (error) {
      problems.push(`did not render: ${error.message.split('\n')[0]}`);
    }
    await page.close();
    if (problems.length) failures.push({ id: `${story.id} [${locale}]`, problems });
    else passed++;
  };
  // Three pages at a time: each story mostly waits, and the machine has two cores.
  const queue = [...runs];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let run = queue.shift(); run; run = queue.shift()) await check(run);
    }),
  );
} finally {
  await browser.close();
  server.close();
}

for (const problem of setupFailures) failures.push({ id: 'storybook', problems: [problem] });
for (const { id, problems } of failures) {
  console.log(`✗ ${id}`);
  for (const p of problems) console.log(`    ${p}`);
}
console.log(
  `stories: ${passed} passed, ${failures.length} failed (${stories.length} in English, ${runs.length - stories.length} more in ${others.length} other locales)`,
);
process.exit(failures.length ? 1 : 0);
