import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parseWebhookEventEntity } from 'creem/webhooks';
import { sdkError, sdkHarnessPerFile } from '../support/sdk.js';
import { call, DEMO_KEY, isCreemError, storedText } from '../support/server.js';
import { openForm, postForm, type FormSession } from './signin-helpers.js';
import { CHECKOUT_TTL_MS, forgetExpiredCheckoutKeys, resealCheckoutKeys } from '../../server/domain/checkouts.js';
import { ROTATION_GRACE_MS } from '../../server/auth/keys.js';

/*
 * A checkout from the merchant's side (Creem's SDK over a real port) and the customer's (the
 * hosted test checkout page, as a browser posts it): test cards, what paying creates, the events,
 * and the redirect whose signature a merchant verifies as Creem documents.
 */
const sdk = sdkHarnessPerFile();

const GOOD = { card: '4242 4242 4242 4242', expiry: '12/40', cvc: '123' };
const pagePath = (url: string) => new URL(url).pathname;
// The purge runs hourly: the first run after a rotation is at most this late.
const PURGE_GAP_MS = 60 * 60 * 1000;

async function product(billing: 'recurring' | 'onetime', trialPeriodDays?: number) {
  return sdk.creem.products.create({
    name: `${billing} ${trialPeriodDays ?? 0}`,
    description: 'For the checkout tests.',
    price: 2500,
    currency: 'EUR',
    billingType: billing,
    ...(billing === 'recurring' ? { billingPeriod: 'every-month' as const } : {}),
    ...(trialPeriodDays ? { trialPeriodDays } : {}),
  });
}

/** Creem's documented check, done as a merchant's success page does it. */
function verify(redirect: string, apiKey: string): boolean {
  const url = new URL(redirect);
  const signature = url.searchParams.get('signature');
  const data = [...url.searchParams]
    .filter(([k, v]) => k !== 'signature' && k !== 'from' && v !== '' && v !== 'null')
    .map(([k, v]) => `${k}=${v}`)
    .concat(`salt=${apiKey}`)
    .join('|');
  return signature === createHash('sha256').update(data).digest('hex');
}

async function pay(path: string, fields: Record<string, string>, form?: FormSession) {
  const session = form ?? (await openForm(sdk.t, path));
  return postForm(sdk.t, path, session, fields);
}

const eventsOf = async (type: string) => (await sdk.t.deps.store.all('webhook_events')).filter((e) => e.eventType === type);

test('a subscription checkout: created with the SDK, paid on the hosted page, redirected with a signature the merchant can verify', async () => {
  await sdk.creem.webhooks.create({ deliveryMode: 'cli', name: 'checkout suite' });
  const plan = await product('recurring');
  const checkout = await sdk.creem.checkouts.create({
    productId: plan.id,
    units: 2,
    requestId: 'order_123',
    successUrl: 'http://127.0.0.1:3000/welcome?from=checkout',
    customer: { email: 'New.Buyer@example.com' },
    metadata: { referenceId: 'user_123' },
  });
  assert.equal(checkout.status, 'pending');
  assert.equal(checkout.units, 2);
  assert.ok(checkout.checkoutUrl?.includes(`/portal/checkout/${checkout.id}`));
  assert.equal((await sdk.creem.checkouts.retrieve(checkout.id)).status, 'pending');
  assert.ok(!(await storedText(sdk.t)).includes(DEMO_KEY), 'the API key is never stored readable');

  const path = pagePath(checkout.checkoutUrl!);
  const page = await sdk.t.app.request(path);
  const body = await page.text();
  assert.equal(page.status, 200);
  assert.match(body, /<h1>Subscribe to recurring 0<\/h1>/);
  assert.match(body, /Test mode/);
  assert.match(body, /value="new.buyer@example.com" readonly/, 'the email the merchant gave is filled in');
  assert.match(body, /€60\.00/, '2 × €25.00 plus 20 % tax');

  const form = await openForm(sdk.t, path);
  const declined = await pay(path, { ...GOOD, card: '4000 0000 0000 0002', name: 'Nova Buyer' }, form);
  assert.equal(declined.status, 400);
  assert.match(await declined.text(), /role="alert">The card was declined/);
  assert.equal((await sdk.creem.checkouts.retrieve(checkout.id)).status, 'pending', 'a declined card changes nothing');

  const paid = await pay(path, { ...GOOD, name: 'Nova Buyer' }, form);
  assert.equal(paid.status, 303);
  const redirect = paid.headers.get('location')!;
  const params = new URL(redirect).searchParams;
  assert.equal(new URL(redirect).origin + new URL(redirect).pathname, 'http://127.0.0.1:3000/welcome');
  assert.equal(params.get('from'), 'checkout', "the success URL's own parameters stay");
  assert.deepEqual([...params.keys()], ['from', 'checkout_id', 'order_id', 'customer_id', 'subscription_id', 'product_id', 'request_id', 'signature']);
  assert.ok(verify(redirect, DEMO_KEY), 'signature verifies with the API key');
  assert.ok(!verify(redirect, 'creem_test_someone_elses_key_000'), 'and with no other key');

  const done = await sdk.creem.checkouts.retrieve(checkout.id);
  assert.equal(done.status, 'completed');
  const sub = done.subscription as Exclude<typeof done.subscription, string | undefined>;
  assert.equal(sub?.id, params.get('subscription_id'));
  assert.equal(sub?.status, 'active');
  assert.deepEqual(sub?.metadata, { referenceId: 'user_123' });
  assert.equal(done.order?.id, params.get('order_id'));
  assert.equal(done.order?.amountPaid, 6000);
  const customer = await sdk.creem.customers.retrieve(params.get('customer_id')!);
  assert.equal(customer.email, 'new.buyer@example.com');
  assert.equal(customer.name, 'Nova Buyer');
  assert.equal((await sdk.creem.subscriptions.get(sub!.id)).items?.[0]?.units, 2);
  assert.equal((await sdk.t.deps.store.get('checkouts', checkout.id))?.sealed_key, null, 'the sealed key is gone once used');

  // The events, in order, each as Creem's SDK parses them; the subscription carries the metadata.
  const mine = (await sdk.t.deps.store.all('webhook_events')).filter((e) => JSON.stringify(e.object).includes(sub!.id));
  assert.deepEqual(mine.map((e) => e.eventType), ['checkout.completed', 'subscription.active', 'subscription.paid']);
  for (const e of mine) {
    const parsed = parseWebhookEventEntity(JSON.stringify({ id: e.id, eventType: e.eventType, created_at: Date.parse(e.created_at), object: e.object }));
    assert.equal(parsed.eventType, e.eventType);
  }
  const completed = mine[0]!.object as { subscription: { metadata: unknown }; order: { id: string } };
  assert.deepEqual(completed.subscription.metadata, { referenceId: 'user_123' });

  // A second post of the same page (a double click, the back button) pays nothing more and goes to the same place.
  const again = await pay(path, GOOD, form);
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), redirect);
  assert.equal((await sdk.t.deps.store.findBy('subscriptions', 'customer_id', customer.id)).length, 1);
  assert.equal((await eventsOf('checkout.completed')).filter((e) => JSON.stringify(e.object).includes(checkout.id)).length, 1);
  const shown = await sdk.t.app.request(path);
  assert.match(await shown.text(), /Payment complete/);
});

test("every documented refusal card is refused with its own reason, and so are bad expiry dates, CVCs and emails", async () => {
  const plan = await product('recurring');
  const { checkoutUrl } = await sdk.creem.checkouts.create({ productId: plan.id });
  const path = pagePath(checkoutUrl!);
  const form = await openForm(sdk.t, path);
  const email = 'refused@example.com';
  for (const [fields, why] of [
    [{ ...GOOD, card: '4000000000009995' }, /insufficient funds/],
    [{ ...GOOD, card: '4000000000000127' }, /security code is incorrect/],
    [{ ...GOOD, card: '4000000000000069' }, /has expired/],
    [{ ...GOOD, card: '5555555555554444' }, /not a test card/],
    [{ ...GOOD, expiry: '01/20' }, /expiry date in the future/],
    [{ ...GOOD, cvc: '12' }, /3 or 4 digits/],
  ] as const) {
    const res = await pay(path, { ...fields, email }, form);
    assert.equal(res.status, 400, JSON.stringify(fields));
    const text = await res.text();
    assert.match(text, why);
    assert.match(text, /aria-invalid="true"/, 'the field it is about is marked');
  }
  const noEmail = await pay(path, { ...GOOD, email: 'not-an-email' }, form);
  assert.equal(noEmail.status, 400);
  assert.match(await noEmail.text(), /valid email address/);
  assert.equal((await sdk.t.deps.store.findBy('customers', 'email', email)).length, 0, 'no refused attempt created anything');
});

test('a trial starts without a payment; a one-time product is an order without a subscription; both redirects verify', async () => {
  const trial = await product('recurring', 7);
  const t1 = await sdk.creem.checkouts.create({ productId: trial.id, successUrl: 'http://127.0.0.1:3000/ok' });
  const trialPage = await (await sdk.t.app.request(pagePath(t1.checkoutUrl!))).text();
  assert.match(trialPage, /Start the free trial/);
  assert.match(trialPage, /first 7 days are free/);
  const r1 = await pay(pagePath(t1.checkoutUrl!), { ...GOOD, email: 'trial@example.com' });
  assert.equal(r1.status, 303);
  assert.ok(verify(r1.headers.get('location')!, DEMO_KEY));
  const trialing = await sdk.creem.checkouts.retrieve(t1.id);
  assert.equal((trialing.subscription as { status: string }).status, 'trialing');
  // An order of nothing, as Creem names one (the Better Auth plugin records the subscription from it).
  assert.equal(new URL(r1.headers.get('location')!).searchParams.get('order_id'), trialing.order?.id);
  assert.equal(trialing.order?.amount, 0);
  assert.equal(trialing.order?.transaction ?? null, null, 'no payment yet');
  const completed = (await eventsOf('checkout.completed')).find((e) => (e.object as { id: string }).id === t1.id)!;
  assert.equal((completed.object as { order: { amount: number } }).order.amount, 0);
  assert.equal((await eventsOf('subscription.trialing')).length >= 1, true);

  const once = await product('onetime');
  const t2 = await sdk.creem.checkouts.create({ productId: once.id, successUrl: 'http://127.0.0.1:3000/ok', requestId: 'r-2' });
  const r2 = await pay(pagePath(t2.checkoutUrl!), { ...GOOD, email: 'once@example.com' });
  const p2 = new URL(r2.headers.get('location')!).searchParams;
  assert.equal(p2.get('subscription_id'), null);
  assert.ok(p2.get('order_id'));
  assert.ok(verify(r2.headers.get('location')!, DEMO_KEY));
  const bought = await sdk.creem.checkouts.retrieve(t2.id);
  assert.equal(bought.order?.type, 'onetime');
  assert.equal(bought.subscription, undefined);
});

test('a checkout expires after a day, an archived product stops selling, and a page post without its CSRF token is refused', async () => {
  const plan = await product('recurring');
  const c1 = await sdk.creem.checkouts.create({ productId: plan.id });
  const form = await openForm(sdk.t, pagePath(c1.checkoutUrl!));
  const foreign = await sdk.t.app.request(pagePath(c1.checkoutUrl!), { method: 'POST', body: new URLSearchParams({ ...GOOD, email: 'x@example.com' }) });
  assert.equal(foreign.status, 403);

  sdk.t.clock.advance(CHECKOUT_TTL_MS + 1000);
  assert.equal((await sdk.creem.checkouts.retrieve(c1.id)).status, 'expired');
  assert.equal((await sdk.t.app.request(pagePath(c1.checkoutUrl!))).status, 410);
  const late = await pay(pagePath(c1.checkoutUrl!), { ...GOOD, email: 'late@example.com' }, form);
  assert.equal(late.status, 410);
  assert.equal((await sdk.t.deps.store.findBy('customers', 'email', 'late@example.com')).length, 0);
  assert.ok((await forgetExpiredCheckoutKeys(sdk.t.deps, sdk.t.clock.now)) >= 1);
  assert.equal((await sdk.t.deps.store.get('checkouts', c1.id))?.sealed_key, null, 'an expired checkout keeps no sealed key');

  const c2 = await sdk.creem.checkouts.create({ productId: plan.id });
  await sdk.creem.products.archive(plan.id);
  assert.equal((await sdk.t.app.request(pagePath(c2.checkoutUrl!))).status, 410);
  const e = await sdkError(sdk.creem.checkouts.create({ productId: plan.id }));
  assert.equal(e.statusCode, 409);
});

test('a checkout paid hours after a signing-key rotation still redirects signed: the hourly purge sealed its key again', async () => {
  const plan = await product('recurring');
  const checkout = await sdk.creem.checkouts.create({ productId: plan.id, successUrl: 'https://shop.example.test/thanks' });
  const before = (await sdk.t.deps.store.get('checkouts', checkout.id))!.sealed_key;
  await sdk.t.deps.keys.rotate(sdk.t.clock.now);
  sdk.t.clock.advance(PURGE_GAP_MS);
  assert.ok((await resealCheckoutKeys(sdk.t.deps, sdk.t.clock.now)) >= 1, 'this one and any other checkout still open');
  const after = (await sdk.t.deps.store.get('checkouts', checkout.id))!.sealed_key;
  assert.ok(after && after !== before, 'sealed again, under the new key');
  assert.equal(await resealCheckoutKeys(sdk.t.deps, sdk.t.clock.now), 0, 'once is enough');
  assert.ok(!(await storedText(sdk.t)).includes(DEMO_KEY), 'and still not readable');
  // The retired key is gone now: what it sealed could no longer be opened.
  sdk.t.clock.advance(ROTATION_GRACE_MS);
  const paid = await pay(pagePath(checkout.checkoutUrl!), { ...GOOD, email: 'rotated@example.com', name: 'Rota Tion' });
  assert.equal(paid.status, 303);
  assert.ok(verify(paid.headers.get('location')!, DEMO_KEY), 'the redirect is signed');
});

test('bad checkout requests are 4xx in Creem’s format and create nothing; another merchant’s checkout is not found', async () => {
  const plan = (await sdk.t.deps.store.all('products')).find((p) => p.status === 'active')!;
  const before = (await sdk.t.deps.store.all('checkouts')).length;
  for (const [body, status] of [
    [{}, 400],
    [{ product_id: 'prod_missing' }, 404],
    [{ product_id: plan.id, units: 0 }, 400],
    [{ product_id: plan.id, success_url: 'javascript:alert(1)' }, 400],
    [{ product_id: plan.id, discount_code: 'SAVE10' }, 400],
    [{ product_id: plan.id, customer: { id: 'cust_x', email: 'a@example.com' } }, 400],
    [{ product_id: plan.id, customer: { id: 'cust_missing' } }, 404],
  ] as const) {
    const res = await call(sdk.t, 'POST', '/v1/checkouts', { body });
    assert.equal(res.status, status, `${JSON.stringify(body)} → ${res.status} ${res.text}`);
    assert.ok(isCreemError(res.json, status));
  }
  assert.equal((await sdk.t.deps.store.all('checkouts')).length, before);
  assert.equal((await call(sdk.t, 'GET', '/v1/checkouts?checkout_id=ch_missing')).status, 404);
});
