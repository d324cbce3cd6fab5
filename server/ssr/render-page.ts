/**
 * Server rendering of a page that holds review elements, with @lit-labs/ssr: each element of ours
 * is rendered into declarative shadow DOM with its data (the review, and the first page of
 * comments), and gets that data again as a `<script type="application/json">` child, so the
 * client hydrates the very same content without asking the API. The card's JSON-LD goes in the
 * light DOM too, where crawlers that run no script read it.
 *
 * Loaded on demand (server/app.ts imports it when the article is asked for): it registers the
 * elements in lit's server DOM shim, which the API itself never needs.
 */
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CommentPage, Review } from '../../src/api/types.js';
import { jsonLdHtml, scriptSafeJson } from '../../src/elements/review-card/structured-data.js';
import { setServerBaseUrl } from '../../src/shared/base-url.js';
import '../../src/index.js';

export interface PageData {
  review: Review;
  /** The first page of comments, as `GET …/comments` answers it. */
  comments: CommentPage;
  /** The page's URL: relative URLs in the data resolve against it, as in the browser. */
  url: string;
}

/** The elements that take the page's review (`data`); the thread takes its comments too. */
const DATA_TAGS = ['review-source', 'review-card', 'content-warning', 'cast-list', 'comment-count', 'comment-thread'];

/** A script child the element reads on the client: JSON escaped so nothing in it can close the script. */
const jsonScript = (value: unknown) => `<script type="application/json">${scriptSafeJson(value)}</script>`;

/**
 * Puts the data into the markup, right after each element's opening tag (the page is our own HTML,
 * so a tag is found by its name). The JSON is escaped for a script element (`<` as \u003c) and
 * built by JSON.stringify: no text of a review or comment can become markup.
 */
function withScripts(markup: string, data: PageData): string {
  return markup.replace(new RegExp(`<(${DATA_TAGS.join('|')})(\\s[^>]*)?>`, 'g'), (open: string, tag: string) => {
    if (tag === 'comment-thread') return `${open}${jsonScript(data.comments)}`;
    if (tag === 'review-card') return `${open}${jsonScript(data.review)}${jsonLdHtml(data.review)}`;
    return `${open}${jsonScript(data.review)}`;
  });
}

/**
 * Gives each element its data on the server, where it has neither light DOM to read its script
 * from nor a `<review-source>` to ask (context needs events, which server rendering has not).
 */
function rendererFor(data: PageData) {
  return class DataElementRenderer extends LitElementRenderer {
    override connectedCallback(): void {
      if (DATA_TAGS.includes(this.tagName)) {
        const element = this.element as unknown as { data?: Review; comments?: CommentPage };
        element.data = data.review;
        if (this.tagName === 'comment-thread') element.comments = data.comments;
      }
      super.connectedCallback();
    }
  };
}

/**
 * Renders the `<main>` of a page (the part with the elements) and leaves the rest as it is. The
 * markup is our own page, rendered through unsafeHTML because that is how @lit-labs/ssr renders
 * custom elements found in a string of HTML; what comes from readers is only ever in the data.
 */
export async function renderPage(page: string, data: PageData): Promise<string> {
  const start = page.indexOf('<main>');
  const end = page.indexOf('</main>');
  if (start < 0 || end < 0) return page;
  setServerBaseUrl(data.url);
  const main = withScripts(page.slice(start, end + '</main>'.length), data);
  const rendered = await collectResult(render(html`${unsafeHTML(main)}`, { elementRenderers: [rendererFor(data)] }));
  return `${page.slice(0, start)}${rendered}${page.slice(end + '</main>'.length)}`;
}
