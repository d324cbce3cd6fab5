import { ReviewApiError, isAbortError } from './errors.js';
import { commentCheck, commentPageCheck, createdCommentCheck, reviewCheck } from './guard.js';
import type { Comment, CommentInput, CommentPage, CommentQuery, CreatedComment, Review } from './types.js';
import { freshUntil, normalized, parseJson, problemError, validate } from './responses.js';
import { LruCache } from './lru.js';
import { absoluteUrl, joinUrl } from './urls.js';

export { parseCommentPage, parseReview } from './responses.js';

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
  /** Answers kept for their `max-age` and ETag: the 200 most recently used, 4 M characters of JSON at most. */
  readonly #cache = new LruCache<CacheEntry>(200, 4_000_000);
  readonly #inFlight = new Map<string, InFlight>();
  /** URLs whose last load failed: the next one bypasses the browser's HTTP cache (see #load). */
  readonly #failed = new Set<string>();

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
      normalized(validate<Review>(reviewCheck, json, responseUrl), responseUrl),
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
      const promise = this.#load(url, controller.signal, parse, options.revalidate ?? false).finally(() => {
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

  async #load<T>(
    url: string,
    abort: AbortSignal,
    parse: (json: unknown, url: string) => T,
    revalidate: boolean,
  ): Promise<T> {
    const cached = this.#cache.get(url);
    const headers: Record<string, string> = { Accept: ACCEPT };
    // (`cache` is spelled out: Node's RequestInit type lacks it, though its fetch takes it.)
    const init: RequestInit & { cache?: 'reload' } = { headers };
    if (cached?.etag) headers['If-None-Match'] = cached.etag;
    // Asked to revalidate with no copy of our own (a Retry after a failure, say): go to the server.
    // The browser's HTTP cache may hold the very answer that failed (a cut-off body), and would
    // serve it again, or get a 304 for it with a conditional request of its own.
    // The same after this URL failed on this page, for any caller (a new element, say): the cached
    // answer may be the broken one, kept for the review's max-age.
    else if (revalidate || this.#failed.has(url)) init.cache = 'reload';
    try {
      const value = await this.#exchangeAndParse(url, init, abort, parse, cached);
      this.#failed.delete(url);
      return value;
    } catch (error) {
      if (!abort.aborted) this.#failed.add(url);
      throw error;
    }
  }

  async #exchangeAndParse<T>(
    url: string,
    init: RequestInit,
    abort: AbortSignal,
    parse: (json: unknown, url: string) => T,
    cached: CacheEntry | undefined,
  ): Promise<T> {
    const { response, body } = await this.#exchange(url, init, abort);

    if (response.status === 304) {
      if (!cached)
        throw new ReviewApiError({
          code: 'invalid-response',
          status: 304,
          url,
          detail: 'Not Modified without a cached copy',
        });
      cached.freshUntil = freshUntil(response);
      return cached.value as T;
    }
    if (!response.ok) throw problemError(response, body, url);
    const value = parse(parseJson(response, body, url), response.url || url);
    this.#cache.set(url, { value, etag: response.headers.get('ETag'), freshUntil: freshUntil(response) }, body.length);
    return value;
  }

  /**
   * One HTTP exchange, headers and body, under the timeout; every way it can fail becomes a
   * `ReviewApiError` (`timeout`, `network`), except the caller's own abort, which stays an AbortError.
   */
  async #exchange(
    url: string,
    init: RequestInit,
    abort: AbortSignal | undefined,
  ): Promise<{ response: Response; body: string }> {
    const timeout = AbortSignal.timeout(this.timeout);
    const signal = abort ? AbortSignal.any([abort, timeout]) : timeout;
    try {
      const response = await this.#fetch(url, { ...init, signal, credentials: 'same-origin' });
      const body = await response.text();
      return { response, body };
    } catch (error) {
      if (abort?.aborted) throw abort.reason;
      if (timeout.aborted || (error as { name?: string })?.name === 'TimeoutError') {
        throw new ReviewApiError({ code: 'timeout', url, detail: `No answer within ${this.timeout} ms`, cause: error });
      }
      if (isAbortError(error)) throw error;
      throw new ReviewApiError({
        code: 'network',
        url,
        detail: `The request failed: ${String((error as Error)?.message ?? error)}`,
        cause: error,
      });
    }
  }

  /** A write (POST, PATCH, DELETE), or a read nothing may share or cache: the JSON answer validated if any. */
  async #send<T>(
    method: string,
    url: string,
    options: { json?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
    parse?: (json: unknown, url: string) => T,
  ): Promise<T | undefined> {
    const headers: Record<string, string> = { Accept: ACCEPT, ...options.headers };
    if (options.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const { response, body: text } = await this.#exchange(url, { method, headers, body }, options.signal);
    if (!response.ok) throw problemError(response, text, url);
    return parse && response.status !== 204 ? parse(parseJson(response, text, url), url) : undefined;
  }

  #requireApi(): string {
    if (!this.api) throw new ReviewApiError({ code: 'invalid-body', detail: 'No API base URL was given' });
    return this.api;
  }

  /** `GET {api}/reviews/{id}/comments`: a page of top-level comments with their replies. */
  getComments(reviewId: string, query: CommentQuery = {}, options: RequestOptions = {}): Promise<CommentPage> {
    let api: string;
    try {
      api = this.#requireApi();
    } catch (error) {
      return Promise.reject(error);
    }
    const params = new URLSearchParams();
    if (query.sort) params.set('sort', query.sort);
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.limit) params.set('limit', String(query.limit));
    const qs = params.toString();
    const url = joinUrl(api, `reviews/${encodeURIComponent(reviewId)}/comments${qs ? `?${qs}` : ''}`);
    // Always ask (the server says no-cache): a thread must show a comment posted a second ago.
    return this.#get(absoluteUrl(url), { ...options, revalidate: true }, (json, u) =>
      validate<CommentPage>(commentPageCheck, json, u),
    );
  }

  /**
   * `POST {api}/reviews/{id}/comments`. Pass the same `idempotencyKey` to every retry of one
   * comment: if an earlier attempt reached the server, its first answer comes back, not a duplicate.
   */
  async postComment(
    reviewId: string,
    input: CommentInput,
    idempotencyKey: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<CreatedComment> {
    const url = joinUrl(this.#requireApi(), `reviews/${encodeURIComponent(reviewId)}/comments`);
    const created = await this.#send(
      'POST',
      url,
      { json: input, headers: { 'Idempotency-Key': idempotencyKey }, signal: options.signal },
      (json, u) => validate<CreatedComment>(createdCommentCheck, json, u),
    );
    return created!;
  }

  /** `PATCH {api}/comments/{id}` with the comment's edit token. */
  async editComment(
    id: string,
    changes: { body?: string; spoiler?: boolean },
    token: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<Comment> {
    const url = joinUrl(this.#requireApi(), `comments/${encodeURIComponent(id)}`);
    const edited = await this.#send(
      'PATCH',
      url,
      { json: changes, headers: { Authorization: `Bearer ${token}` }, signal: options.signal },
      (json, u) => validate<Comment>(commentCheck, json, u),
    );
    return edited!;
  }

  /**
   * `GET {api}/comments/{id}`: one comment, published (to anyone) or held for moderation (only with
   * its edit token). Never cached: its author asks to learn whether it was approved meanwhile.
   */
  async getComment(id: string, token?: string, options: { signal?: AbortSignal } = {}): Promise<Comment> {
    const url = joinUrl(this.#requireApi(), `comments/${encodeURIComponent(id)}`);
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    const comment = await this.#send('GET', url, { headers, signal: options.signal }, (json, u) =>
      validate<Comment>(commentCheck, json, u),
    );
    return comment!;
  }

  /** `DELETE {api}/comments/{id}` with the comment's edit token. */
  async deleteComment(id: string, token: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    const url = joinUrl(this.#requireApi(), `comments/${encodeURIComponent(id)}`);
    await this.#send('DELETE', url, { headers: { Authorization: `Bearer ${token}` }, signal: options.signal });
  }

  /** `POST {api}/comments/{id}/reports`: a reader flags a comment; the server counts one report per reader. */
  async reportComment(
    id: string,
    report: { reason: string; note?: string },
    options: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const url = joinUrl(this.#requireApi(), `comments/${encodeURIComponent(id)}/reports`);
    await this.#send('POST', url, { json: report, signal: options.signal });
  }

  /** `GET {api}/comment-counts?ids=…`: counts for many reviews in one request (unknown ids left out). */
  async getCommentCounts(ids: readonly string[], options: RequestOptions = {}): Promise<Record<string, number>> {
    const url = joinUrl(this.#requireApi(), `comment-counts?ids=${ids.map(encodeURIComponent).join(',')}`);
    return this.#get(absoluteUrl(url), { ...options, revalidate: true }, (json, u) => {
      // An object without a prototype, so a review whose id is `__proto__` or `constructor` has its count.
      const out: Record<string, number> = Object.create(null) as Record<string, number>;
      const counts = (json as { counts?: unknown } | null)?.counts;
      const fail = (field: string) => {
        throw new ReviewApiError({ code: 'invalid-response', url: u, field, detail: `${field}: Expected a count` });
      };
      if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) fail('counts');
      for (const [id, n] of Object.entries(counts as Record<string, unknown>)) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`counts.${id}`);
        out[id] = n as number;
      }
      return out;
    });
  }
}
