import { Hono } from 'hono';
import * as v from 'valibot';
import { ReviewSchema } from '../../src/api/schemas.js';
import { cachedJson, readBody } from '../http.js';
import { resolveImageUrls } from '../image-urls.js';
import { problem } from '../problem.js';
import type { ReviewStore } from '../store/store.js';
import { requireAdmin, type Deps } from './auth.js';

/** Review documents: long-lived in caches, revalidated by ETag (the count in them changes). */
export const REVIEW_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
const LIST_CACHE = 'public, max-age=60';

/** `?state=draft` keeps a review off public routes; a new review is published by default. */
const StateSchema = v.optional(v.picklist(['draft', 'published']));
const LimitSchema = v.optional(
  v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(100)),
  '20',
);

export function reviewRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();

  app.get('/reviews', async (c) => {
    const limit = v.safeParse(LimitSchema, c.req.query('limit'));
    if (!limit.success) return problem(c, 400, 'invalid-query', 'limit must be a whole number from 1 to 100');
    const page = await store.listReviews(c.req.query('cursor'), limit.output);
    return cachedJson(c, JSON.stringify(page), LIST_CACHE);
  });

  app.get('/reviews/:id', async (c) => {
    const stored = await store.getReview(c.req.param('id'));
    if (!stored || stored.state === 'draft')
      return problem(c, 404, 'not-found', `There is no review with id ${c.req.param('id')}`);
    return cachedJson(c, stored.json, REVIEW_CACHE, stored.etag);
  });

  app.put('/reviews/:id', requireAdmin(deps), async (c) => {
    const id = c.req.param('id');
    const state = v.safeParse(StateSchema, c.req.query('state'));
    if (!state.success) return problem(c, 400, 'invalid-query', 'state must be draft or published');
    const body = await readBody(c, ReviewSchema);
    if (!body.ok) return body.response;
    if (body.value.id !== id)
      return problem(c, 400, 'invalid-body', `The document's id (${body.value.id}) is not the id in the URL (${id})`);
    const raw = body.raw as v.InferInput<typeof ReviewSchema>;
    const { created } = await store.putReview(
      c.req.query('images') === 'article' ? resolveImageUrls(raw) : raw,
      state.output,
    );
    const stored = (await store.getReview(id))!;
    c.header('ETag', stored.etag);
    if (created) c.header('Location', `/v1/reviews/${encodeURIComponent(id)}`);
    return c.body(stored.json, created ? 201 : 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  return app;
}

export { LimitSchema };
