import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The stable error codes of the v1 API (the `code` member of every problem document). */
export type ProblemCode =
  | 'not-found'
  | 'invalid-body'
  | 'invalid-query'
  | 'invalid-cursor'
  | 'invalid-parent'
  | 'reply-too-deep'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'rate-limited'
  | 'comments-closed'
  | 'unauthorized'
  | 'forbidden'
  | 'admin-disabled'
  | 'edit-window-closed'
  | 'idempotency-key-reused'
  | 'duplicate-comment'
  | 'too-many-links'
  | 'origin-not-allowed'
  | 'method-not-allowed'
  | 'unsupported-image'
  | 'image-too-large'
  | 'desk-unavailable'
  | 'server-error';

const TITLES: Record<ProblemCode, string> = {
  'not-found': 'Not found',
  'invalid-body': 'The request body is not valid',
  'invalid-query': 'The query is not valid',
  'invalid-cursor': 'The cursor is not valid',
  'invalid-parent': 'The comment to reply to does not exist here',
  'reply-too-deep': 'Replies cannot nest this deep',
  'unsupported-media-type': 'Send JSON',
  'payload-too-large': 'The request body is too large',
  'rate-limited': 'Too many requests',
  'comments-closed': 'Comments are closed for this review',
  unauthorized: 'Authorization needed',
  forbidden: 'Not allowed',
  'admin-disabled': 'Admin routes are disabled on this server',
  'edit-window-closed': 'The time to edit this comment has passed',
  'idempotency-key-reused': 'This Idempotency-Key was used for a different request',
  'duplicate-comment': 'This comment was already posted here',
  'too-many-links': 'This comment holds too many links',
  'origin-not-allowed': 'Writes from this origin are not allowed',
  'method-not-allowed': 'Method not allowed',
  'unsupported-image': 'Upload a JPEG, PNG, WebP or AVIF image',
  'image-too-large': 'The image has too many pixels',
  'desk-unavailable': "This server has no owner's desk",
  'server-error': 'Something went wrong on the server',
};

export interface ProblemExtras {
  /** Field-level validation messages, for `invalid-body`. */
  errors?: { path: string; message: string }[];
  retryAfter?: number;
}

/** An RFC 9457 problem document with our stable `code`. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: ProblemCode,
  detail?: string,
  extras: ProblemExtras = {},
) {
  const body = {
    // A URN: stable and unique, with nothing to fetch; `code` is the short form clients switch on.
    type: `urn:review-elements:problem:${code}`,
    title: TITLES[code],
    status,
    detail: detail ?? TITLES[code],
    code,
    ...extras,
  };
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}
