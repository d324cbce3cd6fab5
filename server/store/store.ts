import type { Comment, Page, Review, ReviewInput, ReviewSummary } from '../../src/api/types.js';
import type { DeskStore } from './desk.js';

/** Every status a comment can have in storage; `rejected` is never shown publicly. */
export type StoredStatus = 'published' | 'pending' | 'deleted' | 'rejected';
export type CommentSort = 'oldest' | 'newest' | 'top';

export interface StoredReview {
  review: Review;
  /** The document as sent on the wire, serialised once. */
  json: string;
  /** Changes whenever the document or its comment count changes. */
  etag: string;
  /** Drafts are seen only through admin routes (#14). */
  state?: 'draft' | 'published';
}

export interface NewComment {
  reviewId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  /** emailHash() of authorEmail, kept apart so bans and imports match it without the address. */
  authorEmailHash?: string | null;
  body: string;
  spoiler: boolean;
  status: 'published' | 'pending' | 'rejected';
  editTokenHash: string;
  createdAt: string;
  /** Marked as spam (a banned poster's comment is stored rejected and spam). */
  spam?: boolean;
  /** The poster's address, kept for network bans; wiped when the comment is deleted. */
  clientIp?: string | null;
}

export interface CommentRecord {
  id: string;
  reviewId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  authorName: string;
  authorEmail: string | null;
  body: string;
  spoiler: boolean;
  status: StoredStatus;
  createdAt: string;
  editedAt: string | null;
  editTokenHash: string;
  /** emailHash() of the address (imported comments have only this, never the address). */
  authorEmailHash?: string | null;
  spam?: boolean;
  clientIp?: string | null;
}

export interface ListCommentsOptions {
  sort: CommentSort;
  cursor: string | undefined;
  limit: number;
  /** List the direct replies of this comment instead of the top-level comments. */
  parentId?: string;
}

export interface AdminListOptions {
  status: StoredStatus;
  cursor: string | undefined;
  limit: number;
}

/** One comment written by an import (server/import/writer.ts), its place in the thread already decided. */
export interface ImportedRecord {
  id: string;
  reviewId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  authorName: string;
  /** emailHash() of the address; the address itself is never stored for an import. */
  authorEmailHash: string | null;
  body: string;
  status: StoredStatus;
  createdAt: string;
  /** The comment's id in the source system, remembered per format. */
  sourceId: string;
}

/**
 * Storage behind the routes. Asynchronous so that a networked store (PostgreSQL) fits the same
 * shape; the SQLite store answers at once. Routes never see SQL.
 */
export interface ReviewStore {
  getReview(id: string): Promise<StoredReview | undefined>;
  listReviews(cursor: string | undefined, limit: number): Promise<Page<ReviewSummary>>;
  /** Creates or replaces; returns whether it was created. A new review is published unless `state` says draft. */
  putReview(review: ReviewInput, state?: 'draft' | 'published'): Promise<{ created: boolean }>;

  /**
   * A page of comments, each with as many replies as fit (a `repliesCursor` for the rest), at most
   * 256 KB as JSON. Undefined when `parentId` is not a comment a reader can see on this review.
   * Throws InvalidCursorError for a cursor not in the exact spelling the store makes.
   * May return the very same object for the same query while the thread is unchanged.
   */
  listComments(
    reviewId: string,
    options: ListCommentsOptions,
  ): Promise<(Page<Comment> & { total: number }) | undefined>;
  getComment(id: string): Promise<CommentRecord | undefined>;
  /**
   * Creates a comment. With an idempotency key, the same key returns the comment it made instead
   * (`replayed: true`, as it is now, its edit token hash replaced by this request's), in one
   * transaction with the insert, so concurrent repeats make one comment; the same key with another
   * request hash is a `conflict`. Only the key, the request hash and the comment id are kept.
   */
  createComment(
    comment: NewComment,
    idempotency: { key: string; requestHash: string } | undefined,
  ): Promise<{ record: CommentRecord | undefined; replayed: boolean; conflict: boolean }>;
  /** Changes text or spoiler; `status: 'pending'` sends it back to the moderation queue. */
  updateComment(
    id: string,
    changes: { body?: string; spoiler?: boolean; editedAt: string; status?: 'pending' },
  ): Promise<CommentRecord | undefined>;
  /** Deleting also wipes the text, name, email and edit token hash (the row stays for its replies). */
  setCommentStatus(id: string, status: StoredStatus): Promise<CommentRecord | undefined>;
  commentCounts(ids: string[]): Promise<Record<string, number>>;
  listByStatus(options: AdminListOptions): Promise<Page<CommentRecord>>;
  /** Comment ids of earlier imports of these source ids, by source id. */
  importedIds(format: string, sourceIds: string[]): Promise<Map<string, string>>;
  /**
   * Writes imported comments (parents before children) and remembers their source ids, in one
   * transaction; a source id already remembered is left alone. Returns how many were written.
   * No rate limit, notification or idempotency key is involved; counts and ETags follow.
   */
  importComments(format: string, records: ImportedRecord[]): Promise<number>;
  /** Whether any review exists (to seed an empty database). */
  isEmpty(): Promise<boolean>;
  /**
   * Admin-only storage for the owner's desk (#14). SQLite and PostgreSQL have it; a store without
   * it (the in-memory one of Storybook and tests) answers the desk's routes 501 desk-unavailable.
   */
  readonly desk?: DeskStore;
  close(): Promise<void>;
}
