/**
 * What bench/browser.mjs and bench/thread-floor.mjs share for "the thread in the first viewport":
 * the seeded thread, the page and the floor element.
 */
import { putReview } from './seed.mjs';

/** A review `id` with `n` comments, every fifth a reply, on the server at `url`. */
export async function seedThread(url, admin, id, n) {
  await putReview(url, admin, id);
  let parent = null;
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async (_, j) => {
        // Every fifth comment is a reply, so threads have some depth.
        const reply = (i + j) % 5 === 4 && parent;
        const res = await fetch(`${url}/v1/reviews/${id}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            author: { name: `Reader ${i + j}` },
            body: `Comment ${i + j}: **a sentence** or two of what readers write, with a link https://example.com/${i + j}.`,
            parentId: reply || null,
          }),
        });
        if (!reply && j === 0) parent = (await res.json()).id;
      }),
    );
  }
}

/**
 * The floor: what a thread costs at least. A hand-written element of a few lines that fetches one
 * page of comments and renders it into a shadow root, measured on the same page, server and run as
 * ours. It has no sorting, paging, replying, escaping rules beyond textContent, or languages.
 */
export const FLOOR = `customElements.define('floor-thread', class extends HTMLElement {
  async connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const page = await (await fetch(this.getAttribute('api') + '/reviews/' + this.getAttribute('review') + '/comments?sort=newest')).json();
    const render = (c) => { const a = document.createElement('article'); a.part = 'comment'; const h = document.createElement('b'); h.textContent = c.author.name; const p = document.createElement('p'); p.textContent = c.body; a.append(h, p); for (const r of c.replies ?? []) a.append(render(r)); return a; };
    root.append(...page.items.map(render));
  }
});`;

/** The page: a post with the thread (`tag`, newest first) between two paragraphs; `head` loads it. */
export const firstViewportPage = (tag, head) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>thread</title>${head}</head><body><main><h1>A post</h1><p>A paragraph above the comments.</p><${tag} api="/v1" review="bench-200" sort="newest"></${tag}><p>A paragraph below the comments.</p></main></body></html>`;

/**
 * The same page rendered on the server, as a blog that renders its pages (Eleventy, Astro, Next.js,
 * docs/server-rendering.md) serves it: the thread's first page is in the HTML as declarative shadow
 * DOM, and the hydrating bundle (dist/hydrate/) takes it over without asking the API again. Needs
 * `npm run build` (dist/server/render-page.js, dist/hydrate/).
 */
export async function serverRenderedPage(url) {
  const { renderPage } = await import('../dist/server/render-page.js');
  const get = async (path) => (await fetch(`${url}/v1/reviews/bench-200${path}`)).json();
  const [review, comments] = await Promise.all([get(''), get('/comments?sort=newest&limit=20')]);
  const page = firstViewportPage('comment-thread', '<script type="module" src="/hydrate/review-elements.js"></script>');
  const html = await renderPage(page, { review, comments, url: `${url}/` });
  // A probe after the thread: an inline script runs as the parser reaches it, so it sees when the
  // server's comments are in the DOM (the page's first frame can come later: Chromium runs the
  // deferred bundle first when parsing ends before a frame is due).
  return html.replace(
    '<p>A paragraph below',
    `<script>window.__parsed = document.querySelector('comment-thread').shadowRoot?.querySelector('article[part~="comment"]') && performance.now()</script><p>A paragraph below`,
  );
}

/**
 * Opens the server-rendered page (serverRenderedPage) in `page`; resolves with when its first
 * comment was in the DOM (parsed) and when the page was first painted with it (first contentful
 * paint: the thread is in the first viewport and in the first HTML, so they are painted together).
 */
export async function serverRenderedAt(page, url, body) {
  await page.route('**/bench-first-viewport.html', (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${url}/bench-first-viewport.html`, { waitUntil: 'load' });
  const t = await page.waitForFunction(
    () => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return paint && window.__parsed && { parsed: window.__parsed, painted: paint.startTime };
    },
    null,
    { timeout: 20_000, polling: 100 },
  );
  return t.jsonValue();
}

/**
 * Opens the first-viewport page for `tag` (loaded by `head`, or the page `body` as given) in `page`
 * from the server at `url`; resolves with the time from navigation to the thread's first comment in
 * the DOM.
 */
export async function newestCommentAt(page, url, tag, head, body = firstViewportPage(tag, head)) {
  await page.route('**/bench-first-viewport.html', (route) => route.fulfill({ contentType: 'text/html', body }));
  // From the first byte, not the load event: a server-rendered comment is there before the page's
  // scripts have run, and `load` waits for them.
  await page.goto(`${url}/bench-first-viewport.html`, { waitUntil: 'commit' });
  const t = await page.waitForFunction(
    (tag) => {
      const found = document.querySelector(tag)?.shadowRoot?.querySelector('article[part~="comment"]');
      return found && performance.now();
    },
    tag,
    // Every 10 ms, not every frame: a page asking for each frame shifts differently (bench/browser.mjs, `observe`).
    { timeout: 20_000, polling: 10 },
  );
  return t.jsonValue();
}
