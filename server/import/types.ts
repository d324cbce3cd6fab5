/**
 * The neutral shape every import format is read into (Disqus, WordPress, Remark42, Waline, Artalk,
 * Isso, and our own export), so matching threads to reviews, keeping parents, skipping spam and
 * remembering source ids are written once, not once per format.
 */
export type ImportedStatus = 'published' | 'pending' | 'spam' | 'deleted';

export interface ImportedComment {
  /** The comment's id in the source system; remembered so a re-run imports nothing twice. */
  sourceId: string;
  /** The parent's source id, or null for a top-level comment (a missing parent is reported). */
  parentSourceId: string | null;
  /** Display name; anonymous authors get the format's own word for them or "Anonymous". */
  authorName: string;
  /** Plain address as found; stored only as `emailHash()` (server/email-hash.ts), never in clear. */
  authorEmail: string | null;
  /** Already converted to our markdown subset: never HTML. */
  body: string;
  /** ISO 8601 in UTC. */
  createdAt: string;
  status: ImportedStatus;
}

export interface ImportedThread {
  /** The thread's id in the source system (Disqus thread id, WordPress post id, page key…). */
  sourceId: string;
  /** The page the thread belonged to, as the source wrote it (matched after normalising). */
  url: string | null;
  title: string | null;
  comments: ImportedComment[];
}

export interface ImportedSource {
  /** `disqus`, `wordpress`, `remark42`, `waline`, `artalk`, `isso`, `review-elements`. */
  format: string;
  threads: ImportedThread[];
  /** Posts the reader left out before the shared writer saw them, by reason (e.g. `pingback`). */
  skipped?: Record<string, number>;
}
