import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, stored, isCreemError, type TestApp } from '../support/server.js';
import type { MerchantSettings } from '../../server/store/schema.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const subOf = async (email: string, status: string) =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((s) => s.status === status)!;
const productNamed = async (name: string) => (await t.deps.store.all('products')).find((p) => p.name === name)!;
const tokenOf = async (email: string) => tokenFor(t, (await customerByEmail(t, email)).id);
const post = (path: string, token: string, body?: unknown) => call(t, 'POST', `/portal/api/subscriptions/${path}`, { key: null, token, body });

/** What is on disk in the collections a subscription action may touch. */
const state = async () => {
  const c = (await stored(t)).collections;
  return JSON.stringify([c.subscriptions, c.transactions, c.refunds, c.webhook_events, c.orders]);
};

async function setSettings(patch: Partial<MerchantSettings>) {
  const m = (await t.deps.store.all('merchants'))[0];
  await t.deps.store.transact(async (tx) => await tx.put('merchants', { ...m, settings: { ...m.settings, ...patch } }));
}

test('pause then resume an active subscription, each stored with its webhook event', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const token = await tokenOf('ada@example.com');
  const paused = await post(`${sub.id}/pause`, token);
  assert.equal(paused.status, 200);
  assert.equal(paused.json.subscription.id, sub.id);
  assert.equal(paused.json.subscription.status, 'paused');
  assert.equal(paused.json.subscription.next_transaction_date, null);
  const onDisk = async () => (await stored(t)).collections.subscriptions.find((s: { id: string }) => s.id === sub.id);
  assert.equal((await onDisk()).status, 'paused');
  const resumed = await post(`${sub.id}/resume`, token);
  assert.equal(resumed.status, 200);
  assert.equal(resumed.json.subscription.status, 'active');
  assert.equal((await onDisk()).status, 'active');
  assert.equal((await onDisk()).current_period_end_date, sub.current_period_end_date);
  const events = (await stored(t)).collections.webhook_events.map((e: { eventType: string }) => e.eventType);
  assert.deepEqual(events.slice(-2), ['subscription.paused', 'subscription.active']);
});

test('a retried resume gets 409 and changes nothing', async () => {
  const sub = await subOf('margaret@example.com', 'paused');
  const token = await tokenOf('margaret@example.com');
  assert.equal((await post(`${sub.id}/resume`, token)).status, 200);
  const before = await state();
  const again = await post(`${sub.id}/resume`, token);
  assert.equal(again.status, 409);
  assert.ok(isCreemError(again.json, 409));
  assert.equal(await state(), before);
});

test('resume undoes a scheduled cancel and keeps the current period', async () => {
  const sub = await subOf('linus@example.com', 'scheduled_cancel');
  const res = await post(`${sub.id}/resume`, await tokenOf('linus@example.com'));
  assert.equal(res.status, 200);
  assert.equal(res.json.subscription.status, 'active');
  assert.equal(res.json.subscription.current_period_end_date, sub.current_period_end_date);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.scheduled_action, null);
});

test("a pause made by the merchant cannot be undone from the portal (403, nothing changes); the merchant can resume it", async () => {
  await setSettings({ allow_pause: false });
  const sub = await subOf('ada@example.com', 'active');
  const paused = await call(t, 'POST', `/v1/subscriptions/${sub.id}/pause`);
  assert.equal(paused.status, 200);
  const token = await tokenOf('ada@example.com');
  const before = await state();
  const res = await post(`${sub.id}/resume`, token);
  assert.equal(res.status, 403);
  assert.ok(isCreemError(res.json, 403));
  assert.match(res.json.message[0], /paused by the merchant/);
  assert.equal(await state(), before);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.paused_by, 'merchant');
  const resumed = await call(t, 'POST', `/v1/subscriptions/${sub.id}/resume`);
  assert.equal(resumed.status, 200);
  assert.equal(resumed.json.status, 'active');
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.paused_by, null);
});

test('a paused subscription stored before pauses recorded who made them counts as a merchant pause', async () => {
  const sub = await subOf('margaret@example.com', 'paused');
  const { paused_by: _, ...legacy } = sub;
  await t.deps.store.transact(async (tx) => await tx.put('subscriptions', legacy));
  const res = await post(`${sub.id}/resume`, await tokenOf('margaret@example.com'));
  assert.equal(res.status, 403);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.status, 'paused');
});

test('a customer resumes their own pause even after the merchant turned pausing off', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const token = await tokenOf('ada@example.com');
  assert.equal((await post(`${sub.id}/pause`, token)).status, 200);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.paused_by, 'customer');
  await setSettings({ allow_pause: false });
  const res = await post(`${sub.id}/resume`, token);
  assert.equal(res.status, 200);
  assert.equal(res.json.subscription.status, 'active');
});

test('pause is refused with 403 when the merchant does not allow it', async () => {
  await setSettings({ allow_pause: false });
  const sub = await subOf('ada@example.com', 'active');
  const token = await tokenOf('ada@example.com');
  const before = await state();
  const res = await post(`${sub.id}/pause`, token);
  assert.equal(res.status, 403);
  assert.ok(isCreemError(res.json, 403));
  assert.equal(await state(), before);
});

test('a preview shows the proration the change would charge, and changes nothing', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const pro = await productNamed('Pro');
  const token = await tokenOf('ada@example.com');
  const before = await state();
  const res = await post(`${sub.id}/preview`, token, { units: 5 });
  assert.equal(res.status, 200);
  const start = Date.parse(sub.current_period_start_date);
  const end = Date.parse(sub.current_period_end_date);
  const f = (end - t.clock.now) / (end - start);
  const credit = Math.round(pro.price * 3 * f);
  const charge = Math.round(pro.price * 5 * f);
  assert.deepEqual(
    { ...res.json, product: res.json.product.id },
    {
      currency: 'USD',
      charge_today: charge,
      credit_today: credit,
      net_today: charge - credit,
      // Prices are before tax; the demo merchant adds 20% on top of what is charged.
      tax_today: Math.round((charge - credit) * 0.2),
      total_today: charge - credit + Math.round((charge - credit) * 0.2),
      next_charge_amount: pro.price * 5,
      next_charge_total: pro.price * 5 * 1.2,
      next_charge_date: sub.next_transaction_date,
      product: pro.id,
      units: 5,
    },
  );
  assert.equal(await state(), before);
});

test('a seat change charges the previewed amount once; the retry changes nothing more', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const token = await tokenOf('ada@example.com');
  const preview = await post(`${sub.id}/preview`, token, { units: 5 });
  const res = await post(`${sub.id}/change`, token, { units: 5 });
  assert.equal(res.status, 200);
  assert.equal(res.json.subscription.units, 5);
  assert.equal(res.json.transaction.amount, preview.json.net_today);
  assert.equal(res.json.transaction.status, 'paid');
  const disk = (await stored(t)).collections;
  assert.equal(disk.subscriptions.find((s: { id: string }) => s.id === sub.id).items[0].units, 5);
  assert.equal(disk.transactions.find((x: { id: string }) => x.id === res.json.transaction.id).amount, preview.json.net_today);
  assert.equal(disk.webhook_events.at(-1).eventType, 'subscription.update');

  const before = await state();
  const retry = await post(`${sub.id}/change`, token, { units: 5 });
  // A change to what it already is asks for nothing: a 400 that says so, and nothing is charged again.
  assert.equal(retry.status, 400);
  assert.ok(isCreemError(retry.json, 400));
  assert.match(retry.json.message.join(' '), /already has this product and 5 unit/);
  assert.equal(await state(), before);
});

test('a plan switch moves the subscription to an offered plan', async () => {
  const sub = await subOf('grace@example.com', 'trialing');
  const pro = await productNamed('Pro');
  const res = await post(`${sub.id}/change`, await tokenOf('grace@example.com'), { product_id: pro.id });
  assert.equal(res.status, 200);
  assert.equal(res.json.subscription.product.id, pro.id);
  assert.equal((await t.deps.store.get('subscriptions', sub.id))!.product_id, pro.id);
});

test('plan and seat changes the merchant does not offer are refused, and nothing changes', async () => {
  const sub = await subOf('grace@example.com', 'trialing');
  const token = await tokenOf('grace@example.com');
  const starter = await productNamed('Starter');
  const pro = await productNamed('Pro');
  await setSettings({ switchable_product_ids: [starter.id] });
  const before = await state();
  const notOffered = await post(`${sub.id}/change`, token, { product_id: pro.id });
  assert.equal(notOffered.status, 404);
  assert.ok(isCreemError(notOffered.json, 404));
  const notOfferedPreview = await post(`${sub.id}/preview`, token, { product_id: pro.id });
  assert.equal(notOfferedPreview.status, 404);

  await setSettings({ allow_plan_switch: false, switchable_product_ids: [] });
  const noSwitching = await post(`${sub.id}/change`, token, { product_id: pro.id });
  assert.equal(noSwitching.status, 403);

  await setSettings({ allow_units_change: false });
  const noSeats = await post(`${sub.id}/change`, token, { units: 2 });
  assert.equal(noSeats.status, 403);
  assert.ok(isCreemError(noSeats.json, 403));
  assert.equal(await state(), before);
});

test('bad change bodies get 400 in Creem\'s body and change nothing', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const token = await tokenOf('ada@example.com');
  const before = await state();
  const bodies: unknown[] = [{}, { units: 0 }, { units: 1001 }, { units: 2.5 }, { units: '3' }, { units: 2, extra: true }, { product_id: '' }, '{"units":', []];
  for (const path of ['preview', 'change']) {
    for (const body of bodies) {
      const res = await post(`${sub.id}/${path}`, token, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)} answered ${res.status}`);
      assert.ok(isCreemError(res.json, 400));
    }
  }
  assert.equal(await state(), before);
});

test("a customer's token cannot act on another customer's subscription: 404 every time", async () => {
  const adaSub = await subOf('ada@example.com', 'active');
  const linusSub = await subOf('linus@example.com', 'scheduled_cancel');
  const token = await tokenOf('grace@example.com');
  const before = await state();
  const attempts: [string, unknown][] = [
    [`${adaSub.id}/pause`, undefined],
    [`${linusSub.id}/resume`, undefined],
    [`${adaSub.id}/preview`, { units: 4 }],
    [`${adaSub.id}/change`, { units: 4 }],
    [`${adaSub.id}/cancel`, { mode: 'immediate', reason: 'other' }],
    ['sub_doesnotexist/pause', undefined],
  ];
  for (const [path, body] of attempts) {
    const res = await post(path, token, body);
    assert.equal(res.status, 404, `${path} answered ${res.status}`);
    assert.ok(isCreemError(res.json, 404));
  }
  assert.equal(await state(), before);
});

test('a retried cancel gets 409 and changes nothing; concurrent pauses pause once', async () => {
  const sub = await subOf('ada@example.com', 'active');
  const token = await tokenOf('ada@example.com');
  const body = { mode: 'scheduled', reason: 'unused' };
  assert.equal((await post(`${sub.id}/cancel`, token, body)).status, 200);
  const before = await state();
  assert.equal((await post(`${sub.id}/cancel`, token, body)).status, 409);
  assert.equal(await state(), before);

  const jeanSub = await subOf('jean@example.com', 'active');
  const jean = await tokenOf('jean@example.com');
  const answers = await Promise.all([0, 1, 2].map(() => post(`${jeanSub.id}/pause`, jean)));
  assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409, 409]);
  const paused = (await stored(t)).collections.webhook_events.filter(
    (e: { eventType: string; object: { id: string } }) => e.eventType === 'subscription.paused' && e.object.id === jeanSub.id,
  );
  assert.equal(paused.length, 1);
});
