/**
 * The review API of the card, cast, content-warning and source stories: the reference server's
 * routes with the in-memory store (./real-api.ts), behind MSW. Each scenario has its own base URL
 * (`story-api/<scenario>/v1`, relative to the preview iframe), so stories never share a cached or
 * in-flight request, and the handlers of every scenario can be active at once (docs pages render
 * all stories together). Only the faults are answered here: never answering, failing, flaky, and
 * a server that sends a document the client must refuse.
 */
import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { forward, storyApi, type StoryApi } from './real-api.js';
import type { ReviewInput } from '../../src/index.js';
import * as docs from './review-documents.js';

/** The path every story API lives under; requests elsewhere are not mocked. */
const ROOT = 'story-api';
const base = (scenario: string) => `${ROOT}/${scenario}/v1`;
const route = (scenario: string) => `*/${base(scenario)}/reviews/:id`;

/** `application/problem+json` (RFC 9457), as the real API sends it: for the injected faults. */
export function problem(status: number, code: string, title: string, detail: string) {
  return HttpResponse.json(
    { type: `urn:review-elements:problem:${code}`, title, status, detail, code },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** Review documents the working API stores. Built when it is, so `document.baseURI` is the iframe's. */
const library: Record<string, () => ReviewInput> = {
  ballerina: docs.ballerina,
  'past-lives': docs.pastLives,
  'the-glory': docs.theGlory,
  minimal: docs.minimal,
  'long-title': docs.longTitle,
  'no-poster': docs.noPoster,
  'not-warned': docs.notWarned,
  // For <cast-list>: a large cast (photos, broken photos, none; several scripts), long names, none.
  'forty-members': docs.fortyMembers,
  'long-names': docs.longNames,
  'empty-cast': docs.emptyCast,
};

/**
 * A document the server could never store (no work title): a broken or foreign API's answer,
 * which the client must refuse with its error state. Answered here, in front of the real routes.
 */
const INVALID = 'invalid';

/** Every id the working API knows, for the `review` control. */
export const REVIEW_IDS = [...Object.keys(library), INVALID];

let working: Promise<StoryApi> | undefined;
const reviewsApi = () =>
  (working ??= storyApi(async (store) => {
    for (const [id, build] of Object.entries(library)) await store.putReview({ ...build(), id });
  }));

/** A working API: the documents above from the real routes, their 404 problem+json for any other id. */
export const API = base('reviews');
export const reviewsHandler = http.all(`*/${API}/*`, async ({ request }) => {
  if (new URL(request.url).pathname.endsWith(`/reviews/${INVALID}`)) {
    return HttpResponse.json(docs.missingWorkTitle() as JsonBodyType, { headers: { 'Cache-Control': 'no-cache' } });
  }
  return forward(await reviewsApi(), `${ROOT}/reviews`, request);
});

/** An API that never answers: the card stays in its loading skeleton. */
export const LOADING_API = base('loading');
export const loadingHandler = http.get(route('loading'), async () => {
  await delay('infinite');
  return new HttpResponse(null, { status: 204 });
});

/** An API that always fails with a 500 problem+json. */
export const ERROR_API = base('error');
export const errorHandler = http.get(route('error'), () =>
  problem(500, 'server-error', 'Something went wrong on the server', 'The database did not answer in time.'),
);

/**
 * An API whose first request fails (503) and whose next ones are the working API's answers after
 * a short delay, to show Retry → "Trying again…" → the loaded card. Call `resetFlakyApi()` in the
 * story's `beforeEach` so each visit starts with the failure again.
 */
export const FLAKY_API = base('flaky');
let flakyAttempts = 0;
export const resetFlakyApi = () => {
  flakyAttempts = 0;
};
export const flakyHandler = http.get(route('flaky'), async ({ request }) => {
  flakyAttempts += 1;
  if (flakyAttempts === 1) {
    return problem(503, 'server-error', 'Something went wrong on the server', 'The review service is restarting.');
  }
  await delay(800);
  return forward(await reviewsApi(), `${ROOT}/flaky`, request);
});

/** Every scenario's handler, for a meta's `parameters.msw.handlers` (docs pages show all stories). */
export const allHandlers: HttpHandler[] = [reviewsHandler, loadingHandler, errorHandler, flakyHandler];
