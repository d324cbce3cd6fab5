import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { DuplicateGuard, countLinks } from '../abuse.js';
import { bearer, cachedJson, etagOf, hashToken, readBody, sameSecret } from '../http.js';
import { problem } from '../problem.js';
import { CommentEditSchema, CommentInputSchema, IdempotencyKeySchema, MAX_REPLY_DEPTH } from '../schemas.js';
import { newCommentId, publicComment } from '../store/comment-tree.js';
import type { LiveHub } from '../live/hub.js';
import type { CommentRecord, ReviewStore } from '../store/store.js';
import { eventOf } from './admin-moderation.js';
import { client, isAdmin, tokenFailed, tooManyFailures, type Deps } from './auth.js';
import { LimitSchema } from './reviews.js';
import { emailHashOf, ipFamily, randomToken, sha256 } from '../web-crypto.js';

/** Comment pages change with every post: caches must ask each time (ETag makes that cheap). */
const COMMENTS_CACHE = 'no-cache';
const SortSchema = v.optional(v.picklist(['oldest', 'newest', 'top']), 'oldest');
/**
 * A query parameter as sent, still percent-encoded: `ids` is split on its literal commas before
 * decoding, so an id that contains a comma (sent as `%2C`) stays one id.
 */
function rawQueryParam(url: string, name: string): string | undefined {
  const query = url.split('#')[0].split('?')[1] ?? '';
  return query
    .split('&')
    .find((pair) => pair.split('=')[0] === name)
    ?.slice(name.length + 1);
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
  v.transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((id) => decodeId(id).trim())
        .filter(Boolean),
    ),
  ]),
  v.array(v.pipe(v.string(), v.maxLength(200))),
  v.minLength(1, 'ids: give at least one review id'),
  v.maxLength(100, 'ids: at most 100 review ids per request'),
);

/** The 201 body: the comment, and (only here) the token that lets its author edit it. */
function created(record: CommentRecord, editToken: string, windowMs: number): string {
  const editableUntil = new Date(Date.parse(record.createdAt) + windowMs).toISOString();
  return JSON.stringify({ ...publicComment(record), editToken, editableUntil });
}

export function commentRoutes(store: ReviewStore, deps: Deps, live?: Pick<LiveHub, 'position'>) {
  const app = new Hono();
  // A store returns the same page object while the thread is unchanged: serialise it once (again
  // only if the owner opened or closed comments meanwhile), with the live position read before
  // the store first gave it — so a page answered from the cache says where it was built, never
  // a later position whose events it lacks.
  const serialised = new WeakMap<object, { json: string; etag: string; open: boolean; eventId?: number }>();
  const duplicates = new DuplicateGuard(deps.config.duplicateWindowMs);
  /** Makes a bot's retried key come back with the same (fake) comment id, as a person's would. */
  const honeypotSalt = randomToken(16);

  app.get('/reviews/:id/comments', async (c) => {
    const reviewId = c.req.param('id');
    const sort = v.safeParse(SortSchema, c.req.query('sort'));
    const limit = v.safeParse(LimitSchema, c.req.query('limit'));
    if (!sort.success) return problem(c, 400, 'invalid-query', 'sort must be oldest, newest or top');
    if (!limit.success) return problem(c, 400, 'invalid-query', 'limit must be a whole number from 1 to 100');
    const review = await store.getReview(reviewId);
    if (!review || review.state === 'draft')
      return problem(c, 404, 'not-found', `There is no review with id ${reviewId}`);
    const first = !c.req.query('cursor') && !c.req.query('parent');
    // Read before the page: an event after it is one the page may lack, and the live thread asks
    // the stream for everything after it (the thread drops what it already shows, by comment id).
    // Only for the first page, which is where a live thread starts.
    const position = first && live ? await live.position(reviewId).catch(() => undefined) : undefined;
    const page = await store.listComments(reviewId, {
      sort: sort.output,
      limit: limit.output,
      cursor: c.req.query('cursor'),
      parentId: c.req.query('parent') || undefined,
    });
    if (!page) return problem(c, 404, 'not-found', `There is no comment ${c.req.query('parent')} on this review`);
    // Whether comments are open comes with the page, so a thread needs one request, not two (the
    // review as well), to show its comments and its form.
    const open = review.review.comments.open;
    let wire = serialised.get(page);
    if (!wire || wire.open !== open) {
      const eventId = wire ? wire.eventId : position;
      const json = JSON.stringify({ ...page, open, ...(eventId === undefined ? {} : { eventId }) });
      wire = { json, etag: await etagOf(json), open, eventId };
      serialised.set(page, wire);
    }
    return cachedJson(c, wire.json, COMMENTS_CACHE, wire.etag);
  });

  app.post('/reviews/:id/comments', async (c) => {
    const reviewId = c.req.param('id');
    const stored = await store.getReview(reviewId);
    if (!stored || stored.state === 'draft')
      return problem(c, 404, 'not-found', `There is no review with id ${reviewId}`);
    if (!stored.review.comments.open) return problem(c, 403, 'comments-closed');
    const input = await readBody(c, CommentInputSchema);
    if (!input.ok) return input.response;
    const comment = input.value;

    const keyHeader = c.req.header('Idempotency-Key');
    const key = keyHeader === undefined ? undefined : v.safeParse(IdempotencyKeySchema, keyHeader);
    if (key && !key.success) return problem(c, 400, 'invalid-body', key.issues[0].message);

    // One clock reading for the whole request: hashing awaits, and the honeypot's answer must
    // carry the same time as what the duplicate guard remembers.
    const nowMs = deps.now();
    const now = new Date(nowMs).toISOString();
    // Checked for a bot's post as for anyone's, so the honeypot's answer tells it nothing.
    if (comment.parentId) {
      const parent = await store.getComment(comment.parentId);
      if (!parent || parent.reviewId !== reviewId || parent.status !== 'published') {
        return problem(c, 422, 'invalid-parent', `There is no published comment ${comment.parentId} on this review`);
      }
      if (parent.depth + 1 > MAX_REPLY_DEPTH)
        return problem(c, 422, 'reply-too-deep', `Replies nest at most ${MAX_REPLY_DEPTH} deep`);
    }
    if (countLinks(comment.body) > deps.config.maxLinks) {
      return problem(c, 422, 'too-many-links', `A comment may hold at most ${deps.config.maxLinks} links`);
    }
    // The key is the client's own: the same key from another client is another request, so a key
    // seen on the wire (a log, a shared proxy) never hands its comment's edit token to anyone else.
    const scopedKey = key?.success ? await sha256(`${reviewId}\u0000${client(c, deps)}\u0000${key.output}`) : undefined;
    const textKey = await DuplicateGuard.key(reviewId, comment.body);
    if (duplicates.isDuplicate(textKey, scopedKey, nowMs)) {
      return problem(c, 409, 'duplicate-comment', 'The same comment was posted on this review a moment ago');
    }
    const status = deps.config.moderation === 'pre' ? 'pending' : 'published';

    // A banned poster's comment is kept as spam for the owner to see, and answered as if it were
    // held for moderation (docs/decisions.md: a ban the poster cannot see is not worked around).
    // The whole address behind a trusted proxy (not the limiters' /64): network bans match it.
    // The runtime supplies it (server/app.ts on Node); elsewhere it is not known.
    const address = deps.clientIp?.(c);
    const clientIp = address && ipFamily(address) ? address : null;
    const authorEmailHash = comment.author.email ? await emailHashOf(comment.author.email) : null;
    const ban = await deps.desk?.findBan({ emailHash: authorEmailHash, ip: clientIp }, nowMs);
    const editToken = randomToken(24);

    if (comment.website) {
      // The honeypot was filled in: a bot. Answer exactly as for a person (status, body, Location,
      // a retry with its key answered as a replay of the same comment, a repeat refused as a
      // duplicate), and store nothing.
      const firstAt = duplicates.postedWith(textKey, scopedKey, nowMs);
      if (firstAt === undefined) duplicates.remember(textKey, scopedKey, nowMs);
      else c.header('Idempotent-Replayed', 'true');
      const fake: CommentRecord = {
        id: scopedKey ? `c_${(await sha256(honeypotSalt + scopedKey)).slice(0, 12)}` : newCommentId(),
        reviewId,
        parentId: comment.parentId ?? null,
        rootId: '',
        depth: 0,
        authorName: comment.author.name,
        authorEmail: null,
        body: comment.body,
        spoiler: comment.spoiler,
        status,
        createdAt: firstAt === undefined ? now : new Date(firstAt).toISOString(),
        editedAt: null,
        editTokenHash: '',
      };
      c.header('Location', `/v1/comments/${fake.id}`);
      return c.body(created(fake, editToken, deps.config.editWindowMs), 201, {
        'Content-Type': 'application/json; charset=utf-8',
      });
    }

    // Hashed from what was validated, not the raw body: unknown fields are dropped, so nothing a
    // client adds can make hashing walk a hostile structure.
    const requestHash = await sha256(JSON.stringify([reviewId, comment]));
    const result = await store.createComment(
      {
        reviewId,
        parentId: comment.parentId ?? null,
        authorName: comment.author.name,
        authorEmail: comment.author.email || null,
        body: comment.body,
        spoiler: comment.spoiler,
        status: ban ? 'rejected' : status,
        authorEmailHash,
        editTokenHash: await hashToken(editToken),
        createdAt: now,
        spam: Boolean(ban),
        clientIp,
      },
      scopedKey ? { key: scopedKey, requestHash } : undefined,
    );
    if (result.conflict || !result.record) return problem(c, 422, 'idempotency-key-reused');
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    else {
      duplicates.remember(textKey, scopedKey, nowMs);
      if (!ban) deps.notify?.(eventOf('comment.created', result.record, nowMs));
    }
    // A banned poster sees their comment held, as anyone's is under pre-moderation, replays too.
    const shown =
      result.record.spam && result.record.status === 'rejected'
        ? { ...result.record, status: 'pending' as const }
        : result.record;
    c.header('Location', `/v1/comments/${shown.id}`);
    return c.body(created(shown, editToken, deps.config.editWindowMs), 201, {
      'Content-Type': 'application/json; charset=utf-8',
    });
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
    const limited = await tooManyFailures(c, deps);
    if (limited) return { response: limited };
    if (await isAdmin(deps, token)) return { record, admin: true };
    if (!record.editTokenHash || !(await sameSecret(await hashToken(token), record.editTokenHash))) {
      await tokenFailed(c, deps);
      return { response: problem(c, 403, 'forbidden', 'This token cannot change this comment') };
    }
    if (deps.now() > Date.parse(record.createdAt) + deps.config.editWindowMs)
      return { response: problem(c, 403, 'edit-window-closed') };
    return { record, admin: false };
  }

  app.patch('/comments/:id', async (c) => {
    const auth = await authorise(c, c.req.param('id'));
    if (auth.response) return auth.response;
    const edit = await readBody(c, CommentEditSchema);
    if (!edit.ok) return edit.response;
    // Under pre-moderation an author's edit is new text nobody approved: back to the queue.
    const status = deps.config.moderation === 'pre' && !auth.admin ? 'pending' : undefined;
    const record = await store.updateComment(auth.record!.id, {
      ...edit.value,
      editedAt: new Date(deps.now()).toISOString(),
      status,
    });
    return c.json(publicComment(record!));
  });

  app.delete('/comments/:id', async (c) => {
    const auth = await authorise(c, c.req.param('id'));
    if (auth.response) return auth.response;
    await store.setCommentStatus(auth.record!.id, 'deleted');
    return c.body(null, 204);
  });

  /**
   * One comment's standing, for its author's browser, which keeps a comment held for moderation on
   * screen across reloads and must learn when it was approved (it then shows in the thread) or
   * rejected or deleted (it then goes). Published comments are public; a held one answers only
   * to its edit token, at any time (the window limits changes, not this), and a banned poster's
   * comment reads as held, as its first answer did. Anything else is 404.
   */
  app.get('/comments/:id', async (c) => {
    const record = await store.getComment(c.req.param('id'));
    const notFound = () => problem(c, 404, 'not-found', 'There is no such comment');
    if (record?.status === 'published') return c.json(publicComment(record));
    const held = record && (record.status === 'pending' || (record.spam && record.status === 'rejected'));
    const token = bearer(c);
    if (!held || !token || !record.editTokenHash) return notFound();
    const limited = await tooManyFailures(c, deps);
    if (limited) return limited;
    if (!(await sameSecret(await hashToken(token), record.editTokenHash))) {
      await tokenFailed(c, deps);
      return notFound();
    }
    return c.json(publicComment({ ...record, status: 'pending' }));
  });

  app.get('/comment-counts', async (c) => {
    const ids = v.safeParse(IdsSchema, rawQueryParam(c.req.url, 'ids') ?? '');
    if (!ids.success) return problem(c, 400, 'invalid-query', ids.issues[0].message);
    return cachedJson(c, JSON.stringify({ counts: await store.commentCounts(ids.output) }), COMMENTS_CACHE);
  });

  return app;
}
