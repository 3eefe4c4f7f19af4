import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, isCreemError, stored, tokenFor, type TestApp } from '../support/server.js';
import { companionToken, startCompanionPair, type CompanionPair } from '../support/companion.js';
import { openForm, postForm } from './signin-helpers.js';

/*
 * "Subscribe again": a customer whose subscriptions have all ended starts a new one from the
 * portal through a checkout — this server's hosted one standalone, Creem's (a real second server
 * process) in companion mode — and the overview shows it once paid.
 */
const GOOD = { card: '4242424242424242', expiry: '12/40', cvc: '123' };
type Requester = Pick<TestApp, 'app'>;

let t: TestApp;
let pair: CompanionPair;
before(async () => {
  t = await createTestApp();
  pair = await startCompanionPair();
});
after(async () => {
  await t.close();
  await pair.close();
});

const subscribe = (app: TestApp, token: string, body: unknown) => call(app, 'POST', '/portal/api/checkouts', { key: null, token, body });
const overview = (app: TestApp, token: string) => call(app, 'GET', '/portal/api/overview', { key: null, token });

/** Pays a hosted checkout page as the customer would, on whichever server holds it. */
async function payOn(server: Requester, checkoutUrl: string) {
  const path = new URL(checkoutUrl).pathname;
  const page = await (await server.app.request(path)).text();
  assert.match(page, /type="email" value="[^"]+@example\.com" readonly/, 'a known customer is not asked for an email');
  const res = await postForm(server as TestApp, path, await openForm(server as TestApp, path), GOOD);
  assert.equal(res.status, 303, await res.text());
  return new URL(res.headers.get('location')!);
}

/** The upstream child process as something `openForm`/`postForm` can talk to, over real HTTP. */
const overHttp = (base: string): Requester => ({ app: { request: (p: string, init?: RequestInit) => fetch(base + p, { ...init, redirect: 'manual' }) } as TestApp['app'] });

test('standalone: a customer with only ended subscriptions is offered the plans, pays the hosted checkout and comes back to a new active subscription', async () => {
  const katherine = await customerByEmail(t, 'katherine@example.com');
  const token = await tokenFor(t, katherine.id);
  const before = await overview(t, token);
  assert.ok(before.json.subscriptions.length > 0 && before.json.subscriptions.every((s: { status: string }) => s.status === 'canceled'));
  const plan = before.json.plans.find((p: { name: string }) => p.name === 'Pro');
  assert.ok(plan, 'Pro is on offer');
  assert.ok(!before.json.plans.some((p: { billing_period: string }) => p.billing_period === 'once'), 'a one-time product is not a plan');

  // Back on a page an earlier checkout returned to: its redirect parameters must not pile up.
  const returnUrl = `${t.deps.config.publicUrl}/account?tab=billing&checkout_id=ch_old&subscription_id=sub_old&signature=abc#portal`;
  const made = await subscribe(t, token, { product_id: plan.id, return_url: returnUrl });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.headers.get('cache-control'), 'no-store');
  assert.match(made.json.checkout_id, /^ch_/);
  const back = await payOn(t, made.json.checkout_url);
  assert.equal(`${back.origin}${back.pathname}`, `${t.deps.config.publicUrl}/account`);
  assert.equal(back.searchParams.get('tab'), 'billing', 'the page it came from, with its query');
  assert.deepEqual(back.searchParams.getAll('checkout_id'), [made.json.checkout_id], 'only this checkout’s redirect parameters');
  assert.equal(back.searchParams.getAll('subscription_id').length, 1);
  assert.equal(back.searchParams.get('signature'), null, 'no merchant key signs a portal checkout, and the old signature is gone');
  const subscriptionId = back.searchParams.get('subscription_id');
  assert.ok(subscriptionId);

  const after = await overview(t, token);
  const fresh = after.json.subscriptions.find((s: { id: string }) => s.id === subscriptionId);
  assert.equal(fresh?.status, 'active');
  assert.equal(fresh.product.id, plan.id);
  const disk = (await stored(t)).collections?.subscriptions ?? (await stored(t)).subscriptions;
  assert.equal(disk.find((s: { id: string }) => s.id === subscriptionId).metadata.source, 'creem-portal', 'the merchant can tell a portal checkout from its own');
  // Live again: a second one is refused, not doubled.
  const again = await subscribe(t, token, { product_id: plan.id, return_url: returnUrl });
  assert.equal(again.status, 409);
  assert.ok(isCreemError(again.json, 409));
});

test('standalone: bad subscribe requests are 4xx in Creem’s format and create no checkout', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const ended = await customerByEmail(t, 'katherine@example.com');
  const other = (await t.deps.store.all('products')).filter((p) => p.billing_type === 'onetime');
  const plans = (await overview(t, await tokenFor(t, ended.id))).json.plans;
  const token = await tokenFor(t, ended.id);
  // Katherine subscribed in the test before: give her ended state back by canceling it.
  for (const s of await t.deps.store.findBy('subscriptions', 'customer_id', ended.id))
    if (s.status === 'active') assert.equal((await call(t, 'POST', `/v1/subscriptions/${s.id}/cancel`, { body: { mode: 'immediate' } })).status, 200);
  const good = { product_id: plans[0].id, return_url: `${t.deps.config.publicUrl}/account` };
  const checkoutsBefore = (await t.deps.store.all('checkouts')).length;
  for (const [body, status, why] of [
    [{ ...good, product_id: other[0]!.id }, 404, /Plan not found/],
    [{ ...good, product_id: 'prod_nope' }, 404, /Plan not found/],
    [{ ...good, return_url: 'https://evil.example.test/steal' }, 400, /not among the merchant's allowed origins/],
    [{ ...good, return_url: 'javascript:alert(1)' }, 400, /allowed origins|absolute URL/],
    [{ ...good, return_url: 'not a url' }, 400, /absolute URL/],
    [{ ...good, units: 0 }, 400, /units/],
    [{ ...good, units: 5000 }, 400, /units/],
    [{ ...good, extra: 1 }, 400, /extra|unrecognized/i],
    [{ product_id: good.product_id }, 400, /return_url/],
    ['{', 400, /JSON|json/],
  ] as const) {
    const res = await subscribe(t, token, body);
    assert.equal(res.status, status, `${JSON.stringify(body)} → ${res.text}`);
    assert.ok(isCreemError(res.json, status), res.text);
    assert.match(res.text, why);
  }
  const live = await subscribe(t, await tokenFor(t, ada.id), good);
  assert.equal(live.status, 409, 'Ada has a live subscription');
  assert.equal((await call(t, 'POST', '/portal/api/checkouts', { key: null, body: good })).status, 401, 'no token, no checkout');
  assert.equal((await t.deps.store.all('checkouts')).length, checkoutsBefore);
});

test('companion: the checkout is made upstream with the merchant’s key for this customer, paid on Creem’s page, and the new subscription shows', async () => {
  const customer = await pair.creem.customers.create({ email: 'returning@example.com', name: 'Re Turning' });
  const token = await companionToken(pair, customer.id);
  const before = await overview(pair.t, token);
  assert.equal(before.status, 200, before.text);
  assert.deepEqual(before.json.subscriptions, []);
  const plan = before.json.plans[0];
  assert.ok(plan);
  const returnUrl = `${pair.t.deps.config.publicUrl}/account`;
  await pair.proxy.clearLog();
  const res = await subscribe(pair.t, token, { product_id: plan.id, return_url: returnUrl });
  assert.equal(res.status, 201, res.text);
  assert.ok((await pair.proxy.log()).some((l) => l.method === 'POST' && l.path === '/v1/checkouts'));
  // Creem's checkout, not this server's: the upstream holds it (its URL names the upstream's PUBLIC_URL).
  const upstreamCheckout = await pair.creem.checkouts.retrieve(res.json.checkout_id);
  assert.equal(upstreamCheckout.checkoutUrl, res.json.checkout_url);
  assert.equal((await pair.t.deps.store.all('checkouts')).length, 0, 'nothing made on the companion');
  assert.equal((upstreamCheckout.metadata as Record<string, unknown>)?.source, 'creem-portal');

  const back = await payOn(overHttp(pair.upstream.url), res.json.checkout_url);
  assert.equal(`${back.origin}${back.pathname}`, returnUrl);
  // Creem's webhook would tell the companion; without one, the cached read expires on its own.
  await pair.t.deps.companion?.account.forget(customer.id);
  const after = await overview(pair.t, token);
  assert.deepEqual(after.json.subscriptions.map((s: { status: string; product: { id: string } }) => [s.status, s.product.id]), [['active', plan.id]]);
  assert.equal((await subscribe(pair.t, token, { product_id: plan.id, return_url: returnUrl })).status, 409);
  assert.equal((await subscribe(pair.t, token, { product_id: plan.id, return_url: 'https://evil.example.test/' })).status, 409, 'a live subscription is refused first');
});
