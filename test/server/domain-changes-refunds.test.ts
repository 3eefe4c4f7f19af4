import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, customerByEmail, stored, type TestApp } from '../support/server.js';
import { fromDomainError } from '../../server/errors.js';
import { DomainError } from '../../server/domain/errors.js';
import { changeSubscription, previewSubscriptionChange } from '../../server/domain/subscription-changes.js';
import { createRefund } from '../../server/domain/refunds.js';
import { prorate } from '../../server/domain/proration.js';
import type { Subscription } from '../../server/store/schema.js';

let t: TestApp;
let sub: Subscription;
beforeEach(async () => {
  t = await createTestApp();
  sub = (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, 'ada@example.com')).id)).find((s) => s.status === 'active')!;
});
afterEach(() => t.close());

const scope = () => ({ merchantId: sub.merchant_id, mode: sub.mode });
const product = async (name: string) => (await t.deps.store.all('products')).find((p) => p.name === name)!;
const rejects = (p: Promise<unknown> | (() => unknown), status: number) =>
  assert.rejects(async () => (typeof p === 'function' ? p() : p), (e: unknown) => e instanceof DomainError && fromDomainError(e).status === status);

test('the preview shows exactly what the change then charges', async () => {
  const preview = await previewSubscriptionChange(t.deps, scope(), sub.id, { units: 4 });
  assert.equal(preview.product.currency, 'USD');
  assert.equal(preview.units, 4);
  assert.equal(preview.product.id, sub.product_id);
  assert.equal(preview.nextChargeAmount, 2900 * 4);
  assert.equal(preview.nextChargeDate, sub.next_transaction_date);
  assert.equal(preview.netToday, preview.chargeToday - preview.creditToday);
  assert.ok(preview.netToday > 0);
  assert.equal(preview.totalToday, preview.netToday + preview.taxToday);
  assert.equal(preview.nextChargeTotal, preview.nextChargeAmount + preview.nextChargeAmount * 0.2);
  assert.deepEqual(await t.deps.store.get('subscriptions', sub.id), sub, 'a preview changes nothing');

  const { subscription: { subscription }, transaction: paid } = await changeSubscription(t.deps, scope(), sub.id, { units: 4 });
  assert.equal(subscription.items[0].units, 4);
  assert.equal(paid?.transaction.amount, preview.netToday);
  assert.equal(paid?.transaction.amount_paid, preview.totalToday, 'the customer pays exactly the previewed total');
  assert.equal(paid?.transaction.status, 'paid');
  assert.equal(subscription.last_transaction_id, paid?.transaction.id);
  const disk = await stored(t);
  assert.ok(disk.collections.webhook_events.some((e: { eventType: string; object: { id: string; items: { units: number }[] } }) => e.eventType === 'subscription.update' && e.object.id === sub.id && e.object.items[0].units === 4));
});

test("behavior defaults to the merchant's setting; proration-none changes the plan with no money moved", async () => {
  await t.deps.store.transact(async (tx) => {
    const m = (await t.deps.store.get('merchants', sub.merchant_id))!;
    await tx.put('merchants', { ...m, settings: { ...m.settings, update_behavior: 'proration-none' } });
  });
  const preview = await previewSubscriptionChange(t.deps, scope(), sub.id, { productId: (await product('Starter')).id });
  assert.deepEqual([preview.chargeToday, preview.creditToday, preview.netToday], [0, 0, 0]);
  assert.equal(preview.nextChargeAmount, 900 * 3);
  const { subscription: { subscription }, transaction: paid } = await changeSubscription(t.deps, scope(), sub.id, { productId: (await product('Starter')).id });
  assert.equal(paid, null);
  assert.equal(subscription.product_id, (await product('Starter')).id);
  assert.equal(subscription.items[0].price_id, (await product('Starter')).price_id);
});

test('a downgrade with nothing left to refund in the current period moves no money, and the preview says so', async () => {
  for (const x of await t.deps.store.findBy('transactions', 'subscription_id', sub.id)) {
    await createRefund(t.deps, scope(), { transactionId: x.id, reason: 'other' });
  }
  const preview = await previewSubscriptionChange(t.deps, scope(), sub.id, { units: 1 });
  assert.ok(preview.chargeToday > 0, 'the new plan still costs its share of the period');
  assert.deepEqual([preview.netToday, preview.taxToday, preview.totalToday], [0, 0, 0]);
  assert.equal(preview.creditToday, preview.chargeToday);
  const transactionsBefore = await t.deps.store.count('transactions');
  const { subscription: { subscription }, transaction: paid } = await changeSubscription(t.deps, scope(), sub.id, { units: 1 });
  assert.equal(paid, null);
  assert.equal(subscription.items[0].units, 1);
  // The part of the credit nobody paid for is dropped, not kept as a credit transaction.
  assert.equal(await t.deps.store.count('transactions'), transactionsBefore);
});

test('a downgrade after a refunded upgrade charge refunds only what the current period still holds, never earlier periods', async () => {
  const up = await changeSubscription(t.deps, scope(), sub.id, { units: 50 });
  assert.equal(up.transaction?.transaction.kind, 'proration');
  await createRefund(t.deps, scope(), { transactionId: up.transaction!.transaction.id, reason: 'other' });

  const periodStart = Date.parse(sub.current_period_start_date);
  const payments = async () => await t.deps.store.findBy('transactions', 'subscription_id', sub.id);
  const earlier = (await payments()).filter((x) => x.period_start! < periodStart);
  assert.ok(earlier.length > 0, 'the subscription has paid earlier periods');
  const refundableNow = (await payments())
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

  const preview = await previewSubscriptionChange(t.deps, scope(), sub.id, { units: 3 });
  assert.equal(preview.totalToday, -refundableNow, 'the customer is shown the capped refund');
  assert.equal(preview.netToday, preview.chargeToday - preview.creditToday);
  assert.equal(preview.totalToday, preview.netToday + preview.taxToday);

  const refundedBefore = (await payments()).reduce((sum, x) => sum + x.refunded_amount, 0);
  await changeSubscription(t.deps, scope(), sub.id, { units: 3 });
  const refundedNow = (await payments()).reduce((sum, x) => sum + x.refunded_amount, 0) - refundedBefore;
  assert.equal(refundedNow, -preview.totalToday, 'exactly the previewed refund moved');
  for (const x of earlier) assert.deepEqual(await t.deps.store.get('transactions', x.id), x, `${x.id} (an earlier period) untouched`);
  assert.ok((await payments()).every((x) => x.amount_paid >= 0), 'no credit transaction for the part never paid');
});

test('changes are refused: other currency (400), unknown product (404), not active (409), no change (400)', async () => {
  await rejects(async () => previewSubscriptionChange(t.deps, scope(), sub.id, { productId: (await product('Pro (yearly)')).id }), 400);
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, { productId: 'prod_nope' }), 404);
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, { units: 3 }), 400);
  await rejects(() => previewSubscriptionChange(t.deps, scope(), sub.id, {}), 400);
  const paused = (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, 'margaret@example.com')).id))[0];
  await rejects(() => previewSubscriptionChange(t.deps, scope(), paused.id, { units: 2 }), 409);
  await rejects(changeSubscription(t.deps, scope(), paused.id, { units: 2 }), 409);
  // A customer-pinned scope (the portal's) cannot reach another customer's subscription.
  await rejects(() => previewSubscriptionChange(t.deps, { ...scope(), customerId: paused.customer_id }, sub.id, { units: 2 }), 404);
});

test('a partial refund leaves partialRefund; refunding the rest makes it refunded; more is refused', async () => {
  const tran = (await t.deps.store.get('transactions', sub.last_transaction_id!))!;
  const first = await createRefund(t.deps, scope(), { transactionId: tran.id, amount: 1000, reason: 'requested_by_customer' });
  assert.equal(first.transaction.status, 'partialRefund');
  assert.equal(first.transaction.refunded_amount, 1000);
  assert.equal(first.refund.refund_amount, 1000);
  await rejects(createRefund(t.deps, scope(), { transactionId: tran.id, amount: tran.amount_paid, reason: 'other' }), 400);
  const rest = await createRefund(t.deps, scope(), { transactionId: tran.id, reason: 'other' });
  assert.equal(rest.refund.refund_amount, tran.amount_paid - 1000);
  assert.equal(rest.transaction.status, 'refunded');
  await rejects(createRefund(t.deps, scope(), { transactionId: tran.id, amount: 1, reason: 'other' }), 409);
  const events = (await stored(t)).collections.webhook_events.filter((e: { eventType: string }) => e.eventType === 'refund.created');
  assert.deepEqual(events.map((e: { object: { refund_amount: number } }) => e.object.refund_amount), [1000, tran.amount_paid - 1000]);
});
