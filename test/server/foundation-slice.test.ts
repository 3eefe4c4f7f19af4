import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, stored, storedText, isCreemError, type TestApp } from '../support/server.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const subOf = async (email: string, status: string) =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((s) => s.status === status)!;

test('healthz answers ok once the store is open', async () => {
  const res = await call(t, 'GET', '/healthz', { key: null });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { ok: true });
});

test('the merchant API reads a customer and a subscription with the demo key', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const byId = await call(t, 'GET', `/v1/customers?customer_id=${ada.id}`);
  assert.equal(byId.status, 200);
  assert.equal(byId.json.email, 'ada@example.com');
  const byEmail = await call(t, 'GET', '/v1/customers?email=ada@example.com');
  assert.equal(byEmail.json.id, ada.id);
  const sub = await subOf('ada@example.com', 'active');
  const got = await call(t, 'GET', `/v1/subscriptions?subscription_id=${sub.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.status, 'active');
  assert.equal(got.json.customer.id, ada.id);
});

test('missing and wrong API keys get the same 403 body', async () => {
  const missing = await call(t, 'GET', '/v1/customers?email=ada@example.com', { key: null });
  const wrong = await call(t, 'GET', '/v1/customers?email=ada@example.com', { key: 'creem_test_not_a_real_key_000000' });
  assert.equal(missing.status, 403);
  assert.equal(wrong.status, 403);
  assert.deepEqual(missing.json.message, wrong.json.message);
  assert.ok(isCreemError(missing.json, 403));
});

test('a widget token lists only its own customer subscriptions and cancels one at period end', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenFor(t, ada.id);
  const overview = await call(t, 'GET', '/portal/api/overview', { key: null, token });
  assert.equal(overview.status, 200);
  assert.ok(overview.json.subscriptions.length >= 1);
  for (const s of overview.json.subscriptions as { id: string }[]) assert.equal((await t.deps.store.get('subscriptions', s.id))?.customer_id, ada.id);
  const sub = await subOf('ada@example.com', 'active');
  const res = await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/cancel`, {
    key: null,
    token,
    body: { mode: 'scheduled', reason: 'too_expensive', comment: 'pricey' },
  });
  assert.equal(res.status, 200);
  assert.equal(res.json.subscription.status, 'scheduled_cancel');
  assert.equal(res.json.subscription.current_period_end_date, sub.current_period_end_date);
  const record = (await stored(t)).collections.subscriptions.find((s: { id: string }) => s.id === sub.id);
  assert.equal(record.status, 'scheduled_cancel');
  assert.equal(record.cancel_reason, 'too_expensive');
});

test("a token for one customer never reaches another customer's subscription", async () => {
  const grace = await customerByEmail(t, 'grace@example.com');
  const token = await tokenFor(t, grace.id);
  const linus = await subOf('linus@example.com', 'scheduled_cancel');
  const res = await call(t, 'POST', `/portal/api/subscriptions/${linus.id}/cancel`, {
    key: null,
    token,
    body: { mode: 'immediate', reason: 'other' },
  });
  assert.equal(res.status, 404);
  assert.ok(isCreemError(res.json, 404));
  assert.equal((await t.deps.store.get('subscriptions', linus.id))?.status, 'scheduled_cancel');
});

test('bad input on every slice route gets its one status (400, 401, 404, 413) in Creem error format and changes nothing on disk', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenFor(t, ada.id);
  const sub = await subOf('margaret@example.com', 'paused');
  const before = await storedText(t);
  const cases: [string, string, Parameters<typeof call>[3], number][] = [
    ['GET', '/v1/customers', {}, 400],
    ['GET', '/v1/customers?customer_id=cust_nope', {}, 404],
    ['GET', `/v1/customers?customer_id=${'x'.repeat(500)}`, {}, 400],
    ['GET', '/v1/subscriptions', {}, 400],
    ['GET', '/v1/subscriptions?subscription_id=__proto__', {}, 404],
    ['POST', `/v1/subscriptions/${sub.id}/cancel`, { body: '{not json' }, 400],
    ['POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'whenever' } }, 400],
    ['POST', `/v1/subscriptions/${sub.id}/cancel`, { body: [1, 2] }, 400],
    ['POST', '/v1/subscriptions/sub_unknown/cancel', { body: { mode: 'immediate' } }, 404],
    ['POST', '/v1/widget-tokens', { body: {} }, 400],
    ['POST', '/v1/widget-tokens', { body: { customer_id: 42 } }, 400],
    ['POST', '/v1/widget-tokens', { body: { customer_id: ada.id, ttl_seconds: 999999 } }, 400],
    ['POST', '/v1/widget-tokens', { body: { customer_id: ada.id, allowed_origins: ['javascript:alert(1)'] } }, 400],
    ['POST', '/v1/widget-tokens', { body: { customer_id: 'cust_nope' } }, 404],
    ['POST', '/v1/widget-tokens', { body: { customer_id: ada.id, __proto__: { admin: true }, constructor: 1 } }, 400],
    ['GET', '/portal/api/overview', { key: null }, 401],
    ['GET', '/portal/api/overview', { key: null, token: 'not.a.token' }, 401],
    ['POST', `/portal/api/subscriptions/${sub.id}/cancel`, { key: null, token, body: { mode: 'immediate', reason: 'other' } }, 404],
    ['POST', `/portal/api/subscriptions/${sub.id}/cancel`, { key: null, token, body: { mode: 'immediate' } }, 400],
    ['POST', `/portal/api/subscriptions/${sub.id}/cancel`, { key: null, token, body: { mode: 'immediate', reason: 'other', comment: 'x'.repeat(5000) } }, 400],
    ['POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate', pad: 'x'.repeat(70_000) } }, 413],
  ];
  for (const [method, url, opts, status] of cases) {
    const res = await call(t, method, url, opts);
    assert.equal(res.status, status, `${method} ${url} → ${res.status} ${res.text.slice(0, 200)}`);
    assert.ok(isCreemError(res.json, res.status), `${method} ${url} body: ${res.text.slice(0, 200)}`);
  }
  assert.equal(await storedText(t), before);
});

test('single-use codes in paths never reach the access log', async () => {
  const { redactPath } = await import('../../server/middleware/redact-path.js');
  assert.equal(redactPath('/portal/link/AbC-123_xyz'), '/portal/link/[redacted]');
  assert.equal(redactPath('/portal/email/confirm/AbC-123_xyz'), '/portal/email/confirm/[redacted]');
  assert.equal(redactPath('/v1/customers'), '/v1/customers');
});

test('a token accepted once is refused with the same bytes after it expires (verification cache)', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenFor(t, ada.id, { ttl_seconds: 60 });
  assert.equal((await call(t, 'GET', '/portal/api/overview', { key: null, token })).status, 200);
  assert.equal((await call(t, 'GET', '/portal/api/overview', { key: null, token })).status, 200);
  t.clock.advance(66_000);
  const late = await call(t, 'GET', '/portal/api/overview', { key: null, token });
  assert.equal(late.status, 401);
  assert.ok(isCreemError(late.json, 401));
});
