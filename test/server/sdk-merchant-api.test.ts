import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Creem } from 'creem';
import { sdkError, startSdkHarness, type SdkHarness } from '../support/sdk.js';
import { parseWebhookEventEntity } from 'creem/webhooks';
import { rollOverDue } from '../../server/domain/renewals.js';
import { customerByEmail, type TestApp } from '../support/server.js';
import { prorate } from '../../server/domain/proration.js';

/**
 * Drives the merchant API with Creem's official SDK over a real port. The SDK validates every
 * response against its own schemas, so a wrong field name or type makes these calls throw.
 */
let harness: SdkHarness;
let t: TestApp;
let creem: Creem;

before(async () => {
  harness = await startSdkHarness();
  ({ t, creem } = harness);
});
after(() => harness.close());

const subOf = async (email: string, status: string) =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((s) => s.status === status)!;
const product = async (name: string) => (await t.deps.store.all('products')).find((p) => p.name === name)!;

test('customers: retrieve by id and by email (any case) returns the same customer', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const byId = await creem.customers.retrieve(ada.id);
  const byEmail = await creem.customers.retrieve(undefined, 'ADA@example.com');
  assert.equal(byId.id, ada.id);
  assert.equal(byEmail.id, ada.id);
  assert.equal(byId.email, 'ada@example.com');
  assert.equal(byId.mode, 'test');
  assert.ok(byId.createdAt instanceof Date);
});

test('customers: list pages through every customer with Creem pagination', async () => {
  const first = await creem.customers.list(1, 2);
  assert.equal(first.result.items.length, 2);
  assert.deepEqual(first.result.pagination, { totalRecords: 6, totalPages: 3, currentPage: 1, nextPage: 2, prevPage: null });
  const seen: string[] = [];
  for await (const page of first) seen.push(...page.result.items.map((c) => c.email));
  assert.equal(seen.length, 6);
  assert.equal(new Set(seen).size, 6);
});

test('customers: update changes name, email and metadata, and a later read sees them', async () => {
  const grace = await customerByEmail(t, 'grace@example.com');
  const updated = await creem.customers.update({ customerId: grace.id, name: 'Grace B. Hopper', metadata: { plan_owner: true, seats: 4 } });
  assert.equal(updated.name, 'Grace B. Hopper');
  assert.deepEqual(updated.metadata, { plan_owner: true, seats: 4 });
  const again = await creem.customers.retrieve(grace.id);
  assert.equal(again.name, 'Grace B. Hopper');
  assert.ok(again.updatedAt.getTime() >= again.createdAt.getTime());
});

test("customers: a customer's subscriptions and orders come back expanded and paginated", async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const subs = await creem.customers.listSubscriptions(ada.id, 1, 10);
  assert.equal(subs.pagination.totalRecords, 2);
  assert.deepEqual(subs.items.map((s) => s.status).sort(), ['active', 'canceled']);
  for (const s of subs.items) {
    assert.equal(typeof s.product, 'object');
    assert.equal(typeof s.customer, 'object');
  }
  const orders = await creem.customers.getOrders(ada.id, 1, 50);
  const expected = (await t.deps.store.findBy('orders', 'customer_id', ada.id)).length;
  assert.equal(orders.pagination.totalRecords, expected);
  assert.ok(orders.items.every((o) => o.customer === ada.id && o.status === 'paid' && o.amountPaid! > o.amount));
});

test('products: get by id and search list the catalogue', async () => {
  const pro = await product('Pro');
  const got = await creem.products.get(pro.id);
  assert.equal(got.name, 'Pro');
  assert.equal(got.price, 2900);
  assert.equal(got.billingPeriod, 'every-month');
  assert.equal(typeof got.description, 'string');
  const found = await creem.products.search(1, 10, 'active');
  assert.equal(found.result.pagination.totalRecords, 4);
  assert.deepEqual(found.result.items.map((p) => p.name).sort(), ['Onboarding call', 'Pro', 'Pro (yearly)', 'Starter']);
  assert.equal(found.result.items.find((p) => p.name === 'Onboarding call')?.billingType, 'onetime', 'the demo sells one thing once');
});

test('subscriptions: get expands product and customer; search pages through all of them', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const got = await creem.subscriptions.get(sub.id);
  assert.equal(got.status, 'active');
  assert.equal(typeof got.product === 'object' && got.product.name, 'Pro');
  assert.equal(typeof got.customer === 'object' && got.customer.email, 'ada@example.com');
  assert.equal(got.items?.[0].units, 3);
  assert.ok(got.lastTransaction, 'the last payment is expanded');
  const all = await creem.subscriptions.search(1, 50);
  assert.equal(all.result.pagination.totalRecords, 7);
});

test('subscriptions: a scheduled cancel keeps access until period end, and resume makes it active again', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const canceled = await creem.subscriptions.cancel(sub.id, { mode: 'scheduled' });
  assert.equal(canceled.status, 'scheduled_cancel');
  assert.equal(canceled.currentPeriodEndDate?.toISOString(), sub.current_period_end_date);
  assert.ok(canceled.currentPeriodEndDate!.getTime() > t.clock.now, 'access continues until the period ends');
  assert.equal(canceled.canceledAt ?? null, null);
  const resumed = await creem.subscriptions.resume(sub.id);
  assert.equal(resumed.status, 'active');
  assert.equal(resumed.currentPeriodEndDate?.toISOString(), sub.current_period_end_date);
});

test('subscriptions: pause then resume; a canceled subscription cannot be resumed (409)', async () => {
  const sub = await subOf('jean@example.com', 'active');
  assert.equal((await creem.subscriptions.pause(sub.id)).status, 'paused');
  assert.equal((await creem.subscriptions.resume(sub.id)).status, 'active');

  const trial = await subOf('grace@example.com', 'trialing');
  const canceled = await creem.subscriptions.cancel(trial.id, { mode: 'immediate' });
  assert.equal(canceled.status, 'canceled');
  assert.equal(canceled.canceledAt?.getTime(), t.clock.now);
  const e = await sdkError(creem.subscriptions.resume(trial.id));
  assert.equal(e.statusCode, 409);
  const body = JSON.parse(e.body);
  assert.equal(body.status, 409);
  assert.match(body.message[0], /canceled/);
});

test('subscriptions: update units charges the prorated difference now', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const updated = await creem.subscriptions.update(sub.id, {
    items: [{ id: sub.items[0].id, units: 5 }],
    updateBehavior: 'proration-charge-immediately',
  });
  assert.equal(updated.items?.[0].units, 5);
  const expected = prorate({
    oldPrice: 2900,
    oldUnits: 3,
    newPrice: 2900,
    newUnits: 5,
    periodStartMs: Date.parse(sub.current_period_start_date),
    periodEndMs: Date.parse(sub.current_period_end_date),
    nowMs: t.clock.now,
    behavior: 'proration-charge-immediately',
  });
  assert.ok(expected.net > 0);
  assert.equal(updated.lastTransaction?.amount, expected.net);
  assert.equal(updated.lastTransaction?.status, 'paid');
  const tx = await creem.transactions.getById(updated.lastTransactionId!);
  assert.equal(tx.amount, expected.net);
  assert.equal(tx.subscription, sub.id);
});

test('subscriptions: upgrade to a cheaper product refunds the difference from the latest payments', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const refundedSoFar = async () =>
    (await t.deps.store.findBy('transactions', 'subscription_id', sub.id)).reduce((sum, x) => sum + x.refunded_amount, 0);
  const before = await refundedSoFar();
  const lastId = sub.last_transaction_id!;
  const starter = await product('Starter');
  const upgraded = await creem.subscriptions.upgrade(sub.id, { productId: starter.id, updateBehavior: 'proration-charge-immediately' });
  assert.equal(typeof upgraded.product === 'object' && upgraded.product.id, starter.id);
  assert.equal(upgraded.items?.[0].productId, starter.id);
  assert.equal(upgraded.items?.[0].units, 5);
  const expected = prorate({
    oldPrice: 2900,
    oldUnits: 5,
    newPrice: 900,
    newUnits: 5,
    periodStartMs: Date.parse(sub.current_period_start_date),
    periodEndMs: Date.parse(sub.current_period_end_date),
    nowMs: t.clock.now,
    behavior: 'proration-charge-immediately',
  });
  assert.ok(expected.net < 0);
  // Payments were taken with 20% tax on top, so the difference is refunded with its tax share.
  assert.equal(await refundedSoFar() - before, -expected.net + Math.round(-expected.net * 0.2), 'exactly the difference (and its tax) is refunded');
  // The proration charge made a moment ago is the newest payment, so it is refunded first, in full.
  assert.equal((await creem.transactions.getById(lastId)).status, 'refunded');
});

test('transactions: search by customer, order and product; refund of a whole payment marks it refunded', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const mine = await creem.transactions.search(ada.id, undefined, undefined, 1, 100);
  const stored = await t.deps.store.findBy('transactions', 'customer_id', ada.id);
  assert.equal(mine.result.pagination.totalRecords, stored.length);
  const newest = mine.result.items[0];
  assert.ok(mine.result.items.every((x, i, a) => i === 0 || a[i - 1].createdAt >= x.createdAt), 'newest first');

  const byOrder = await creem.transactions.search(undefined, newest.order!, undefined, 1, 10);
  assert.deepEqual(byOrder.result.items.map((x) => x.id), [newest.id]);
  const pro = await product('Pro');
  const byProduct = await creem.transactions.search(undefined, undefined, pro.id, 1, 100);
  assert.ok(byProduct.result.items.length > 0);
  for (const x of byProduct.result.items) assert.equal((await t.deps.store.get('transactions', x.id))!.product_id, pro.id);

  const paid = stored.find((x) => x.status === 'paid' && x.refunded_amount === 0)!;
  const refund = await creem.transactions.refund({ transactionId: paid.id });
  assert.equal(refund.status, 'succeeded');
  const after = await creem.transactions.getById(paid.id);
  assert.equal(after.status, 'refunded');
  assert.equal(after.refundedAmount, paid.amount_paid);
  const again = await sdkError(creem.transactions.refund({ transactionId: paid.id }));
  assert.equal(again.statusCode, 409);
});

test('errors reach the SDK as CreemError with Creem’s body: unknown ids are 404, a bad key is 403', async () => {
  const missing = await sdkError(creem.subscriptions.get('sub_doesnotexist'));
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(Object.keys(JSON.parse(missing.body)).sort(), ['error', 'message', 'status', 'timestamp', 'trace_id']);
  const stranger = new Creem({ apiKey: 'creem_test_not_a_real_key_000000', serverURL: creem._baseURL!.toString() });
  const denied = await sdkError(stranger.products.search(1, 10));
  assert.equal(denied.statusCode, 403);
});

test('every event the merchant API causes reaches a webhook endpoint and parses with the SDK’s webhook schemas', async () => {
  // /v1/webhooks belongs to the webhook engineer (its own SDK suite is webhook-endpoints.test.ts); here it checks our event objects.
  const endpoint = await creem.webhooks.create({ deliveryMode: 'cli', name: 'SDK suite' });
  const jean = await subOf('jean@example.com', 'active');
  await creem.subscriptions.cancel(jean.id, { mode: 'scheduled', onExecute: 'pause' });
  await creem.subscriptions.resume(jean.id);
  await creem.subscriptions.pause(jean.id);
  const linus = await subOf('linus@example.com', 'scheduled_cancel');
  await creem.subscriptions.resume(linus.id);
  await creem.subscriptions.update(linus.id, { items: [{ units: 2 }] });
  const paid = (await t.deps.store.findBy('transactions', 'subscription_id', linus.id)).find((x) => x.status === 'paid')!;
  await creem.transactions.refund({ transactionId: paid.id });
  t.clock.now = Date.parse((await t.deps.store.get('subscriptions', linus.id))!.current_period_end_date);
  assert.ok((await rollOverDue(t.deps, t.clock.now)) >= 1);

  const pending = await creem.webhooks.listPendingEvents(endpoint.id, 100);
  const seen = pending.items.map((p) => {
    const event = parseWebhookEventEntity(p.body);
    return `${event.eventType}:${(event.object as { id: string }).id}`;
  });
  for (const expected of [
    `subscription.scheduled_cancel:${jean.id}`,
    `subscription.active:${jean.id}`,
    `subscription.paused:${jean.id}`,
    `subscription.active:${linus.id}`,
    `subscription.update:${linus.id}`,
    `subscription.paid:${linus.id}`,
  ]) {
    assert.ok(seen.includes(expected), `${expected} in ${seen.join(', ')}`);
  }
  assert.ok(seen.some((s) => s.startsWith('refund.created:ref_')));
});
