import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './support/browser.js';
import { seededCustomer, storedSubscriptions, type RunningServer } from './support/server.js';
import { card, loggedEvents, openDemoAs } from './support/demo.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** One plan on offer, found by its name. */
const plan = (page: Page, name: string) =>
  page.locator('creem-portal [part~=plan]').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** The hosted test checkout, as a customer pays it: their email is known, the test card pays. */
async function payWithTestCard(checkout: Page) {
  await checkout.getByLabel('Name on the card').fill('Katherine Johnson');
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242');
  await checkout.getByLabel('Expiry date (MM/YY)').fill('12/40');
  await checkout.getByLabel('Security code (CVC)').fill('123');
  await checkout.getByRole('button', { name: /^Pay / }).click();
}

// In companion mode the checkout is the upstream's (Creem's), and the new subscription is read from there.
test('a customer whose subscriptions all ended subscribes again from the element: this tab, then a popup', async () => {
  const katherine = await seededCustomer(server, 'katherine@example.com');
  const { page, problems, context } = await openPage(browser, { bypassCSP: true });
  page.setDefaultTimeout(20_000);
  await openDemoAs(page, server, katherine.id);
  await page.getByText('All your subscriptions have ended. Choose a plan to subscribe again.').waitFor();

  // Same tab: off to the checkout, paid, back on the merchant's page, announced.
  await plan(page, 'Pro').getByRole('button', { name: 'Subscribe' }).click();
  await page.getByRole('heading', { name: 'Subscribe to Pro' }).waitFor();
  assert.ok(!page.url().startsWith(`${server.url}/?`), `on the checkout: ${page.url()}`);
  await payWithTestCard(page);
  await page.waitForURL((u) => u.searchParams.has('checkout_id') && u.searchParams.get('customer') === katherine.id);
  await page.locator('creem-portal [role=status]').filter({ hasText: 'You are subscribed to Pro.' }).waitFor();
  await card(page, 'Pro').getByRole('button', { name: 'Manage subscription' }).waitFor();
  assert.equal(await plan(page, 'Starter').count(), 0, 'no plans on offer while a subscription is live');
  assert.ok((await loggedEvents(page)).includes('creem-subscription-created'));
  const live = (await storedSubscriptions(server, katherine.id)).filter((s) => s.status === 'active');
  assert.equal(live.length, 1);

  // It ends again; this time the merchant opens checkouts in a popup, and the page stays where it is.
  await server.creem.subscriptions.cancel(live[0].id, { mode: 'immediate' });
  // Companion mode learns of a change made at Creem from its webhook or once CREEM_CACHE_SECONDS pass.
  const ended = page.getByText('All your subscriptions have ended.');
  for (let i = 0; i < 15 && !(await ended.isVisible()); i++) {
    await page.reload();
    await ended.or(card(page, 'Pro')).first().waitFor();
    if (!(await ended.isVisible())) await page.waitForTimeout(1000);
  }
  await ended.waitFor({ timeout: 1000 });
  await page.locator('creem-portal').evaluate((el) => el.setAttribute('checkout-target', 'popup'));
  const here = page.url();
  const [popup] = await Promise.all([page.waitForEvent('popup'), plan(page, 'Starter').getByRole('button', { name: 'Subscribe' }).click()]);
  await popup.getByRole('heading', { name: 'Subscribe to Starter' }).waitFor();
  const closed = popup.waitForEvent('close');
  await payWithTestCard(popup);
  // Back on the merchant's page, the popup closes itself; the page that opened it shows the new plan.
  await closed;
  await page.locator('creem-portal [role=status]').filter({ hasText: 'You are subscribed to Starter.' }).waitFor();
  await card(page, 'Starter').getByRole('button', { name: 'Manage subscription' }).waitFor();
  assert.equal(page.url(), here, 'the page did not navigate');
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.violations, []);
  await context.close();
});
