/**
 * A live thread across processes, in real Chromium against two built server processes on one
 * PostgreSQL database: a blog page (another site) shows `<comment-thread live>` reading from
 * process B; a comment posted to process A reaches it through LISTEN/NOTIFY and B's event stream,
 * and the reader sees "1 new comment" within a second. Runs when the suite runs on PostgreSQL
 * (npm run test:server:pg); on SQLite there is only ever one process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { createDatabase, dropDatabase, startServerProcess, type ServerProcess } from '../../scripts/server-process.mjs';
import { blogPost, startBlog, type Blog } from './embed-servers.js';
import { ADMIN_TOKEN, POSTGRES, comment, openReview } from './harness.js';

// The functions given to evaluate() run in the page; the server's tsconfig has no DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

describe(
  'a live thread on one process hears a comment posted on another',
  { timeout: 120_000, skip: POSTGRES ? false : 'needs DATABASE_URL (npm run test:server:pg)' },
  () => {
    let database: string;
    let a: ServerProcess;
    let b: ServerProcess;
    let blog: Blog;
    let browser: Browser;
    const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };

    before(async () => {
      database = await createDatabase(POSTGRES!);
      blog = await startBlog();
      const env = { REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, ALLOWED_ORIGINS: blog.origin };
      [a, b] = await Promise.all([
        startServerProcess(env, { databaseUrl: database }),
        startServerProcess(env, { databaseUrl: database }),
      ]);
      browser = await chromium.launch({
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    });
    after(async () => {
      await browser?.close();
      await blog?.stop();
      await Promise.all([a?.stop(), b?.stop()]);
      if (database) await dropDatabase(database);
    });

    it('shows "1 new comment" within a second, and the comment when asked', async (t) => {
      const id = 'live-across';
      const put = await fetch(`${a.url}/v1/reviews/${id}`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify(openReview(id)),
      });
      assert.equal(put.status, 201);
      const first = await fetch(`${a.url}/v1/reviews/${id}/comments`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(comment('Ana', 'Here before the page opened')),
      });
      assert.equal(first.status, 201);

      blog.page = {
        html: blogPost(
          `<script type="module" src="${b.url}/review-elements.js"></script>\n<comment-thread api="${b.url}/v1" review="${id}" live></comment-thread>`,
        ),
      };
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(`${blog.origin}/post`);
      await page.locator('comment-thread article[part~="comment"]', { hasText: 'Here before' }).waitFor();
      // The stream is open (on B): from here on, nothing posted can fall between page and stream.
      await page.waitForFunction(() => document.querySelector('comment-thread')?.matches(':state(live)'));

      const posted = Date.now();
      const res = await fetch(`${a.url}/v1/reviews/${id}/comments`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(comment('Bo', 'Posted on the other process')),
      });
      assert.equal(res.status, 201);
      const button = page.locator('comment-thread [part~="new-comments"]');
      await button.waitFor({ timeout: 5000 });
      const waited = Date.now() - posted;
      assert.ok(waited < 1000, `the thread on B heard of the comment on A after ${waited} ms`);
      t.diagnostic(`posted on A, announced on B after ${waited} ms`);
      assert.equal((await button.textContent())?.trim(), '1 new comment');

      await button.click();
      const shown = page.locator('comment-thread article[part~="comment"]', { hasText: 'Posted on the other' });
      await shown.waitFor();
      assert.equal(
        await page.evaluate(() => {
          const root = document.querySelector('comment-thread').shadowRoot;
          return root.activeElement?.textContent?.includes('Posted on the other process') ?? false;
        }),
        true,
      );
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);
