import { chromium } from 'playwright-core';
import { startServerProcess } from '../scripts/server-process.mjs';
const RUNS = Number(process.env.RUNS ?? 5);
const ADMIN = 'bench-admin-token-0123456789';
const server = await startServerProcess({ WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: ADMIN });
const { url } = server;
async function seedThread(id, n) {
  const doc = { id, url: `https://blog.example/${id}`, lang: 'en', title: id, publishedAt: '2025-01-01T00:00:00Z', work: { title: id, type: 'movie' }, comments: { open: true } };
  await fetch(`${url}/v1/reviews/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(doc) });
  let parent = null;
  for (let i = 0; i < n; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, n - i) }, async (_, j) => {
      const reply = (i + j) % 5 === 4 && parent;
      const res = await fetch(`${url}/v1/reviews/${id}/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ author: { name: `Reader ${i + j}` }, body: `Comment ${i + j}: **a sentence** or two of what readers write, with a link https://example.com/${i + j}.`, parentId: reply || null }) });
      if (!reply && j === 0) parent = (await res.json()).id;
    }));
  }
}
await seedThread('bench-200', 200);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
const FLOOR = `customElements.define('floor-thread', class extends HTMLElement {
  async connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const page = await (await fetch(this.getAttribute('api') + '/reviews/' + this.getAttribute('review') + '/comments?sort=newest')).json();
    const render = (c) => { const a = document.createElement('article'); a.part = 'comment'; const h = document.createElement('b'); h.textContent = c.author.name; const p = document.createElement('p'); p.textContent = c.body; a.append(h, p); for (const r of c.replies ?? []) a.append(render(r)); return a; };
    root.append(...page.items.map(render));
  }
});`;
const res = { ours: [], floor: [] };
for (let run = 0; run < RUNS; run++) {
  for (const [which, tag, head] of [['ours', 'comment-thread', '<script type="module" src="/review-elements.js"></script>'], ['floor', 'floor-thread', `<script type="module">${FLOOR}</script>`]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ v: e.value, t: e.startTime, src: e.sources?.map((s) => (s.node?.nodeName ?? '?') + ' ' + JSON.stringify(s.previousRect) + '->' + JSON.stringify(s.currentRect)) }); }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.route('**/fv.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>thread</title>${head}</head><body><h1>A post</h1><p>A paragraph above the comments.</p><${tag} api="/v1" review="bench-200" sort="newest"></${tag}><p>A paragraph below the comments.</p></body></html>` }));
    await page.goto(`${url}/fv.html`, { waitUntil: 'load' });
    const t = await page.waitForFunction((tag) => { const f = document.querySelector(tag)?.shadowRoot?.querySelector('article[part~="comment"]'); return f && performance.now(); }, tag, { timeout: 20000, polling: 'raf' });
    const newest = await t.jsonValue();
    await page.waitForTimeout(500);
    const info = await page.evaluate(() => ({
      shifts: window.__shifts,
      res: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, '').slice(0, 60), Math.round(e.startTime), Math.round(e.responseEnd)]),
      defined: !!customElements.get('comment-thread'),
      per: (() => { const host = document.querySelector('comment-thread, floor-thread'); let elements = 0, comments = 0; const walk = (root) => { for (const el of root.querySelectorAll('*')) { elements++; if (el.matches('article[part~="comment"]')) comments++; if (el.shadowRoot) walk(el.shadowRoot); } }; walk(host.shadowRoot); return [elements, comments, elements / comments]; })(),
    }));
    res[which].push(newest);
    if (process.env.V) console.log(which, Math.round(newest), JSON.stringify(process.env.V === '2' ? info : { per: info.per, cls: info.shifts.reduce((a, b) => a + b.v, 0), res: info.res.filter((r) => r[0].includes('/v1/')) }));
    await context.close();
  }
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log('ours', med(res.ours).toFixed(0), res.ours.map(Math.round), 'floor', med(res.floor).toFixed(0), res.floor.map(Math.round), 'ratio', (med(res.ours) / med(res.floor)).toFixed(2));
await browser.close();
await server.stop();
