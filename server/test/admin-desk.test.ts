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
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set([200, 60 + y, 90 + x], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** axe on the whole page, shadow roots included; returns the violations' ids and targets. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return violations;
}

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
    const stored = await desk.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    assert.ok(!stored.includes(ADMIN_TOKEN), 'the token is in no page storage');
    assert.deepEqual(await axe(desk), []);
  });
});
