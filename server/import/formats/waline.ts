/**
 * Waline's export (Admin → Migration → Export; the server's GET /api/db): `{"type":"waline",
 * "version":1,"time":…,"tables":["Comment","Counter","Users"],"data":{"Comment":[…]}}`, possibly
 * still wrapped in the API's `{"errno":0,"data":…}`. A comment: `objectId`, `pid` (parent), `rid`
 * (thread root), `url` (the page's path), `nick`, `mail`, `comment` (markdown, some HTML),
 * `status` approved|waiting|spam, `insertedAt` (when it was written; `createdAt` is when the row
 * was, which an earlier migration may have reset).
 */
import { toMarkup } from '../markup.js';
import { readText } from '../source-file.js';
import type { ImportedComment, ImportedSource, ImportedThread } from '../types.js';
import { utc } from '../xml.js';

type WalineDate = string | number | { iso?: string } | null | undefined;
interface WalineComment {
  objectId?: string | number;
  pid?: string | number | null;
  url?: string;
  nick?: string;
  mail?: string;
  comment?: string;
  status?: string;
  insertedAt?: WalineDate;
  createdAt?: WalineDate;
}

/** LeanCloud gives `{__type:"Date", iso}`, SQL storages an ISO or `YYYY-MM-DD HH:mm:ss` (UTC) string. */
function date(value: WalineDate): string {
  if (typeof value === 'number') return new Date(value).toISOString();
  if (value && typeof value === 'object') return value.iso ?? '';
  return value ? utc(value) : '';
}

const statusOf = (s: string | undefined): ImportedComment['status'] =>
  s === 'spam' ? 'spam' : s === 'waiting' ? 'pending' : 'published';
const id = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : String(v));

export async function read(file: string): Promise<ImportedSource> {
  let parsed = JSON.parse(readText(file)) as { data?: unknown; errno?: number };
  if (parsed.errno !== undefined && parsed.data) parsed = parsed.data as typeof parsed;
  const comments = (parsed.data as { Comment?: WalineComment[] } | undefined)?.Comment;
  if (!Array.isArray(comments)) throw new Error('not a Waline export: no data.Comment list');
  const threads = new Map<string, ImportedThread>();
  for (const c of comments) {
    const url = c.url ?? '';
    let thread = threads.get(url);
    if (!thread) threads.set(url, (thread = { sourceId: url, url: url || null, title: null, comments: [] }));
    thread.comments.push({
      sourceId: String(c.objectId ?? ''),
      parentSourceId: id(c.pid),
      authorName: c.nick?.trim() || 'Anonymous',
      authorEmail: c.mail?.trim() || null,
      body: toMarkup(c.comment ?? '', 'markdown'),
      createdAt: date(c.insertedAt ?? c.createdAt),
      status: statusOf(c.status),
    });
  }
  return { format: 'waline', threads: [...threads.values()] };
}
