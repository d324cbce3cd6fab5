import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, removeDir, startServer, type Server } from './harness.js';

describe('admin: sign-in session with CSRF protection', () => {
  let server: Server;
  let origin: string;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
    origin = server.url;
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('exchanges the token for an HttpOnly, Secure, SameSite=Strict cookie; writes need the CSRF token and this origin', async () => {
    const res = await server.request('/v1/admin/session', { method: 'POST', json: { token: ADMIN_TOKEN } });
    assert.equal(res.status, 201);
    const cookie = res.headers.get('Set-Cookie')!;
    assert.match(cookie, /^review-admin=[\w-]{40,};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Max-Age=28800/);
    assert.doesNotMatch(cookie, new RegExp(ADMIN_TOKEN));
    const { csrfToken, csrfHeader } = await res.json();
    assert.equal(csrfHeader, 'X-CSRF-Token');
    const session = { Cookie: cookie.split(';')[0] };

    assert.equal((await server.request('/v1/admin/queue', { headers: session })).status, 200);
    assert.equal((await (await server.request('/v1/admin/session', { headers: session })).json()).csrfToken, csrfToken);
    const approve = '/v1/admin/reviews/ballerina/publish';
    assert.equal((await server.request(approve, { method: 'POST', headers: session })).status, 403);
    assert.equal(
      (await server.request(approve, { method: 'POST', headers: { ...session, 'X-CSRF-Token': csrfToken } })).status,
      403,
      'no Origin',
    );
    assert.equal(
      (
        await server.request(approve, {
          method: 'POST',
          headers: { ...session, Origin: origin, 'X-CSRF-Token': 'wrong' },
        })
      ).status,
      403,
    );
    assert.equal(
      (
        await server.request(approve, {
          method: 'POST',
          headers: { ...session, Origin: origin, 'X-CSRF-Token': csrfToken },
        })
      ).status,
      200,
    );

    const out = await server.request('/v1/admin/session', {
      method: 'DELETE',
      headers: { ...session, Origin: origin, 'X-CSRF-Token': csrfToken },
    });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('Set-Cookie')!, /review-admin=;.*Max-Age=0/);
    assert.equal((await server.request('/v1/admin/queue', { headers: session })).status, 401);
    assert.equal((await server.request('/v1/admin/session', { headers: session })).status, 401);
  });

  it('refuses a wrong token and limits attempts per address', async () => {
    const wrong = await server.request('/v1/admin/session', {
      method: 'POST',
      json: { token: 'not-the-token-at-all' },
    });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.headers.get('Set-Cookie'), null);
    // One sign-in above and this one: five attempts in 15 minutes, then 429 even with the right token.
    for (let i = 0; i < 3; i++) await server.request('/v1/admin/session', { method: 'POST', json: { token: 'nope' } });
    const limited = await server.request('/v1/admin/session', { method: 'POST', json: { token: ADMIN_TOKEN } });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 60);
    assert.equal((await limited.json()).code, 'rate-limited');
  });
});
