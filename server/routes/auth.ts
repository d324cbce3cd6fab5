import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import { bearer, hashToken, sameSecret } from '../http.js';
import { problem } from '../problem.js';
import type { Notify } from '../notify/events.js';
import type { DeskStore } from '../store/desk.js';

export interface Deps {
  config: Config;
  /** The clock, injectable for tests of time windows. */
  now: () => number;
  /** Admin sessions (#14); without it only the bearer token signs an admin in. */
  desk?: DeskStore;
  /** Tells the owner (webhook, email); never waits and never throws. */
  notify?: Notify;
}

/** The session cookie of the admin UI (HttpOnly, Secure, SameSite=Strict; see admin-session.ts). */
export const SESSION_COOKIE = 'review-admin';
/** The header the admin UI repeats its CSRF token in on every write. */
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isAdmin(deps: Deps, token: string | undefined): boolean {
  return Boolean(deps.config.adminToken && token && sameSecret(token, deps.config.adminToken));
}

/**
 * Whether the request carries a live admin session that may do what it asks: any read; a write
 * only with the session's CSRF token in X-CSRF-Token and an Origin naming this very host (a
 * cross-site form can send neither; SameSite=Strict already keeps the cookie off it).
 */
export async function sessionAllows(deps: Deps, c: Context): Promise<'ok' | 'none' | 'csrf'> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || !deps.desk || !deps.config.adminToken) return 'none';
  const session = await deps.desk.getSession(hashToken(id), deps.now());
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
  if (!host || host !== c.req.header('Host') || !token || !sameSecret(token, session.csrfToken)) return 'csrf';
  return 'ok';
}

/** Either credential: the bearer token (scripts) or the session (the admin UI). */
export async function isAdminRequest(deps: Deps, c: Context): Promise<boolean> {
  return isAdmin(deps, bearer(c)) || (await sessionAllows(deps, c)) === 'ok';
}

/**
 * Admin routes: 403 when no admin token is configured; otherwise the bearer token or a session
 * (401 with neither, 403 with a wrong token or a session write without its CSRF token).
 */
export function requireAdmin(deps: Deps): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.config.adminToken) return problem(c, 403, 'admin-disabled', 'Set REVIEW_ADMIN_TOKEN to enable admin routes');
    const token = bearer(c);
    if (!token) {
      const session = await sessionAllows(deps, c);
      if (session === 'ok') return next();
      if (session === 'csrf') return problem(c, 403, 'forbidden', `Send the session's CSRF token in ${CSRF_HEADER}, from this site`);
      c.header('WWW-Authenticate', 'Bearer realm="review admin"');
      return problem(c, 401, 'unauthorized', 'Send Authorization: Bearer <admin token>, or sign in');
    }
    if (!isAdmin(deps, token)) return problem(c, 403, 'forbidden', 'The admin token is not right');
    await next();
  };
}
