import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, stored, isCreemError, type TestApp } from '../support/server.js';
import type { MerchantSettings } from '../../server/store/schema.js';

const DAY = 86_400_000;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const payments = async (email: string) =>
  (await t.deps.store.findBy('transactions', 'customer_id', (await customerByEmail(t, email)).id)).sort((a, b) => b.created_at - a.created_at);
const refund = (token: string, body: unknown) => call(t, 'POST', '/portal/api/refund-requests', { key: null, token, body });
const state = async () => {
  const c = (await stored(t)).collections;
  return JSON.stringify([c.customer_requests, c.webhook_events, c.mailbox, c.transactions, c.refunds]);
};

/** Puts the clock `days` after the payment, then mints the token (so it is issued at that time). */
async function tokenAt(email: string, paidAt: number, days: number) {
  t.clock.now = paidAt + days * DAY;
  return tokenFor(t, (await customerByEmail(t, email)).id);
}

async function setRefundPolicy(refund: MerchantSettings['refund']) {
  const m = (await t.deps.store.all('merchants'))[0];
  await t.deps.store.transact(async (tx) => await tx.put('merchants', { ...m, settings: { ...m.settings, refund } }));
}

test('within the auto-refund window the payment is refunded at once, in one commit with its events', async () => {
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 2);
  const res = await refund(token, { transaction_id: payment.id, reason: 'unused', comment: 'Never used it' });
  assert.equal(res.status, 201);
  assert.equal(res.json.outcome, 'refunded');
  assert.equal(res.json.refund_amount, payment.amount_paid);
  assert.match(res.json.reference, /^REF-/);
  // It paid for the current period: with the money back, the subscription ends now.
  assert.equal(res.json.canceled_subscription.id, payment.subscription_id);
  assert.equal(res.json.canceled_subscription.status, 'canceled');

  const disk = (await stored(t)).collections;
  const tran = disk.transactions.find((x: { id: string }) => x.id === payment.id);
  assert.equal(tran.status, 'refunded');
  assert.equal(tran.refunded_amount, payment.amount_paid);
  const refunds = disk.refunds.filter((r: { transaction_id: string }) => r.transaction_id === payment.id);
  assert.equal(refunds.length, 1);
  assert.equal(refunds[0].refund_amount, payment.amount_paid);
  assert.equal(refunds[0].reason, 'requested_by_customer');
  const request = disk.customer_requests.find((r: { reference: string }) => r.reference === res.json.reference);
  assert.equal(request.status, 'refunded');
  assert.equal(request.fields.comment, 'Never used it');
  assert.deepEqual(
    disk.webhook_events.map((e: { eventType: string }) => e.eventType),
    ['refund.created', 'subscription.canceled', 'refund.requested'],
  );
  const sub = disk.subscriptions.find((x: { id: string }) => x.id === payment.subscription_id);
  assert.equal(sub.status, 'canceled');
  assert.equal(sub.canceled_at, new Date(t.clock.now).toISOString());
  assert.equal(sub.next_transaction_date, null);
  assert.equal(disk.mailbox.length, 0, 'an automatic refund needs nothing from the merchant');

  const list = await call(t, 'GET', '/portal/api/transactions', { key: null, token });
  const shown = list.json.items.find((i: { id: string }) => i.id === payment.id);
  assert.equal(shown.status, 'refunded');
  assert.deepEqual(shown.refund_request, { reference: res.json.reference, status: 'refunded' });
});

test('a retried refund request after an automatic refund gets 409 and refunds nothing more', async () => {
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 1);
  assert.equal((await refund(token, { transaction_id: payment.id, reason: 'duplicate' })).status, 201);
  assert.equal((await t.deps.store.all('refunds'))[0].reason, 'duplicate');
  const before = await state();
  const again = await refund(token, { transaction_id: payment.id, reason: 'duplicate' });
  assert.equal(again.status, 409);
  assert.ok(isCreemError(again.json, 409));
  assert.equal(await state(), before);
});

test('after the window the request waits for the merchant: stored pending, mailed escaped, sent as refund.requested', async () => {
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 20);
  const comment = '<b>Charged</b> twice & "never" asked';
  const res = await refund(token, { transaction_id: payment.id, reason: 'not_as_described', comment });
  assert.equal(res.status, 201);
  assert.equal(res.json.outcome, 'pending');
  assert.equal(res.json.refund_amount, payment.amount_paid);

  const disk = (await stored(t)).collections;
  assert.equal(disk.transactions.find((x: { id: string }) => x.id === payment.id).status, 'paid');
  assert.equal(disk.refunds.length, 0);
  const request = disk.customer_requests[0];
  assert.equal(request.kind, 'refund');
  assert.equal(request.status, 'pending');
  assert.equal(request.transaction_id, payment.id);
  assert.equal(disk.webhook_events.at(-1).eventType, 'refund.requested');
  assert.equal(disk.webhook_events.at(-1).object.status, 'pending');
  assert.equal(disk.mailbox.length, 1);
  const mail = disk.mailbox[0];
  assert.equal(mail.to, 'support@acme-cloud.test');
  assert.ok(mail.subject.includes(res.json.reference));
  assert.ok(!mail.html.includes('<b>Charged'));
  assert.ok(mail.html.includes('&lt;b&gt;Charged&lt;/b&gt; twice &amp; &quot;never&quot; asked'));

  const list = await call(t, 'GET', '/portal/api/transactions', { key: null, token });
  const shown = list.json.items.find((i: { id: string }) => i.id === payment.id);
  assert.deepEqual(shown.refund_request, { reference: res.json.reference, status: 'pending' });
});

test('a second request while one is pending gets 409 and stores nothing', async () => {
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 30);
  assert.equal((await refund(token, { transaction_id: payment.id, reason: 'other' })).status, 201);
  const before = await state();
  const again = await refund(token, { transaction_id: payment.id, reason: 'too_expensive', comment: 'please' });
  assert.equal(again.status, 409);
  assert.ok(isCreemError(again.json, 409));
  assert.ok(again.json.message[0].includes((await t.deps.store.all('customer_requests'))[0].reference));
  assert.equal(await state(), before);
});

test('outside the window a merchant that takes no requests refuses with 403', async () => {
  await setRefundPolicy({ auto_refund_days: 7, allow_requests: false });
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 8);
  const before = await state();
  const res = await refund(token, { transaction_id: payment.id, reason: 'unused' });
  assert.equal(res.status, 403);
  assert.ok(isCreemError(res.json, 403));
  assert.equal(await state(), before);
  // The same policy still refunds inside its window.
  t.clock.now = payment.created_at + 6 * DAY;
  const inside = await refund(token, { transaction_id: payment.id, reason: 'unused' });
  assert.equal(inside.json.outcome, 'refunded');
});

test('a merchant with no auto-refund window sends every request to review', async () => {
  await setRefundPolicy({ auto_refund_days: 0, allow_requests: true });
  const payment = (await payments('ada@example.com'))[0];
  const res = await refund(await tokenAt('ada@example.com', payment.created_at, 0), { transaction_id: payment.id, reason: 'unused' });
  assert.equal(res.json.outcome, 'pending');
  assert.equal((await t.deps.store.all('refunds')).length, 0);
});

test("a refund of another customer's payment is 404, of an unknown one 404, and nothing changes", async () => {
  const adaPayment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('jean@example.com', adaPayment.created_at, 1);
  const before = await state();
  for (const id of [adaPayment.id, 'tran_doesnotexist']) {
    const res = await refund(token, { transaction_id: id, reason: 'unused' });
    assert.equal(res.status, 404);
    assert.ok(isCreemError(res.json, 404));
  }
  assert.equal(await state(), before);
});

test('bad refund bodies get 400 and change nothing', async () => {
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 1);
  const before = await state();
  const bodies: unknown[] = [
    {},
    { transaction_id: payment.id },
    { transaction_id: payment.id, reason: 'because' },
    { transaction_id: payment.id, reason: 'unused', amount: 1 },
    { transaction_id: payment.id, reason: 'unused', comment: 'x'.repeat(1001) },
    { transaction_id: 42, reason: 'unused' },
  ];
  for (const body of bodies) {
    const res = await refund(token, body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} answered ${res.status}`);
    assert.ok(isCreemError(res.json, 400));
  }
  assert.equal(await state(), before);
});

test('two refund requests for one payment at the same moment refund it once', async () => {
  const payment = (await payments('ada@example.com'))[0];
  const token = await tokenAt('ada@example.com', payment.created_at, 1);
  const answers = await Promise.all([0, 1, 2].map(() => refund(token, { transaction_id: payment.id, reason: 'unused' })));
  assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409]);
  const disk = (await stored(t)).collections;
  assert.equal(disk.refunds.length, 1);
  assert.equal(disk.customer_requests.length, 1);
  assert.equal(disk.transactions.find((x: { id: string }) => x.id === payment.id).refunded_amount, payment.amount_paid);
});

const subscriptionOf = async (email: string, status: string) =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((x) => x.status === status)!;
const netPaid = async (subId: string) =>
  (await t.deps.store.findBy('transactions', 'subscription_id', subId)).reduce((sum, x) => sum + Math.max(0, x.amount_paid) - x.refunded_amount, 0);

test('a charge for a seat change is never refunded automatically: it goes to the merchant as pending', async () => {
  const sub = await subscriptionOf('ada@example.com', 'active');
  const token = await tokenFor(t, sub.customer_id);
  const up = await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/change`, { key: null, token, body: { units: 50 } });
  assert.equal(up.status, 200, up.text);
  const charge = up.json.transaction;
  const res = await refund(token, { transaction_id: charge.id, reason: 'other' });
  assert.equal(res.status, 201);
  assert.equal(res.json.outcome, 'pending');
  assert.equal(res.json.canceled_subscription, null);
  assert.equal((await t.deps.store.get('transactions', charge.id))!.status, 'paid');
  assert.equal((await t.deps.store.all('refunds')).length, 0);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.status, 'active');
  assert.equal((await t.deps.store.all('mailbox')).length, 1, 'the merchant is asked');
});

test('refund then downgrade cannot drain the payments: the customer never ends up having paid less for the period', async () => {
  const sub = await subscriptionOf('ada@example.com', 'active');
  const token = await tokenFor(t, sub.customer_id);
  const before = await netPaid(sub.id);
  const up = await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/change`, { key: null, token, body: { units: 50 } });
  await refund(token, { transaction_id: up.json.transaction.id, reason: 'other' });
  const preview = await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/preview`, { key: null, token, body: { units: 3 } });
  const down = await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/change`, { key: null, token, body: { units: 3 } });
  assert.equal(down.status, 200, down.text);
  assert.equal(await netPaid(sub.id), before + up.json.transaction.amount_paid + preview.json.total_today, 'exactly the previewed refund moved');
  assert.ok(await netPaid(sub.id) >= before, `net paid ${await netPaid(sub.id)} fell below ${before}`);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.status, 'active');
});

test('a merchant that takes no requests refuses a refund of a seat-change charge with 403, even inside the window', async () => {
  await setRefundPolicy({ auto_refund_days: 14, allow_requests: false });
  const sub = await subscriptionOf('ada@example.com', 'active');
  const token = await tokenFor(t, sub.customer_id);
  const up = await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/change`, { key: null, token, body: { units: 5 } });
  const before = await state();
  const res = await refund(token, { transaction_id: up.json.transaction.id, reason: 'other' });
  assert.equal(res.status, 403);
  assert.ok(isCreemError(res.json, 403));
  assert.match(res.json.message[0], /plan or seat change/);
  assert.equal(await state(), before);
});

test('an automatic refund of an earlier period leaves the subscription running', async () => {
  const sub = await subscriptionOf('ada@example.com', 'active');
  const earlier = (await payments('ada@example.com')).find((x) => x.subscription_id === sub.id && x.period_start! < Date.parse(sub.current_period_start_date))!;
  const res = await refund(await tokenAt('ada@example.com', earlier.created_at, 1), { transaction_id: earlier.id, reason: 'duplicate' });
  assert.equal(res.json.outcome, 'refunded');
  assert.equal(res.json.canceled_subscription, null);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.status, 'active');
});

test("an automatic refund of a paused subscription's current period cancels it too", async () => {
  const sub = await subscriptionOf('margaret@example.com', 'paused');
  const current = (await payments('margaret@example.com')).find((x) => x.period_start === Date.parse(sub.current_period_start_date))!;
  const res = await refund(await tokenAt('margaret@example.com', current.created_at, 3), { transaction_id: current.id, reason: 'unused' });
  assert.equal(res.json.outcome, 'refunded');
  assert.equal(res.json.canceled_subscription.status, 'canceled');
  assert.equal((await stored(t)).collections.subscriptions.find((x: { id: string }) => x.id === sub.id).status, 'canceled');
});
