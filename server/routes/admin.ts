import { Hono } from 'hono';
import * as v from 'valibot';
import { problem } from '../problem.js';
import { publicComment } from '../store/comment-tree.js';
import type { CommentRecord, ReviewStore } from '../store/store.js';
import { requireAdmin, type Deps } from './auth.js';
import { LimitSchema } from './reviews.js';

const StatusSchema = v.optional(v.picklist(['pending', 'published', 'rejected', 'deleted']), 'pending');

/** What a moderator sees: the public comment plus where it is and who wrote it. */
const adminView = (r: CommentRecord) => ({
  ...publicComment(r),
  status: r.status,
  reviewId: r.reviewId,
  author: { name: r.authorName, email: r.authorEmail },
});

export function adminRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();
  app.use('/admin/*', requireAdmin(deps));

  app.get('/admin/comments', async (c) => {
    const status = v.safeParse(StatusSchema, c.req.query('status'));
    const limit = v.safeParse(LimitSchema, c.req.query('limit'));
    if (!status.success || !limit.success)
      return problem(c, 400, 'invalid-query', 'status: pending|published|rejected|deleted; limit: 1–100');
    const page = await store.listByStatus({
      status: status.output,
      limit: limit.output,
      cursor: c.req.query('cursor'),
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ items: page.items.map(adminView), nextCursor: page.nextCursor });
  });

  // With a desk, approve, reject and the other actions are routes/admin-moderation.ts (mounted
  // first). A store without one (the in-memory store) still approves and rejects, as before #14.
  if (!store.desk) {
    for (const [action, status] of [
      ['approve', 'published'],
      ['reject', 'rejected'],
    ] as const) {
      app.post(`/admin/comments/:id/${action}`, async (c) => {
        const record = await store.getComment(c.req.param('id'));
        if (!record || record.status === 'deleted')
          return problem(c, 404, 'not-found', `There is no comment ${c.req.param('id')}`);
        const updated = await store.setCommentStatus(record.id, status);
        return c.json(adminView(updated!));
      });
    }
  }
  return app;
}
