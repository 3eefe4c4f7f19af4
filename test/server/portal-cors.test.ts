import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { call, createTestApp, customerByEmail, isCreemError, tokenFor, type TestApp } from '../support/server.js';
import { merchantOf, updateMerchant } from './signin-helpers.js';

let t: TestApp;
let token: string;
const SHOP = 'https://shop.example';
const STRANGER = 'https://stranger.example';

before(async () => {
  t = await createTestApp();
  await updateMerchant(t, (await merchantOf(t)).id, (m) => ({ ...m, settings: { ...m.settings, allowed_origins: [...m.settings.allowed_origins, SHOP] } }));
  token = await tokenFor(t, (await customerByEmail(t, 'ada@example.com')).id, { allowed_origins: [SHOP] });
});
after(() => t.close());

test('a preflight from an allowed origin is a 204 that names the origin, methods, headers and how long to keep it', async () => {
  const res = await call(t, 'OPTIONS', '/portal/api/overview', {
    key: null,
    headers: { origin: SHOP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
  assert.equal(res.status, 204);
  assert.equal(res.text, '');
  assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
  assert.equal(res.headers.get('access-control-allow-methods'), 'GET,POST,PATCH,OPTIONS');
  assert.equal(res.headers.get('access-control-allow-headers'), 'Authorization,Content-Type,Idempotency-Key');
  assert.equal(res.headers.get('access-control-max-age'), '600');
  assert.equal(res.headers.get('vary'), 'Origin, Access-Control-Request-Headers');
  assert.equal(res.headers.get('access-control-allow-credentials'), null);
  assert.equal(res.headers.get('content-type'), null);
});

test('an origin no merchant allows is never echoed, in a preflight or an answer', async () => {
  const pre = await call(t, 'OPTIONS', '/portal/api/overview', { key: null, headers: { origin: STRANGER, 'access-control-request-method': 'GET' } });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), null);
  const res = await call(t, 'GET', '/portal/api/overview', { key: null, token, headers: { origin: STRANGER } });
  assert.equal(res.headers.get('access-control-allow-origin'), null);
  assert.equal(res.headers.get('vary'), 'Origin');
});

test('answers and refusals alike carry the CORS headers, so the element can read an error body cross-origin', async () => {
  const ok = await call(t, 'GET', '/portal/api/overview', { key: null, token, headers: { origin: SHOP } });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('access-control-allow-origin'), SHOP);
  assert.equal(ok.headers.get('access-control-expose-headers'), 'x-request-id');
  assert.equal(ok.headers.get('vary'), 'Origin');
  assert.equal(ok.headers.get('cache-control'), 'no-store');
  assert.ok(ok.headers.get('x-request-id'));

  const refused = await call(t, 'GET', '/portal/api/overview', { key: null, token: 'not-a-token', headers: { origin: SHOP } });
  assert.equal(refused.status, 401);
  assert.ok(isCreemError(refused.json, 401));
  assert.equal(refused.headers.get('access-control-allow-origin'), SHOP);
  assert.equal(refused.headers.get('access-control-expose-headers'), 'x-request-id');
  assert.equal(refused.headers.get('x-request-id'), refused.json.trace_id);
});
