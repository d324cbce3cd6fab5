#!/usr/bin/env node
/**
 * Opens every story of the built Storybook (storybook-static/) in headless Chromium and fails on a
 * page error, a console error, or an axe violation in the story. Network failures that a story
 * mocks on purpose (its Error, NotFound… states) are not console errors of ours and are ignored.
 *
 * Every story runs in English; then, in every other shipped locale (set through the toolbar's
 * `locale` global, as a designer would), the first story of each component and each `Default`
 * story (11 stories): 225 runs, 1.8 minutes on the shared 2-core machine with pages reused (below).
 * Every story in every locale (`STORY_LOCALES=all`) is about 1,260 runs. It also fails when the toolbar's
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
  /**
   * One page per worker, reused: a story of the same locale is shown the way the Storybook UI shows
   * it (`setCurrentStory` on the preview's channel), so the preview's bundle and its mock service
   * worker load once per worker and locale, not once per story (755 s for 225 runs when every story
   * loaded its own page). The a11y addon's own axe run (`a11y.manual`) is skipped: this runner runs
   * axe itself, and two runs on one page wait for each other.
   */
  const worker = async (queue) => {
    const page = await context.newPage();
    let problems = [];
    let shownLocale = null;
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      // A mocked 404/500/503 is the story's point; Chromium logs each as a console error.
      if (/^Failed to load resource/.test(text)) return;
      problems.push(`console error: ${text}`);
    });
    for (let run = queue.shift(); run; run = queue.shift()) {
      const { story, locale } = run;
      problems = [];
      try {
        if (shownLocale !== locale) {
          shownLocale = null;
          await page.goto(
            `${base}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale};a11y.manual:!true`,
            { waitUntil: 'load' },
          );
          await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, {
            timeout: 15000,
          });
          shownLocale = locale;
        } else {
          await page.evaluate(
            (storyId) =>
              new Promise((resolve, reject) => {
                const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
                const done = (id) => {
                  if (id !== storyId && id?.storyId !== storyId) return;
                  channel.off('storyRendered', done);
                  resolve();
                };
                channel.on('storyRendered', done);
                channel.once('storyMissing', () => reject(new Error(`story ${storyId} missing`)));
                channel.once('storyThrewException', (e) => reject(new Error(e?.message ?? 'story threw')));
                channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
                setTimeout(() => reject(new Error('no storyRendered in 15 s')), 15000);
              }),
            story.id,
          );
        }
        // The page must really be in the locale asked for, or this run would check English again.
        // (Only for the sample: in the full run, a story's own `locale` global — "Korean (ko)" — wins.)
        const lang = await page.evaluate(() => document.querySelector('.story-root')?.getAttribute('lang'));
        if (locale !== 'en' && process.env.STORY_LOCALES !== 'all' && lang !== locale)
          problems.push(`asked for locale ${locale}, the story rendered in ${lang}`);
        // Let elements load their (mocked) data and settle.
        await page.waitForTimeout(600);
        if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run('#storybook-root', { resultTypes: ['violations'] });
          return result.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          );
        });
        problems.push(...violations.map((v) => `axe: ${v}`));
      } catch (error) {
        problems.push(`did not render: ${error.message.split('\n')[0]}`);
        shownLocale = null;
      }
      if (problems.length) failures.push({ id: `${story.id} [${locale}]`, problems });
      else passed++;
    }
    await page.close();
  };
  // Three workers: each story mostly waits, and the machine has two cores. Each takes whole
  // locales where it can, so it reloads only when its locale changes.
  const queue = [...runs];
  await Promise.all(Array.from({ length: 3 }, () => worker(queue)));
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
