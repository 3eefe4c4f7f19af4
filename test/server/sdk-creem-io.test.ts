import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCreem } from 'creem_io';
import { sdkHarnessPerFile } from '../support/sdk.js';
import { DEMO_KEY } from '../support/server.js';
import { openForm, postForm } from './signin-helpers.js';
import { webhookEventBody } from '../../server/wire/webhook.js';
import { deliveryHeaders } from '../../server/webhooks/sign.js';

/*
 * `creem_io`, Creem's earlier client library (still in merchants' code), against this server. It
 * has Creem's hosts built in, so its fetch is pointed at 127.0.0.1 here; anything else it asks for
 * is refused, so the test never leaves this machine.
 */
const sdk = sdkHarnessPerFile();
const realFetch = globalThis.fetch;
const CREEM_TEST_API = 'https://test-api.creem.io';

before(() => {
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(CREEM_TEST_API)) return realFetch(sdk.url + url.slice(CREEM_TEST_API.length), init);
    if (url.startsWith('http://127.0.0.1')) return realFetch(input, init);
    return Promise.reject(new Error(`refused outside this machine: ${url}`));
  }) as typeof fetch;
});
after(() => {
  globalThis.fetch = realFetch;
});

test('creem_io: a product, a checkout paid on the hosted page, the customer and a discount, then the webhooks it verifies and hands to its handlers', async () => {
  const endpoint = await sdk.creem.webhooks.create({ deliveryMode: 'cli', name: 'creem_io' });
  const secret = (await sdk.creem.webhooks.getSecret(endpoint.id)).secret;
  const creem = createCreem({ apiKey: DEMO_KEY, testMode: true, webhookSecret: secret });

  const product = await creem.products.create({ name: 'Indie', description: 'One seat.', price: 1200, currency: 'EUR', billingType: 'recurring', billingPeriod: 'every-month' });
  assert.equal((await creem.products.get({ productId: product.id })).name, 'Indie');
  const discount = await creem.discounts.create({ name: 'Ten', code: 'IOTEN', type: 'percentage', percentage: 10, duration: 'once', appliesToProducts: [product.id] });
  assert.equal((await creem.discounts.get({ discountCode: 'IOTEN' })).id, discount.id);

  const checkout = await creem.checkouts.create({ productId: product.id, successUrl: 'http://127.0.0.1:3000/ok', discountCode: 'IOTEN', metadata: { referenceId: 'user_io' } });
  assert.equal(checkout.status, 'pending');
  const path = new URL(checkout.checkoutUrl!).pathname;
  const paid = await postForm(sdk.t, path, await openForm(sdk.t, path), { card: '4242424242424242', expiry: '12/40', cvc: '123', email: 'io@example.com' });
  assert.equal(paid.status, 303);
  const done = await creem.checkouts.get({ checkoutId: checkout.id });
  assert.equal(done.status, 'completed');
  const customerId = new URL(paid.headers.get('location')!).searchParams.get('customer_id')!;
  assert.equal((await creem.customers.get({ customerId })).email, 'io@example.com');

  // What the webhook worker would send, as it would sign it.
  const seen: string[] = [];
  let reference: unknown;
  for (const event of (await sdk.t.deps.store.all('webhook_events')).filter((e) => JSON.stringify(e.object).includes(checkout.id) || JSON.stringify(e.object).includes('user_io'))) {
    const body = webhookEventBody(event);
    const headers = deliveryHeaders({ secret, eventId: event.id, body, now: Date.now() });
    await creem.webhooks.handleEvents(body, headers['creem-signature']!, {
      onCheckoutCompleted: async (data) => {
        seen.push('checkout.completed');
        reference = (data as { metadata?: Record<string, unknown> }).metadata?.referenceId;
      },
      onSubscriptionActive: async () => void seen.push('subscription.active'),
      onSubscriptionPaid: async () => void seen.push('subscription.paid'),
    });
  }
  assert.deepEqual(seen, ['checkout.completed', 'subscription.active', 'subscription.paid']);
  assert.equal(reference, 'user_io');
  await assert.rejects(creem.webhooks.handleEvents('{"eventType":"checkout.completed"}', 'forged', {}), /Invalid webhook signature/);
  assert.equal((await creem.discounts.delete({ discountId: discount.id })).status, 'deleted');
});
