import { createHash, randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { bearer, cachedJson, etagOf, hashToken, readBody, sameSecret } from '../http.js';
import { problem } from '../problem.js';
import { CommentEditSchema, CommentInputSchema, IdempotencyKeySchema, MAX_REPLY_DEPTH } from '../schemas.js';
import { newCommentId, publicComment } from '../store/sqlite.js';
import type { CommentRecord, ReviewStore } from '../store/store.js';
import { clientAddress } from '../client-address.js';
import { emailHash } from '../email-hash.js';
import { eventOf } from './admin-moderation.js';
import { isAdmin, type Deps } from './auth.js';
import { LimitSchema } from './reviews.js';

/** Comment pages change with every post: caches must ask each time (ETag makes that cheap). */
const COMMENTS_CACHE = 'no-cache';
const SortSchema = v.optional(v.picklist(['oldest', 'newest', 'top']), 'oldest');
/**
 * A query parameter as sent, still percent-encoded: `ids` is split on its literal commas before
 * decoding, so an id that contains a comma (sent as `%2C`) stays one id.
 */
function rawQueryParam(url: string, name: string): string | undefined {
  const query = url.split('#')[0].split('?')[1] ?? '';
  return query.split('&').find((pair) => pair.split('=')[0] === name)?.slice(name.length + 1);
}

const decodeId = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return ''; // malformed percent-encoding: not an id
  }
};

const IdsSchema = v.pipe(
  v.string(),
  v.transform((s) => [...new Set(s.split(',').map((id) => decodeId(id).trim()).filter(Boolean))]),
  v.array(v.pipe(v.string(), v.maxLength(200))),
  v.minLength(1, 'ids: give at least one review id'),
  v.maxLength(100, 'ids: at most 100 review ids per request'),
);

/** The 201 body: the comment, and (only here) the token that lets its author edit it. */
function created(record: CommentRecord, editToken: string, windowMs: number) {
  const editableUntil = new Date(Date.parse(record.createdAt) + windowMs).toISOString();
  return { status: 201, body: JSON.stringify({ ...publicComment(record), editToken, editableUntil }) };
}

export function commentRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();
  // A store returns the same page object while the thread is unchanged: serialise it once.
  const serialised = new WeakMap<object, { json: string; etag: string }>();

  app.get('/reviews/:id/comments', async (c) => {
    const reviewId = c.req.param('id');
    const sort = v.safeParse(SortSchema, c.req.query('sort'));
    const limit = v.safeParse(LimitSchema, c.req.query('limit'));
    if (!sort.success) return problem(c, 400, 'invalid-query', 'sort must be oldest, newest or top');
    if (!limit.success) return problem(c, 400, 'invalid-query', 'limit must be a whole number from 1 to 100');
    const review = await store.getReview(reviewId);
    if (!review || review.state === 'draft') return problem(c, 404, 'not-found', `There is no review with id ${reviewId}`);
    const page = await store.listComments(reviewId, {
      sort: sort.output,
      limit: limit.output,
      cursor: c.req.query('cursor'),
      parentId: c.req.query('parent') || undefined,
    });
    let wire = serialised.get(page);
    if (!wire) {
      const json = JSON.stringify(page);
      wire = { json, etag: etagOf(json) };
      serialised.set(page, wire);
    }
    return cachedJson(c, wire.json, COMMENTS_CACHE, wire.etag);
  });

  app.post('/reviews/:id/comments', async (c) => {
    const reviewId = c.req.param('id');
    const stored = await store.getReview(reviewId);
    if (!stored || stored.state === 'draft') return problem(c, 404, 'not-found', `There is no review with id ${reviewId}`);
    if (!stored.review.comments.open) return problem(c, 403, 'comments-closed');
    const input = await readBody(c, CommentInputSchema);
    if (!input.ok) return input.response;
    const comment = input.value;

    const keyHeader = c.req.header('Idempotency-Key');
    const key = keyHeader === undefined ? undefined : v.safeParse(IdempotencyKeySchema, keyHeader);
    if (key && !key.success) return problem(c, 400, 'invalid-body', key.issues[0].message);

    const now = new Date(deps.now()).toISOString();
    if (comment.website) {
      // The honeypot was filled in: a bot. Answer as if it worked, store nothing.
      const fake: CommentRecord = {
        id: newCommentId(), reviewId, parentId: comment.parentId ?? null, rootId: '', depth: 0,
        authorName: comment.author.name, authorEmail: null, body: comment.body, spoiler: comment.spoiler,
        status: 'pending', createdAt: now, editedAt: null, editTokenHash: '',
      };
      const response = created(fake, randomBytes(24).toString('base64url'), deps.config.editWindowMs);
      return c.body(response.body, 201, { 'Content-Type': 'application/json; charset=utf-8' });
    }

    if (comment.parentId) {
      const parent = await store.getComment(comment.parentId);
      if (!parent || parent.reviewId !== reviewId || parent.status !== 'published') {
        return problem(c, 422, 'invalid-parent', `There is no published comment ${comment.parentId} on this review`);
      }
      if (parent.depth + 1 > MAX_REPLY_DEPTH) return problem(c, 422, 'reply-too-deep', `Replies nest at most ${MAX_REPLY_DEPTH} deep`);
    }

    // A banned poster's comment is kept as spam for the owner to see, and answered as if it were
    // held for moderation (docs/decisions.md: a ban the poster cannot see is not worked around).
    const clientIp = clientAddress(c);
    const ban = await deps.desk?.findBan({ emailHash: comment.author.email ? emailHash(comment.author.email) : null, ip: clientIp }, deps.now());
    const editToken = randomBytes(24).toString('base64url');
    const requestHash = createHash('sha256').update(JSON.stringify([reviewId, input.raw])).digest('base64url');
    const result = await store.createComment(
      {
        reviewId,
        parentId: comment.parentId ?? null,
        authorName: comment.author.name,
        authorEmail: comment.author.email || null,
        body: comment.body,
        spoiler: comment.spoiler,
        status: ban ? 'rejected' : deps.config.moderation === 'pre' ? 'pending' : 'published',
        editTokenHash: hashToken(editToken),
        createdAt: now,
        spam: Boolean(ban),
        clientIp,
      },
      key?.success ? { key: `${reviewId}:${key.output}`, requestHash, render: (record) => created(ban ? { ...record, status: 'pending' } : record, editToken, deps.config.editWindowMs) } : undefined,
    );
    if (result.record && !ban) deps.notify?.(eventOf('comment.created', result.record, deps.now()));
    if (result.replayed) {
      if (result.response.requestHash !== requestHash) return problem(c, 422, 'idempotency-key-reused');
      c.header('Idempotent-Replayed', 'true');
    }
    const shown = result.record && ban ? { ...result.record, status: 'pending' as const } : result.record;
    const body = result.replayed || key?.success ? result.response.body : created(shown!, editToken, deps.config.editWindowMs).body;
    const id = (JSON.parse(body) as { id: string }).id;
    c.header('Location', `/v1/comments/${id}`);
    return c.body(body, 201, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  /** Who may change a comment: its author (edit token, within the window) or an admin, at any time. */
  async function authorise(c: Context, id: string) {
    const record = await store.getComment(id);
    if (!record || record.status === 'deleted' || record.status === 'rejected') {
      return { response: problem(c, 404, 'not-found', `There is no comment ${id}`) };
    }
    const token = bearer(c);
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="comment edit"');
      return { response: problem(c, 401, 'unauthorized', 'Send Authorization: Bearer <editToken>') };
    }
    if (isAdmin(deps, token)) return { record };
    if (!sameSecret(hashToken(token), record.editTokenHash)) return { response: problem(c, 403, 'forbidden', 'This token cannot change this comment') };
    if (deps.now() > Date.parse(record.createdAt) + deps.config.editWindowMs) return { response: problem(c, 403, 'edit-window-closed') };
    return { record };
  }

  app.patch('/comments/:id', async (c) => {
    const auth = await authorise(c, c.req.param('id'));
    if (auth.response) return auth.response;
    const edit = await readBody(c, CommentEditSchema);
    if (!edit.ok) return edit.response;
    const record = await store.updateComment(auth.record!.id, { ...edit.value, editedAt: new Date(deps.now()).toISOString() });
    return c.json(publicComment(record!));
  });

  app.delete('/comments/:id', async (c) => {
    const auth = await authorise(c, c.req.param('id'));
    if (auth.response) return auth.response;
    await store.setCommentStatus(auth.record!.id, 'deleted');
    return c.body(null, 204);
  });

  app.get('/comment-counts', async (c) => {
    const ids = v.safeParse(IdsSchema, rawQueryParam(c.req.url, 'ids') ?? '');
    if (!ids.success) return problem(c, 400, 'invalid-query', ids.issues[0].message);
    return cachedJson(c, JSON.stringify({ counts: await store.commentCounts(ids.output) }), COMMENTS_CACHE);
  });

  return app;
}
