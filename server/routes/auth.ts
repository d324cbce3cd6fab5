import type { Context, MiddlewareHandler } from 'hono';
import type { ApiConfig } from '../config.js';
import { bearer, sameSecret } from '../http.js';
import { problem } from '../problem.js';
import { RateLimiter } from '../rate-limit.js';

/** Wrong tokens (admin or edit) a client may send in TOKEN_FAILURE_WINDOW_MS before a 429. */
export const TOKEN_FAILURES = 10;
export const TOKEN_FAILURE_WINDOW_MS = 10 * 60_000;

export interface Deps {
  config: ApiConfig;
  /**
   * The key a client's limits are counted under (its address, or its /64). Given by the runtime:
   * on Node, the socket's peer and TRUST_PROXY (server/client-address.ts).
   */
  clientAddress: (c: Context) => string;
  /** The clock, injectable for tests of time windows. */
  now: () => number;
  /** Wrong tokens per client: a person mistypes a few, a guesser needs millions. */
  tokenFailures: RateLimiter;
}

export function createDeps(config: ApiConfig, now: () => number, clientAddress: (c: Context) => string): Deps {
  return { config, now, clientAddress, tokenFailures: new RateLimiter(TOKEN_FAILURES, TOKEN_FAILURE_WINDOW_MS) };
}

const KEY = 'review-client';
/** The client key of this request, computed once. */
export function client(c: Context, deps: Deps): string {
  const known = c.get(KEY as never) as string | undefined;
  if (known) return known;
  const key = deps.clientAddress(c);
  c.set(KEY as never, key as never);
  return key;
}

export async function isAdmin(deps: Deps, token: string | undefined): Promise<boolean> {
  return Boolean(deps.config.adminToken && token && (await sameSecret(token, deps.config.adminToken)));
}

/** A 429 for a client that sent too many wrong tokens lately, before any token is compared. */
export function tooManyFailures(c: Context, deps: Deps): Response | undefined {
  const wait = deps.tokenFailures.wait(client(c, deps), deps.now());
  if (!wait) return undefined;
  c.header('Retry-After', String(wait));
  return problem(c, 429, 'rate-limited', `Too many wrong tokens; try again in ${wait} s`, { retryAfter: wait });
}

export const tokenFailed = (c: Context, deps: Deps) => void deps.tokenFailures.hit(client(c, deps), deps.now());

/** Admin routes: 403 when no admin token is configured, 401 without a token, 403 with a wrong one. */
export function requireAdmin(deps: Deps): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.config.adminToken) return problem(c, 403, 'admin-disabled', 'Set REVIEW_ADMIN_TOKEN to enable admin routes');
    const token = bearer(c);
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="review admin"');
      return problem(c, 401, 'unauthorized', 'Send Authorization: Bearer <admin token>');
    }
    const limited = tooManyFailures(c, deps);
    if (limited) return limited;
    if (!(await isAdmin(deps, token))) {
      tokenFailed(c, deps);
      return problem(c, 403, 'forbidden', 'The admin token is not right');
    }
    await next();
  };
}
