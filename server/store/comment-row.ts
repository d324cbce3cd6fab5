import type { CommentRecord, StoredStatus } from './store.js';

/** A comments row as both SQL stores read it (SQLite and PostgreSQL share the schema's names). */
export interface CommentRow {
  seq: number;
  id: string;
  review_id: string;
  parent_id: string | null;
  root_id: string;
  depth: number;
  author_name: string;
  author_email: string | null;
  body: string;
  spoiler: number;
  status: StoredStatus;
  created_at: string;
  edited_at: string | null;
  edit_token_hash: string;
  score?: number;
  author_email_hash: string | null;
  spam: number;
  client_ip: string | null;
}

/** The row as the routes see it: the one mapping both SQL stores use. */
export const toRecord = (r: CommentRow): CommentRecord => ({
  id: r.id,
  reviewId: r.review_id,
  parentId: r.parent_id,
  rootId: r.root_id,
  depth: r.depth,
  authorName: r.author_name,
  authorEmail: r.author_email,
  body: r.body,
  spoiler: r.spoiler === 1,
  status: r.status,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  editTokenHash: r.edit_token_hash,
  authorEmailHash: r.author_email_hash ?? null,
  spam: r.spam === 1,
  clientIp: r.client_ip,
});
