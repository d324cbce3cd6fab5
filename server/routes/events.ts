import { Hono } from 'hono';
import type { LiveHub } from '../live/hub.js';
import { problem } from '../problem.js';
import { client as clientOf, type Deps } from './auth.js';
import type { ReviewStore } from '../store/store.js';

/**
 * GET /v1/reviews/:id/events: the thread's changes as Server-Sent Events (comment-created,
 * comment-updated, comment-removed, count; reset when a reconnect is too far behind). A reconnect
 * resumes after Last-Event-ID (the header browsers send, or ?lastEventId= for a first connection
 * that already has one). Reads: open to any origin, like the other read routes.
 */
export function eventRoutes(store: ReviewStore, hub: LiveHub, deps: Deps) {
  const app = new Hono();

  app.get('/reviews/:id/events', async (c) => {
    const reviewId = c.req.param('id');
    const raw = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    if (raw !== undefined && raw !== '' && !/^\d{1,16}$/.test(raw)) {
      return problem(c, 400, 'invalid-query', 'Last-Event-ID must be an event id this server sent');
    }
    if (!(await store.getReview(reviewId)))
      return problem(c, 404, 'not-found', `There is no review with id ${reviewId}`);
    const client = clientOf(c, deps);
    if (!hub.admits(client)) {
      c.header('Retry-After', '30');
      return problem(c, 429, 'rate-limited', 'Too many event streams are open from this address; close one first', {
        retryAfter: 30,
      });
    }
    const stream = hub.open(reviewId, client, raw ? Number(raw) : undefined);
    return c.body(stream, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // nginx would otherwise hold the events in its buffer.
      'X-Accel-Buffering': 'no',
    });
  });

  return app;
}
