import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdkError, sdkHarnessPerFile } from '../support/sdk.js';
import { call, DEMO_KEY, isCreemError } from '../support/server.js';

/**
 * A merchant building their catalogue with Creem's official SDK: products created, changed and
 * archived, customers created. The SDK validates every answer against its own schemas.
 */
const sdk = sdkHarnessPerFile();

test('products: a recurring product with a trial is created, read back, and found in the search', async () => {
  const made = await sdk.creem.products.create({
    name: 'Team',
    description: 'For teams of up to 20.',
    price: 4900,
    currency: 'USD',
    billingType: 'recurring',
    billingPeriod: 'every-three-months',
    taxMode: 'inclusive',
    taxCategory: 'saas',
    trialPeriodDays: 14,
    defaultSuccessUrl: 'http://127.0.0.1:3000/welcome',
  });
  assert.match(made.id, /^prod_/);
  assert.equal(made.mode, 'test');
  assert.equal(made.billingPeriod, 'every-three-months');
  assert.equal(made.trialPeriodDays, 14);
  assert.equal(made.taxMode, 'inclusive');
  assert.equal(made.status, 'active');
  const again = await sdk.creem.products.get(made.id);
  assert.deepEqual({ ...again, createdAt: again.createdAt.toISOString() }, { ...made, createdAt: made.createdAt.toISOString() });
  const page = await sdk.creem.products.search(1, 100);
  assert.ok(page.result.items.some((p) => p.id === made.id));
  assert.ok((await sdk.t.deps.store.get('products', made.id))?.merchant_id, 'stored for the demo merchant');
});

test('products: a one-time product is billed once and may have no trial', async () => {
  const made = await sdk.creem.products.create({ name: 'Lifetime', description: 'Pay once.', price: 19900, currency: 'EUR', billingType: 'onetime' });
  assert.equal(made.billingType, 'onetime');
  assert.equal(made.billingPeriod, 'once');
  const e = await sdkError(sdk.creem.products.update(made.id, { trialPeriodDays: 7 }));
  assert.equal(e.statusCode, 400);
  assert.match(e.body, /only recurring products have trials/);
});

test('products: an update changes what it names; currency and billing stay while customers are subscribed', async () => {
  const made = await sdk.creem.products.create({ name: 'Basic', description: 'Starter plan.', price: 900, currency: 'EUR', billingType: 'recurring', billingPeriod: 'every-month' });
  const renamed = await sdk.creem.products.update(made.id, { name: 'Basic+', price: 1200, currency: 'USD', billingPeriod: 'every-year' });
  assert.equal(renamed.name, 'Basic+');
  assert.equal(renamed.price, 1200);
  assert.equal(renamed.currency, 'USD');
  assert.equal(renamed.billingPeriod, 'every-year');
  assert.ok(renamed.updatedAt.getTime() >= made.updatedAt.getTime());

  // A product somebody subscribed to: its terms are what they bought.
  const sold = (await sdk.t.deps.store.all('subscriptions'))[0]!;
  const terms = (await sdk.t.deps.store.get('products', sold.product_id))!;
  const other = { currency: terms.currency === 'EUR' ? 'USD' : 'EUR', billingPeriod: terms.billing_period === 'every-year' ? 'every-month' : 'every-year' } as const;
  const e = await sdkError(sdk.creem.products.update(sold.product_id, other));
  assert.equal(e.statusCode, 409);
  assert.match(e.body, /currency, billing_period cannot change/);
  const kept = await sdk.creem.products.update(sold.product_id, { description: 'Now with more.' });
  assert.equal(kept.description, 'Now with more.');
});

test('products: archiving keeps the product readable, takes it out of the active search, and its subscriptions go on', async () => {
  const sold = (await sdk.t.deps.store.all('subscriptions')).find((s) => s.status === 'active')!;
  const archived = await sdk.creem.products.archive(sold.product_id);
  assert.equal(archived.status, 'archived');
  assert.equal((await sdk.creem.products.archive(sold.product_id)).status, 'archived', 'archiving twice is fine');
  const active = await call(sdk.t, 'GET', '/v1/products/search?status=active&page_size=100', { key: DEMO_KEY });
  assert.ok(!active.json.items.some((p: { id: string }) => p.id === sold.product_id));
  assert.equal((await sdk.creem.subscriptions.get(sold.id)).status, 'active');
});

test('products: fields this server does not model are refused by name, never dropped; bad terms are 400s', async () => {
  const base = { name: 'X', description: 'Y', price: 1000, currency: 'EUR', billing_type: 'recurring', billing_period: 'every-month' };
  const before = (await sdk.t.deps.store.all('products')).length;
  for (const [body, why] of [
    [{ ...base, custom_fields: [{ type: 'text', key: 'company', label: 'Company' }] }, /custom_fields is not supported/],
    [{ ...base, usage_prices: [] }, /usage_prices is not supported/],
    [{ ...base, price: 50 }, /at least 100/],
    [{ ...base, billing_period: 'once' }, /recurring product needs a billing period/],
    [{ ...base, billing_type: 'onetime' }, /billed once/],
    [{ ...base, currency: 'GBP' }, /currency/],
    [{ ...base, image_url: 'javascript:alert(1)' }, /image_url/],
  ] as const) {
    const res = await call(sdk.t, 'POST', '/v1/products', { key: DEMO_KEY, body });
    assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status} ${res.text}`);
    assert.ok(isCreemError(res.json, 400));
    assert.match(res.text, why);
  }
  assert.equal((await sdk.t.deps.store.all('products')).length, before, 'nothing was created');
});

test('customers: a customer is created, found by email, and a second one with the same email is a 409', async () => {
  const made = await sdk.creem.customers.create({ email: 'Lin@Example.com', name: 'Lin Wu', metadata: { crm: 'hs_42' }, externalId: 'user_42' });
  assert.match(made.id, /^cust_/);
  assert.equal(made.email, 'lin@example.com');
  assert.equal(made.name, 'Lin Wu');
  assert.deepEqual(made.metadata, { crm: 'hs_42' });
  assert.equal((await sdk.creem.customers.retrieve(undefined, 'lin@example.com')).id, made.id);
  const e = await sdkError(sdk.creem.customers.create({ email: 'lin@example.com', name: 'Someone else' }));
  assert.equal(e.statusCode, 409);
  assert.match(e.body, new RegExp(made.id));
});
