import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { bearer, sameSecret } from '../http.js';
import { problem } from '../problem.js';

export interface Deps {
  config: Config;
  /** The clock, injectable for tests of time windows. */
  now: () => number;
}

export function isAdmin(deps: Deps, token: string | undefined): boolean {
  return Boolean(deps.config.adminToken && token && sameSecret(token, deps.config.adminToken));
}

/** Admin routes: 403 when no admin token is configured, 401 without a token, 403 with a wrong one. */
export function requireAdmin(deps: Deps): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.config.adminToken) return problem(c, 403, 'admin-disabled', 'Set REVIEW_ADMIN_TOKEN to enable admin routes');
    const token = bearer(c);
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="review admin"');
      return problem(c, 401, 'unauthorized', 'Send Authorization: Bearer <admin token>');
    }
    if (!isAdmin(deps, token)) return problem(c, 403, 'forbidden', 'The admin token is not right');
    await next();
  };
}
