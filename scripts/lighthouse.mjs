#!/usr/bin/env node
/**
 * Lighthouse on the demo article page: starts the built server (`npm run build` first) on a
 * temporary database and prints the four category scores (and writes bench/lighthouse.json).
 * Uses CHROME_PATH or Debian's chromium; nothing is downloaded.
 *   npm run lighthouse
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServerProcess } from './server-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await startServerProcess();
const { url } = server;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
try {
  const page = process.argv[2] ?? '/';
  const result = await lighthouse(`${url}${page}`, { port: chrome.port, output: 'json', logLevel: 'error' });
  const scores = Object.fromEntries(Object.values(result.lhr.categories).map((c) => [c.id, Math.round(c.score * 100)]));
  console.log(`Lighthouse ${result.lhr.lighthouseVersion} on ${page} (${result.lhr.configSettings.formFactor}):`);
  for (const [id, score] of Object.entries(scores)) console.log(`  ${id.padEnd(16)} ${score}`);
  const failing = Object.values(result.lhr.audits).filter(
    (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
  );
  if (failing.length)
    console.log(`  below 90: ${failing.map((a) => `${a.id} (${a.displayValue ?? a.score})`).join(', ')}`);
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(
    join(root, 'bench/lighthouse.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        page,
        scores,
        metrics: {
          lcp: result.lhr.audits['largest-contentful-paint']?.displayValue,
          cls: result.lhr.audits['cumulative-layout-shift']?.displayValue,
          tbt: result.lhr.audits['total-blocking-time']?.displayValue,
        },
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await chrome.kill();
  await server.stop();
}
