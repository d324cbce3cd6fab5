/**
 * Remark42's own backup/export (`remark42 backup`, the automatic daily backup, or Admin → export;
 * usually gzipped): JSON lines. The first line is the meta record `{"version":1,"users":[…],
 * "posts":[…]}`, then one store.Comment per line: `id`, `pid` (parent, "" at top level), `text`
 * (rendered, sanitised HTML), `orig` (the markdown typed), `user.name` (HTML-escaped), `locator.url`
 * (the page), `time` (RFC 3339), `delete`, `title`. Remark42 has no spam state.
 */
import { createInterface } from 'node:readline';
import { decodeHTML } from 'entities';
import { toMarkup } from '../markup.js';
import { textStream } from '../source-file.js';
import type { ImportedSource, ImportedThread } from '../types.js';

interface Remark42Comment {
  id?: string;
  pid?: string;
  text?: string;
  user?: { name?: string; id?: string };
  locator?: { site?: string; url?: string };
  time?: string;
  delete?: boolean;
  title?: string;
}

export async function read(file: string): Promise<ImportedSource> {
  const threads = new Map<string, ImportedThread>();
  const skipped: Record<string, number> = {};
  let first = true;
  for await (const line of createInterface({ input: textStream(file), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let record: Remark42Comment & { version?: number };
    try {
      record = JSON.parse(line);
    } catch {
      skipped.unreadable = (skipped.unreadable ?? 0) + 1;
      continue;
    }
    if (first) {
      first = false;
      if (record.version !== undefined && !record.id) {
        if (record.version !== 0 && record.version !== 1)
          throw new Error(`Remark42 backup version ${record.version} is not known`);
        continue;
      }
    }
    const url = record.locator?.url ?? '';
    if (!record.id || !url) {
      skipped.unreadable = (skipped.unreadable ?? 0) + 1;
      continue;
    }
    let thread = threads.get(url);
    if (!thread) threads.set(url, (thread = { sourceId: url, url, title: record.title || null, comments: [] }));
    thread.title ??= record.title || null;
    thread.comments.push({
      sourceId: record.id,
      parentSourceId: record.pid || null,
      authorName: decodeHTML(record.user?.name ?? '').trim() || 'Anonymous',
      authorEmail: null,
      body: toMarkup(record.text ?? '', 'html'),
      createdAt: record.time ?? '',
      status: record.delete ? 'deleted' : 'published',
    });
  }
  return { format: 'remark42', threads: [...threads.values()], skipped };
}
