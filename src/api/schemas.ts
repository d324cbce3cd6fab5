/**
 * The v1 JSON contract, as valibot schemas. The server validates what it stores with these and the
 * client validates what it receives, so the two cannot drift.
 *
 * `v.object` drops keys it does not know: a newer server may add fields without breaking an older
 * widget. Field names follow DESIGN.md and are the contract: extend, never rename.
 */
import * as v from 'valibot';
import { MAX_AUTHOR_NAME, MAX_COMMENT_BODY } from './limits.js';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** Any instant `Date.parse` understands; ISO 8601 on the wire. */
const timestamp = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Expected an ISO 8601 date'),
);
const finite = v.pipe(v.number(), v.finite());
/** Arrays are optional on the wire and always present once parsed. */
const list = <T extends v.GenericSchema>(item: T, max = 500) => v.optional(v.pipe(v.array(item), v.maxLength(max)), []);

export const ImageSchema = v.object({
  url: text(2048),
  width: v.optional(v.pipe(finite, v.minValue(1))),
  height: v.optional(v.pipe(finite, v.minValue(1))),
  alt: v.optional(text(500)),
});
export type Image = v.InferOutput<typeof ImageSchema>;

export const RatingSchema = v.pipe(
  v.object({
    value: finite,
    best: v.optional(v.pipe(finite, v.minValue(1)), 5),
    worst: v.optional(finite, 0),
  }),
  v.check((r) => r.value >= r.worst && r.value <= r.best, 'Expected a value between worst and best'),
);
export type Rating = v.InferOutput<typeof RatingSchema>;

export const ExternalRatingSchema = v.object({
  source: nonEmpty(100),
  value: finite,
  best: v.optional(v.pipe(finite, v.minValue(1)), 100),
  unit: v.optional(v.picklist(['percent', 'score']), 'score'),
  average: v.optional(finite),
  averageBest: v.optional(v.pipe(finite, v.minValue(1))),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  url: v.optional(text(2048)),
});
export type ExternalRating = v.InferOutput<typeof ExternalRatingSchema>;

export const WorkTypeSchema = v.picklist(['movie', 'series', 'episode']);
export type WorkType = v.InferOutput<typeof WorkTypeSchema>;

export const WorkSchema = v.object({
  title: nonEmpty(300),
  originalTitle: v.optional(text(300)),
  type: WorkTypeSchema,
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1870), v.maxValue(2200))),
  countries: list(text(10), 50),
  languages: list(text(35), 50),
  runtimeMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
  genres: list(text(60), 30),
  poster: v.optional(ImageSchema),
  ageRating: v.optional(v.object({ system: text(40), value: text(40) })),
  externalRatings: list(ExternalRatingSchema, 20),
});
export type Work = v.InferOutput<typeof WorkSchema>;

/** Known roles get translated labels; an unknown role from a newer server shows as its own text. */
export const CreditSchema = v.object({
  role: nonEmpty(40),
  name: nonEmpty(200),
  url: v.optional(text(2048)),
  avatar: v.optional(text(2048)),
});
export type Credit = v.InferOutput<typeof CreditSchema>;

export const CastMemberSchema = v.object({
  name: nonEmpty(200),
  character: v.optional(text(200)),
  photo: v.optional(text(2048)),
  url: v.optional(text(2048)),
  order: v.optional(finite),
});
export type CastMember = v.InferOutput<typeof CastMemberSchema>;

export const SeveritySchema = v.picklist(['low', 'medium', 'high']);
export type Severity = v.InferOutput<typeof SeveritySchema>;

/** `topic` is a stable id (`suicide`, `sexual-violence`, …); unknown ids are shown as written. */
export const ContentWarningSchema = v.object({
  topic: nonEmpty(60),
  severity: v.optional(SeveritySchema, 'medium'),
  note: v.optional(text(1000)),
});
export type ContentWarning = v.InferOutput<typeof ContentWarningSchema>;

export const ReviewSchema = v.object({
  id: nonEmpty(200),
  url: text(2048),
  lang: nonEmpty(35),
  title: nonEmpty(500),
  summary: v.optional(text(5000)),
  category: v.optional(text(100)),
  tags: list(text(60), 50),
  publishedAt: timestamp,
  updatedAt: v.optional(timestamp),
  rating: v.optional(RatingSchema),
  verdict: v.optional(text(1000)),
  work: WorkSchema,
  credits: list(CreditSchema, 50),
  cast: list(CastMemberSchema, 500),
  /**
   * The topics the content touches, or `"not-warned"`: the author chose not to warn (AO3's "Choose
   * Not To Use Archive Warnings"), which is not the same as `[]` (nothing to warn about).
   */
  contentWarnings: v.optional(
    v.union([v.literal('not-warned'), v.pipe(v.array(ContentWarningSchema), v.maxLength(50))]),
    [],
  ),
  commentCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  comments: v.optional(v.object({ open: v.boolean(), url: v.optional(text(2048)) }), { open: false }),
});
/** A review document as a server or a static file may write it (optional arrays may be left out). */
export type ReviewInput = v.InferInput<typeof ReviewSchema>;
/** A review document as elements receive it: validated, defaults filled, URLs resolved. */
export type Review = v.InferOutput<typeof ReviewSchema>;

export const ReviewSummarySchema = v.object({
  id: ReviewSchema.entries.id,
  url: ReviewSchema.entries.url,
  lang: ReviewSchema.entries.lang,
  title: ReviewSchema.entries.title,
  summary: ReviewSchema.entries.summary,
  publishedAt: timestamp,
  rating: v.optional(RatingSchema),
  work: v.object({
    title: WorkSchema.entries.title,
    type: WorkTypeSchema,
    year: WorkSchema.entries.year,
    poster: v.optional(ImageSchema),
  }),
  commentCount: ReviewSchema.entries.commentCount,
});
export type ReviewSummary = v.InferOutput<typeof ReviewSummarySchema>;

export const CommentStatusSchema = v.picklist(['published', 'pending', 'deleted']);

const CommentBase = {
  id: nonEmpty(100),
  parentId: v.optional(v.nullable(text(100)), null),
  author: v.object({ name: text(MAX_AUTHOR_NAME), avatar: v.optional(text(2048)) }),
  body: text(MAX_COMMENT_BODY),
  spoiler: v.optional(v.boolean(), false),
  createdAt: timestamp,
  editedAt: v.optional(v.nullable(timestamp), null),
  status: v.optional(CommentStatusSchema, 'published'),
  replyCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  /**
   * Set when some replies were left out of this page (a page holds at most 50 replies per
   * top-level comment and 256 KB): `GET …/comments?parent=<id>&cursor=<repliesCursor>` lists the rest.
   */
  repliesCursor: v.optional(v.pipe(v.string(), v.maxLength(500))),
};

export type CommentOutput = v.InferOutput<v.ObjectSchema<typeof CommentBase, undefined>> & {
  replies: CommentOutput[];
};

export const CommentSchema: v.GenericSchema<unknown, CommentOutput> = v.object({
  ...CommentBase,
  replies: v.optional(v.array(v.lazy(() => CommentSchema)), []),
});

/** A page of anything: `{ items, nextCursor }`; a comments page adds `total`. */
export const pageSchema = <T extends v.GenericSchema>(item: T) =>
  v.object({
    items: v.array(item),
    nextCursor: v.optional(v.nullable(v.string()), null),
    total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  });

export const CommentPageSchema = v.object({
  items: v.array(CommentSchema),
  nextCursor: v.optional(v.nullable(v.string()), null),
  total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  /** Whether the review takes new comments (servers before 0.2 leave it out: ask the review then). */
  open: v.optional(v.boolean()),
  /** The first page: the live event id it reflects (a live thread's stream resumes after it). */
  eventId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type CommentPage = v.InferOutput<typeof CommentPageSchema>;

/** The answer to a post: the comment, and (only here) the token that lets its author edit it. */
export const CreatedCommentSchema = v.intersect([
  CommentSchema,
  v.object({ editToken: v.pipe(v.string(), v.minLength(16)), editableUntil: timestamp }),
]);
export type CreatedComment = v.InferOutput<typeof CreatedCommentSchema>;

export const CommentCountsSchema = v.object({
  counts: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** RFC 9457 problem details, with our stable `code`. Every member is optional on the wire. */
export const ProblemSchema = v.object({
  type: v.optional(v.string()),
  title: v.optional(v.string()),
  status: v.optional(v.number()),
  detail: v.optional(v.string()),
  code: v.optional(v.string()),
  retryAfter: v.optional(v.number()),
});
export type Problem = v.InferOutput<typeof ProblemSchema>;
