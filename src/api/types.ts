import type { CommentOutput } from './schemas.js';

export type {
  Review,
  ReviewInput,
  ReviewSummary,
  Work,
  WorkType,
  Image,
  Rating,
  ExternalRating,
  Credit,
  CastMember,
  ContentWarning,
  Severity,
  Problem,
  CommentPage,
  CreatedComment,
} from './schemas.js';

/** The wire types live beside their schemas (`schemas.ts`), each inferred from its schema. */
export type Comment = CommentOutput;

export type CommentSort = 'oldest' | 'newest' | 'top';

export interface CommentQuery {
  sort?: CommentSort;
  cursor?: string | null;
  limit?: number;
}

/** What a reader sends to post a comment (`website` is the honeypot, left empty by people). */
export interface CommentInput {
  author: { name: string; email?: string };
  body: string;
  parentId?: string | null;
  spoiler?: boolean;
  website?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}
