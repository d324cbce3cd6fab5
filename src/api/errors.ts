/**
 * Stable error codes. Server codes come from `application/problem+json`; the client adds the ones
 * that can only be seen from the browser (`network`, `timeout`, `invalid-response`).
 */
export type ReviewErrorCode =
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'not-found'
  | 'invalid-body'
  | 'unauthorized'
  | 'forbidden'
  | 'payload-too-large'
  | 'rate-limited'
  | 'comments-closed'
  | 'server-error'
  | 'http-error'
  // Not from the API: something else failed (the element's code could not load); `cause` has it.
  | 'unknown'
  // Codes a newer server may add stay strings, and elements show their generic message for them.
  | (string & {});

export interface ReviewApiErrorInit {
  code: ReviewErrorCode;
  status?: number;
  detail?: string;
  url?: string;
  /** Dot path of the field that failed validation (`work.title`), for `invalid-response`. */
  field?: string;
  /** Seconds the server asked us to wait (`Retry-After`), for `rate-limited`. */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error type that leaves `src/api/`: elements switch on `code`, never on message text. */
export class ReviewApiError extends Error {
  override readonly name = 'ReviewApiError';
  readonly code: ReviewErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly detail: string;
  readonly url: string | undefined;
  readonly field: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: ReviewApiErrorInit) {
    super(init.detail ? `${init.code}: ${init.detail}` : init.code, { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.detail = init.detail ?? '';
    this.url = init.url;
    this.field = init.field;
    this.retryAfter = init.retryAfter;
  }

  /** Whether trying the same request again may succeed: see `worthRetrying`. */
  get retryable(): boolean {
    return worthRetrying(this);
  }
}

const RETRYABLE = new Set<string>(['network', 'timeout', 'server-error', 'rate-limited', 'invalid-response']);

/**
 * The one definition of "worth trying again" (the client's `retryable`, the elements' automatic
 * retry): the network, a timeout, the server's own trouble (any 5xx), a rate limit, or an answer
 * cut short or garbled on the way (`invalid-response`). A missing review or a refused request is not.
 */
export function worthRetrying(error: unknown): boolean {
  const { code, status } = (error ?? {}) as { code?: string; status?: number };
  return RETRYABLE.has(code ?? '') || (status ?? 0) >= 500;
}

const CODE_BY_STATUS: Record<number, ReviewErrorCode> = {
  400: 'invalid-body',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  410: 'not-found',
  413: 'payload-too-large',
  429: 'rate-limited',
  504: 'timeout',
};

export function codeForStatus(status: number): ReviewErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'server-error' : 'http-error');
}

export function isAbortError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'AbortError';
}
