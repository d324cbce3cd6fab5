/**
 * Request bodies the server accepts. Response shapes are the shared contract in src/api/schemas.ts.
 */
import * as v from 'valibot';
import { MAX_AUTHOR_NAME, MAX_COMMENT_BODY } from '../src/api/limits.js';

export { MAX_BODY_BYTES, MAX_REPLY_DEPTH } from '../src/api/limits.js';

/**
 * Comments are stored as UTF-8 text, which cannot hold a lone surrogate (SQLite would keep invalid
 * bytes that read back as three U+FFFD): each becomes one U+FFFD, as a browser's own encoder does.
 */
const wellFormed = v.transform((s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
);

const name = v.pipe(
  v.string(),
  wellFormed,
  v.trim(),
  v.minLength(1, 'Enter a name'),
  v.maxLength(MAX_AUTHOR_NAME, `Names are at most ${MAX_AUTHOR_NAME} characters`),
);
const body = v.pipe(
  v.string(),
  wellFormed,
  v.check((s) => s.trim().length > 0, 'Write something'),
  v.maxLength(MAX_COMMENT_BODY, `Comments are at most ${MAX_COMMENT_BODY} characters`),
);

export const CommentInputSchema = v.object({
  author: v.object({
    name,
    email: v.optional(
      v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('Enter a valid email'))]),
    ),
  }),
  body,
  parentId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  spoiler: v.optional(v.boolean(), false),
  /** The honeypot: hidden from people, filled in by bots. */
  website: v.optional(v.string(), ''),
});

export const CommentEditSchema = v.pipe(
  v.object({ body: v.optional(body), spoiler: v.optional(v.boolean()) }),
  v.check((e) => e.body !== undefined || e.spoiler !== undefined, 'Send a body or spoiler to change'),
);

export const IdempotencyKeySchema = v.pipe(
  v.string(),
  v.regex(/^[\w.:-]{1,200}$/, 'Idempotency-Key: 1–200 letters, digits, . : _ -'),
);
