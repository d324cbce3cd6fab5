/**
 * A fake review API for the stories, served by MSW. Each scenario has its own base URL
 * (`story-api/<scenario>/v1`, relative to the preview iframe), so stories never share a cached or
 * in-flight request, and the handlers of every scenario can be active at once (docs pages render
 * all stories together).
 */
import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import * as docs from './review-documents.js';

/** The path every fake API lives under; requests elsewhere are not mocked. */
const ROOT = 'story-api';
const base = (scenario: string) => `${ROOT}/${scenario}/v1`;
const route = (scenario: string) => `*/${base(scenario)}/reviews/:id`;

/** `application/problem+json` (RFC 9457), as the real API sends it. */
export function problem(status: number, code: string, title: string, detail: string) {
  return HttpResponse.json(
    { type: `https://reviews.example/problems/${code}`, title, status, detail, code },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

const ok = (doc: JsonBodyType) => HttpResponse.json(doc, { headers: { 'Cache-Control': 'no-cache' } });

const notFound = (id: string) => problem(404, 'not-found', 'Not found', `There is no review with id "${id}".`);

/** Review documents by id in the working API. Built per request, so `document.baseURI` is the iframe's. */
const library: Record<string, () => JsonBodyType> = {
  ballerina: docs.ballerina,
  'past-lives': docs.pastLives,
  'the-glory': docs.theGlory,
  minimal: docs.minimal,
  'long-title': docs.longTitle,
  'no-poster': docs.noPoster,
  'not-warned': docs.notWarned,
  invalid: docs.missingWorkTitle,
  // For <cast-list>: a large cast (photos, broken photos, none; several scripts), long names, none.
  'forty-members': docs.fortyMembers,
  'long-names': docs.longNames,
  'empty-cast': docs.emptyCast,
};

/** Every id the working API knows, for the `review` control. */
export const REVIEW_IDS = Object.keys(library);

/** A working API: the documents above, 404 problem+json for any other id. */
export const API = base('reviews');
export const reviewsHandler = http.get(route('reviews'), ({ params }) => {
  const id = String(params.id);
  const build = library[id];
  return build ? ok(build()) : notFound(id);
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
  problem(500, 'server-error', 'Internal server error', 'The database did not answer in time.'),
);

/**
 * An API whose first request fails (500) and whose next ones succeed after a short delay, to
 * show Retry → "Trying again…" → the loaded card. Call `resetFlakyApi()` in the story's
 * `beforeEach` so each visit starts with the failure again.
 */
export const FLAKY_API = base('flaky');
let flakyAttempts = 0;
export const resetFlakyApi = () => {
  flakyAttempts = 0;
};
export const flakyHandler = http.get(route('flaky'), async ({ params }) => {
  flakyAttempts += 1;
  if (flakyAttempts === 1) {
    return problem(503, 'server-error', 'Service unavailable', 'The review service is restarting.');
  }
  await delay(800);
  const build = library[String(params.id)];
  return build ? ok(build()) : notFound(String(params.id));
});

/** Every scenario's handler, for a meta's `parameters.msw.handlers` (docs pages show all stories). */
export const allHandlers: HttpHandler[] = [reviewsHandler, loadingHandler, errorHandler, flakyHandler];
