/**
 * The demo blog as a reader's browser sees it, served by the real server (what `npm start` runs):
 * the article page, the listing (one counts request for the page) and the embed builder.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { removeDir, startServer, type Server, POSTGRES } from './harness.js';

describe('demo pages', { skip: POSTGRES ? 'store-independent browser pages: run once, on SQLite' : false }, () => {
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
    await browser.close();
    await server.stop();
    removeDir(server.dir);
  });

  async function open(path: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    return { page, errors, requests };
  }

  it('/ is the article page, every element filled with no request (rendered on the server)', async () => {
    const { page, errors, requests } = await open('/');
    // The review and its first comments came with the page (server/ssr/; ssr-article.test.ts).
    assert.deepEqual(
      requests.filter((p) => p.startsWith('/v1/')),
      [],
    );
    assert.equal(await page.locator('review-card [part~="title"]').textContent(), 'Ballerina');
    assert.match((await page.locator('comment-thread [part~="heading"]').textContent())!, /Comments\s*\(6\)/);
    assert.equal(await page.locator('cast-list [part~="member"]').count(), 3);
    assert.equal(await page.locator('content-warning [part~="reveal-button"]').count(), 1);
    assert.equal(await page.locator('review-card > script[type="application/ld+json"]').count(), 1);
    // The language switch: every element follows <html lang> at once.
    await page.selectOption('#switch-lang', 'ko');
    await page.locator('review-card [part~="link"]', { hasText: '리뷰 전문 읽기' }).waitFor();
    await page.locator('comment-thread [part~="heading"]', { hasText: '댓글' }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('/reviews/ lists the seeded reviews with one request for all their comment counts', async () => {
    const { page, errors, requests } = await open('/reviews/');
    assert.equal(await page.locator('review-card').count(), 3);
    await page.locator('comment-count [part~="base"]').first().waitFor();
    assert.equal(requests.filter((p) => p === '/v1/comment-counts').length, 1);
    assert.deepEqual(errors, []);
  });

  it('/embed/ writes a snippet and previews it', async () => {
    const { page, errors } = await open('/embed/');
    await page.locator('#embed-review option').first().waitFor({ state: 'attached' });
    await page.check('input[value="comment-thread"]');
    const snippet = (await page.locator('#embed-snippet').textContent())!;
    assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/review-elements\.js"><\/script>/);
    assert.match(snippet, /<comment-thread><\/comment-thread>/);
    // The loader fetches a thread once it is within a viewport of being seen, as a reader scrolls.
    await page.locator('#embed-preview').scrollIntoViewIfNeeded();
    await page.locator('#embed-preview comment-thread [part~="heading"]').waitFor();
    assert.deepEqual(errors, []);
  });
});
