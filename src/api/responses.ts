/**
 * What the client makes of an answer: checked and normalised JSON, its freshness, and the error
 * a failed one becomes. Apart from the client so that data a page gives with an element (no
 * request) goes through exactly the same checks.
 */
import { ReviewApiError, codeForStatus } from './errors.js';
import { normalizeReview } from './normalize.js';
import { carryDropped, parseLenient } from './lenient.js';
import { commentPageCheck, reviewCheck, type Check } from './guard.js';
import type { CommentPage, Problem, Review } from './types.js';

/** A normalised review that still says which malformed optional fields were left out. */
export const normalized = (review: Review, base: string) => carryDropped(review, normalizeReview(review, base));

/** Lenient for optional fields (see lenient.ts): a malformed required field fails the answer. */
export function validate<T>(check: Check, json: unknown, url: string): T {
  const result = parseLenient<T>(check, json);
  if ('output' in result) return result.output;
  const { path, message } = result.failure;
  const field = path.join('.') || '(root)';
  throw new ReviewApiError({ code: 'invalid-response', url, field, detail: `${field}: ${message}` });
}

/**
 * Data a page gives with an element instead of a request (a property, or the JSON of a
 * `<script type="application/json">` child), checked and normalised exactly as a fetched answer
 * is; relative URLs in it are relative to `base` (the page).
 */
export function parseReview(json: unknown, base: string): Review {
  return normalized(validate<Review>(reviewCheck, json, base), base);
}

/** A page of comments given with `<comment-thread>`, checked as a fetched one is. */
export function parseCommentPage(json: unknown, base: string): CommentPage {
  return validate<CommentPage>(commentPageCheck, json, base);
}

/** `Cache-Control: max-age` as an absolute time; no header or `no-cache` means "always revalidate". */
export function freshUntil(response: Response): number {
  const header = response.headers.get('Cache-Control') ?? '';
  if (/no-cache|no-store/i.test(header)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(header);
  return maxAge ? Date.now() + Number(maxAge[1]) * 1000 : 0;
}

export function parseJson(response: Response, body: string, url: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    const type = response.headers.get('Content-Type') ?? 'no content type';
    throw new ReviewApiError({
      code: 'invalid-response',
      status: response.status,
      url,
      detail: `The response is not JSON (${type})`,
    });
  }
}

const PROBLEM = {
  type: 'string',
  title: 'string',
  status: 'number',
  detail: 'string',
  code: 'string',
  retryAfter: 'number',
};

export function problemError(response: Response, body: string, url: string): ReviewApiError {
  const problem: Problem = {};
  try {
    // Every member optional: those of the wrong type are left out (a proxy's own JSON, say).
    const parsed: unknown = JSON.parse(body);
    for (const [key, type] of Object.entries(PROBLEM)) {
      const value = (parsed as Record<string, unknown> | null)?.[key];
      if (typeof value === type) (problem as Record<string, unknown>)[key] = value;
    }
  } catch {
    // Not problem+json (a proxy's HTML error page, say): the status alone has to do.
  }
  const retryAfterHeader = Number(response.headers.get('Retry-After'));
  return new ReviewApiError({
    code: problem.code ?? codeForStatus(response.status),
    status: response.status,
    url,
    detail: problem.detail ?? problem.title ?? (response.statusText || `HTTP ${response.status}`),
    retryAfter: Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : problem.retryAfter,
  });
}
