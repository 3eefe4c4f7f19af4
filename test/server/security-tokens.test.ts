import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { createTestApp, call, customerByEmail, isCreemError, type TestApp } from '../support/server.js';
import { TOKEN_AUDIENCE } from '../../server/auth/widget-token.js';
import { merchantOf } from './signin-helpers.js';

/**
 * Issue #16, 8: a token issued in the future (beyond the 5 s clock tolerance) or with an array
 * `aud` is refused, even when its signature is good: the first outlives every lifetime check, the
 * second would be a widget token and a session cookie at once.
 */

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const SESSION_AUDIENCE = 'creem-portal-session';

/** A token signed with the server's real current key (as the sign-in suite forges them). */
async function forge(claims: Record<string, unknown>) {
  const key = t.deps.keys.current();
  const now = Math.floor(t.clock.now / 1000);
  const body: Record<string, unknown> = {
    mid: (await merchantOf(t)).id,
    mode: 'test',
    kind: 'widget',
    gen: 0,
    iss: t.deps.config.publicUrl,
    aud: TOKEN_AUDIENCE,
    sub: (await customerByEmail(t, 'ada@example.com')).id,
    jti: `forged-${Math.random().toString(36).slice(2)}`,
    iat: now,
    exp: now + 600,
    ...claims,
  };
  return new SignJWT(body).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(key.secret);
}
const overview = (token: string) => call(t, 'GET', '/portal/api/overview', { key: null, token });
const sessionToken = (cookie: string) => t.app.request('/portal/session/token', { headers: { cookie: `creem_portal_session=${cookie}` } });

test('a token issued in the future beyond the clock tolerance is refused; within it, accepted', async () => {
  const now = Math.floor(t.clock.now / 1000);
  assert.equal((await overview(await forge({}))).status, 200, 'the forge itself is sound');
  assert.equal((await overview(await forge({ iat: now + 3, exp: now + 603 }))).status, 200, 'clock skew within 5 s');
  for (const ahead of [60, 3600, 365 * 24 * 3600]) {
    const res = await overview(await forge({ iat: now + ahead, exp: now + ahead + 600 }));
    assert.equal(res.status, 401, `iat ${ahead} s ahead`);
    assert.ok(isCreemError(res.json, 401));
  }
});

test('an array aud is refused, even one holding the right audience', async () => {
  for (const aud of [[TOKEN_AUDIENCE], [TOKEN_AUDIENCE, SESSION_AUDIENCE], [SESSION_AUDIENCE, TOKEN_AUDIENCE]]) {
    const res = await overview(await forge({ aud }));
    assert.equal(res.status, 401, JSON.stringify(aud));
    assert.ok(isCreemError(res.json, 401));
  }
  // The same token as a hosted-portal session cookie is refused too.
  const now = Math.floor(t.clock.now / 1000);
  const session = { aud: SESSION_AUDIENCE, mid: (await merchantOf(t)).id, mode: 'test', gen: 0, exp: now + 3600 };
  assert.equal((await sessionToken(await forge(session))).status, 200, 'a well-formed session cookie works');
  assert.equal((await sessionToken(await forge({ ...session, aud: [SESSION_AUDIENCE, TOKEN_AUDIENCE] }))).status, 401);
  assert.equal((await sessionToken(await forge({ ...session, iat: now + 600, exp: now + 4200 }))).status, 401);
});
