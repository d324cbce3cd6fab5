#!/usr/bin/env node
/**
 * Screenshots of the demo article page in light and dark at 390 px and 1280 px wide, into
 * docs/screenshots/. Starts the built server (`npm run build` first) on a temporary database.
 * Korean and Chinese text needs CJK fonts on the machine (Debian: fonts-noto-cjk).
 *   node scripts/demo-screenshots.mjs
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServerProcess } from './server-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await startServerProcess();
const { url } = server;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
try {
  for (const scheme of ['light', 'dark']) {
    for (const width of [390, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`${url}/`, { waitUntil: 'networkidle' });
      // Lazy images below the fold: scroll through once so the full-page shot has them.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(300);
      const file = join(root, `docs/screenshots/article-${scheme}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`saved ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
