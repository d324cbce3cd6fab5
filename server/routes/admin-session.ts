import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import { hashToken, readBody } from '../http.js';
import { problem } from '../problem.js';
import { randomToken } from '../web-crypto.js';
import type { DeskStore } from '../store/desk.js';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  client,
  isAdmin,
  sessionAllows,
  tokenFailed,
  tooManyFailures,
  type Deps,
} from './auth.js';

const SignInSchema = v.object({ token: v.pipe(v.string(), v.minLength(1, 'Enter the admin token'), v.maxLength(500)) });
/** Sign-in attempts per address: 5 in 15 minutes, right or wrong. */
export const SIGN_IN_ATTEMPTS = 5;

/**
 * Sign-in for the admin UI. The token is sent once and exchanged for a random session id in an
 * `HttpOnly; Secure; SameSite=Strict` cookie (scripts never see it; no other site sends it), kept
 * in the database only as a hash. The CSRF token comes back in the JSON body: the page holds it in
 * memory (never in storage) and sends it in X-CSRF-Token on every write; after a reload it asks
 * GET /v1/admin/session again. Chromium and Firefox keep Secure cookies from http://localhost and
 * http://127.0.0.1 (potentially trustworthy origins), so local development works without TLS.
 */
export function sessionRoutes(desk: DeskStore, deps: Deps) {
  const app = new Hono();
  const attempts = deps.limits('sign-in', SIGN_IN_ATTEMPTS, 15 * 60_000);
  const maxAge = Math.floor(deps.config.adminSessionMs / 1000);

  app.post('/admin/session', async (c) => {
    if (!deps.config.adminToken)
      return problem(c, 403, 'admin-disabled', 'Set REVIEW_ADMIN_TOKEN to enable admin routes');
    const wait = await attempts.hit(client(c, deps), deps.now());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate-limited', `Too many sign-in attempts; try again in ${Math.ceil(wait / 60)} min`, {
        retryAfter: wait,
      });
    }
    const body = await readBody(c, SignInSchema);
    if (!body.ok) return body.response;
    // Wrong tokens count towards the same limit as wrong bearer tokens (auth.ts) as well.
    const limited = await tooManyFailures(c, deps);
    if (limited) return limited;
    if (!(await isAdmin(deps, body.value.token))) {
      await tokenFailed(c, deps);
      return problem(c, 403, 'forbidden', 'That is not the admin token');
    }
    const id = randomToken(32);
    const now = deps.now();
    const session = { csrfToken: randomToken(24), expiresAt: now + deps.config.adminSessionMs };
    await desk.createSession(await hashToken(id), session, now);
    setCookie(c, SESSION_COOKIE, id, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge });
    c.header('Cache-Control', 'no-store');
    return c.json(
      { csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString(), csrfHeader: CSRF_HEADER },
      201,
    );
  });

  app.get('/admin/session', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id && (await desk.getSession(await hashToken(id), deps.now()));
    c.header('Cache-Control', 'no-store');
    if (!session) return problem(c, 401, 'unauthorized', 'Not signed in, or the session has expired');
    return c.json({
      csrfToken: session.csrfToken,
      expiresAt: new Date(session.expiresAt).toISOString(),
      csrfHeader: CSRF_HEADER,
    });
  });

  app.delete('/admin/session', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) {
      // Signing out is a write: a cross-site page must not sign the owner out either.
      if ((await sessionAllows(deps, c)) === 'csrf')
        return problem(c, 403, 'forbidden', `Send the session's CSRF token in ${CSRF_HEADER}`);
      await desk.deleteSession(await hashToken(id));
    }
    deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    return c.body(null, 204);
  });
  return app;
}
