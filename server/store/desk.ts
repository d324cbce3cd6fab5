/**
 * Storage for the owner's desk (#14): drafts, the moderation queue, reports, bans, admin sessions,
 * settings and the whole-database export. Only admin routes and the backup tools use it; the
 * public routes keep to ReviewStore.
 */
import type { Page } from '../../src/api/types.js';
import type { CommentRecord } from './store.js';

export type ReviewState = 'draft' | 'published';
export type QueueStatus = 'pending' | 'reported' | 'published' | 'rejected' | 'spam';
export type ModerationAction = 'approve' | 'reject' | 'spam' | 'delete' | 'purge';
export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'spoiler', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface AdminReviewRow {
  id: string;
  title: string;
  workTitle: string;
  state: ReviewState;
  publishedAt: string;
  /** Published comments. */
  commentCount: number;
  /** Comments waiting for a decision. */
  pendingCount: number;
}

export interface QueueItem {
  record: CommentRecord;
  /** Open (not yet handled) reports. */
  reports: number;
  reasons: ReportReason[];
  reviewTitle: string;
}

export interface Ban {
  id: string;
  kind: 'email' | 'network';
  /** A hex SHA-256 from emailHash(), or a network in CIDR form (`203.0.113.0/24`, `2001:db8::/48`). */
  value: string;
  reason: string | null;
  createdAt: string;
  /** null: until lifted. */
  expiresAt: string | null;
}

export interface AdminSession {
  csrfToken: string;
  expiresAt: number;
}

/** The JSON export: every review, comment, report, ban and setting. Versioned; see docs/backup.md. */
export interface ExportData {
  format: 'review-elements';
  version: 1;
  exportedAt: string;
  reviews: { id: string; state: ReviewState; document: unknown }[];
  comments: (Omit<CommentRecord, 'spam' | 'clientIp'> & { spam: boolean; clientIp: string | null })[];
  reports: {
    commentId: string;
    readerKey: string;
    reason: string;
    note: string | null;
    createdAt: string;
    resolvedAt: string | null;
  }[];
  bans: Ban[];
  settings: Record<string, string>;
}

export interface DeskStore {
  listReviews(options: {
    q?: string;
    state?: ReviewState;
    cursor?: string;
    limit: number;
  }): Promise<Page<AdminReviewRow>>;
  /** false when there is no such review. */
  setReviewState(id: string, state: ReviewState): Promise<boolean>;
  /** Removes the review with every comment and report on it. */
  deleteReview(id: string): Promise<{ deleted: boolean; comments: number }>;

  queue(options: { status: QueueStatus; reviewId?: string; cursor?: string; limit: number }): Promise<Page<QueueItem>>;
  /** The comment after the action; `purged` when it is gone; undefined when there was none. */
  moderate(id: string, action: ModerationAction): Promise<CommentRecord | 'purged' | undefined>;
  /**
   * One report per reader and comment. At `hideAt` open reports (0: never) a published comment
   * goes back to pending, out of sight until a moderator decides.
   */
  report(
    input: { commentId: string; readerKey: string; reason: ReportReason; note: string | null; createdAt: string },
    hideAt: number,
  ): Promise<{ created: boolean; hidden: boolean }>;

  addBan(ban: Ban): Promise<void>;
  listBans(now: number): Promise<Ban[]>;
  removeBan(id: string): Promise<boolean>;
  /** The ban that matches this poster now, if any. */
  findBan(poster: { emailHash: string | null; ip: string | null }, now: number): Promise<Ban | undefined>;

  createSession(idHash: string, session: AdminSession, now: number): Promise<void>;
  getSession(idHash: string, now: number): Promise<AdminSession | undefined>;
  deleteSession(idHash: string): Promise<void>;

  settings(): Promise<Record<string, string>>;
  setSetting(key: string, value: string): Promise<void>;

  exportAll(now: number): Promise<ExportData>;
  /** Loads an export into an empty database, in one transaction; throws if it is not empty. */
  restore(data: ExportData): Promise<{ reviews: number; comments: number }>;
}
