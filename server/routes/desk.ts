import { Hono } from 'hono';
import type { ReviewStore } from '../store/store.js';
import { adminReviewRoutes } from './admin-reviews.js';
import { moderationRoutes } from './admin-moderation.js';
import { sessionRoutes } from './admin-session.js';
import type { Deps } from './auth.js';
import { reportRoutes } from './reports.js';
import { uploadRoutes } from './uploads.js';

/** Every route of the owner's desk (#14), mounted under /v1 by app.ts. */
export function deskRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();
  app.route('/', sessionRoutes(store.desk, deps));
  app.route('/', uploadRoutes(deps));
  app.route('/', adminReviewRoutes(store, store.desk, deps));
  app.route('/', moderationRoutes(store, store.desk, deps));
  app.route('/', reportRoutes(store, store.desk, deps));
  return app;
}
