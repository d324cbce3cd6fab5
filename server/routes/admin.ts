import { Hono } from 'hono';
import * as v from 'valibot';
import { problem } from '../problem.js';
import { publicComment } from '../store/sqlite.js';
import type { CommentRecord, ReviewStore } from '../store/store.js';
import { requireAdmin, type Deps } from './auth.js';
import { LimitSchema } from './reviews.js';

const StatusSchema = v.optional(v.picklist(['pending', 'published', 'rejected', 'deleted']), 'pending');

/** What a moderator sees: the public comment plus where it is and who wrote it. */
const adminView = (r: CommentRecord) => ({ ...publicComment(r), status: r.status, reviewId: r.reviewId, author: { name: r.authorName, email: r.authorEmail } });

export function adminRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();
  app.use('/admin/*', requireAdmin(deps));

  app.get('/admin/comments', async (c) => {
    const status = v.safeParse(StatusSchema, c.req.query('status'));
    const limit = v.safeParse(LimitSchema, c.req.query('limit'));
    if (!status.success || !limit.success) return problem(c, 400, 'invalid-query', 'status: pending|published|rejected|deleted; limit: 1–100');
    const page = await store.listByStatus({ status: status.output, limit: limit.output, cursor: c.req.query('cursor') });
    c.header('Cache-Control', 'no-store');
    return c.json({ items: page.items.map(adminView), nextCursor: page.nextCursor });
  });

  // approve, reject and the other actions: routes/admin-moderation.ts
  return app;
}
