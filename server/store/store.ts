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
  spam?: boolean;
  clientIp?: string | null;
}

export interface IdempotentResult {
  requestHash: string;
  status: number;
  body: string;
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

/**
 * Storage behind the routes. Asynchronous so that a networked store (PostgreSQL) fits the same
 * shape; the SQLite store answers at once. Routes never see SQL.
 */
export interface ReviewStore {
  getReview(id: string): Promise<StoredReview | undefined>;
  listReviews(cursor: string | undefined, limit: number): Promise<Page<ReviewSummary>>;
  /** Creates or replaces; returns whether it was created. A new review is published unless `state` says draft. */
  putReview(review: ReviewInput, state?: 'draft' | 'published'): Promise<{ created: boolean }>;

  /** May return the very same object for the same query while the thread is unchanged. */
  listComments(reviewId: string, options: ListCommentsOptions): Promise<Page<Comment> & { total: number }>;
  getComment(id: string): Promise<CommentRecord | undefined>;
  /**
   * Creates a comment. With an idempotency key, the same key returns the first result instead
   * (`replayed: true`), in one transaction with the insert, so concurrent repeats make one comment.
   */
  createComment(
    comment: NewComment,
    idempotency: { key: string; requestHash: string; render: (c: CommentRecord) => { status: number; body: string } } | undefined,
  ): Promise<{ record: CommentRecord | undefined; response: IdempotentResult; replayed: boolean }>;
  updateComment(id: string, changes: { body?: string; spoiler?: boolean; editedAt: string }): Promise<CommentRecord | undefined>;
  setCommentStatus(id: string, status: StoredStatus): Promise<CommentRecord | undefined>;
  commentCounts(ids: string[]): Promise<Record<string, number>>;
  listByStatus(options: AdminListOptions): Promise<Page<CommentRecord>>;
  /** Whether any review exists (to seed an empty database). */
  isEmpty(): Promise<boolean>;
  /** Admin-only storage for the owner's desk (#14). */
  readonly desk: DeskStore;
  close(): Promise<void>;
}
