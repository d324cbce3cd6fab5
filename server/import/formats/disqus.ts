/**
 * Disqus's XML export (Admin → Moderation → Export; mailed as a .xml.gz): `<thread dsq:id>`
 * elements (link, title, identifier) and then `<post dsq:id>` elements, each pointing at its
 * thread and parent by `dsq:id`. `message` is HTML; `createdAt` is UTC.
 */
import { toMarkup } from '../markup.js';
import type { ImportedComment, ImportedSource, ImportedThread } from '../types.js';
import { utc, walkXml } from '../xml.js';

interface Post {
  id: string;
  thread?: string;
  parent?: string;
  fields: Record<string, string>;
}

export async function read(file: string): Promise<ImportedSource> {
  const threads = new Map<string, ImportedThread>();
  const posts: Post[] = [];
  let thread: { id: string; fields: Record<string, string> } | undefined;
  let post: Post | undefined;
  await walkXml(file, {
    open(e) {
      const id = e.attributes['dsq:id'] ?? '';
      if (e.path === 'disqus/thread') thread = { id, fields: {} };
      else if (e.path === 'disqus/post') post = { id, fields: {} };
      else if (post && e.path === 'disqus/post/thread') post.thread = id;
      else if (post && e.path === 'disqus/post/parent') post.parent = id;
    },
    close(e) {
      if (e.path === 'disqus/thread' && thread) {
        const f = thread.fields;
        threads.set(thread.id, {
          sourceId: thread.id,
          url: f.link?.trim() || null,
          title: f.title?.trim() || null,
          comments: [],
        });
        thread = undefined;
      } else if (e.path === 'disqus/post' && post) {
        posts.push(post);
        post = undefined;
      } else if (thread && e.path.startsWith('disqus/thread/'))
        thread.fields[e.path.slice('disqus/thread/'.length)] = e.text;
      else if (post && e.path.startsWith('disqus/post/')) post.fields[e.path.slice('disqus/post/'.length)] = e.text;
    },
  });
  const skipped: Record<string, number> = {};
  for (const p of posts) {
    const target = p.thread && threads.get(p.thread);
    if (!target) {
      skipped['no-thread'] = (skipped['no-thread'] ?? 0) + 1;
      continue;
    }
    const f = p.fields;
    const yes = (v: string | undefined) => v?.trim() === 'true';
    const comment: ImportedComment = {
      sourceId: p.id,
      parentSourceId: p.parent || null,
      // Disqus calls a guest without a name "Guest".
      authorName: f['author/name']?.trim() || f['author/username']?.trim() || 'Guest',
      authorEmail: f['author/email']?.trim() || null,
      body: toMarkup(f.message ?? '', 'html'),
      createdAt: utc(f.createdAt ?? ''),
      status: yes(f.isSpam) ? 'spam' : yes(f.isDeleted) ? 'deleted' : 'published',
    };
    target.comments.push(comment);
  }
  return { format: 'disqus', threads: [...threads.values()].filter((t) => t.comments.length), skipped };
}
