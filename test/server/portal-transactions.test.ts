import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, isCreemError, type TestApp } from '../support/server.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test("a customer's payment list holds exactly their payments, newest first", async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const res = await call(t, 'GET', '/portal/api/transactions', { key: null, token: await tokenFor(t, ada.id) });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const stored = await t.deps.store.findBy('transactions', 'customer_id', ada.id);
  assert.ok(stored.length >= 2, 'the demo seed gives Ada several payments');
  assert.deepEqual(
    res.json.items.map((i: { id: string }) => i.id),
    [...stored].sort((a, b) => b.created_at - a.created_at).map((s) => s.id),
  );
  const first = res.json.items[0];
  const rec = (await t.deps.store.get('transactions', first.id))!;
  assert.equal(first.order_id, rec.order_id);
  assert.equal(first.amount_paid, rec.amount_paid);
  assert.equal(first.product_name, (await t.deps.store.get('products', rec.product_id))!.name);
  assert.equal(first.refund_request, null);
});

test("another customer's token never lists Ada's payments", async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const jean = await customerByEmail(t, 'jean@example.com');
  const res = await call(t, 'GET', '/portal/api/transactions', { key: null, token: await tokenFor(t, jean.id) });
  assert.equal(res.status, 200);
  assert.ok(res.json.items.length > 0);
  for (const item of res.json.items) assert.equal((await t.deps.store.get('transactions', item.id))!.customer_id, jean.id);
  const adaIds = new Set((await t.deps.store.findBy('transactions', 'customer_id', ada.id)).map((x) => x.id));
  assert.ok(res.json.items.every((i: { id: string }) => !adaIds.has(i.id)));
});

test('a customer with no payments gets an empty list', async () => {
  const grace = await customerByEmail(t, 'grace@example.com');
  const res = await call(t, 'GET', '/portal/api/transactions', { key: null, token: await tokenFor(t, grace.id) });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { items: [] });
});

test('the payment list without a valid token is a 401 in Creem\'s error body', async () => {
  const none = await call(t, 'GET', '/portal/api/transactions', { key: null });
  assert.equal(none.status, 401);
  assert.ok(isCreemError(none.json, 401));
  const forged = await call(t, 'GET', '/portal/api/transactions', { key: null, token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
  assert.equal(forged.status, 401);
  assert.ok(isCreemError(forged.json, 401));
});
