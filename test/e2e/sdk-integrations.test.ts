import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { creem } from '@creem_io/better-auth';
import { Checkout, Portal, Webhook } from '@creem_io/nextjs';
import { NextRequest } from 'next/server';
import { openPage } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { routeCreemTo, serveMerchantApp, type WebHandler } from './support/merchant-app.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Polls until `probe` answers something; webhooks arrive a moment after the payment. */
async function eventually<T>(what: string, probe: () => T | undefined, ms = 20_000): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = probe();
    if (v !== undefined) return v;
  }
  throw new Error(`${what} within ${ms} ms`);
}

type Row = Record<string, any>;

/** The merchant's Better Auth: an in-memory database, email sign-up, and Creem's plugin. */
function merchantAuth(appUrl: string, apiKey: string, webhookSecret: string, db: Record<string, Row[]>) {
  return betterAuth({
    baseURL: appUrl,
    secret: 'e2e-better-auth-secret-0123456789abcdef',
    database: memoryAdapter(db),
    emailAndPassword: { enabled: true },
    plugins: [creem({ apiKey, testMode: true, webhookSecret, defaultSuccessUrl: `${appUrl}/success` })],
  });
}

/**
 * A merchant's app on this machine: Better Auth with Creem's plugin at /api/auth, the Next.js
 * adapter's Checkout, Portal and Webhook routes, each webhook route a registered endpoint of the
 * Creem under test (delivered over HTTP, signed with its own secret), and a signed-up user.
 */
async function merchantSite(email: string) {
  const key = { 'x-api-key': server.apiKey, 'content-type': 'application/json' };
  let auth: ReturnType<typeof merchantAuth> | undefined;
  let nextWebhook: WebHandler = () => new Response('not yet', { status: 503 });
  const app = await serveMerchantApp([
    ['/api/auth', (req) => auth!.handler(req)],
    ['/api/webhook/creem', (req) => nextWebhook(new NextRequest(req))],
    ['/checkout', (req) => Checkout({ apiKey: server.apiKey, testMode: true })(new NextRequest(req))],
    ['/portal', (req) => Portal({ apiKey: server.apiKey, testMode: true })(new NextRequest(req))],
    ['/success', () => new Response('Thank you', { headers: { 'content-type': 'text/plain' } })],
  ]);
  const endpoint = async (path: string) => {
    const res = await fetch(`${server.creemUrl}/v1/webhooks`, { method: 'POST', headers: key, body: JSON.stringify({ url: app.url + path, name: path }) });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as { id: string; secret: string };
  };
  const [plugin, next] = [await endpoint('/api/auth/creem/webhook'), await endpoint('/api/webhook/creem')];
  const db: Record<string, Row[]> = { user: [], session: [], account: [], verification: [], creem_subscription: [] };
  const ba = (auth = merchantAuth(app.url, server.apiKey, plugin.secret, db));
  const granted: Row[] = [];
  nextWebhook = Webhook({ webhookSecret: next.secret, onGrantAccess: async (d: Row) => void granted.push(d) }) as unknown as WebHandler;
  const signUp = await ba.api.signUpEmail({ body: { email, password: 'correct-horse-battery', name: 'Dana Buyer' }, returnHeaders: true });
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const asUser = (path: string, body: unknown) =>
    fetch(`${app.url}/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: app.url }, body: JSON.stringify(body) }).then((r) => r.json());
  return {
    app,
    db,
    granted,
    cookie,
    asUser,
    userId: signUp.response.user.id,
    async close() {
      for (const e of [plugin, next]) await fetch(`${server.creemUrl}/v1/webhooks/${e.id}`, { method: 'DELETE', headers: key });
      await app.close();
    },
  };
}

/** The customer pays on the hosted test checkout in Chromium; their email is the one the plugin sent. */
async function payInChromium(url: string, email: string, button: RegExp, successUrl: string) {
  const { page, context } = await openPage(browser, { bypassCSP: true });
  try {
    page.setDefaultTimeout(15_000);
    await page.goto(url);
    assert.equal(await page.getByLabel('Email address').inputValue(), email);
    await page.getByLabel('Name on the card').fill('Dana Buyer');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiry date (MM/YY)').fill('12/40');
    await page.getByLabel('Security code (CVC)').fill('123');
    await Promise.all([page.waitForURL((u) => u.href.startsWith(`${successUrl}?`)), page.getByRole('button', { name: button }).click()]);
  } finally {
    await context.close();
  }
}

// Creem's Better Auth plugin and Next.js adapter, in a merchant's app on this machine, against the
// offline Creem (in companion mode, the instance standing for Creem): nothing but their fetch is changed.
test('Better Auth plugin and Next.js adapter: a checkout the plugin made, paid in Chromium, comes back as verified webhooks linked to the user', async () => {
  const unroute = routeCreemTo(server.creemUrl);
  const site = await merchantSite('dana.buyer@example.com');
  try {
    const { app, db, granted, cookie, asUser, userId } = site;
    const plans = await server.creem.products.search(1, 50);
    const plan = plans.result.items.find((p) => p.status === 'active' && p.billingType === 'recurring' && !p.trialPeriodDays)!;
    const made = await asUser('/creem/create-checkout', { productId: plan.id });
    assert.ok(typeof made.url === 'string' && made.url.startsWith(`${server.creemUrl}/`), JSON.stringify(made));
    await payInChromium(made.url, 'dana.buyer@example.com', /^Pay /, `${app.url}/success`);
    // Delivered over HTTP, verified by the plugin, linked to the user through metadata.referenceId.
    const row = await eventually('the plugin’s subscription row, active', () => db.creem_subscription.find((r) => r.status === 'active'));
    assert.equal(row.referenceId, userId);
    assert.equal(row.productId, plan.id);
    assert.match(row.creemSubscriptionId, /^sub_/);
    const user = db.user.find((u) => u.id === userId)!;
    assert.match(user.creemCustomerId, /^cust_/);
    const sub = await server.creem.subscriptions.get(row.creemSubscriptionId);
    assert.equal(sub.status, 'active');
    assert.equal((sub.customer as { id: string }).id, user.creemCustomerId);
    assert.equal((await (await fetch(`${app.url}/api/auth/creem/has-access-granted`, { headers: { cookie } })).json()).hasAccessGranted, true);

    // The Next.js adapter's webhook got the same events, verified with its own endpoint's secret.
    const grant = await eventually('the Next.js adapter granting access', () => granted.find((g) => g.metadata?.referenceId === userId));
    assert.equal(grant.id, row.creemSubscriptionId);

    // A forged delivery is refused by both, and changes nothing.
    const forged = JSON.stringify({ id: 'evt_forged', eventType: 'subscription.canceled', created_at: Date.now(), object: { ...sub, status: 'canceled', metadata: { referenceId: userId } } });
    const wrong = createHmac('sha256', 'whsec_not_the_secret').update(forged).digest('hex');
    const toPlugin = await (await fetch(`${app.url}/api/auth/creem/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'creem-signature': wrong }, body: forged })).json();
    assert.match(JSON.stringify(toPlugin), /signature/i);
    assert.equal((await fetch(`${app.url}/api/webhook/creem`, { method: 'POST', headers: { 'creem-signature': wrong }, body: forged })).status, 400);
    assert.equal(db.creem_subscription.find((r) => r.id === row.id)!.status, 'active');

    // The plugin's portal link, and the adapter's Checkout and Portal routes: redirects into this Creem.
    const portal = await asUser('/creem/create-portal', {});
    assert.ok(portal.url?.startsWith(`${server.creemUrl}/`), JSON.stringify(portal));
    const nextCheckout = await fetch(`${app.url}/checkout?productId=${plan.id}&referenceId=${userId}&successUrl=${encodeURIComponent(`${app.url}/success`)}`, { redirect: 'manual' });
    assert.equal(nextCheckout.status, 307);
    const checkoutId = new URL(nextCheckout.headers.get('location')!).pathname.split('/').pop()!;
    const checkout = await server.creem.checkouts.retrieve(checkoutId);
    assert.equal(checkout.status, 'pending');
    assert.deepEqual(checkout.metadata, { referenceId: userId });
    const nextPortal = await fetch(`${app.url}/portal?customerId=${user.creemCustomerId}`, { redirect: 'manual' });
    assert.equal(nextPortal.status, 307);
    assert.ok(nextPortal.headers.get('location')!.startsWith(`${server.creemUrl}/`));
  } finally {
    unroute();
    await site.close();
  }
});

test('Better Auth plugin: a trial started at the hosted checkout is recorded as trialing and grants access', async () => {
  const unroute = routeCreemTo(server.creemUrl);
  const site = await merchantSite('terry.trial@example.com');
  try {
    const trial = await server.creem.products.create({ name: 'Team trial', description: 'Two weeks free.', price: 4900, currency: 'USD', billingType: 'recurring', billingPeriod: 'every-month', trialPeriodDays: 14 });
    const made = await site.asUser('/creem/create-checkout', { productId: trial.id });
    await payInChromium(made.url, 'terry.trial@example.com', /^Start the free trial/, `${site.app.url}/success`);
    const row = await eventually('the plugin’s subscription row, trialing', () => site.db.creem_subscription.find((r) => r.status === 'trialing'));
    assert.equal(row.referenceId, site.userId);
    assert.equal(row.productId, trial.id);
    assert.equal(site.db.user.find((u) => u.id === site.userId)!.hadTrial, true);
    assert.equal((await (await fetch(`${site.app.url}/api/auth/creem/has-access-granted`, { headers: { cookie: site.cookie } })).json()).hasAccessGranted, true);
  } finally {
    unroute();
    await site.close();
  }
});
