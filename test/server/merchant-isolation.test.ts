import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { storedText, createTestApp, call, customerByEmail, isCreemError, DEMO_KEY, type TestApp } from '../support/server.js';
import { demoMerchant } from '../../server/seed/demo.js';
import { addWorld, type World } from './merchant-fixtures.js';

let t: TestApp;
let other: World; // another merchant, test mode
let live: World; // the demo merchant, live mode
let demo: World; // ids of the demo merchant's test objects

before(async () => {
  t = await createTestApp();
  other = await addWorld(t, { mode: 'test', name: 'Other Co' });
  live = await addWorld(t, { mode: 'prod', merchantId: (await demoMerchant(t.deps))!.id });
  const ada = await customerByEmail(t, 'ada@example.com');
  const sub = (await t.deps.store.findBy('subscriptions', 'customer_id', ada.id)).find((s) => s.status === 'active')!;
  const tran = (await t.deps.store.get('transactions', sub.last_transaction_id!))!;
  demo = {
    merchantId: ada.merchant_id,
    key: DEMO_KEY,
    customerId: ada.id,
    productId: sub.product_id,
    subscriptionId: sub.id,
    transactionId: tran.id,
    orderId: tran.order_id,
  };
});
after(() => t.close());

/** Every merchant-API route that names one object, aimed at `w`'s objects. */
function routesFor(w: World, mine: World): [string, string, unknown?][] {
  return [
    ['GET', `/v1/customers?customer_id=${w.customerId}`],
    ['GET', `/v1/customers/${w.customerId}/subscriptions`],
    ['GET', `/v1/customers/${w.customerId}/orders`],
    ['PATCH', '/v1/customers', { customer_id: w.customerId, name: 'Hijacked' }],
    ['GET', `/v1/subscriptions?subscription_id=${w.subscriptionId}`],
    ['POST', `/v1/subscriptions/${w.subscriptionId}/cancel`, { mode: 'immediate' }],
    ['POST', `/v1/subscriptions/${w.subscriptionId}/pause`],
    ['POST', `/v1/subscriptions/${w.subscriptionId}/resume`],
    ['POST', `/v1/subscriptions/${w.subscriptionId}/upgrade`, { product_id: w.productId }],
    ['POST', `/v1/subscriptions/${w.subscriptionId}`, { items: [{ units: 7 }] }],
    // Even with the caller's own subscription, another scope's product is not found.
    ['POST', `/v1/subscriptions/${mine.subscriptionId}/upgrade`, { product_id: w.productId }],
    ['GET', `/v1/transactions?transaction_id=${w.transactionId}`],
    ['POST', '/v1/refunds', { transaction_id: w.transactionId }],
    ['GET', `/v1/products/${w.productId}`],
    ['GET', `/v1/products?product_id=${w.productId}`],
    ['PATCH', `/v1/products/${w.productId}`, { name: 'Hijacked' }],
    ['DELETE', `/v1/products/${w.productId}`],
    ['POST', '/v1/checkouts', { product_id: w.productId }],
    ['POST', '/v1/checkouts', { product_id: mine.productId, customer: { id: w.customerId } }],
  ];
}

const cases: [string, () => [World, World]][] = [
  ["another merchant's key", () => [demo, other]],
  ["the demo merchant's key, on another merchant's objects", () => [other, demo]],
  ['a live key, on test objects of its own merchant', () => [demo, live]],
  ['a test key, on live objects of its own merchant', () => [live, demo]],
];

for (const [who, pick] of cases) {
  test(`${who} gets 404 on every route and changes nothing`, async () => {
    const [target, caller] = await pick();
    const before = await storedText(t);
    for (const [method, url, body] of routesFor(target, caller)) {
      const res = await call(t, method, url, { key: caller.key, body });
      assert.equal(res.status, 404, `${method} ${url} → ${res.status} ${res.text}`);
      assert.ok(isCreemError(res.json, 404), `${method} ${url}: Creem error body`);
    }
    assert.equal(await storedText(t), before, 'the data file is unchanged');
  });
}

test('lists and searches only ever show the caller’s own merchant and mode', async () => {
  const lists = ['/v1/customers/list?page_size=100', '/v1/subscriptions/search?page_size=100', '/v1/transactions/search?page_size=100', '/v1/products/search?page_size=100'];
  for (const w of [other, live]) {
    for (const url of lists) {
      const res = await call(t, 'GET', url, { key: w.key });
      assert.equal(res.status, 200, url);
      assert.equal(res.json.pagination.total_records, 1, `${url} for ${w.key.slice(0, 12)}`);
      assert.ok(res.json.items.every((x: { mode: string }) => x.mode === (w === live ? 'prod' : 'test')));
    }
  }
  const demoSubs = await call(t, 'GET', '/v1/subscriptions/search?page_size=100');
  assert.ok(demoSubs.json.items.every((s: { id: string }) => s.id !== other.subscriptionId && s.id !== live.subscriptionId));
});

test('an email shared across merchants and modes finds only the caller’s own customer', async () => {
  for (const w of [other, live, demo]) {
    const res = await call(t, 'GET', '/v1/customers?email=ada@example.com', { key: w.key });
    assert.equal(res.status, 200);
    assert.equal(res.json.id, w.customerId);
  }
  const bySearch = await call(t, 'GET', `/v1/transactions/search?customer_id=${demo.customerId}`, { key: other.key });
  assert.equal(bySearch.json.pagination.total_records, 0, "filtering by another merchant's customer finds nothing");
});

test('each key still works on its own objects', async () => {
  for (const w of [other, live]) {
    const res = await call(t, 'POST', `/v1/subscriptions/${w.subscriptionId}/pause`, { key: w.key });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.status, 'paused');
    assert.equal(res.json.mode, w === live ? 'prod' : 'test');
  }
});
