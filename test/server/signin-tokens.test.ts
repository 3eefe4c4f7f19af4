import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, base64url } from 'jose';
import { storedText, createTestApp, call, customerByEmail, tokenFor, isCreemError, type TestApp } from '../support/server.js';
import { loadKeys, keyFileFor, ROTATION_GRACE_MS } from '../../server/auth/keys.js';
import { mintToken, verifyToken, TOKEN_AUDIENCE } from '../../server/auth/widget-token.js';
import { ConfigError } from '../../server/config.js';
import { onPostgres } from '../support/postgres.js';
import { addMerchant, merchantOf, updateMerchant } from './signin-helpers.js';

let t: TestApp;
const OTHER_KEY = 'creem_test_other_merchant_key_000001';
const A = 'https://shop-a.example';
const B = 'https://shop-b.example';

before(async () => {
  t = await createTestApp();
  const m = await merchantOf(t);
  await updateMerchant(t, m.id, (x) => ({ ...x, settings: { ...x.settings, allowed_origins: [...x.settings.allowed_origins, A, B] } }));
});
after(() => t.close());

const ada = async () => await customerByEmail(t, 'ada@example.com');
const grace = async () => await customerByEmail(t, 'grace@example.com');
const overview = (token: string, headers: Record<string, string> = {}) => call(t, 'GET', '/portal/api/overview', { key: null, token, headers });

/** A token signed with the server's real current key, with whatever header and claims a test needs. */
async function forge(opts: { alg?: string; secret?: Uint8Array; claims?: Record<string, unknown>; omit?: string[]; kid?: string } = {}) {
  const key = t.deps.keys.current();
  const now = Math.floor(t.clock.now / 1000);
  const claims: Record<string, unknown> = {
    mid: (await merchantOf(t)).id,
    mode: 'test',
    kind: 'widget',
    gen: 0,
    iss: t.deps.config.publicUrl,
    aud: TOKEN_AUDIENCE,
    sub: (await ada()).id,
    jti: 'forged-jti-000001',
    iat: now,
    exp: now + 600,
    ...opts.claims,
  };
  for (const k of opts.omit ?? []) delete claims[k];
  return new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256', kid: opts.kid ?? key.kid }).sign(opts.secret ?? key.secret);
}

async function assertRefused(token: string, status = 401) {
  const res = await overview(token);
  assert.equal(res.status, status, res.text);
  assert.ok(isCreemError(res.json, status));
  return res;
}

test('a minted token is HS256 with kid, iss, aud, sub, jti, iat and a 15-minute default expiry', async () => {
  const res = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: (await ada()).id } });
  assert.equal(res.status, 201);
  assert.equal(res.json.customer_id, (await ada()).id);
  const header = decodeProtectedHeader(res.json.token);
  assert.equal(header.alg, 'HS256');
  assert.equal(header.kid, t.deps.keys.current().kid);
  const claims = decodeJwt(res.json.token);
  assert.equal(claims.iss, t.deps.config.publicUrl);
  assert.equal(claims.aud, TOKEN_AUDIENCE);
  assert.equal(claims.sub, (await ada()).id);
  assert.equal(claims.mid, (await merchantOf(t)).id);
  assert.equal(claims.mode, 'test');
  assert.equal(typeof claims.jti, 'string');
  assert.equal(claims.exp! - claims.iat!, 900);
  assert.equal(Date.parse(res.json.expires_at), claims.exp! * 1000);
  assert.equal((await overview(res.json.token)).status, 200);
});

test('ttl_seconds is honoured up to 3600 and refused beyond or below the bounds', async () => {
  const hour = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: (await ada()).id, ttl_seconds: 3600 } });
  assert.equal(hour.status, 201);
  const claims = decodeJwt(hour.json.token);
  assert.equal(claims.exp! - claims.iat!, 3600);
  for (const ttl of [3601, 59, 1.5]) {
    const res = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: (await ada()).id, ttl_seconds: ttl } });
    assert.equal(res.status, 400, `ttl ${ttl}`);
    assert.ok(isCreemError(res.json, 400));
  }
});

test('an expired token is refused', async () => {
  const token = await tokenFor(t, (await ada()).id, { ttl_seconds: 60 });
  assert.equal((await overview(token)).status, 200);
  t.clock.advance(66_000);
  try {
    await assertRefused(token);
  } finally {
    t.clock.advance(-66_000);
  }
});

test('a token with a tampered signature is refused', async () => {
  const token = await tokenFor(t, (await ada()).id);
  const [h, p, s] = token.split('.');
  const sig = base64url.decode(s);
  sig[5] ^= 0x01;
  await assertRefused(`${h}.${p}.${base64url.encode(sig)}`);
});

test("a token whose payload was edited to another customer keeps the old signature and is refused", async () => {
  const token = await tokenFor(t, (await ada()).id);
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(p)));
  claims.sub = (await grace()).id;
  await assertRefused(`${h}.${base64url.encode(JSON.stringify(claims))}.${s}`);
});

test('an unsigned token (alg: none) is refused', async () => {
  const valid = decodeJwt(await tokenFor(t, (await ada()).id));
  const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: t.deps.keys.current().kid }));
  const payload = base64url.encode(JSON.stringify(valid));
  await assertRefused(`${header}.${payload}.`);
});

test('a token signed with another algorithm, even with the right secret, is refused', async () => {
  for (const alg of ['HS512', 'HS384']) await assertRefused(await forge({ alg }));
  // The forge itself is sound: the same claims with HS256 pass.
  assert.equal((await overview(await forge())).status, 200);
});

test('a token without exp is refused', async () => {
  await assertRefused(await forge({ omit: ['exp'] }));
});

test('a token without iat, jti or sub is refused', async () => {
  for (const claim of ['iat', 'jti', 'sub']) await assertRefused(await forge({ omit: [claim] }));
});

test('a token for another audience or from another issuer is refused', async () => {
  await assertRefused(await forge({ claims: { aud: 'someone-else' } }));
  await assertRefused(await forge({ claims: { iss: 'https://evil.example' } }));
  await assertRefused(await forge({ omit: ['aud'] }));
});

test('a token signed with an unknown secret or naming an unknown kid is refused', async () => {
  await assertRefused(await forge({ secret: randomBytes(32) }));
  await assertRefused(await forge({ kid: 'no-such-key' }));
});

test("a token longer-lived than the maximum is refused even when correctly signed", async () => {
  const now = Math.floor(t.clock.now / 1000);
  await assertRefused(await forge({ claims: { iat: now, exp: now + 3601 } }));
});

test("customer A's token on customer B's subscription is 404 and B's subscription is untouched", async () => {
  const token = await tokenFor(t, (await ada()).id);
  const gracesSub = (await t.deps.store.findBy('subscriptions', 'customer_id', (await grace()).id))[0];
  const res = await call(t, 'POST', `/portal/api/subscriptions/${gracesSub.id}/cancel`, {
    key: null,
    token,
    body: { mode: 'immediate', reason: 'other' },
  });
  assert.equal(res.status, 404);
  assert.ok(isCreemError(res.json, 404));
  assert.deepEqual(await t.deps.store.get('subscriptions', gracesSub.id), gracesSub);
});

test("merchant X's token or key never reaches merchant Y's customers", async () => {
  const y = await addMerchant(t, { name: 'Other Shop', key: OTHER_KEY, email: 'someone@other.example' });
  // Y's key cannot mint for X's customer.
  const cross = await call(t, 'POST', '/v1/widget-tokens', { key: OTHER_KEY, body: { customer_id: (await ada()).id } });
  assert.equal(cross.status, 404);
  // Y's token sees only Y's customer, and X's subscription is not found with it.
  const yToken = await tokenFor(t, y.customer.id, {}).catch(() => undefined);
  assert.equal(yToken, undefined, 'the demo key cannot mint for merchant Y');
  const own = await call(t, 'POST', '/v1/widget-tokens', { key: OTHER_KEY, body: { customer_id: y.customer.id } });
  assert.equal(own.status, 201);
  const yOverview = await overview(own.json.token);
  assert.equal(yOverview.status, 200);
  assert.equal(yOverview.json.customer.id, y.customer.id);
  const adasSub = (await t.deps.store.findBy('subscriptions', 'customer_id', (await ada()).id))[0];
  const res = await call(t, 'POST', `/portal/api/subscriptions/${adasSub.id}/cancel`, {
    key: null,
    token: own.json.token,
    body: { mode: 'immediate', reason: 'other' },
  });
  assert.equal(res.status, 404);
  assert.deepEqual(await t.deps.store.get('subscriptions', adasSub.id), adasSub);
  // A token claiming merchant Y for X's customer (signed with our key) is refused outright.
  await assertRefused(await forge({ claims: { mid: y.merchant.id } }));
});

test('a token minted for origin A is refused from origin B and works from A', async () => {
  const token = await tokenFor(t, (await ada()).id, { allowed_origins: [A] });
  assert.equal((await overview(token, { origin: A })).status, 200);
  const fromB = await overview(token, { origin: B });
  assert.equal(fromB.status, 403);
  assert.ok(isCreemError(fromB.json, 403));
  // Our own hosted origin is not a loophole for a token pinned to A.
  assert.equal((await overview(token, { origin: new URL(t.deps.config.publicUrl).origin })).status, 403);
  // A token without origins works from the merchant's allowed origins only.
  const open = await tokenFor(t, (await ada()).id);
  assert.equal((await overview(open, { origin: B })).status, 200);
  assert.equal((await overview(open, { origin: 'https://evil.example' })).status, 403);
});

test("minting for an origin outside the merchant's allowed origins is refused", async () => {
  const res = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: (await ada()).id, allowed_origins: ['https://evil.example'] } });
  assert.equal(res.status, 400);
  assert.match(res.json.message.join(' '), /evil\.example/);
  const bad = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: (await ada()).id, allowed_origins: ['javascript:alert(1)'] } });
  assert.equal(bad.status, 400);
});

test("revoking a customer's tokens ends them at once; a token minted right after works", async () => {
  const customer = await customerByEmail(t, 'linus@example.com');
  const old = await tokenFor(t, customer.id);
  assert.equal((await overview(old)).status, 200);
  const res = await call(t, 'POST', '/v1/widget-tokens/revoke', { body: { customer_id: customer.id } });
  assert.equal(res.status, 200);
  assert.equal(res.json.customer_id, customer.id);
  assert.equal(Date.parse(res.json.revoked_before), t.clock.now);
  const refused = await assertRefused(old);
  assert.match(refused.json.message.join(' '), /revoked/);
  // Same clock instant: no same-second ambiguity.
  const fresh = await tokenFor(t, customer.id);
  assert.equal((await overview(fresh)).status, 200);
  // Another customer's tokens are unaffected.
  assert.equal((await overview(await tokenFor(t, (await ada()).id))).status, 200);
});

test('revoking needs a customer of this merchant and mode', async () => {
  const unknown = await call(t, 'POST', '/v1/widget-tokens/revoke', { body: { customer_id: 'cust_nope' } });
  assert.equal(unknown.status, 404);
  const y = await addMerchant(t, { name: 'Third Shop', key: 'creem_test_third_merchant_key_00001', email: 'x@third.example' });
  const foreign = await call(t, 'POST', '/v1/widget-tokens/revoke', { body: { customer_id: y.customer.id } });
  assert.equal(foreign.status, 404);
  assert.equal((await t.deps.store.findBy('token_revocations', 'customer_id', y.customer.id)).length, 0);
  const noKey = await call(t, 'POST', '/v1/widget-tokens/revoke', { key: null, body: { customer_id: (await ada()).id } });
  assert.equal(noKey.status, 403);
});

test('after a key rotation old tokens keep working through the grace period, new ones use the new kid', async () => {
  const before = t.deps.keys.current().kid;
  const old = await tokenFor(t, (await ada()).id, { ttl_seconds: 3600 });
  const rotated = await t.deps.keys.rotate(t.clock.now);
  assert.notEqual(rotated.kid, before);
  const fresh = await tokenFor(t, (await ada()).id);
  assert.equal(decodeProtectedHeader(fresh).kid, rotated.kid);
  assert.equal((await overview(old)).status, 200);
  assert.equal((await overview(fresh)).status, 200);
  t.clock.advance(59 * 60_000);
  try {
    assert.equal((await overview(old)).status, 200, 'the retired key still verifies 59 minutes later');
  } finally {
    t.clock.advance(-59 * 60_000);
  }
  // Past the grace period the retired key verifies nothing, even a token otherwise in date.
  const retired = { ...t.deps.keys, current: () => ({ ...t.deps.keys.find(before, t.clock.now)! }) };
  const at = t.clock.now + ROTATION_GRACE_MS + 1000;
  const late = await mintToken(retired, t.deps.config.publicUrl, { merchantId: (await merchantOf(t)).id, mode: 'test', customerId: (await ada()).id }, at - 10_000);
  await assert.rejects(verifyToken(t.deps.keys, t.deps.config.publicUrl, late.token, at), (e: any) => e.kind === 'unauthenticated');
  await verifyToken(t.deps.keys, t.deps.config.publicUrl, fresh, t.clock.now);
});

test('generated keys live beside the data file (mode 0600) and survive a restart', { skip: onPostgres && 'several processes on one database keep their keys in it' }, async () => {
  const file = keyFileFor(t.dataFile);
  assert.equal(path.dirname(file), t.dir);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  const again = await loadKeys(t.dataFile, undefined, t.clock.now);
  assert.equal(again.current().kid, t.deps.keys.current().kid);
  assert.equal(again.current().secret.length, 32);
  assert.ok(!(await storedText(t)).includes(Buffer.from(again.current().secret).toString('base64url')));
});

test('WIDGET_TOKEN_SECRET must carry 256 bits; a second secret is still accepted for rotation', async () => {
  await assert.rejects(loadKeys(t.dataFile, randomBytes(16).toString('base64url'), 0), ConfigError);
  await assert.rejects(loadKeys(t.dataFile, 'not base64!', 0), ConfigError);
  const oldSecret = randomBytes(32).toString('base64url');
  const newSecret = randomBytes(32).toString('base64url');
  const before = await loadKeys(t.dataFile, oldSecret, 0);
  const after = await loadKeys(t.dataFile, `${newSecret},${oldSecret}`, 0);
  const issuer = t.deps.config.publicUrl;
  const input = { merchantId: (await merchantOf(t)).id, mode: 'test' as const, customerId: (await ada()).id };
  const oldToken = (await mintToken(before, issuer, input, t.clock.now)).token;
  const newToken = (await mintToken(after, issuer, input, t.clock.now)).token;
  assert.notEqual(decodeProtectedHeader(oldToken).kid, decodeProtectedHeader(newToken).kid);
  assert.equal((await verifyToken(after, issuer, oldToken, t.clock.now)).customerId, (await ada()).id);
  assert.equal((await verifyToken(after, issuer, newToken, t.clock.now)).customerId, (await ada()).id);
  // Once the old secret is dropped, its tokens find no key.
  await assert.rejects(verifyToken(await loadKeys(t.dataFile, newSecret, 0), issuer, oldToken, t.clock.now), (e: any) => e.kind === 'unauthenticated');
});

test('the portal API without a bearer token, or with a malformed one, is 401', async () => {
  const none = await call(t, 'GET', '/portal/api/overview', { key: null });
  assert.equal(none.status, 401);
  assert.ok(isCreemError(none.json, 401));
  const junk = await call(t, 'GET', '/portal/api/overview', { key: null, headers: { authorization: 'Bearer not-a-jwt-at-all' } });
  assert.equal(junk.status, 401);
  const basic = await call(t, 'GET', '/portal/api/overview', { key: null, headers: { authorization: 'Basic Zm9vOmJhcg==' } });
  assert.equal(basic.status, 401);
});
