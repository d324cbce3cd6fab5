import type { ReviewInput } from '../src/api/types.js';

/** A control character (U+0000–U+001F) anywhere: such a URL is left as sent, never resolved. */
const hasControl = (url: string) => [...url].some((ch) => ch.charCodeAt(0) < 0x20);

/**
 * Relative image URLs in a review sent to the API, with `?images=article` on PUT or PATCH. By
 * default a document is stored exactly as sent, and the client resolves a relative URL against the
 * document it came in, which through the API is `/v1/reviews/{id}` (root-relative `/v1/uploads/…`
 * and `/data/…` work so). `images/poster.jpg`, written for a static file beside the article, would
 * then point into the API; `?images=article` fixes such a document as it is stored:
 * - a root-relative URL (`/v1/uploads/…`, `/data/…`) is kept: it names a file on this server, and
 *   the client resolves it against the API's origin, which is this server's;
 * - a path-relative URL (`images/poster.jpg`, `../x.png`) is resolved against the review's
 *   canonical `url` (the article it was written beside), when that is an absolute http(s) URL;
 *   otherwise it is made root-relative to this server.
 * Absolute URLs and anything else (a scheme, leading spaces) are left as sent, for the client to vet.
 */
export function resolveImageUrls<T extends ReviewInput>(doc: T): T {
  let base: string;
  try {
    base = /^https?:$/.test(new URL(doc.url).protocol) ? doc.url : 'http://server.invalid/';
  } catch {
    base = 'http://server.invalid/';
  }
  const fix = (url: string | undefined): string | undefined => {
    // Only a plain path is resolved: text with a scheme, spaces or controls stays exactly as sent.
    if (!url || url.startsWith('/') || /^[a-z][a-z\d+.-]*:/i.test(url) || /[\s\\]/.test(url) || hasControl(url))
      return url;
    try {
      const resolved = new URL(url, base);
      return resolved.host === 'server.invalid' ? `${resolved.pathname}${resolved.search}` : resolved.href;
    } catch {
      return url;
    }
  };
  return {
    ...doc,
    work: { ...doc.work, poster: doc.work.poster && { ...doc.work.poster, url: fix(doc.work.poster.url)! } },
    cast: doc.cast?.map((c) => ({ ...c, photo: fix(c.photo) })),
    credits: doc.credits?.map((c) => ({ ...c, avatar: fix(c.avatar) })),
  };
}
