import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, customerByEmail, readDataFile, type TestApp } from '../support/server.js';
import { ApiError } from '../../server/errors.js';
import { changeSubscription, previewSubscriptionChange } from '../../server/domain/subscriptions.js';
import { createRefund } from '../../server/domain/refunds.js';
import { prorate } from '../../server/domain/proration.js';
import type { Subscription } from '../../server/store/schema.js';

let t: TestApp;
let sub: Subscription;
beforeEach(async () => {
  t = await createTestApp();
  sub = t.deps.store.findBy('subscriptions', 'customer_id', customerByEmail(t, 'ada@example.com').id).find((s) => s.status === 'active')!;
});
afterEach(() => t.close());

const scope = () => ({ merchantId: sub.merchant_id, mode: sub.mode });
const product = (name: string) => t.deps.store.all('products').find((p) => p.name === name)!;
const rejects = (p: Promise<unknown> | (() => unknown), status: number) =>
  assert.rejects(async () => (typeof p === 'function' ? p() : p), (e: unknown) => e instanceof ApiError && e.status === status);

test('the preview shows exactly what the change then charges', async () => {
  const preview = previewSubscriptionChange(t.deps, scope(), sub.id, { units: 4 });
  assert.equal(preview.currency, 'USD');
  assert.equal(preview.units, 4);
  assert.equal(preview.product.id, sub.product_id);
  assert.equal(preview.next_charge_amount, 2900 * 4);
  assert.equal(preview.next_charge_date, sub.next_transaction_date);
  assert.equal(preview.net_today, preview.charge_today - preview.credit_today);
  assert.ok(preview.net_today > 0);
  assert.equal(preview.total_today, preview.net_today + preview.tax_today);
  assert.equal(preview.next_charge_total, preview.next_charge_amount + preview.next_charge_amount * 0.2);
  assert.equal(t.deps.store.get('subscriptions', sub.id), sub, 'a preview changes nothing');

  const { subscription, transaction } = await changeSubscription(t.deps, scope(), sub.id, { units: 4 });
  assert.equal(subscription.items[0].units, 4);
  assert.equal(transaction?.amount, preview.net_today);
  assert.equal(transaction?.amount_paid, preview.total_today, 'the customer pays exactly the previewed total');
  assert.equal(transaction?.status, 'paid');
  assert.equal(subscription.last_transaction_id, transaction?.id);
  const disk = readDataFile(t);
  assert.ok(disk.collections.webhook_events.some((e: { eventType: string; object: { id: string; items: { units: number }[] } }) => e.eventType === 'subscription.update' && e.object.id === sub.id && e.object.items[0].units === 4));
});

test("behavior defaults to the merchant's setting; proration-none changes the plan with no money moved", async () => {
  await t.deps.store.transact((tx) => {
    const m = t.deps.store.get('merchants', sub.merchant_id)!;
    tx.put('merchants', { ...m, settings: { ...m.settings, update_behavior: 'proration-none' } });
  });
  const preview = previewSubscriptionChange(t.deps, scope(), sub.id, { productId: product('Starter').id });
  assert.deepEqual([preview.charge_today, preview.credit_today, preview.net_today], [0, 0, 0]);
  assert.equal(preview.next_charge_amount, 900 * 3);
  const { subscription, transaction } = await changeSubscription(t.deps, scope(), sub.id, { productId: product('Starter').id });
  assert.equal(transaction, null);
  assert.equal(subscription.product_id, product('Starter').id);
  assert.equal(subscription.items[0].price_id, product('Starter').price_id);
});

test('a downgrade with nothing left to refund in the current period moves no money, and the preview says so', async () => {
  for (const x of t.deps.store.findBy('transactions', 'subscription_id', sub.id)) {
    await createRefund(t.deps, scope(), { transactionId: x.id, reason: 'other' });
  }
  const preview = previewSubscriptionChange(t.deps, scope(), sub.id, { units: 1 });
  assert.ok(preview.charge_today > 0, 'the new plan still costs its share of the period');
  assert.deepEqual([preview.net_today, preview.tax_today, preview.total_today], [0, 0, 0]);
  assert.equal(preview.credit_today, preview.charge_today);
  const transactionsBefore = t.deps.store.count('transactions');
  const { subscription, transaction } = await changeSubscription(t.deps, scope(), sub.id, { units: 1 });
  assert.equal(transaction, null);
  assert.equal(subscription.items[0].units, 1);
  // The part of the credit nobody paid for is dropped, not kept as a credit transaction.
  assert.equal(t.deps.store.count('transactions'), transactionsBefore);
});

test('a downgrade after a refunded upgrade charge refunds only what the current period still holds, never earlier periods', async () => {
  const up = await changeSubscription(t.deps, scope(), sub.id, { units: 50 });
  assert.equal(up.transaction?.kind, 'proration');
  await createRefund(t.deps, scope(), { transactionId: up.transaction!.id, reason: 'other' });

  const periodStart = Date.parse(sub.current_period_start_date);
  const payments = () => t.deps.store.findBy('transactions', 'subscription_id', sub.id);
  const earlier = payments().filter((x) => x.period_start! < periodStart);
  assert.ok(earlier.length > 0, 'the subscription has paid earlier periods');
  const refundableNow = payments()
    .filter((x) => x.period_start! >= periodStart)
    .reduce((sum, x) => sum + Math.max(0, x.amount_paid - x.refunded_amount), 0);
  const uncapped = prorate({
    oldPrice: 2900,
    oldUnits: 50,
    newPrice: 2900,
    newUnits: 3,
    periodStartMs: periodStart,
    periodEndMs: Date.parse(sub.current_period_end_date),
    nowMs: t.clock.now,
    behavior: 'proration-charge-immediately',
  });
  assert.ok(-uncapped.net * 1.2 > refundableNow, 'the proration credit is more than this period holds');

  const preview = previewSubscriptionChange(t.deps, scope(), sub.id, { units: 3 });
  assert.equal(preview.total_today, -refundableNow, 'the customer is shown the capped refund');
  assert.equal(preview.net_today, preview.charge_today - preview.credit_today);
  assert.equal(preview.total_today, preview.net_today + preview.tax_today);

  const refundedBefore = payments().reduce((sum, x) => sum + x.refunded_amount, 0);
  await changeSubscription(t.deps, scope(), sub.id, { units: 3 });
  const refundedNow = payments().reduce((sum, x) => sum + x.refunded_amount, 0) - refundedBefore;
  assert.equal(refundedNow, -preview.total_today, 'exactly the previewed refund moved');
  for (const x of earlier) assert.deepEqual(t.deps.store.get('transactions', x.id), x, `${x.id} (an earlier period) untouched`);
  assert.ok(payments().every((x) => x.amount_paid >= 0), 'no credit transaction for the part never paid');
});

test('changes are refused: other currency (400), unknown product (404), not active (409), no change (400)', async () => {
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, { productId: product('Pro (yearly)').id }), 400);
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, { productId: 'prod_nope' }), 404);
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, { units: 3 }), 400);
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, {}), 400);
  const paused = t.deps.store.findBy('subscriptions', 'customer_id', customerByEmail(t, 'margaret@example.com').id)[0];
  await rejects(() => previewSubscriptionChange(t.deps, scope(), paused.id, { units: 2 }), 409);
  await rejects(changeSubscription(t.deps, scope(), paused.id, { units: 2 }), 409);
  // A customer-pinned scope (the portal's) cannot reach another customer's subscription.
  await rejects(() => previewSubscriptionChange(t.deps, { ...scope(), customerId: paused.customer_id }, sub.id, { units: 2 }), 404);
});

test('a partial refund leaves partialRefund; refunding the rest makes it refunded; more is refused', async () => {
  const tran = t.deps.store.get('transactions', sub.last_transaction_id!)!;
  const first = await createRefund(t.deps, scope(), { transactionId: tran.id, amount: 1000, reason: 'requested_by_customer' });
  assert.equal(first.transaction.status, 'partialRefund');
  assert.equal(first.transaction.refunded_amount, 1000);
  assert.equal(first.refund.refund_amount, 1000);
  await rejects(createRefund(t.deps, scope(), { transactionId: tran.id, amount: tran.amount_paid, reason: 'other' }), 400);
  const rest = await createRefund(t.deps, scope(), { transactionId: tran.id, reason: 'other' });
  assert.equal(rest.refund.refund_amount, tran.amount_paid - 1000);
  assert.equal(rest.transaction.status, 'refunded');
  await rejects(createRefund(t.deps, scope(), { transactionId: tran.id, amount: 1, reason: 'other' }), 409);
  const events = readDataFile(t).collections.webhook_events.filter((e: { eventType: string }) => e.eventType === 'refund.created');
  assert.deepEqual(events.map((e: { object: { refund_amount: number } }) => e.object.refund_amount), [1000, tran.amount_paid - 1000]);
});
