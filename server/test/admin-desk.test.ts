/**
 * The owner's story in a real browser, against the built server (what `npm start` runs): sign in,
 * write a review with an uploaded cast photo and two content warnings, publish it, read it on the
 * demo blog, moderate a reader's comment under MODERATION=pre, a reported comment and a ban.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_TOKEN, removeDir, startServer, type Server } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function png(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([200, 60 + y, 90 + x], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** axe on the whole page, shadow roots included; returns the violations' ids and targets. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    type Axe = {
      run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
    };
    const page = globalThis as unknown as { axe: Axe; document: unknown };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return violations;
}

/** The focused element, through shadow roots: its tag, id, text and aria-label. */
async function focused(page: Page): Promise<string> {
  // A string, not a function: the test runner's transform would add helpers the page lacks.
  return page.evaluate<string>(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.localName + '#' + el.id + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.textContent || '').trim() : '';
  })()`);
}

/** Presses a key until the focused element matches, at most 40 times. */
async function tabTo(page: Page, match: RegExp, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (match.test(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${match}; at ${await focused(page)}`);
}

/** Nothing sticks out sideways at this width. */
const noSideScroll = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } })
      .document.documentElement;
    return d.scrollWidth <= d.clientWidth;
  });

describe("the owner's desk in a browser", () => {
  let server: Server;
  let browser: Browser;
  let owner: BrowserContext;
  let reader: BrowserContext;
  let desk: Page;
  const errors: string[] = [];
  const id = `desk-${Date.now().toString(36)}`;
  const title = 'The Glory of small things';

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, MODERATION: 'pre', REVIEW_REPORT_HIDE_AT: '1' });
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // axe is injected as a script: the desk's CSP would refuse it, so this context bypasses CSP.
    owner = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    reader = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    desk = await owner.newPage();
    desk.on('pageerror', (e) => errors.push(e.message));
  });
  after(async () => {
    await browser.close();
    await server.stop();
    removeDir(server.dir);
  });

  it('signs in with the token into a Secure, HttpOnly, SameSite=Strict session over http://127.0.0.1', async () => {
    await desk.goto(`${server.url}/admin/`);
    await desk.getByLabel('Admin token').fill('wrong-token-wrong-token');
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('alert').filter({ hasText: 'That is not the admin token.' }).waitFor();
    assert.deepEqual(await axe(desk), []);
    await desk.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await desk.getByLabel('Admin token').press('Enter');
    await desk.getByRole('link', { name: 'New review' }).waitFor();
    const [cookie] = (await owner.cookies()).filter((c) => c.name === 'review-admin');
    assert.ok(cookie, 'Chromium keeps the Secure cookie from http://127.0.0.1');
    assert.deepEqual([cookie.secure, cookie.httpOnly, cookie.sameSite], [true, true, 'Strict']);
    const stored = await desk.evaluate<string>(
      'JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie',
    );
    assert.ok(!stored.includes(ADMIN_TOKEN), 'the token is in no page storage');
    assert.deepEqual(await axe(desk), []);
  });

  it('writes a review with an uploaded cast photo and two content warnings, previews and publishes it', async () => {
    await desk.getByRole('link', { name: 'New review' }).click();
    const field = (label: string) => desk.getByLabel(label, { exact: true });
    // Publishing an empty form names the fields that need attention, next to them.
    await desk.getByRole('button', { name: 'Publish' }).click();
    await desk.getByRole('status').filter({ hasText: 'fields need attention' }).waitFor();
    const idField = field('Id (used in addresses; cannot change later)');
    assert.equal(await idField.getAttribute('aria-invalid'), 'true');
    assert.equal(await desk.locator(`#${await idField.getAttribute('aria-describedby')}`).textContent(), 'Required.');
    assert.deepEqual(await axe(desk), []);

    await idField.fill(id);
    await field('Title').fill(title);
    await field('Address of the article').fill(`https://blog.example/${id}/`);
    await field('Summary').fill('A quiet film about a loud wound.');
    await field('Your rating').fill('4');
    await field('Title of the work').fill('Small Things');
    await field('Year').fill('2024');
    await desk.getByRole('button', { name: 'Add a cast member' }).click();
    await field('Actor').fill('Song Hye-kyo');
    await field('Character').fill('Moon Dong-eun');
    await desk
      .locator('input[type="file"][id="u-cast.0.photo"]')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png(40, 50) });
    await desk.getByRole('status').filter({ hasText: 'Image uploaded.' }).waitFor();
    assert.match(await field('Photo address').inputValue(), /^\/v1\/uploads\/[a-f0-9]{64}\.png$/);
    for (const [topic, severity] of [
      ['suicide', 'high'],
      ['harassment', 'medium'],
    ]) {
      await desk.getByRole('button', { name: 'Add a warning' }).click();
      await desk.locator('select[id$=".topic"]').last().selectOption(topic);
      await desk.locator('select[id$=".severity"]').last().selectOption(severity);
    }
    // The preview is the real card, cast list and content warning.
    await desk.locator('review-editor review-card [part~="title"]', { hasText: 'Small Things' }).waitFor();
    const photo = desk.locator('review-editor cast-list img');
    await photo.waitFor();
    assert.ok(
      await photo.evaluate(
        (img) =>
          (img as unknown as { complete: boolean }).complete &&
          (img as unknown as { naturalWidth: number }).naturalWidth === 40,
      ),
    );
    const warning = await desk
      .locator('review-editor content-warning')
      .evaluate((el) => (el as unknown as { shadowRoot: { textContent: string } }).shadowRoot.textContent);
    assert.match(warning!, /Suicide/);
    assert.match(warning!, /Harassment/);
    assert.deepEqual(await axe(desk), []);
    assert.ok(await noSideScroll(desk), 'the editor fits 390 px');

    await desk.getByRole('button', { name: 'Publish' }).click();
    await desk.getByRole('status').filter({ hasText: 'Published: readers can see it.' }).waitFor();
    const stored = await (await server.request(`/v1/reviews/${id}`)).json();
    assert.equal(stored.title, title);
    assert.deepEqual(
      stored.contentWarnings.map((w: { topic: string; severity: string }) => [w.topic, w.severity]),
      [
        ['suicide', 'high'],
        ['harassment', 'medium'],
      ],
    );
    assert.match(stored.cast[0].photo, /^\/v1\/uploads\//);
    assert.equal(stored.rating.value, 4);
  });

  it('shows the review on the demo blog: the listing and its article page', async () => {
    const page = await reader.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/reviews/`);
    await page.locator('review-card [part~="title"]', { hasText: 'Small Things' }).waitFor();
    await page.goto(`${server.url}/review/?id=${id}`);
    await page.locator('review-card [part~="title"]', { hasText: 'Small Things' }).waitFor();
    const warning = await page
      .locator('content-warning')
      .evaluate((el) => (el as unknown as { shadowRoot: { textContent: string } }).shadowRoot.textContent);
    assert.match(warning!, /Suicide/);
    assert.match(warning!, /Harassment/);
    const photo = page.locator('cast-list img');
    await photo.waitFor();
    assert.ok(
      await photo.evaluate(
        (img) =>
          (img as unknown as { complete: boolean }).complete &&
          (img as unknown as { naturalWidth: number }).naturalWidth === 40,
      ),
    );
    await page.close();
  });

  async function post(page: Page, name: string, email: string, body: string) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email (optional, never shown)').fill(email);
    await page.getByLabel('Comment', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Post comment' }).click();
  }

  async function queue(status: string) {
    await desk.goto(`${server.url}/admin/#/comments`);
    const show = desk.getByLabel('Show', { exact: true });
    if ((await show.inputValue()) === status) await desk.getByRole('button', { name: 'Refresh' }).click();
    else await show.selectOption(status);
  }

  it('holds a reader’s comment for moderation, approves it from the queue, and the reader sees it', async () => {
    const page = await reader.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/review/?id=${id}`);
    await post(page, 'Hyejin', 'hyejin@example.com', 'This one **stayed** with me.');
    await page.getByText('Waiting for moderation: it will appear once approved.').first().waitFor();

    await queue('pending');
    const item = desk.locator('comment-moderation article', { hasText: 'stayed' });
    await item.waitFor();
    // The reader's text as readers see it: the markdown rendered by the thread's own renderer.
    assert.equal(await item.locator('strong').textContent(), 'stayed');
    assert.match((await item.textContent())!, /hyejin@example\.com/);
    assert.deepEqual(await axe(desk), []);
    assert.ok(await noSideScroll(desk), 'the queue fits 390 px');
    // Keyboard only: Tab to the comment's checkbox, Space, back to Approve, Enter.
    await desk.locator('comment-moderation select#status').focus();
    await tabTo(desk, /^input#sel-.* Select the comment by Hyejin/);
    await desk.keyboard.press('Space');
    await tabTo(desk, /^button# {2}Approve$/, 'Shift+Tab');
    await desk.keyboard.press('Enter');
    await desk.getByRole('status').filter({ hasText: '1 comments updated.' }).waitFor();
    await item.waitFor({ state: 'detached' });

    await page.reload();
    await page.locator('comment-thread [part~="comment-body"]', { hasText: 'stayed with me' }).waitFor();
    await page.close();
  });

  it('takes a reader’s report, hides the comment, and the owner restores it from the Reported queue', async () => {
    // Another reader: the author sees no Report action on their own comment.
    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto(`${server.url}/review/?id=${id}`);
    await page.getByRole('button', { name: 'Report' }).click();
    await page.getByLabel('Unmarked spoilers').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thank you. A moderator will look at this comment.').waitFor();
    await page.reload();
    await page.locator('comment-thread [part~="empty"]').waitFor();

    await queue('reported');
    const item = desk.locator('comment-moderation article', { hasText: 'stayed' });
    await item.waitFor();
    assert.match((await item.textContent())!, /1 reports: Unmarked spoilers/);
    await desk.getByRole('checkbox', { name: 'Select the comment by Hyejin' }).check();
    await desk.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('comment-thread [part~="comment-body"]', { hasText: 'stayed with me' }).waitFor();
    await other.close();
  });

  it('bans a poster by email from the queue: their next comment is answered as held and lands in Spam', async () => {
    const page = await reader.newPage();
    await page.goto(`${server.url}/review/?id=${id}`);
    await post(page, 'Troll', 'troll@example.com', 'First rude words');
    await page.getByText('Waiting for moderation: it will appear once approved.').first().waitFor();

    await queue('pending');
    const item = desk.locator('comment-moderation article', { hasText: 'First rude words' });
    await item.waitFor();
    await desk.getByLabel('For', { exact: true }).selectOption('168');
    await item.getByRole('button', { name: 'Ban this email' }).click();
    await desk.getByRole('status').filter({ hasText: 'Banned.' }).waitFor();
    await desk.locator('comment-moderation [part~="bans"] li', { hasText: /until/ }).waitFor();

    await page.reload();
    await post(page, 'Troll again', 'TROLL@example.com', 'Second rude words');
    await page.getByText('Waiting for moderation: it will appear once approved.').first().waitFor();

    await queue('pending');
    await desk.locator('comment-moderation article', { hasText: 'First rude words' }).waitFor();
    assert.equal(await desk.locator('comment-moderation article', { hasText: 'Second rude words' }).count(), 0);
    await queue('spam');
    await desk.locator('comment-moderation article', { hasText: 'Second rude words' }).waitFor();
    assert.deepEqual(await axe(desk), []);
    await page.close();
  });

  it('speaks Korean and Chinese on every admin screen, and has no page errors', async () => {
    await desk.goto(`${server.url}/admin/`);
    await desk.getByLabel('Language · 언어 · 语言').selectOption('ko');
    await desk.getByRole('link', { name: '새 리뷰' }).waitFor();
    await desk.getByRole('link', { name: '댓글' }).click();
    await desk.getByRole('button', { name: '승인' }).waitFor();
    await desk.goto(`${server.url}/admin/#/review/${id}`);
    await desk.getByRole('button', { name: '게시 취소' }).waitFor();
    await desk.getByLabel('Language · 언어 · 语言').selectOption('zh-Hans');
    await desk.getByRole('button', { name: '取消发布' }).waitFor();
    await desk.getByRole('button', { name: '删除影评' }).waitFor();
    assert.deepEqual(await axe(desk), []);
    assert.deepEqual(errors, []);
  });
});
