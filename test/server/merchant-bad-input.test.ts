import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { storedText, createTestApp, call, customerByEmail, isCreemError, type TestApp } from '../support/server.js';

let t: TestApp;
let ids: { cust: string; sub: string; item: string; tran: string; usd: string; eur: string; trial: string; canceled: string };

before(async () => {
  t = await createTestApp();
  const ada = await customerByEmail(t, 'ada@example.com');
  const subs = await t.deps.store.findBy('subscriptions', 'customer_id', ada.id);
  const sub = subs.find((s) => s.status === 'active')!;
  const products = await t.deps.store.all('products');
  ids = {
    cust: ada.id,
    sub: sub.id,
    item: sub.items[0].id,
    tran: sub.last_transaction_id!,
    usd: products.find((p) => p.name === 'Starter')!.id,
    eur: products.find((p) => p.currency === 'EUR')!.id,
    trial: (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, 'grace@example.com')).id))[0].id,
    canceled: subs.find((s) => s.status === 'canceled')!.id,
  };
});
after(() => t.close());

type Case = { name: string; method: string; url: () => string; body?: unknown; headers?: Record<string, string>; key?: string | null; status: number };

const big = 'x'.repeat(100 * 1024);
const cases: Case[] = [
  // Queries: missing, wrong types, out of range, malformed ids.
  { name: 'customer lookup without id or email', method: 'GET', url: () => '/v1/customers', status: 400 },
  { name: 'customer id with spaces', method: 'GET', url: () => '/v1/customers?customer_id=cust%20x', status: 400 },
  { name: 'customer id too long', method: 'GET', url: () => `/v1/customers?customer_id=${'a'.repeat(65)}`, status: 400 },
  { name: 'unknown customer', method: 'GET', url: () => '/v1/customers?customer_id=cust_nope', status: 404 },
  { name: 'unknown email', method: 'GET', url: () => '/v1/customers?email=nobody@example.com', status: 404 },
  { name: 'page_number not a number', method: 'GET', url: () => '/v1/customers/list?page_number=abc', status: 400 },
  { name: 'page_number zero', method: 'GET', url: () => '/v1/subscriptions/search?page_number=0', status: 400 },
  { name: 'page_size too large', method: 'GET', url: () => '/v1/transactions/search?page_size=1000', status: 400 },
  { name: 'page_size fractional', method: 'GET', url: () => '/v1/products/search?page_size=2.5', status: 400 },
  { name: 'unknown product status', method: 'GET', url: () => '/v1/products/search?status=deleted', status: 400 },
  { name: 'unknown subscription status filter', method: 'GET', url: () => '/v1/subscriptions/search?status=zombie', status: 400 },
  { name: 'subscription id missing', method: 'GET', url: () => '/v1/subscriptions', status: 400 },
  { name: 'unknown subscription', method: 'GET', url: () => '/v1/subscriptions?subscription_id=sub_nope', status: 404 },
  { name: 'transaction id missing', method: 'GET', url: () => '/v1/transactions', status: 400 },
  { name: 'unknown transaction', method: 'GET', url: () => '/v1/transactions?transaction_id=tran_nope', status: 404 },
  { name: 'unknown product by path', method: 'GET', url: () => '/v1/products/prod_nope', status: 404 },
  { name: 'unknown product by query', method: 'GET', url: () => '/v1/products?product_id=prod_nope', status: 404 },
  { name: 'orders of unknown customer', method: 'GET', url: () => '/v1/customers/cust_nope/orders', status: 404 },
  { name: 'subscriptions of unknown customer', method: 'GET', url: () => '/v1/customers/cust_nope/subscriptions', status: 404 },

  // PATCH /v1/customers
  { name: 'update without customer_id', method: 'PATCH', url: () => '/v1/customers', body: { name: 'X' }, status: 400 },
  { name: 'update with invalid email', method: 'PATCH', url: () => '/v1/customers', body: () => ({ customer_id: ids.cust, email: 'not-an-email' }), status: 400 },
  { name: 'update with name as number', method: 'PATCH', url: () => '/v1/customers', body: () => ({ customer_id: ids.cust, name: 42 }), status: 400 },
  { name: 'update with nested metadata', method: 'PATCH', url: () => '/v1/customers', body: () => ({ customer_id: ids.cust, metadata: { a: { b: 1 } } }), status: 400 },
  { name: 'update with unknown field', method: 'PATCH', url: () => '/v1/customers', body: () => ({ customer_id: ids.cust, role: 'admin' }), status: 400 },
  { name: 'update to another customer’s email', method: 'PATCH', url: () => '/v1/customers', body: () => ({ customer_id: ids.cust, email: 'GRACE@example.com' }), status: 409 },
  { name: 'update of unknown customer', method: 'PATCH', url: () => '/v1/customers', body: { customer_id: 'cust_nope', name: 'X' }, status: 404 },

  // Cancel / pause / resume
  { name: 'cancel with unknown mode', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/cancel`, body: { mode: 'later' }, status: 400 },
  { name: 'cancel with unknown onExecute', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/cancel`, body: { onExecute: 'explode' }, status: 400 },
  { name: 'cancel with mode as number', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/cancel`, body: { mode: 1 }, status: 400 },
  { name: 'cancel with body not JSON', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/cancel`, body: '{"mode":', status: 400 },
  { name: 'cancel with text/plain body', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/cancel`, body: 'mode=immediate', headers: { 'content-type': 'text/plain' }, status: 415 },
  { name: 'cancel of unknown subscription', method: 'POST', url: () => '/v1/subscriptions/sub_nope/cancel', body: {}, status: 404 },
  { name: 'cancel of a canceled subscription', method: 'POST', url: () => `/v1/subscriptions/${ids.canceled}/cancel`, body: { mode: 'immediate' }, status: 409 },
  { name: 'resume of an active subscription', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/resume`, status: 409 },
  { name: 'pause of a canceled subscription', method: 'POST', url: () => `/v1/subscriptions/${ids.canceled}/pause`, status: 409 },
  { name: 'pause of unknown subscription', method: 'POST', url: () => '/v1/subscriptions/sub_nope/pause', status: 404 },

  // Upgrade / update
  { name: 'upgrade without product_id', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/upgrade`, body: {}, status: 400 },
  { name: 'upgrade with unknown update_behavior', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/upgrade`, body: () => ({ product_id: ids.usd, update_behavior: 'free' }), status: 400 },
  { name: 'upgrade to unknown product', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/upgrade`, body: { product_id: 'prod_nope' }, status: 404 },
  { name: 'upgrade to another currency', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/upgrade`, body: () => ({ product_id: ids.eur }), status: 400 },
  { name: 'upgrade of a canceled subscription', method: 'POST', url: () => `/v1/subscriptions/${ids.canceled}/upgrade`, body: () => ({ product_id: ids.usd }), status: 409 },
  { name: 'update with units as a string', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [{ units: '5' }] }, status: 400 },
  { name: 'update with zero units', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [{ units: 0 }] }, status: 400 },
  { name: 'update with fractional units', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [{ units: 1.5 }] }, status: 400 },
  { name: 'update with no items', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [] }, status: 400 },
  { name: 'update with two items', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [{ units: 2 }, { units: 3 }] }, status: 400 },
  { name: 'update with a foreign item id', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [{ id: 'sitem_other', units: 2 }] }, status: 400 },
  { name: 'update with unknown price id', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: { items: [{ price_id: 'pprice_nope' }] }, status: 400 },
  { name: 'update that changes nothing', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: () => ({ items: [{ id: ids.item, units: 3 }] }), status: 400 },
  { name: 'update with an item that names nothing to change', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: () => ({ items: [{ id: ids.item }] }), status: 400 },
  { name: 'update body is an array', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: [1, 2], status: 400 },
  { name: 'update body is null', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}`, body: 'null', status: 400 },

  // Refunds
  { name: 'refund without transaction_id', method: 'POST', url: () => '/v1/refunds', body: {}, status: 400 },
  { name: 'refund of unknown transaction', method: 'POST', url: () => '/v1/refunds', body: { transaction_id: 'tran_nope' }, status: 404 },
  { name: 'refund with negative amount', method: 'POST', url: () => '/v1/refunds', body: () => ({ transaction_id: ids.tran, amount: -1 }), status: 400 },
  { name: 'refund with amount as string', method: 'POST', url: () => '/v1/refunds', body: () => ({ transaction_id: ids.tran, amount: '10' }), status: 400 },
  { name: 'refund of more than was paid', method: 'POST', url: () => '/v1/refunds', body: () => ({ transaction_id: ids.tran, amount: 99_999_999 }), status: 400 },
  { name: 'refund with unknown reason', method: 'POST', url: () => '/v1/refunds', body: () => ({ transaction_id: ids.tran, reason: 'because' }), status: 400 },

  // Transport-level
  { name: 'huge body', method: 'POST', url: () => '/v1/refunds', body: () => ({ transaction_id: ids.tran, pad: big }), status: 413 },
  { name: 'Idempotency-Key too long', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/pause`, headers: { 'idempotency-key': 'k'.repeat(300) }, status: 400 },
  { name: 'no API key', method: 'GET', url: () => '/v1/products/search', key: null, status: 403 },
  { name: 'malformed API key', method: 'POST', url: () => `/v1/subscriptions/${ids.sub}/pause`, key: 'sk_live_123', status: 403 },
];

test('every bad request gets its 4xx in Creem’s error body, never a 500, and the store does not change', async () => {
  const before = await storedText(t);
  const failures: string[] = [];
  for (const c of cases) {
    const body = typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
    const res = await call(t, c.method, c.url(), { body, headers: c.headers, key: c.key });
    if (res.status !== c.status || !isCreemError(res.json, c.status)) failures.push(`${c.name}: ${c.method} ${c.url()} → ${res.status} ${res.text.slice(0, 200)}`);
  }
  assert.deepEqual(failures, []);
  assert.equal(await storedText(t), before, 'the data file is unchanged');
});

test('a trialing subscription can change units without any charge (nothing paid yet to prorate)', async () => {
  const res = await call(t, 'POST', `/v1/subscriptions/${ids.trial}`, { body: { items: [{ units: 2 }] } });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.items[0].units, 2);
  assert.equal((await t.deps.store.findBy('transactions', 'subscription_id', ids.trial)).length, 0);
});
