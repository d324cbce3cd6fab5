import type { Comment } from '../../src/api/types.js';
import { randomToken, utf8Length } from '../web-crypto.js';
import type { CommentRecord } from './store.js';

/** A page's comments take at most this many bytes of JSON, so every page is under 256 KB. */
export const PAGE_BUDGET_BYTES = 240 * 1024;
/** Replies shown under one top-level comment in a page; the rest are fetched with `?parent=`. */
export const REPLIES_PER_COMMENT = 50;

/** One comment of a subtree, as the walk of the thread index finds it (no text). */
export interface SubtreeNode {
  id: string;
  parentId: string;
  seq: number;
  status: string;
}

/**
 * Bytes a comment takes on the wire, from above: its text as JSON-escaped UTF-8 plus a generous
 * allowance for the fixed fields (ids, dates, keys, a replies cursor).
 */
export function wireBytes(r: { authorName: string; body: string }): number {
  return utf8Length(JSON.stringify(r.body)) + utf8Length(JSON.stringify(r.authorName)) + 320;
}

/** A new comment's id: 72 random bits. */
export const newCommentId = () => `c_${randomToken(9)}`;

/** The public face of a comment: never the email or the token hash; deleted ones keep no text. */
export function publicComment(
  r: CommentRecord,
  replies: Comment[] = [],
  replyCount = 0,
  repliesCursor?: string | null,
): Comment {
  const deleted = r.status === 'deleted';
  const comment: Comment = {
    id: r.id,
    parentId: r.parentId,
    author: { name: deleted ? '' : r.authorName },
    body: deleted ? '' : r.body,
    spoiler: r.spoiler,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    status: r.status === 'rejected' ? 'deleted' : r.status,
    replies,
    replyCount,
  };
  if (repliesCursor) comment.repliesCursor = repliesCursor;
  return comment;
}

/**
 * A comment with the part of its subtree that fits: `included` (a prefix of the subtree by seq,
 * so every included reply's parent is included too) becomes the nested `replies`; a comment with
 * replies left out gets a `repliesCursor` for `?parent=<its id>&cursor=…`. `replyCount` counts the
 * published replies of the whole subtree, shown or not.
 */
export function buildTree(
  top: CommentRecord & { seq: number },
  subtree: SubtreeNode[],
  included: Map<string, CommentRecord & { seq: number }>,
  cursorAfter: (seq: number) => string,
): Comment | undefined {
  const children = new Map<string, SubtreeNode[]>();
  for (const node of subtree) {
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const build = (
    record: CommentRecord & { seq: number },
  ): { comment: Comment; published: number; more: boolean } | undefined => {
    const kids = (children.get(record.id) ?? []).sort((a, b) => a.seq - b.seq);
    const built: Comment[] = [];
    let published = 0;
    let lastShown: number | undefined;
    let more = false;
    for (const kid of kids) {
      const row = included.get(kid.id);
      if (!row) {
        more = true;
        published += countPublished(kid, children);
        continue;
      }
      const b = build(row);
      if (b) {
        built.push(b.comment);
        published += b.published + (b.comment.status === 'published' ? 1 : 0);
        more ||= b.more;
      }
      lastShown = kid.seq;
    }
    const left = kids.some((k) => !included.has(k.id));
    // A deleted comment stays only as the "[deleted]" holder of replies that still show.
    if (record.status === 'deleted' && published === 0) return undefined;
    const cursor = left ? cursorAfter(lastShown ?? record.seq) : null;
    return { comment: publicComment(record, built, published, cursor), published, more };
  };
  return build(top)?.comment;
}

function countPublished(node: SubtreeNode, children: Map<string, SubtreeNode[]>): number {
  let n = node.status === 'published' ? 1 : 0;
  for (const kid of children.get(node.id) ?? []) n += countPublished(kid, children);
  return n;
}
