import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdkError, sdkHarnessPerFile } from '../support/sdk.js';
import { call } from '../support/server.js';
import { openForm, postForm } from './signin-helpers.js';
import { rollOverDue } from '../../server/domain/renewals.js';

/*
 * Discount codes from the merchant's side (Creem's SDK over a real port) and at checkout: what the
 * page shows, what the first payment and the renewals are charged while the discount lasts.
 */
const sdk = sdkHarnessPerFile();
const GOOD = { card: '4242424242424242', expiry: '12/40', cvc: '123' };
const DAY = 24 * 60 * 60 * 1000;

async function plan(price = 2000) {
  return sdk.creem.products.create({ name: `Plan ${price}`, description: 'Monthly.', price, currency: 'EUR', billingType: 'recurring', billingPeriod: 'every-month' });
}

/** Creates a checkout with the code and pays it on the hosted page; returns the subscription id. */
async function subscribeWith(productId: string, code: string, email: string) {
  const checkout = await sdk.creem.checkouts.create({ productId, discountCode: code, successUrl: 'http://127.0.0.1:3000/ok' });
  const path = new URL(checkout.checkoutUrl!).pathname;
  const page = await (await sdk.t.app.request(path)).text();
  const res = await postForm(sdk.t, path, await openForm(sdk.t, path), { ...GOOD, email });
  assert.equal(res.status, 303, await res.text());
  return { page, subscriptionId: new URL(res.headers.get('location')!).searchParams.get('subscription_id')! };
}

const paymentsOf = async (subscriptionId: string) =>
  (await sdk.t.deps.store.findBy('transactions', 'subscription_id', subscriptionId)).sort((a, b) => a.created_at - b.created_at).map((t) => ({ amount: t.amount, discount: t.discount_amount, paid: t.amount_paid }));

async function renewOnce() {
  sdk.t.clock.advance(32 * DAY);
  await rollOverDue(sdk.t.deps, sdk.t.clock.now);
}

test('discounts: created, found by id and by code in any case, listed, deleted; codes are unique per merchant', async () => {
  const made = await sdk.creem.discounts.create({ name: 'Launch', code: 'LAUNCH20', type: 'percentage', percentage: 20, duration: 'forever', appliesToProducts: [] });
  assert.match(made.id, /^dis_/);
  assert.equal(made.status, 'active');
  assert.equal((await sdk.creem.discounts.get(made.id)).code, 'LAUNCH20');
  assert.equal((await sdk.creem.discounts.get(undefined, 'launch20')).id, made.id);
  assert.ok((await sdk.creem.discounts.search(1, 50)).result.items.some((d) => d.id === made.id));
  const e = await sdkError(sdk.creem.discounts.create({ name: 'Again', code: 'launch20', type: 'fixed', amount: 500, currency: 'EUR', duration: 'once', appliesToProducts: [] }));
  assert.equal(e.statusCode, 409);
  const generated = await sdk.creem.discounts.create({ name: 'No code given', type: 'fixed', amount: 300, currency: 'EUR', duration: 'once', appliesToProducts: [] });
  assert.match(generated.code, /^[A-Z2-9]{8}$/);

  const deleted = await sdk.creem.discounts.delete(made.id);
  assert.equal(deleted.status, 'deleted');
  assert.equal((await sdkError(sdk.creem.discounts.get(undefined, 'LAUNCH20'))).statusCode, 404);
  assert.ok(!(await sdk.creem.discounts.search(1, 50)).result.items.some((d) => d.id === made.id));
  assert.ok((await sdk.creem.discounts.search(1, 50, undefined, 'deleted')).result.items.some((d) => d.id === made.id));
});

test('a forever percentage discount: shown on the checkout page, taken off the first payment and every renewal', async () => {
  const p = await plan(2000);
  await sdk.creem.discounts.create({ name: 'Quarter off', code: 'QUARTER', type: 'percentage', percentage: 25, duration: 'forever', appliesToProducts: [p.id] });
  await sdk.creem.discounts.create({ name: 'All of it', code: 'ALLOFIT', type: 'percentage', percentage: 100, duration: 'once', appliesToProducts: [p.id] });
  const free = await sdk.creem.checkouts.create({ productId: p.id, discountCode: 'ALLOFIT' });
  const freePage = await (await sdk.t.app.request(new URL(free.checkoutUrl!).pathname)).text();
  assert.match(freePage, /Pay €0\.00/, 'nothing to pay is not a trial');
  assert.doesNotMatch(freePage, /free trial/);
  const { page, subscriptionId } = await subscribeWith(p.id, 'quarter', 'forever@example.com');
  assert.match(page, /Discount \(QUARTER\)<\/dt><dd>−€5\.00/);
  assert.match(page, /Pay €18\.00/, '€20.00 − 25 % = €15.00, plus 20 % tax');
  await renewOnce();
  await renewOnce();
  assert.deepEqual(await paymentsOf(subscriptionId), [
    { amount: 2000, discount: 500, paid: 1800 },
    { amount: 2000, discount: 500, paid: 1800 },
    { amount: 2000, discount: 500, paid: 1800 },
  ]);
  assert.equal((await sdk.creem.discounts.get(undefined, 'QUARTER')).redeemCount, 1);
});

test('a once discount takes off the first payment only; a 3-month repeating one the first three monthly payments', async () => {
  const p = await plan(3000);
  await sdk.creem.discounts.create({ name: 'Welcome', code: 'WELCOME10', type: 'fixed', amount: 1000, currency: 'EUR', duration: 'once', appliesToProducts: [] });
  await sdk.creem.discounts.create({ name: 'Three months', code: 'THREE', type: 'percentage', percentage: 50, duration: 'repeating', durationInMonths: 3, appliesToProducts: [] });
  const once = await subscribeWith(p.id, 'WELCOME10', 'once@example.com');
  const three = await subscribeWith(p.id, 'THREE', 'three@example.com');
  for (let i = 0; i < 3; i++) await renewOnce();
  assert.deepEqual((await paymentsOf(once.subscriptionId)).map((x) => x.discount), [1000, 0, 0, 0]);
  assert.deepEqual((await paymentsOf(three.subscriptionId)).map((x) => x.discount), [1500, 1500, 1500, 0]);
});

test('a repeating discount lasts its months, not a count of payments: switched to a yearly plan, one yearly renewal inside them is discounted, the next is not', async () => {
  const monthly = await plan(1000);
  const yearly = await sdk.creem.products.create({ name: 'Yearly 10000', description: 'Yearly.', price: 10000, currency: 'EUR', billingType: 'recurring', billingPeriod: 'every-year' });
  await sdk.creem.discounts.create({ name: 'Three months half', code: 'THREEHALF', type: 'percentage', percentage: 50, duration: 'repeating', durationInMonths: 3, appliesToProducts: [] });
  const { subscriptionId } = await subscribeWith(monthly.id, 'THREEHALF', 'switcher@example.com');
  await sdk.creem.subscriptions.upgrade(subscriptionId, { productId: yearly.id, updateBehavior: 'proration-none' });
  await renewOnce();
  sdk.t.clock.advance(366 * DAY);
  await rollOverDue(sdk.t.deps, sdk.t.clock.now);
  // A count of three payments would have taken half off two whole years.
  assert.deepEqual(await paymentsOf(subscriptionId), [
    { amount: 1000, discount: 500, paid: 600 },
    { amount: 10000, discount: 5000, paid: 6000 },
    { amount: 10000, discount: 0, paid: 12000 },
  ]);
});

test('a code that does not apply is refused when the checkout is made; one used up meanwhile shows the new price before anything is paid', async () => {
  const p = await plan(1000);
  const other = await plan(1100);
  await sdk.creem.discounts.create({ name: 'Only other', code: 'OTHERONLY', type: 'percentage', percentage: 10, duration: 'once', appliesToProducts: [other.id] });
  await sdk.creem.discounts.create({ name: 'Dollars', code: 'DOLLARS', type: 'fixed', amount: 100, currency: 'USD', duration: 'once', appliesToProducts: [] });
  for (const [code, why] of [
    ['OTHERONLY', /does not apply to this product/],
    ['DOLLARS', /discount is in USD/],
    ['NOPE', /no such discount code/],
  ] as const) {
    const res = await call(sdk.t, 'POST', '/v1/checkouts', { body: { product_id: p.id, discount_code: code } });
    assert.equal(res.status, 400, code);
    assert.match(res.text, why);
  }

  await sdk.creem.discounts.create({ name: 'One only', code: 'ONEONLY', type: 'percentage', percentage: 50, duration: 'once', maxRedemptions: 1, appliesToProducts: [] });
  const first = await sdk.creem.checkouts.create({ productId: p.id, discountCode: 'ONEONLY', successUrl: 'http://127.0.0.1:3000/ok' });
  const second = await sdk.creem.checkouts.create({ productId: p.id, discountCode: 'ONEONLY', successUrl: 'http://127.0.0.1:3000/ok' });
  const secondPath = new URL(second.checkoutUrl!).pathname;
  const secondForm = await openForm(sdk.t, secondPath);
  const firstPath = new URL(first.checkoutUrl!).pathname;
  assert.equal((await postForm(sdk.t, firstPath, await openForm(sdk.t, firstPath), { ...GOOD, email: 'first@example.com' })).status, 303);
  // The second page still says €6.00 (half off, with tax); the code is used up: nothing is paid.
  const refused = await postForm(sdk.t, secondPath, secondForm, { ...GOOD, email: 'second@example.com', total: '600' });
  assert.equal(refused.status, 400);
  const again = await refused.text();
  assert.match(again, /The price changed/);
  assert.match(again, /Pay €12\.00/);
  assert.equal((await sdk.t.deps.store.findBy('customers', 'email', 'second@example.com')).length, 0);
  const paid = await postForm(sdk.t, secondPath, secondForm, { ...GOOD, email: 'second@example.com', total: '1200' });
  assert.equal(paid.status, 303);
  assert.equal((await sdkError(sdk.creem.checkouts.create({ productId: p.id, discountCode: 'ONEONLY' }))).statusCode, 400);
});

test('bad discounts are 400s in Creem’s format and create nothing', async () => {
  const before = (await sdk.t.deps.store.all('discounts')).length;
  for (const body of [
    { name: 'x', type: 'fixed', duration: 'once', applies_to_products: [] },
    { name: 'x', type: 'percentage', percentage: 0, duration: 'once', applies_to_products: [] },
    { name: 'x', type: 'percentage', percentage: 101, duration: 'once', applies_to_products: [] },
    { name: 'x', type: 'percentage', percentage: 10, duration: 'repeating', applies_to_products: [] },
    { name: 'x', code: 'no spaces allowed', type: 'percentage', percentage: 10, duration: 'once', applies_to_products: [] },
  ]) {
    const res = await call(sdk.t, 'POST', '/v1/discounts', { body });
    assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status} ${res.text}`);
  }
  const foreign = await call(sdk.t, 'POST', '/v1/discounts', { body: { name: 'x', type: 'percentage', percentage: 10, duration: 'once', applies_to_products: ['prod_missing'] } });
  assert.equal(foreign.status, 404);
  assert.equal((await sdk.t.deps.store.all('discounts')).length, before);
});
