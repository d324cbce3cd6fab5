import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiConfig } from '../config.js';
import { bearer, hashToken, sameSecret } from '../http.js';
import type { Notify } from '../notify/events.js';
import { problem } from '../problem.js';
import { memoryLimiters, type LimiterFactory, type WriteLimiter } from '../rate-limit.js';
import type { DeskStore } from '../store/desk.js';

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
  tokenFailures: WriteLimiter;
  /** Makes the routes' other limiters (sign-in attempts, reports): shared across processes on PostgreSQL. */
  limits: LimiterFactory;
  /** Admin sessions (#14); without it only the bearer token signs an admin in. */
  desk?: DeskStore;
  /** Tells the owner (webhook, email); never waits and never throws. */
  notify?: Notify;
  /** The client's whole address, for network bans (#14); only where the runtime knows it (Node). */
  clientIp?: (c: Context) => string | undefined;
}

export function createDeps(
  config: ApiConfig,
  now: () => number,
  clientAddress: (c: Context) => string,
  limits: LimiterFactory = memoryLimiters,
): Deps {
  return {
    config,
    now,
    clientAddress,
    tokenFailures: limits('token-failures', TOKEN_FAILURES, TOKEN_FAILURE_WINDOW_MS),
    limits,
  };
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

/** The session cookie of the admin UI (HttpOnly, Secure, SameSite=Strict; see admin-session.ts). */
export const SESSION_COOKIE = 'review-admin';
/** The header the admin UI repeats its CSRF token in on every write. */
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function isAdmin(deps: Deps, token: string | undefined): Promise<boolean> {
  return Boolean(deps.config.adminToken && token && (await sameSecret(token, deps.config.adminToken)));
}

/** A 429 for a client that sent too many wrong tokens lately, before any token is compared. */
export async function tooManyFailures(c: Context, deps: Deps): Promise<Response | undefined> {
  const wait = await deps.tokenFailures.wait(client(c, deps), deps.now());
  if (!wait) return undefined;
  c.header('Retry-After', String(wait));
  return problem(c, 429, 'rate-limited', `Too many wrong tokens; try again in ${wait} s`, { retryAfter: wait });
}

/** Counts a wrong token; awaited, so the next attempt (on any process) already sees it. */
export const tokenFailed = async (c: Context, deps: Deps): Promise<void> => {
  await deps.tokenFailures.hit(client(c, deps), deps.now());
};

/**
 * Whether the request carries a live admin session that may do what it asks: any read; a write
 * only with the session's CSRF token in X-CSRF-Token and an Origin naming this very host (a
 * cross-site form can send neither; SameSite=Strict already keeps the cookie off it).
 */
export async function sessionAllows(deps: Deps, c: Context): Promise<'ok' | 'none' | 'csrf'> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || !deps.desk || !deps.config.adminToken) return 'none';
  const session = await deps.desk.getSession(await hashToken(id), deps.now());
  if (!session) return 'none';
  if (SAFE_METHODS.has(c.req.method)) return 'ok';
  const origin = c.req.header('Origin');
  let host: string | undefined;
  try {
    host = origin ? new URL(origin).host : undefined;
  } catch {
    host = undefined;
  }
  const token = c.req.header(CSRF_HEADER);
  if (!host || host !== c.req.header('Host') || !token || !(await sameSecret(token, session.csrfToken))) return 'csrf';
  return 'ok';
}

/** Either credential: the bearer token (scripts) or the session (the admin UI). */
export async function isAdminRequest(deps: Deps, c: Context): Promise<boolean> {
  return (await isAdmin(deps, bearer(c))) || (await sessionAllows(deps, c)) === 'ok';
}

/**
 * Admin routes: 403 when no admin token is configured; otherwise the bearer token or a session
 * (401 with neither, 403 with a wrong token or a session write without its CSRF token).
 */
export function requireAdmin(deps: Deps): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.config.adminToken)
      return problem(c, 403, 'admin-disabled', 'Set REVIEW_ADMIN_TOKEN to enable admin routes');
    const token = bearer(c);
    if (!token) {
      const session = await sessionAllows(deps, c);
      if (session === 'ok') return next();
      if (session === 'csrf')
        return problem(c, 403, 'forbidden', `Send the session's CSRF token in ${CSRF_HEADER}, from this site`);
      c.header('WWW-Authenticate', 'Bearer realm="review admin"');
      return problem(c, 401, 'unauthorized', 'Send Authorization: Bearer <admin token>, or sign in');
    }
    const limited = await tooManyFailures(c, deps);
    if (limited) return limited;
    if (!(await isAdmin(deps, token))) {
      await tokenFailed(c, deps);
      return problem(c, 403, 'forbidden', 'The admin token is not right');
    }
    await next();
  };
}
