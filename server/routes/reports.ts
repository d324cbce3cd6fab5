import { Hono } from 'hono';
import * as v from 'valibot';
import { readBody } from '../http.js';
import { problem } from '../problem.js';
import { sha256 } from '../web-crypto.js';
import { REPORT_REASONS, type DeskStore } from '../store/desk.js';
import type { ReviewStore } from '../store/store.js';
import { eventOf } from './admin-moderation.js';
import { client, type Deps } from './auth.js';

const ReportSchema = v.object({
  reason: v.picklist(REPORT_REASONS, `reason: ${REPORT_REASONS.join(', ')}`),
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, 'Notes are at most 500 characters'))),
});
/** Reports per address and hour, on top of the general write limit. */
const REPORTS_PER_HOUR = 20;

/**
 * POST /v1/comments/{id}/reports: a reader flags a comment. One report per reader (by address,
 * kept only as a hash) and comment; a repeat answers 200 with the same body and counts nothing.
 */
export function reportRoutes(store: ReviewStore, desk: DeskStore, deps: Deps) {
  const app = new Hono();
  const limiter = deps.limits('reports', REPORTS_PER_HOUR, 3_600_000);

  app.post('/comments/:id/reports', async (c) => {
    const id = c.req.param('id');
    const record = await store.getComment(id);
    const review = record && (await store.getReview(record.reviewId));
    // Pending too: a comment hidden by reports answers a later report as before, not with a 404.
    if (
      !record ||
      (record.status !== 'published' && record.status !== 'pending') ||
      !review ||
      review.state === 'draft'
    )
      return problem(c, 404, 'not-found', `There is no comment ${id}`);
    const body = await readBody(c, ReportSchema);
    if (!body.ok) return body.response;
    const address = client(c, deps);
    const wait = await limiter.hit(address, deps.now());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate-limited', `At most ${REPORTS_PER_HOUR} reports an hour`, { retryAfter: wait });
    }
    const readerKey = await sha256(`report:${address}`);
    const now = deps.now();
    const result = await desk.report(
      {
        commentId: id,
        readerKey,
        reason: body.value.reason,
        note: body.value.note || null,
        createdAt: new Date(now).toISOString(),
      },
      deps.config.reportHideAt,
    );
    if (result.created)
      deps.notify?.(eventOf('comment.reported', record, now, { reason: body.value.reason, hidden: result.hidden }));
    c.header('Cache-Control', 'no-store');
    return c.json({ commentId: id, reported: true }, result.created ? 201 : 200);
  });
  return app;
}
