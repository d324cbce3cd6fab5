/**
 * Artalk's Artrans (`artalk export`, or Dashboard → Migration → export; a `.artrans` file): a JSON
 * array, one object per comment, every value a string: `id`, `rid` (the comment it replies to,
 * "0" or "" at top level), `content` (markdown), `created_at` ("2021-10-28 20:50:15 +0800"),
 * `is_pending`, `nick`, `email`, `page_key` (the page URL, or a path under `site_urls`),
 * `page_title`, `site_name`. Artrans has no spam or deleted state.
 */
import { toMarkup } from '../markup.js';
import { readText } from '../source-file.js';
import type { ImportedSource, ImportedThread } from '../types.js';

type Artran = Partial<
  Record<
    | 'id'
    | 'rid'
    | 'content'
    | 'created_at'
    | 'date'
    | 'is_pending'
    | 'nick'
    | 'email'
    | 'page_key'
    | 'page_title'
    | 'site_name'
    | 'site_urls',
    string
  >
>;

/** "2021-10-28 20:50:15 +0800" (Go's time format; older exports repeat the zone) as ISO 8601. */
export function artalkDate(value: string): string {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(Z|[+-]\d\d:?\d\d)?/.exec(value.trim());
  if (!m) return value;
  const zone = !m[3] || m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  return `${m[1]}T${m[2]}${zone}`;
}

function pageUrl(a: Artran): string | null {
  const key = a.page_key?.trim();
  if (!key) return null;
  if (/^https?:\/\//i.test(key)) return key;
  const base = a.site_urls
    ?.split(',')
    .map((u) => u.trim())
    .find((u) => /^https?:\/\//i.test(u));
  try {
    return base ? new URL(key, base).href : key;
  } catch {
    return key;
  }
}

export async function read(file: string): Promise<ImportedSource> {
  const list = JSON.parse(readText(file)) as Artran[];
  if (!Array.isArray(list)) throw new Error('not an Artrans file: expected a JSON array');
  const threads = new Map<string, ImportedThread>();
  for (const a of list) {
    const key = `${a.site_name ?? ''}\u0000${a.page_key ?? ''}`;
    let thread = threads.get(key);
    if (!thread)
      threads.set(
        key,
        (thread = { sourceId: a.page_key ?? '', url: pageUrl(a), title: a.page_title?.trim() || null, comments: [] }),
      );
    thread.comments.push({
      sourceId: a.id ?? '',
      parentSourceId: a.rid && a.rid !== '0' ? a.rid : null,
      authorName: a.nick?.trim() || 'Anonymous',
      authorEmail: a.email?.trim() || null,
      body: toMarkup(a.content ?? '', 'markdown'),
      createdAt: artalkDate(a.created_at ?? a.date ?? ''),
      status: a.is_pending === 'true' ? 'pending' : 'published',
    });
  }
  return { format: 'artalk', threads: [...threads.values()] };
}
