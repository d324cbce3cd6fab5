import type * as v from 'valibot';
import type {
  CastMemberSchema,
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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}
