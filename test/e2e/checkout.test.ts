import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { axeViolations, openPage } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Creem's documented check of the redirect, as a merchant's success page does it. */
function signatureValid(redirect: string, apiKey: string) {
  const params = [...new URL(redirect).searchParams];
  const data = params
    .filter(([k, v]) => k !== 'signature' && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .concat(`salt=${apiKey}`)
    .join('|');
  return new URL(redirect).searchParams.get('signature') === createHash('sha256').update(data).digest('hex');
}

// In companion mode the checkout is the upstream's, as a merchant's real checkouts are Creem's.
test('hosted test checkout in Chromium: accessible, a declined card says why, the test card pays and lands on success_url signed', async () => {
  const plans = await server.creem.products.search(1, 50);
  const plan = plans.result.items.find((p) => p.status === 'active' && p.billingType === 'recurring')!;
  const checkout = await server.creem.checkouts.create({
    productId: plan.id,
    successUrl: `${server.url}/healthz`,
    requestId: 'e2e-order-1',
    metadata: { referenceId: 'user_e2e' },
  });
  const { page, problems, context } = await openPage(browser, { bypassCSP: true });
  page.setDefaultTimeout(15_000);
  await page.goto(checkout.checkoutUrl!);
  await page.getByRole('heading', { name: `Subscribe to ${plan.name}` }).waitFor();
  assert.deepEqual(await axeViolations(page, 'main'), [], 'no axe violations on the checkout page');

  await page.getByLabel('Email address').fill('e2e.buyer@example.com');
  await page.getByLabel('Name on the card').fill('Eve Buyer');
  await page.getByLabel('Card number').fill('4000 0000 0000 0002');
  await page.getByLabel('Expiry date (MM/YY)').fill('12/40');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Security code (CVC)').press('Enter');
  await page.getByRole('alert').filter({ hasText: 'The card was declined' }).waitFor();
  assert.equal(await page.getByLabel('Card number').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page, 'main'), [], 'no axe violations with the error shown');

  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry date (MM/YY)').fill('12/40');
  await page.getByLabel('Security code (CVC)').fill('123');
  await Promise.all([page.waitForURL(/\/healthz\?/), page.getByRole('button', { name: /^Pay / }).click()]);
  const landed = page.url();
  assert.ok(signatureValid(landed, server.apiKey), `signed redirect: ${landed}`);
  const params = new URL(landed).searchParams;
  assert.equal(params.get('checkout_id'), checkout.id);
  assert.equal(params.get('request_id'), 'e2e-order-1');

  const done = await server.creem.checkouts.retrieve(checkout.id);
  assert.equal(done.status, 'completed');
  assert.deepEqual((done.subscription as { metadata?: unknown }).metadata, { referenceId: 'user_e2e' });
  // The declined card's 400 and the missing favicon are resource loads, not script errors.
  assert.deepEqual(problems.errors.filter((e) => !e.startsWith('Failed to load resource')), []);
  await context.close();
});
