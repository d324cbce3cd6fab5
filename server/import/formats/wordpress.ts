/**
 * WordPress's WXR export (Tools → Export, "All content" or "Posts"): an RSS document whose
 * `<item>`s are posts with their `<wp:comment>`s. `wp:comment_content` is text in which line
 * breaks are paragraphs (wpautop) and some HTML is allowed; `wp:comment_date_gmt` is UTC.
 * `wp:comment_approved`: 1 approved, 0 pending, spam, trash (and post-trashed). Pingbacks and
 * trackbacks are not readers' comments and are skipped (counted).
 */
import { decodeHTML } from 'entities';
import { toMarkup } from '../markup.js';
import type { ImportedComment, ImportedSource, ImportedThread } from '../types.js';
import { utc, walkXml } from '../xml.js';

const ITEM = 'rss/channel/item';
const COMMENT = `${ITEM}/wp:comment`;

function status(approved: string): ImportedComment['status'] {
  switch (approved.trim()) {
    case '1':
    case 'approve':
      return 'published';
    case 'spam':
      return 'spam';
    case 'trash':
    case 'post-trashed':
      return 'deleted';
    default:
      return 'pending';
  }
}

export async function read(file: string): Promise<ImportedSource> {
  const threads: ImportedThread[] = [];
  const skipped: Record<string, number> = {};
  let item: { fields: Record<string, string>; comments: ImportedComment[] } | undefined;
  let comment: Record<string, string> | undefined;
  await walkXml(file, {
    open(e) {
      if (e.path === ITEM) item = { fields: {}, comments: [] };
      else if (e.path === COMMENT) comment = {};
    },
    close(e) {
      if (e.path === COMMENT && item && comment) {
        const f = comment;
        comment = undefined;
        const type = f['wp:comment_type']?.trim() ?? '';
        if (type && type !== 'comment') {
          skipped[type] = (skipped[type] ?? 0) + 1;
          return;
        }
        const gmt = f['wp:comment_date_gmt']?.trim();
        item.comments.push({
          sourceId: f['wp:comment_id']?.trim() ?? '',
          parentSourceId:
            f['wp:comment_parent'] && f['wp:comment_parent'].trim() !== '0' ? f['wp:comment_parent'].trim() : null,
          // Stored entity-encoded by WordPress's kses filters ("Ana &amp; Jo"); "Anonymous" is
          // what WordPress itself shows for a comment without a name (get_comment_author()).
          authorName: decodeHTML(f['wp:comment_author'] ?? '').trim() || 'Anonymous',
          authorEmail: f['wp:comment_author_email']?.trim() || null,
          body: toMarkup(f['wp:comment_content'] ?? '', 'markdown'),
          // A comment saved without a GMT date has only the site's local time; read as UTC.
          createdAt: utc(gmt && !gmt.startsWith('0000') ? gmt : (f['wp:comment_date'] ?? '')),
          status: status(f['wp:comment_approved'] ?? '1'),
        });
      } else if (comment && e.path.startsWith(`${COMMENT}/`) && !e.path.slice(COMMENT.length + 1).includes('/')) {
        comment[e.name] = e.text;
      } else if (e.path === ITEM && item) {
        const f = item.fields;
        if (item.comments.length) {
          threads.push({
            sourceId: f['wp:post_id']?.trim() ?? f.link ?? '',
            url: f.link?.trim() || null,
            title: f.title?.trim() || null,
            comments: item.comments,
          });
        }
        item = undefined;
      } else if (item && !comment && e.path.startsWith(`${ITEM}/`) && !e.path.slice(ITEM.length + 1).includes('/')) {
        item.fields[e.name] = e.text;
      }
    },
  });
  return { format: 'wordpress', threads, skipped };
}
