import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { emailHashOf, ipFamily, randomToken } from '../web-crypto.js';
import { readBody } from '../http.js';
import type { DeskEvent } from '../notify/events.js';
import { problem } from '../problem.js';
import type { Ban, DeskStore, ModerationAction, QueueItem } from '../store/desk.js';
import { publicComment } from '../store/comment-tree.js';
import type { CommentRecord, ReviewStore } from '../store/store.js';
import { requireAdmin, type Deps } from './auth.js';
import { LimitSchema } from './reviews.js';

export const ACTIONS = ['approve', 'reject', 'spam', 'delete', 'purge'] as const;
const QueueQuery = v.object({
  status: v.optional(v.picklist(['pending', 'reported', 'published', 'rejected', 'spam']), 'pending'),
  review: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: LimitSchema,
  cursor: v.optional(v.string()),
});
const BulkSchema = v.object({
  action: v.picklist(ACTIONS, `action: ${ACTIONS.join(', ')}`),
  ids: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(100))),
    v.minLength(1, 'ids: at least one'),
    v.maxLength(200, 'ids: at most 200'),
  ),
});

/** A network in CIDR form; a bare address is that one address. */
function cidr(input: string): string | undefined {
  const [address, bits, extra] = input.trim().split('/');
  const family = ipFamily(address);
  if (!family || extra !== undefined) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  return prefix >= (family === 4 ? 8 : 16) && prefix <= max ? `${address.toLowerCase()}/${prefix}` : undefined;
}

const BanSchema = v.pipe(
  v.object({
    kind: v.picklist(['email', 'network']),
    /** One of: the address itself (hashed at once, never stored), its hash, a network, or a comment to take them from. */
    email: v.optional(v.pipe(v.string(), v.trim(), v.email('Enter a valid email'))),
    emailHash: v.optional(v.pipe(v.string(), v.regex(/^[a-f0-9]{64}$/, 'emailHash: hex SHA-256'))),
    network: v.optional(v.pipe(v.string(), v.maxLength(64))),
    commentId: v.optional(v.pipe(v.string(), v.maxLength(100))),
    /** With commentId and kind network: how wide (default: the one address). */
    prefix: v.optional(v.pipe(v.number(), v.integer(), v.minValue(8), v.maxValue(128))),
    /** How long; left out: until lifted. */
    hours: v.optional(v.pipe(v.number(), v.minValue(1 / 60), v.maxValue(24 * 365 * 10))),
    reason: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  v.check(
    (b) => [b.email, b.emailHash, b.network, b.commentId].filter((x) => x !== undefined).length === 1,
    'Give exactly one of email, emailHash, network or commentId',
  ),
);

/** What a moderator sees: the comment as readers would, plus where it is, who wrote it and why it is here. */
/** The stored hash (imported comments have only that), else the hash of the address. */
const hashOf = async (r: CommentRecord) =>
  r.authorEmailHash ?? (r.authorEmail ? await emailHashOf(r.authorEmail) : null);

export async function moderationView(r: CommentRecord, extra?: Omit<QueueItem, 'record'>) {
  return {
    ...publicComment(r),
    status: r.status === 'rejected' && r.spam ? 'spam' : r.status,
    reviewId: r.reviewId,
    author: { name: r.authorName, email: r.authorEmail, emailHash: await hashOf(r) },
    clientIp: r.clientIp ?? null,
    ...(extra ?? {}),
  };
}

export function eventOf(
  type: DeskEvent['type'],
  r: CommentRecord,
  now: number,
  report?: DeskEvent['report'],
): DeskEvent {
  return {
    type,
    at: new Date(now).toISOString(),
    comment: {
      id: r.id,
      reviewId: r.reviewId,
      status: r.status,
      authorName: r.authorName,
      body: r.body,
      createdAt: r.createdAt,
    },
    ...(report ? { report } : {}),
  };
}

/** The moderation queue, actions one by one or in bulk, and bans. */
export function moderationRoutes(store: ReviewStore, desk: DeskStore, deps: Deps) {
  const app = new Hono();
  const admin = requireAdmin(deps);

  app.get('/admin/queue', admin, async (c) => {
    const query = v.safeParse(QueueQuery, c.req.query());
    if (!query.success)
      return problem(
        c,
        400,
        'invalid-query',
        'status: pending|reported|published|rejected|spam; review: a review id; limit: 1–100',
      );
    const { status, review, limit, cursor } = query.output;
    const page = await desk.queue({ status, reviewId: review, limit, cursor });
    c.header('Cache-Control', 'no-store');
    return c.json({
      items: await Promise.all(page.items.map(({ record, ...extra }) => moderationView(record, extra))),
      nextCursor: page.nextCursor,
    });
  });

  async function act(id: string, action: ModerationAction) {
    const before = await store.getComment(id);
    const result = await desk.moderate(id, action);
    if (result && result !== 'purged' && action === 'approve' && before?.status !== 'published') {
      deps.notify?.(eventOf('comment.approved', result, deps.now()));
    }
    return result;
  }

  for (const action of ACTIONS) {
    app.post(`/admin/comments/:id/${action}`, admin, async (c) => {
      const result = await act(c.req.param('id'), action);
      if (!result) return problem(c, 404, 'not-found', `There is no comment ${c.req.param('id')}`);
      if (result === 'purged') return c.body(null, 204);
      return c.json(await moderationView(result));
    });
  }

  app.post('/admin/comments/bulk', admin, async (c) => {
    const body = await readBody(c, BulkSchema);
    if (!body.ok) return body.response;
    const results = [];
    for (const id of new Set(body.value.ids)) {
      const result = await act(id, body.value.action);
      results.push(
        result
          ? { id, ok: true, status: result === 'purged' ? 'purged' : (await moderationView(result)).status }
          : { id, ok: false, code: 'not-found' },
      );
    }
    return c.json({ action: body.value.action, results });
  });

  app.get('/admin/bans', admin, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await desk.listBans(deps.now()) });
  });

  app.post('/admin/bans', admin, async (c) => {
    const body = await readBody(c, BanSchema);
    if (!body.ok) return body.response;
    const value = await banValue(c, body.value);
    if (value instanceof Response) return value;
    const now = deps.now();
    const ban: Ban = {
      id: `ban_${randomToken(9)}`,
      kind: body.value.kind,
      value,
      reason: body.value.reason ?? null,
      createdAt: new Date(now).toISOString(),
      expiresAt: body.value.hours ? new Date(now + body.value.hours * 3_600_000).toISOString() : null,
    };
    await desk.addBan(ban);
    c.header('Location', `/v1/admin/bans/${ban.id}`);
    return c.json(ban, 201);
  });

  async function banValue(c: Context, b: v.InferOutput<typeof BanSchema>): Promise<string | Response> {
    const bad = (path: string, message: string) =>
      problem(c, 400, 'invalid-body', `${path}: ${message}`, { errors: [{ path, message }] });
    if (b.commentId) {
      const record = await store.getComment(b.commentId);
      if (!record) return problem(c, 404, 'not-found', `There is no comment ${b.commentId}`);
      if (b.kind === 'email')
        return (await hashOf(record)) ?? bad('commentId', 'this comment was posted without an email');
      if (!record.clientIp)
        return bad('commentId', 'the address of this comment is not known (posted before #14, or deleted)');
      const family = ipFamily(record.clientIp);
      return (
        cidr(`${record.clientIp}/${Math.min(b.prefix ?? 128, family === 4 ? 32 : 128)}`) ??
        bad('prefix', 'not a valid prefix for this address')
      );
    }
    if (b.kind === 'email') {
      if (b.email) return emailHashOf(b.email);
      if (b.emailHash) return b.emailHash;
      return bad('email', 'an email ban needs email, emailHash or commentId');
    }
    return (
      (b.network && cidr(b.network)) ||
      bad('network', 'a network like 203.0.113.0/24 or 2001:db8::/48 (at most /8 and /16 wide)')
    );
  }

  app.delete('/admin/bans/:id', admin, async (c) => {
    if (!(await desk.removeBan(c.req.param('id'))))
      return problem(c, 404, 'not-found', `There is no ban ${c.req.param('id')}`);
    return c.body(null, 204);
  });
  return app;
}
