import * as v from 'valibot';
import { ReviewApiError, codeForStatus, isAbortError } from './errors.js';
import { normalizeReview } from './normalize.js';
import { ProblemSchema, ReviewSchema } from './schemas.js';
import type { Review } from './types.js';
import { absoluteUrl, joinUrl } from './urls.js';

export interface ReviewClientOptions {
  /** Base URL of a v1 review API, e.g. `https://reviews.example/v1`. Needed for id-based calls. */
  api?: string;
  /** Milliseconds before a request (headers and body) is given up with code `timeout`. */
  timeout?: number;
  /** Injected for tests and non-browser hosts; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Abort this caller's wait. The shared request stops only when every caller has aborted. */
  signal?: AbortSignal;
  /** Ignore `Cache-Control` freshness and ask the server (with `If-None-Match` when we can). */
  revalidate?: boolean;
}

interface CacheEntry {
  value: unknown;
  etag: string | null;
  freshUntil: number;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export const DEFAULT_TIMEOUT = 10_000;
const ACCEPT = 'application/json, application/problem+json;q=0.9';

/**
 * Talks to the review API or to static review documents. Written by hand rather than with a fetch
 * wrapper library because what we need is small and specific: one request per URL shared by every
 * caller with per-caller abort, ETag revalidation, and every failure turned into `ReviewApiError`.
 */
export class ReviewClient {
  readonly api: string | undefined;
  readonly timeout: number;
  readonly #fetch: typeof fetch;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, InFlight>();

  constructor(options: ReviewClientOptions = {}) {
    this.api = options.api ? absoluteUrl(options.api) : undefined;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** `GET {api}/reviews/{id}`. */
  getReview(id: string, options: RequestOptions = {}): Promise<Review> {
    if (!this.api) {
      return Promise.reject(new ReviewApiError({ code: 'invalid-body', detail: 'No API base URL was given' }));
    }
    return this.getDocument(joinUrl(this.api, `reviews/${encodeURIComponent(id)}`), options);
  }

  /** A review document at any URL: the API's, or a static `.json` file beside a blog post. */
  getDocument(url: string, options: RequestOptions = {}): Promise<Review> {
    return this.#get(absoluteUrl(url), options, (json, responseUrl) =>
      normalizeReview(this.#validate(ReviewSchema, json, responseUrl), responseUrl),
    );
  }

  /** Forget cached responses, for one URL or all. */
  clear(url?: string): void {
    if (url) this.#cache.delete(absoluteUrl(url));
    else this.#cache.clear();
  }

  #get<T>(url: string, options: RequestOptions, parse: (json: unknown, url: string) => T): Promise<T> {
    const cached = this.#cache.get(url);
    if (cached && !options.revalidate && cached.freshUntil > Date.now()) {
      return Promise.resolve(cached.value as T);
    }
    let shared = this.#inFlight.get(url);
    if (!shared) {
      const controller = new AbortController();
      const promise = this.#load(url, controller.signal, parse).finally(() => {
        if (this.#inFlight.get(url) === entry) this.#inFlight.delete(url);
      });
      // A request whose every caller aborted rejects with nobody listening: not an unhandled rejection.
      promise.catch(() => {});
      const entry: InFlight = { promise, controller, waiters: 0 };
      shared = entry;
      this.#inFlight.set(url, entry);
    }
    return this.#wait(url, shared, options.signal) as Promise<T>;
  }

  #wait(url: string, shared: InFlight, signal: AbortSignal | undefined): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    shared.waiters++;
    if (!signal) return shared.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        if (--shared.waiters === 0) {
          if (this.#inFlight.get(url) === shared) this.#inFlight.delete(url);
          shared.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #load<T>(url: string, abort: AbortSignal, parse: (json: unknown, url: string) => T): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeout);
    const signal = AbortSignal.any([abort, timeout]);
    const cached = this.#cache.get(url);
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (cached?.etag) headers['If-None-Match'] = cached.etag;

    const fail = (error: unknown, what: string): never => {
      if (abort.aborted) throw abort.reason;
      if (timeout.aborted || (error as { name?: string })?.name === 'TimeoutError') {
        throw new ReviewApiError({ code: 'timeout', url, detail: `No answer within ${this.timeout} ms`, cause: error });
      }
      if (error instanceof ReviewApiError) throw error;
      if (isAbortError(error)) throw error;
      throw new ReviewApiError({ code: 'network', url, detail: `${what}: ${String((error as Error)?.message ?? error)}`, cause: error });
    };

    let response: Response;
    let body: string;
    try {
      response = await this.#fetch(url, { headers, signal, credentials: 'same-origin' });
      body = await response.text();
    } catch (error) {
      return fail(error, 'The request failed');
    }

    if (response.status === 304) {
      if (!cached) throw new ReviewApiError({ code: 'invalid-response', status: 304, url, detail: 'Not Modified without a cached copy' });
      cached.freshUntil = freshUntil(response);
      return cached.value as T;
    }
    if (!response.ok) throw problemError(response, body, url);

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      const type = response.headers.get('Content-Type') ?? 'no content type';
      throw new ReviewApiError({ code: 'invalid-response', status: response.status, url, detail: `The response is not JSON (${type})` });
    }
    const value = parse(json, response.url || url);
    this.#cache.set(url, { value, etag: response.headers.get('ETag'), freshUntil: freshUntil(response) });
    return value;
  }

  #validate<S extends v.GenericSchema>(schema: S, json: unknown, url: string): v.InferOutput<S> {
    const result = v.safeParse(schema, json);
    if (result.success) return result.output;
    const issue = result.issues[0];
    const field = v.getDotPath(issue) ?? '(root)';
    throw new ReviewApiError({ code: 'invalid-response', url, field, detail: `${field}: ${issue.message}` });
  }
}

/** `Cache-Control: max-age` as an absolute time; no header or `no-cache` means "always revalidate". */
function freshUntil(response: Response): number {
  const header = response.headers.get('Cache-Control') ?? '';
  if (/no-cache|no-store/i.test(header)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(header);
  return maxAge ? Date.now() + Number(maxAge[1]) * 1000 : 0;
}

function problemError(response: Response, body: string, url: string): ReviewApiError {
  let problem: v.InferOutput<typeof ProblemSchema> = {};
  try {
    const parsed = v.safeParse(ProblemSchema, JSON.parse(body));
    if (parsed.success) problem = parsed.output;
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
