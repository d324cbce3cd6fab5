/**
 * The URL that relative URLs in data resolve against: the page's `document.baseURI` in a browser.
 * A server render (@lit-labs/ssr) has no document: the renderer says which page it renders with
 * `setServerBaseUrl`, so the server resolves links and images exactly as the browser will, and the
 * hydrated content is the same.
 */
let serverBase = 'http://localhost/';

export function setServerBaseUrl(url: string): void {
  serverBase = url;
}

export function baseUrl(): string {
  return typeof document === 'undefined' ? serverBase : document.baseURI;
}
