/**
 * Links in review documents come from other people's servers. Only these schemes may become an
 * `href` or `src`; anything else (`javascript:`, `data:`, `vbscript:` …) is dropped, not escaped.
 */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

function parse(value: string | undefined, base?: string): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value.trim(), base);
  } catch {
    return undefined;
  }
}

/** An absolute http(s)/mailto URL for a link, or `undefined` when the value is unsafe or invalid. */
export function safeLinkUrl(value: string | undefined, base?: string): string | undefined {
  const url = parse(value, base);
  return url && LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** An absolute http(s) URL for an image, or `undefined`. */
export function safeImageUrl(value: string | undefined, base?: string): string | undefined {
  const url = parse(value, base);
  return url && IMAGE_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** Joins an API base (`https://x/v1` or `/v1/`) and a path (`reviews/a`) without doubling slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Resolves a possibly relative URL against the page, where there is one (browsers), as-is in Node. */
export function absoluteUrl(value: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  return parse(value, base)?.href ?? value;
}
