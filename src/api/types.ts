import type * as v from 'valibot';
import type {
  CastMemberSchema,
  CommentPageSchema,
  CreatedCommentSchema,
  CommentOutput,
  ContentWarningSchema,
  CreditSchema,
  ExternalRatingSchema,
  ImageSchema,
  ProblemSchema,
  RatingSchema,
  ReviewSchema,
  ReviewSummarySchema,
  SeveritySchema,
  WorkSchema,
  WorkTypeSchema,
} from './schemas.js';

/** A review document as elements receive it: validated, defaults filled, URLs resolved. */
export type Review = v.InferOutput<typeof ReviewSchema>;
/** A review document as a server or a static file may write it (optional arrays may be left out). */
export type ReviewInput = v.InferInput<typeof ReviewSchema>;
export type ReviewSummary = v.InferOutput<typeof ReviewSummarySchema>;
export type Work = v.InferOutput<typeof WorkSchema>;
export type WorkType = v.InferOutput<typeof WorkTypeSchema>;
export type Image = v.InferOutput<typeof ImageSchema>;
export type Rating = v.InferOutput<typeof RatingSchema>;
export type ExternalRating = v.InferOutput<typeof ExternalRatingSchema>;
export type Credit = v.InferOutput<typeof CreditSchema>;
export type CastMember = v.InferOutput<typeof CastMemberSchema>;
export type ContentWarning = v.InferOutput<typeof ContentWarningSchema>;
export type Severity = v.InferOutput<typeof SeveritySchema>;
export type Comment = CommentOutput;
export type Problem = v.InferOutput<typeof ProblemSchema>;

export type CommentPage = v.InferOutput<typeof CommentPageSchema>;
export type CreatedComment = v.InferOutput<typeof CreatedCommentSchema>;
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
