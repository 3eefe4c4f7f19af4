import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, customerByEmail, stored, type TestApp } from '../support/server.js';
import { rollOverDue } from '../../server/domain/renewals.js';
import { cancelSubscription } from '../../server/domain/subscriptions.js';
import { addPeriod } from '../../server/domain/periods.js';
import type { Subscription } from '../../server/store/schema.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const subOf = async (email: string, status: string) =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((s) => s.status === status)!;
const scopeOf = (s: Subscription) => ({ merchantId: s.merchant_id, mode: s.mode });
const eventsFor = async (id: string, type: string) =>
  (await t.deps.store.all('webhook_events')).filter((e) => e.eventType === type && (e.object as { id: string }).id === id);
const paymentsOf = async (id: string) => await t.deps.store.findBy('transactions', 'subscription_id', id);

test('before the period ends nothing happens', async () => {
  assert.equal(await rollOverDue(t.deps, t.clock.now), 0);
});

test('an active subscription renews at period end: new paid transaction and order, dates advance, subscription.paid', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const end = Date.parse(sub.current_period_end_date);
  const before = (await paymentsOf(sub.id)).length;
  t.clock.now = end + 1000;
  assert.ok((await rollOverDue(t.deps, t.clock.now)) >= 1);
  const after = (await t.deps.store.get('subscriptions', sub.id))!;
  assert.equal(after.status, 'active');
  assert.equal(after.current_period_start_date, sub.current_period_end_date);
  assert.equal(after.current_period_end_date, new Date(addPeriod(end, 'every-month')).toISOString());
  assert.equal(after.next_transaction_date, after.current_period_end_date);
  const payments = await paymentsOf(sub.id);
  assert.equal(payments.length, before + 1);
  const renewal = (await t.deps.store.get('transactions', after.last_transaction_id!))!;
  assert.equal(renewal.status, 'paid');
  assert.equal(renewal.amount, 2900 * 3);
  assert.equal(renewal.period_start, end);
  assert.ok(await t.deps.store.get('orders', renewal.order_id));
  assert.equal((await eventsFor(sub.id, 'subscription.paid')).length, 1);
  // The renewal and its event reached the disk together.
  const disk = await stored(t);
  assert.ok(disk.collections.transactions.some((x: { id: string }) => x.id === renewal.id));
  assert.ok(disk.collections.webhook_events.some((e: { eventType: string; object: { id: string } }) => e.eventType === 'subscription.paid' && e.object.id === sub.id));
  // Running again at the same time changes nothing.
  assert.equal(await rollOverDue(t.deps, t.clock.now), 0);
  assert.equal((await paymentsOf(sub.id)).length, before + 1);
});

test('a trial that ends becomes active with its first payment', async () => {
  const sub = await subOf('grace@example.com', 'trialing');
  t.clock.now = Date.parse(sub.current_period_end_date);
  await rollOverDue(t.deps, t.clock.now);
  const after = (await t.deps.store.get('subscriptions', sub.id))!;
  assert.equal(after.status, 'active');
  assert.equal((await paymentsOf(sub.id)).length, 1);
  assert.equal((await paymentsOf(sub.id))[0].amount, 900);
});

test('a scheduled cancel becomes canceled at period end, access ending exactly then', async () => {
  const sub = await subOf('linus@example.com', 'scheduled_cancel');
  const before = (await paymentsOf(sub.id)).length;
  t.clock.now = Date.parse(sub.current_period_end_date) + 5000;
  await rollOverDue(t.deps, t.clock.now);
  const after = (await t.deps.store.get('subscriptions', sub.id))!;
  assert.equal(after.status, 'canceled');
  assert.equal(after.canceled_at, sub.current_period_end_date);
  assert.equal((await paymentsOf(sub.id)).length, before, 'no charge');
  assert.equal((await eventsFor(sub.id, 'subscription.canceled')).length, 1);
});

test('a scheduled cancel with onExecute pause becomes paused, without a charge', async () => {
  const sub = await subOf('jean@example.com', 'active');
  await cancelSubscription(t.deps, scopeOf(sub), sub.id, { mode: 'scheduled', onExecute: 'pause' });
  const before = (await paymentsOf(sub.id)).length;
  t.clock.now = Date.parse(sub.current_period_end_date);
  await rollOverDue(t.deps, t.clock.now);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.status, 'paused');
  assert.equal((await paymentsOf(sub.id)).length, before);
  assert.equal((await eventsFor(sub.id, 'subscription.paused')).length, 1);
});

test('paused and canceled subscriptions are never charged', async () => {
  const paused = await subOf('margaret@example.com', 'paused');
  const canceled = await subOf('ada@example.com', 'canceled');
  const before = [(await paymentsOf(paused.id)).length, (await paymentsOf(canceled.id)).length];
  t.clock.now += 400 * 86_400_000;
  await rollOverDue(t.deps, t.clock.now);
  assert.deepEqual([(await paymentsOf(paused.id)).length, (await paymentsOf(canceled.id)).length], before);
  assert.equal((await t.deps.store.get('subscriptions', paused.id))!.status, 'paused');
});

test('after downtime an active subscription catches up one payment per missed period', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const before = (await paymentsOf(sub.id)).length;
  let end = Date.parse(sub.current_period_end_date);
  for (let i = 0; i < 3; i++) end = addPeriod(end, 'every-month');
  t.clock.now = end - 1000; // just before the end of the third missed period
  await rollOverDue(t.deps, t.clock.now);
  assert.equal((await paymentsOf(sub.id)).length, before + 3);
  assert.equal((await eventsFor(sub.id, 'subscription.paid')).length, 3);
  assert.ok(Date.parse((await t.deps.store.get('subscriptions', sub.id))!.current_period_end_date) > t.clock.now);
});
