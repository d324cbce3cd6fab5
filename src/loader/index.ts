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
  /** Every chunk, relative to this file. */
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
  /** Imports a tag's chunk now (resolves when it is defined; rejects if the chunk failed to load). */
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
/** Source first, so it answers the elements inside it as they appear (they would otherwise load on their own). */
const SOURCE = 'review-source';

// In Node (a server rendering a page that imports this file) there is no page to look at; a second
// copy of the loader (another URL, another version) leaves the page to the first.
if (typeof document !== 'undefined' && typeof customElements !== 'undefined' && !window.reviewElements) start();

function start(): void {
  const url = (i: number) => new URL(manifest.files[i], import.meta.url).href;
  const preloaded = new Set<number>();
  const loads = new Map<string, Promise<void>>();
  const catalogues = new Set<string>();
  // Element code runs after the catalogues known so far (and the source) have: their bytes are
  // already on the way, so this orders evaluation, not requests.
  let gate: Promise<unknown> = Promise.resolve();

  /** Starts the download of chunks without running them (modulepreload shares the module map with import()). */
  const preload = (files: number[]) => {
    for (const i of files) {
      if (preloaded.has(i)) continue;
      preloaded.add(i);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = url(i);
      (document.head ?? document.documentElement).append(link);
    }
  };

  const wanted = (lang: string | null) => {
    const id = lang && catalogueFor(lang);
    const files = id && manifest.catalogues[id];
    if (!files || catalogues.has(id)) return;
    catalogues.add(id);
    preload(files);
    // A catalogue that fails to load leaves English, never an element that does not appear.
    const arrived = import(/* @vite-ignore */ url(files[0])).catch(() => undefined);
    gate = Promise.all([gate, arrived]);
  };

  const load = (tag: string): Promise<void> => {
    let promise = loads.get(tag);
    if (promise) return promise;
    const files = manifest.tags[tag];
    if (!files) return Promise.reject(new Error(`review-elements: no element <${tag}>`));
    preload(files);
    promise = gate.then(() => import(/* @vite-ignore */ url(files[0]))).then(
      () => undefined,
      (error: unknown) => {
        // Forgotten, so the next sight of the tag (or load()) tries again; the page keeps working.
        loads.delete(tag);
        console.warn(`review-elements: could not load <${tag}>.`, error);
        throw error;
      },
    );
    loads.set(tag, promise);
    if (tag === SOURCE) gate = Promise.all([gate, promise.catch(() => undefined)]);
    return promise;
  };

  const nearby =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              nearby!.unobserve(entry.target);
              void load(entry.target.localName).catch(() => undefined);
            }
          },
          // Within a viewport of being seen: the chunk has time to arrive before the reader scrolls to
          // it. The page's own viewport (`root: document`), also when the page is in a frame.
          { root: document, rootMargin: '100% 0px' },
        )
      : undefined;

  const found = (el: Element) => {
    const tag = el.localName;
    if (customElements.get(tag) || loads.has(tag)) return;
    const lazy = manifest.lazy[tag];
    if (lazy && el.hasAttribute(lazy[0])) preload(lazy[1]);
    if (tag === 'comment-thread' && nearby && el.getAttribute('loading') !== 'eager') nearby.observe(el);
    else void load(tag).catch(() => undefined);
  };

  const scan = (root: ParentNode) => {
    for (const el of root.querySelectorAll('[lang]')) wanted(el.getAttribute('lang'));
    const els = [...root.querySelectorAll(SELECTOR)];
    if (root instanceof Element && TAGS.includes(root.localName)) els.unshift(root);
    // The source's chunk first, so the elements inside it find it when they run.
    for (const el of els) if (el.localName === SOURCE) found(el);
    for (const el of els) found(el);
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

  window.reviewElements = Object.freeze({ version: VERSION, observe, load });
  wanted(document.documentElement.lang || navigator.language);
  observe(document);
}
