import { Hono } from 'hono';
import { problem } from '../problem.js';
import type { ReviewStore } from '../store/store.js';
import { adminReviewRoutes } from './admin-reviews.js';
import { ACTIONS, moderationRoutes } from './admin-moderation.js';
import { sessionRoutes } from './admin-session.js';
import type { Deps } from './auth.js';
import { reportRoutes } from './reports.js';

/** Every method and path the desk answers, for a store that has no desk. */
const DESK_ROUTES: [string[], string][] = [
  [['GET', 'POST', 'DELETE'], '/admin/session'],
  [['GET'], '/admin/reviews'],
  [['GET'], '/admin/reviews/:id'],
  [['POST'], '/admin/reviews/:id/publish'],
  [['POST'], '/admin/reviews/:id/unpublish'],
  [['PATCH', 'DELETE'], '/reviews/:id'],
  [['GET'], '/admin/queue'],
  // approve and reject without a desk: routes/admin.ts, through ReviewStore.
  ...ACTIONS.filter((action) => action !== 'approve' && action !== 'reject').map((action): [string[], string] => [
    ['POST'],
    `/admin/comments/:id/${action}`,
  ]),
  [['POST'], '/admin/comments/bulk'],
  [['GET', 'POST'], '/admin/bans'],
  [['DELETE'], '/admin/bans/:id'],
  [['POST'], '/comments/:id/reports'],
];

/**
 * The owner's desk (#14) as far as it runs on any fetch runtime, mounted under /v1 by server/api.ts.
 * Image uploads write files (routes/uploads.ts): server/app.ts mounts them on Node.
 */
export function deskRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();
  const desk = store.desk;
  if (!desk) {
    // Said plainly rather than a 404 (the route exists) or a guard's 401 (signing in would not help).
    for (const [methods, path] of DESK_ROUTES) {
      app.on(methods, path, (c) =>
        problem(
          c,
          501,
          'desk-unavailable',
          'This store keeps no drafts, reports, bans or sessions; run the server on SQLite or PostgreSQL',
        ),
      );
    }
    return app;
  }
  app.route('/', sessionRoutes(desk, deps));
  app.route('/', adminReviewRoutes(store, desk, deps));
  app.route('/', moderationRoutes(store, desk, deps));
  app.route('/', reportRoutes(store, desk, deps));
  return app;
}
