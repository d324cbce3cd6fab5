/**
 * Isso's database (the SQLite file named by `dbpath` in isso.cfg; Isso has no export command, the
 * file is the backup). Tables as isso/db/threads.py and isso/db/comments.py create them:
 * `threads (id, uri, title)` and `comments (tid, id, parent, created, modified, mode, remote_addr,
 * text, author, email, website, likes, dislikes, voters, notification)`. `created` is Unix
 * seconds (a float), `text` is the markdown typed, `mode` is 1 accepted, 2 pending, 4 deleted
 * (kept because it has replies). `uri` is the page's path, so threads match by path.
 */
import Database from 'better-sqlite3';
import { toMarkup } from '../markup.js';
import type { ImportedComment, ImportedSource, ImportedThread } from '../types.js';

interface Row {
  tid: number;
  id: number;
  parent: number | null;
  created: number;
  mode: number | null;
  text: string | null;
  author: string | null;
  email: string | null;
}

const status = (mode: number | null): ImportedComment['status'] =>
  mode === 4 ? 'deleted' : mode === 2 ? 'pending' : 'published';

export async function read(file: string): Promise<ImportedSource> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const threads = new Map<number, ImportedThread>();
    for (const t of db.prepare('SELECT id, uri, title FROM threads ORDER BY id').all() as {
      id: number;
      uri: string;
      title: string | null;
    }[]) {
      threads.set(t.id, { sourceId: String(t.id), url: t.uri, title: t.title, comments: [] });
    }
    const rows = db
      .prepare('SELECT tid, id, parent, created, mode, text, author, email FROM comments ORDER BY id')
      .all() as Row[];
    const skipped: Record<string, number> = {};
    for (const r of rows) {
      const thread = threads.get(r.tid);
      if (!thread) {
        skipped['no-thread'] = (skipped['no-thread'] ?? 0) + 1;
        continue;
      }
      thread.comments.push({
        sourceId: String(r.id),
        parentSourceId: r.parent === null ? null : String(r.parent),
        // Isso's own word for a comment without a name.
        authorName: r.author?.trim() || 'Anonymous',
        authorEmail: r.email?.trim() || null,
        body: toMarkup(r.text ?? '', 'markdown'),
        createdAt: new Date(r.created * 1000).toISOString(),
        status: status(r.mode),
      });
    }
    return { format: 'isso', threads: [...threads.values()].filter((t) => t.comments.length), skipped };
  } finally {
    db.close();
  }
}
