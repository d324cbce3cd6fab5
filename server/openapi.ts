import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
  CommentCountsSchema,
  CommentSchema,
  ProblemSchema,
  ReviewSchema,
  ReviewSummarySchema,
} from '../src/api/schemas.js';
import { eventsPath } from './live/openapi.js';
import { deskPaths, deskReviewOperations, deskSecuritySchemes } from './openapi-desk.js';
import { CommentEditSchema, CommentInputSchema, MAX_BODY_BYTES } from './schemas.js';

// The JSON Schemas are generated from the same valibot schemas the server validates with, so the
// description cannot drift from the behaviour. Checks that JSON Schema cannot say are left out.
const schema = (s: v.GenericSchema) => toJsonSchema(s, { errorMode: 'ignore' });

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const errors = {
  '400': problemResponse('invalid-body, invalid-query or invalid-cursor'),
  '404': problemResponse('not-found'),
  '429': problemResponse('rate-limited (with Retry-After)'),
};
const idParam = (name: string, what: string) => ({
  name,
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string' },
});
const bearer = [{ bearer: [] }];

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'review-elements review API',
      version: '1',
      description: `Reviews and their comments. Errors are application/problem+json with a stable \`code\`. Bodies are at most ${MAX_BODY_BYTES / 1024} KiB.`,
    },
    servers: [{ url: '/v1' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: "The admin token, or a comment's editToken" },
        ...deskSecuritySchemes,
      },
      schemas: {
        Review: schema(ReviewSchema),
        ReviewSummary: schema(ReviewSummarySchema),
        Comment: schema(CommentSchema),
        CommentInput: schema(CommentInputSchema),
        CommentEdit: schema(CommentEditSchema),
        CommentCounts: schema(CommentCountsSchema),
        Problem: schema(ProblemSchema),
        CreatedComment: {
          allOf: [
            { $ref: '#/components/schemas/Comment' },
            {
              type: 'object',
              required: ['editToken', 'editableUntil'],
              properties: { editToken: { type: 'string' }, editableUntil: { type: 'string', format: 'date-time' } },
            },
          ],
        },
        Page: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: {
            items: { type: 'array' },
            nextCursor: { type: ['string', 'null'] },
            total: {
              type: 'integer',
              description: 'Comments pages: published comments of the review, replies included',
            },
            open: { type: 'boolean', description: 'Comments pages: whether the review takes new comments' },
            eventId: {
              type: 'integer',
              description:
                "A comments page's first page: the live event id it reflects. Open /reviews/{id}/events?lastEventId= of it to miss nothing posted since (events for comments the page already has come too).",
            },
          },
        },
      },
    },
    paths: {
      '/reviews': {
        get: {
          summary: 'A page of review summaries, newest first',
          parameters: [
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: { '200': { description: 'Page of ReviewSummary', content: json('Page') }, ...errors },
        },
      },
      '/reviews/{id}': {
        get: {
          summary: 'A review document (ETag, Cache-Control; 304 on If-None-Match)',
          parameters: [idParam('id', 'Review id')],
          responses: {
            '200': { description: 'The review', content: json('Review') },
            '304': { description: 'Not modified' },
            ...errors,
          },
        },
        put: {
          summary:
            'Create or replace a review (admin), stored as sent; with ?images=article, path-relative image URLs are resolved against its url. A new review is published unless ?state=draft',
          security: bearer,
          parameters: [
            idParam('id', 'Review id; must match the document'),
            { name: 'state', in: 'query', schema: { enum: ['draft', 'published'] } },
            {
              name: 'images',
              in: 'query',
              description: 'article: resolve path-relative image URLs against the review url',
              schema: { enum: ['article'] },
            },
          ],
          requestBody: { required: true, content: json('Review') },
          responses: {
            '200': { description: 'Replaced', content: json('Review') },
            '201': { description: 'Created', content: json('Review') },
            '401': problemResponse('unauthorized'),
            '403': problemResponse('forbidden or admin-disabled'),
            ...errors,
          },
        },
        ...deskReviewOperations,
      },
      '/reviews/{id}/comments': {
        get: {
          summary: 'A page of top-level comments, each with its replies',
          parameters: [
            idParam('id', 'Review id'),
            { name: 'sort', in: 'query', schema: { enum: ['oldest', 'newest', 'top'], default: 'oldest' } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            {
              name: 'parent',
              in: 'query',
              description:
                "List the replies of this comment instead (with a comment's repliesCursor as cursor: the replies a page left out)",
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': {
              description: 'Page of Comment with total and open (whether comments are open)',
              content: json('Page'),
            },
            ...errors,
          },
        },
        post: {
          summary: 'Post a comment or a reply',
          parameters: [
            idParam('id', 'Review id'),
            {
              name: 'Idempotency-Key',
              in: 'header',
              description: 'Repeats within 24 h return the first response',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, content: json('CommentInput') },
          responses: {
            '201': {
              description: 'Created (status may be pending under pre-moderation)',
              content: json('CreatedComment'),
            },
            '403': problemResponse('comments-closed or origin-not-allowed'),
            '413': problemResponse('payload-too-large'),
            '415': problemResponse('unsupported-media-type'),
            '409': problemResponse('duplicate-comment'),
            '422': problemResponse('invalid-parent, reply-too-deep, too-many-links or idempotency-key-reused'),
            ...errors,
          },
        },
      },
      '/reviews/{id}/events': eventsPath,
      '/comments/{id}': {
        get: {
          summary:
            'One comment: a published one to anyone; one held for moderation only with its editToken (at any time), so its author sees when it is approved, rejected or deleted',
          parameters: [idParam('id', 'Comment id')],
          responses: {
            '200': {
              description:
                'The comment (status published or pending); 404 when there is none, or not one this caller may see',
              content: json('Comment'),
            },
            ...errors,
          },
        },
        patch: {
          summary: "Edit a comment: its author's editToken within 15 minutes, or the admin token",
          security: bearer,
          parameters: [idParam('id', 'Comment id')],
          requestBody: { required: true, content: json('CommentEdit') },
          responses: {
            '200': { description: 'The edited comment', content: json('Comment') },
            '401': problemResponse('unauthorized'),
            '403': problemResponse('forbidden or edit-window-closed'),
            ...errors,
          },
        },
        delete: {
          summary: 'Delete a comment (same rules as edit); a comment with replies stays as [deleted]',
          security: bearer,
          parameters: [idParam('id', 'Comment id')],
          responses: {
            '204': { description: 'Deleted' },
            '401': problemResponse('unauthorized'),
            '403': problemResponse('forbidden or edit-window-closed'),
            ...errors,
          },
        },
      },
      '/comment-counts': {
        get: {
          summary: 'Published comment counts for many reviews; unknown ids are left out',
          parameters: [
            {
              name: 'ids',
              in: 'query',
              required: true,
              description: 'Comma-separated review ids (at most 100)',
              schema: { type: 'string' },
            },
          ],
          responses: { '200': { description: 'Counts', content: json('CommentCounts') }, ...errors },
        },
      },
      '/admin/comments': {
        get: {
          summary: 'Comments by status for moderation (admin)',
          security: bearer,
          parameters: [
            {
              name: 'status',
              in: 'query',
              schema: { enum: ['pending', 'published', 'rejected', 'deleted'], default: 'pending' },
            },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: {
            '200': { description: 'Page of comments with review id and email', content: json('Page') },
            '401': problemResponse('unauthorized'),
            '403': problemResponse('forbidden or admin-disabled'),
          },
        },
      },
      // approve and reject are in deskPaths (openapi-desk.ts), with the desk's other actions.
      '/admin/import': {
        post: {
          summary:
            "Import comments from another system's export (admin); the body is the file itself, up to 20 MB, gzip accepted",
          description:
            'Threads are matched to reviews by page URL (scheme, www., trailing slash, query and fragment ignored). Source ids are remembered, so a second upload of the same file imports nothing. Spam and deleted posts are skipped and counted. For a URL → review map or larger files, use `npm run import` on the server (docs/import/).',
          security: bearer,
          parameters: [
            {
              name: 'from',
              in: 'query',
              description: "The export's format; guessed from the file when left out",
              schema: { enum: ['review-elements', 'disqus', 'wordpress', 'remark42', 'waline', 'artalk', 'isso'] },
            },
            {
              name: 'dryRun',
              in: 'query',
              description: 'Read and match everything, write nothing, answer the same report',
              schema: { enum: ['1', '0', 'true', 'false'], default: '0' },
            },
            {
              name: 'includeSpam',
              in: 'query',
              description: 'Keep spam as rejected comments instead of skipping it',
              schema: { enum: ['1', '0', 'true', 'false'], default: '0' },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: {
            '200': {
              description:
                'The import report: threads (total, matched, unmatched), imported (by status), skipped (by reason), missingParent, flattened, unmatchedThreads (sourceId, url, title, comments)',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['format', 'dryRun', 'threads', 'imported', 'skipped', 'unmatchedThreads'],
                  },
                },
              },
            },
            '400': problemResponse(
              'invalid-query (unknown from, or a format this build cannot read) or invalid-body (empty)',
            ),
            '401': problemResponse('unauthorized'),
            '403': problemResponse('forbidden or admin-disabled'),
            '413': problemResponse('payload-too-large (over 20 MB)'),
            '422': problemResponse('invalid-body: the file is not a readable export of that format'),
          },
        },
      },
      ...deskPaths,
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
  };
  return cached;
}
