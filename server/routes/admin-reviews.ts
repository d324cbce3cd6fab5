import { Hono } from 'hono';
import * as v from 'valibot';
import { ReviewSchema } from '../../src/api/schemas.js';
import type { ReviewInput } from '../../src/api/types.js';
import { readBody } from '../http.js';
import { resolveImageUrls } from '../image-urls.js';
import { problem } from '../problem.js';
import type { DeskStore } from '../store/desk.js';
import type { ReviewStore } from '../store/store.js';
import { requireAdmin, type Deps } from './auth.js';
import { LimitSchema } from './reviews.js';

const ListQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.maxLength(200))),
  state: v.optional(v.picklist(['draft', 'published'])),
  limit: LimitSchema,
  cursor: v.optional(v.string()),
});

/** A JSON Merge Patch (RFC 7396) is any JSON object; the merged document is what gets validated. */
const PatchSchema = v.record(v.string(), v.unknown());

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

/**
 * Reviews for the owner: the list with drafts, one review with its state, PATCH, DELETE (with its
 * comments), publish and unpublish. PUT /v1/reviews/{id} (routes/reviews.ts) creates and replaces.
 */
export function adminReviewRoutes(store: ReviewStore, desk: DeskStore, deps: Deps) {
  const app = new Hono();
  const admin = requireAdmin(deps);

  app.get('/admin/reviews', admin, async (c) => {
    const query = v.safeParse(ListQuery, c.req.query());
    if (!query.success)
      return problem(c, 400, 'invalid-query', 'q: up to 200 characters; state: draft|published; limit: 1–100');
    const page = await desk.listReviews(query.output);
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });

  app.get('/admin/reviews/:id', admin, async (c) => {
    const stored = await store.getReview(c.req.param('id'));
    if (!stored) return problem(c, 404, 'not-found', `There is no review with id ${c.req.param('id')}`);
    c.header('Cache-Control', 'no-store');
    c.header('ETag', stored.etag);
    return c.json({ state: stored.state ?? 'published', review: stored.review });
  });

  app.patch('/reviews/:id', admin, async (c) => {
    const id = c.req.param('id');
    const stored = await store.getReview(id);
    if (!stored) return problem(c, 404, 'not-found', `There is no review with id ${id}`);
    const patch = await readBody(c, PatchSchema);
    if (!patch.ok) return patch.response;
    const { commentCount: _count, ...current } = stored.review;
    const merged = mergePatch(current, patch.value);
    const checked = v.safeParse(ReviewSchema, merged);
    if (!checked.success) {
      const errors = checked.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
      return problem(
        c,
        400,
        'invalid-body',
        errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
        { errors },
      );
    }
    if (checked.output.id !== id)
      return problem(c, 400, 'invalid-body', 'The id of a review cannot be changed; create a new one', {
        errors: [{ path: 'id', message: 'cannot change' }],
      });
    await store.putReview(
      c.req.query('images') === 'article' ? resolveImageUrls(merged as ReviewInput) : (merged as ReviewInput),
    );
    const updated = (await store.getReview(id))!;
    c.header('ETag', updated.etag);
    return c.body(updated.json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.delete('/reviews/:id', admin, async (c) => {
    const result = await desk.deleteReview(c.req.param('id'));
    if (!result.deleted) return problem(c, 404, 'not-found', `There is no review with id ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  for (const [action, state] of [
    ['publish', 'published'],
    ['unpublish', 'draft'],
  ] as const) {
    app.post(`/admin/reviews/:id/${action}`, admin, async (c) => {
      if (!(await desk.setReviewState(c.req.param('id'), state)))
        return problem(c, 404, 'not-found', `There is no review with id ${c.req.param('id')}`);
      return c.json({ id: c.req.param('id'), state });
    });
  }
  return app;
}
