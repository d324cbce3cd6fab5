/**
 * The demo article rendered on the server (server/ssr/): with JavaScript off a reader (and a
 * crawler) gets the review, the cast, the closed content warning and the first comments, and the
 * card's JSON-LD; with JavaScript on the elements hydrate that content with no error and no
 * request to the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { removeDir, startServer, type Server } from './harness.js';

describe('the article rendered on the server', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  after(async () => {
    await browser?.close();
    await server.stop();
    removeDir(server.dir);
  });

  it('serves the content, the data for hydration and the JSON-LD in the HTML', async () => {
    const res = await server.request('/');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<review-card[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.doesNotMatch(html, /No review to show yet|No cast listed/);
    const ld = /<script type="application\/ld\+json" data-review-card>(.*?)<\/script>/s.exec(html);
    assert.ok(ld, 'JSON-LD in the served HTML');
    const data = JSON.parse(ld[1]);
    assert.equal(data['@type'], 'Review');
    assert.equal(data.itemReviewed.name, 'Ballerina');
    assert.match(html, /<comment-thread[^>]*><template shadowroot="open"[^>]*>/);
    assert.match(html, /src="\/hydrate\/review-elements\.js"/);
    const hydrate = await server.request('/hydrate/review-elements.js');
    assert.equal(hydrate.status, 200);
  });

  async function read(page: Page) {
    assert.equal((await page.locator('review-card [part~="title"]').textContent())?.trim(), 'Ballerina');
    assert.deepEqual(
      (await page.locator('cast-list [part~="name"]').allTextContents()).map((s) => s.trim()),
      ['Jeon Jong-seo', 'Kim Ji-hoon', 'Park Yu-rim'],
    );
    // The warning is closed: its topics show, the content does not.
    await page.locator('content-warning [part~="topics"]', { hasText: 'Suicide' }).waitFor();
    assert.equal(await page.getByText('Min-hee leaves a note').isVisible(), false);
    assert.match((await page.locator('comment-thread [part~="heading"]').textContent())!, /Comments\s*\(6\)/);
    assert.equal(await page.getByText('Thank you for putting the warning at the top').isVisible(), true);
  }

  it('is readable with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await read(page);
    assert.equal(await page.locator('content-warning [part~="reveal-button"]').isVisible(), true);
    await context.close();
  });

  it('hydrates with JavaScript on: no error, no request to the API, and it works', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    // Every element of ours is defined and has taken over its server-rendered shadow root.
    await page.waitForFunction(`['review-source', 'review-card', 'content-warning', 'cast-list', 'comment-thread', 'comment-count'].every(
      (tag) => customElements.get(tag) && [...document.querySelectorAll(tag)].every((el) => el.hasUpdated))`);
    await read(page);
    // Hydrated, not a dead copy: the warning opens, and the thread's sort answers.
    await page.locator('content-warning [part~="reveal-button"]').click();
    await page.getByText('Min-hee leaves a note').waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((p) => p.startsWith('/v1/')),
      [],
    );
    await context.close();
  });
});
