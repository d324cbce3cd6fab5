/**
 * The demo article (`/`, demo/index.html) served rendered on the server: the review, its warning,
 * cast and first comments are in the HTML (declarative shadow DOM), readable with JavaScript off
 * and by crawlers, with the card's JSON-LD; the page then loads the bundle that hydrates them
 * (lit-element-hydrate-support first) with the same data, so nothing is asked twice.
 */
import type { MiddlewareHandler } from 'hono';
import { readFile } from 'node:fs/promises';
import type { CommentPage, Review } from '../../src/api/types.js';
import type { ReviewStore } from '../store/store.js';

/** The review the article is about (demo/index.html names it on its `<review-source>`). */
const ARTICLE_REVIEW = 'ballerina';
/** What `<comment-thread>` asks first: its default sort and page size. */
const FIRST_PAGE = { sort: 'oldest', limit: 20, cursor: undefined } as const;
const RENDERER: string = './render-page.js';
/** What render-page.ts exports, said here so this file's types do not pull the elements in. */
interface Renderer {
  renderPage(page: string, data: { review: Review; comments: CommentPage; url: string }): Promise<string>;
}

export function articleRoute(store: ReviewStore, root: string): MiddlewareHandler {
  return async (c, next) => {
    const [stored, comments] = await Promise.all([
      store.getReview(ARTICLE_REVIEW),
      store.listComments(ARTICLE_REVIEW, FIRST_PAGE),
    ]);
    // Without the review (an empty database) the static page does what it always did.
    if (!stored || !comments) return next();
    const page = await readFile(`${root}demo/index.html`, 'utf8');
    // Loaded on first use: it registers the elements in lit's server DOM shim, which the API
    // alone never needs. A separate module (its own esbuild entry, its own tsconfig with the DOM
    // types the elements need), hence the specifier in a variable.
    const { renderPage } = (await import(RENDERER)) as Renderer;
    const html = await renderPage(page.replace('src="/review-elements.js"', 'src="/hydrate/review-elements.js"'), {
      review: stored.review,
      comments,
      url: new URL('/', c.req.url).href,
    });
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
}
