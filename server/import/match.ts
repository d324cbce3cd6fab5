/**
 * Which review a source thread belongs to. A thread is matched by its page URL against each
 * review's canonical `url`, both normalised the same way:
 * - the scheme is ignored (http and https are one page), and so is a default port;
 * - the host is lower-cased and a leading `www.` dropped (www.blog.example = blog.example);
 * - query and fragment are dropped (`?utm_source=…`, `#comments`), and so is a trailing slash;
 * - the path keeps its case (servers may tell /Post from /post) and its percent-encoding is made
 *   canonical, so /드라마 and /%EB%93%9C%EB%9D%BC%EB%A7%88 are the same page.
 * Some systems keep only the path (Isso's `uri`, Waline's `url`): such a thread matches the one
 * review whose URL has that path; when several reviews share it, the thread is unmatched.
 * A `--map` file overrides all of this: URL (normalised the same way) or source thread id → review id.
 */
import { readFileSync } from 'node:fs';

export interface PageKey {
  /** `host/path` for a full URL, undefined for a bare path. */
  full?: string;
  path: string;
}

export function pageKey(raw: string): PageKey | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !text.startsWith('//');
  let url: URL;
  try {
    url = new URL(
      bare ? (text.startsWith('/') ? text : `/${text}`) : text.startsWith('//') ? `http:${text}` : text,
      'http://path.invalid',
    );
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (bare) return { path };
  const host = url.hostname.toLowerCase().replace(/^www\./, '') + (url.port ? `:${url.port}` : '');
  return { full: `${host}${path}`, path };
}

export interface ReviewRef {
  id: string;
  url: string;
}

export class ReviewMatcher {
  readonly #byFull = new Map<string, string>();
  readonly #byPath = new Map<string, Set<string>>();
  readonly #mapped = new Map<string, string>();
  readonly #ids = new Set<string>();

  constructor(reviews: ReviewRef[], map: Map<string, string> = new Map()) {
    for (const review of reviews) {
      this.#ids.add(review.id);
      const key = pageKey(review.url);
      if (!key) continue;
      if (key.full) this.#byFull.set(key.full, review.id);
      const same = this.#byPath.get(key.path) ?? new Set();
      same.add(review.id);
      this.#byPath.set(key.path, same);
    }
    for (const [from, to] of map) {
      this.#mapped.set(from.trim(), to);
      const key = pageKey(from);
      if (key) this.#mapped.set(key.full ?? key.path, to);
    }
  }

  /** The review id for a thread, or undefined. Map entries naming a missing review match nothing. */
  match(url: string | null, threadSourceId: string): string | undefined {
    const key = url ? pageKey(url) : undefined;
    const mapped =
      this.#mapped.get(threadSourceId) ??
      (url ? this.#mapped.get(url.trim()) : undefined) ??
      (key && (this.#mapped.get(key.full ?? '') ?? this.#mapped.get(key.path)));
    if (mapped !== undefined) return this.#ids.has(mapped) ? mapped : undefined;
    if (!key) return undefined;
    if (key.full) return this.#byFull.get(key.full);
    const same = this.#byPath.get(key.path);
    return same?.size === 1 ? [...same][0] : undefined;
  }
}

/**
 * A map file: JSON (`{"https://old.blog/post/": "review-id"}`) or CSV (`url,review-id` per line; a
 * header line and `#` comments are skipped; a URL holding a comma must be in double quotes).
 */
export function readMapFile(file: string): Map<string, string> {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const map = new Map<string, string>();
  if (/^\s*\{/.test(text)) {
    const parsed: unknown = JSON.parse(text);
    for (const [from, to] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof to !== 'string') throw new Error(`map: the value for ${from} is not a review id`);
      map.set(from, to);
    }
    return map;
  }
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = /^\s*(?:"((?:[^"]|"")*)"|([^,]*)),\s*(?:"((?:[^"]|"")*)"|(.*?))\s*$/.exec(line);
    if (!match) throw new Error(`map line ${i + 1}: expected url,review-id`);
    const from = (match[1]?.replace(/""/g, '"') ?? match[2]).trim();
    const to = (match[3]?.replace(/""/g, '"') ?? match[4]).trim();
    if (i === 0 && /^(url|from|source)$/i.test(from)) continue;
    map.set(from, to);
  }
  return map;
}
