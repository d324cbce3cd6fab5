/**
 * The CDN entry, dist/review-elements.js: a small script that defines nothing itself. It finds our
 * tags on the page (and in shadow roots it is told about), and imports each element's chunk from
 * beside itself the first time its tag appears. Shoelace's autoloader is the model; this one also
 * - fetches every file an element needs in one round: the build writes, for each tag, its chunk and
 *   the shared chunks it imports statically, and all of them are preloaded together (a plain
 *   `import()` would discover the shared chunks only after the element's chunk arrived);
 * - chooses the language catalogues from the `lang`s on the page before the first render, and
 *   fetches them in parallel with the elements, whose code runs once they are registered: a Korean
 *   reader sees Korean in the first frame, so nothing shifts when English is replaced;
 * - fetches `<comment-thread>` (the largest) only when it comes within a viewport of being seen,
 *   unless it says `loading="eager"`.
 * `review-elements.all.js` is everything in one file, for a page that wants exactly one request.
 *
 * Hand-written because the autoloaders we looked at (Shoelace's, and those of its successors) map a
 * tag to one file: they cannot preload an element's shared chunks or its language with it.
 */
import { catalogueFor } from '../shared/i18n/index.js';
import { VERSION } from '../shared/version.js';

/** Written by the build (vite.config.ts, `cdnManifest`): paths relative to this file. */
interface CdnManifest {
  /** Every chunk, relative to cdn/ beside this file (dist/cdn/manifest.json has them relative to this file). */
  files: string[];
  /** Tag → its chunk first, then every chunk that chunk imports statically (indexes into `files`). */
  tags: Record<string, number[]>;
  /** Tag → chunks it imports lazily for one attribute, e.g. content-warning's `from-review`. */
  lazy: Record<string, [attribute: string, files: number[]]>;
  /** Catalogue id (as `catalogueFor` answers) → the chunk that registers it, and its imports. */
  catalogues: Record<string, number[]>;
}
declare const __CDN_MANIFEST__: CdnManifest;

/** What a page can call: `window.reviewElements.observe(shadowRoot)` for tags inside a shadow root. */
export interface ReviewElementsLoader {
  readonly version: string;
  /** Looks for our tags in `root` now and whenever nodes are added to it. */
  observe(root: Document | ShadowRoot | Element): void;
  /** Imports a tag's chunk now (resolves when it is defined; rejects if the chunk failed to load, or with a TypeError for a tag that is not ours). */
  load(tag: string): Promise<void>;
}

declare global {
  interface Window {
    reviewElements?: ReviewElementsLoader;
  }
}

const manifest = __CDN_MANIFEST__;
const TAGS = Object.keys(manifest.tags);
const SELECTOR = TAGS.join(',');
/** Imported first, so it answers the elements inside it as they appear (they would otherwise load on their own). */
const SOURCE = 'review-source';

// In Node (a server rendering a page that imports this file) there is no page to look at; a second
// copy of the loader (another URL, another version) leaves the page to the first.
if (typeof document !== 'undefined' && typeof customElements !== 'undefined' && !window.reviewElements) start();

function start(): void {
  const url = (i: number) => new URL(`cdn/${manifest.files[i]}`, import.meta.url).href;
  const loads = new Map<string, Promise<void>>();
  const catalogues = new Set<string>();
  // Element code runs after the catalogues known so far: their bytes are on the way with the
  // elements', so this orders evaluation, not requests.
  let gate: Promise<unknown> = Promise.resolve();

  // A browser without modulepreload (Safari before 17) ignores the links: it fetches each element's
  // shared chunks when the element's chunk arrives, as a plain import() would.
  const canPreload = document.createElement('link').relList?.supports?.('modulepreload') ?? false;
  const fetched = new Map<number, Promise<unknown>>();
  /** A `<link>` in the head, where a page's own hints go. */
  const hint = (props: Partial<HTMLLinkElement>) =>
    (document.head ?? document.documentElement).appendChild(Object.assign(document.createElement('link'), props));
  /** Starts the download of chunks without running them (modulepreload fills the module map import() reads); resolves once they have arrived or failed. */
  const preload = (files: number[]) =>
    Promise.all(
      files.map((i) => {
        let arrived = fetched.get(i);
        if (!arrived) {
          arrived = canPreload
            ? new Promise((done) => hint({ rel: 'modulepreload', href: url(i), onload: done, onerror: done }))
            : Promise.resolve();
          fetched.set(i, arrived);
        }
        return arrived;
      }),
    );

  const wanted = (lang: string | null) => {
    const id = lang && catalogueFor(lang);
    const files = id && manifest.catalogues[id];
    if (!files || catalogues.has(id)) return;
    catalogues.add(id);
    void preload(files);
    // A catalogue that fails to load leaves English, never an element that does not appear.
    gate = Promise.all([gate, import(/* @vite-ignore */ url(files[0])).catch(() => undefined)]);
  };

  /**
   * Tags found together are defined together: once every file of theirs has arrived, all are
   * imported in one go, so the page changes once rather than once per chunk (which is what shifts
   * layout). The source first, so the elements inside it find it when they run.
   */
  const loadAll = (tags: string[]) => {
    const fresh = [...new Set(tags)].filter((tag) => manifest.tags[tag] && !loads.has(tag) && !customElements.get(tag));
    if (!fresh.length) return;
    fresh.sort((a, b) => Number(b === SOURCE) - Number(a === SOURCE));
    const ready = Promise.all([gate, ...fresh.map((tag) => preload(manifest.tags[tag]))]);
    // Every element formats with Intl, whose first use loads ICU's data (40 ms and more in
    // Chromium): that happens here, while the files are on their way, not once they have come.
    setTimeout(() => new Intl.NumberFormat());
    for (const tag of fresh) {
      const promise = ready
        .then(() => import(/* @vite-ignore */ url(manifest.tags[tag][0])))
        .then(
          () => undefined,
          (error: unknown) => {
            // Forgotten, so the next sight of the tag (or load()) tries again; the page keeps working.
            loads.delete(tag);
            console.warn(`review-elements: could not load <${tag}>.`, error);
            throw error;
          },
        );
      promise.catch(() => undefined);
      loads.set(tag, promise);
    }
  };
  const load = (tag: string): Promise<void> => {
    if (!manifest.tags[tag]) return Promise.reject(new TypeError(tag));
    loadAll([tag]);
    return loads.get(tag) ?? Promise.resolve();
  };

  /**
   * A thread's first comments page, asked for with its chunks rather than after them: once defined,
   * the thread asks for the same URL (its defaults, as ReviewClient.getComments spells it) with the
   * same mode and credentials, and the browser answers it from this preload. Not for a thread given
   * its page (a child) or its API by a `<review-source>`, nor for odd attributes (an empty sort, a
   * page size of 0), which the thread would spell otherwise: a preload it did not use costs a request.
   */
  const prefetch = (el: Element) => {
    const api = el.getAttribute('api');
    const id = el.getAttribute('review');
    const sort = el.getAttribute('sort') ?? 'oldest';
    const limit = +(el.getAttribute('page-size') ?? 20);
    if (!api || !id || !sort || !limit || el.childElementCount) return;
    // The browser keeps the answer for the thread's request: the link can go.
    const gone = () => link.remove();
    const link = hint({
      rel: 'preload',
      as: 'fetch',
      crossOrigin: '',
      href: new URL(
        `${api.replace(/\/+$/, '')}/reviews/${encodeURIComponent(id)}/comments?sort=${sort}&limit=${limit}`,
        location.href,
      ).href,
      onload: gone,
      onerror: gone,
    });
  };

  // Every browser that runs the elements' ES2022 has IntersectionObserver (2019 everywhere).
  const nearby = new IntersectionObserver(
    (entries) => {
      const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
      near.forEach((el) => {
        nearby.unobserve(el);
        prefetch(el);
      });
      loadAll(near.map((el) => el.localName));
    },
    // Within a viewport of being seen: the chunk has time to arrive before the reader scrolls to
    // it. The page's own viewport (`root: document`), also when the page is in a frame.
    { root: document, rootMargin: '100% 0px' },
  );

  const scan = (root: ParentNode) => {
    for (const el of root.querySelectorAll('[lang]')) wanted(el.getAttribute('lang'));
    const els = [...root.querySelectorAll(SELECTOR)];
    if (root instanceof Element && TAGS.includes(root.localName)) els.unshift(root);
    const now: string[] = [];
    for (const el of els) {
      const tag = el.localName;
      if (customElements.get(tag) || loads.has(tag)) continue;
      const lazy = manifest.lazy[tag];
      if (lazy && el.hasAttribute(lazy[0])) void preload(lazy[1]);
      // `nearby` reports a frame after it starts watching: a thread it would report at once (one
      // displayed, above the bottom of the next viewport) loads now, and one above the viewport
      // too. Not displayed, it has no box: `undefined < n` is false, and `nearby` waits for it.
      if (
        tag === 'comment-thread' &&
        el.getAttribute('loading') !== 'eager' &&
        !((el.getClientRects()[0]?.top as number) < 2 * innerHeight)
      )
        nearby.observe(el);
      else {
        if (tag === 'comment-thread') prefetch(el);
        now.push(tag);
      }
    }
    loadAll(now);
  };

  const watcher = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  const observed = new WeakSet<Node>();
  const observe = (root: Document | ShadowRoot | Element) => {
    if (observed.has(root)) return;
    observed.add(root);
    if (root instanceof Element) wanted(root.closest('[lang]')?.getAttribute('lang') ?? null);
    scan(root);
    watcher.observe(root, { childList: true, subtree: true });
  };

  window.reviewElements = { version: VERSION, observe, load };
  wanted(document.documentElement.lang || navigator.language);
  observe(document);
}
