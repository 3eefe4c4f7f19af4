import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './support/browser.js';
import { seededCustomer, storedSubscriptions, type RunningServer } from './support/server.js';
import { card, continueIfAsked, sheet } from './support/demo.js';
import { latestMailTo, linkIn } from './support/mailbox.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const items = (page: Page) => page.locator('creem-portal [part~=item]');

/** Opening a sign-in link never signs in by itself (mail scanners open links too): the customer presses Continue. */
async function continueSignIn(page: Page) {
  const button = page.getByRole('button', { name: /^continue/i });
  await button.waitFor();
  assert.equal(await items(page).count(), 0, 'nothing is shown before Continue');
  await button.click();
  await items(page).first().waitFor();
}

/** The page a used or expired link lands on offers a new one. */
async function expectRefused(page: Page) {
  await page.getByRole('button', { name: /send me a new (one|link)/i }).or(page.getByRole('link', { name: /send me a new (one|link)/i })).first().waitFor();
  assert.equal(await items(page).count(), 0);
}

test('hosted portal: a customer_portal_link opens after Continue, manages the subscription, and works only once', async () => {
  const linus = await seededCustomer(server, 'linus@example.com');
  const res = await server.v1('POST', '/v1/customers/billing', { customer_id: linus.id });
  assert.equal(res.status, 200);
  const link: string = res.json.customer_portal_link;
  assert.ok(link.startsWith(`${server.url}/`), link);

  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  const first = await page.goto(link);
  assert.match(first!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await continueSignIn(page);

  // Manage: undo Linus's scheduled cancel from the hosted portal.
  const pro = card(page, 'Pro');
  await pro.getByText('Ending', { exact: true }).waitFor();
  await pro.getByRole('button', { name: 'Manage subscription' }).click();
  await sheet(page).getByRole('button', { name: 'Keep my subscription' }).click();
  await pro.getByText('Active', { exact: true }).waitFor();
  assert.equal((await storedSubscriptions(server, linus.id))[0].status, 'active');

  const again = await context.newPage();
  await again.goto(link);
  await expectRefused(again);
  assert.deepEqual(problems.violations, []);
  await context.close();
});

test('hosted login: a magic link from the dev outbox signs the customer in once; the second use is refused', async () => {
  const margaret = await seededCustomer(server, 'margaret@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  // From the demo site's link to its hosted portal (the sign-in page needs the merchant's id, which the link carries).
  await page.goto(`${server.url}/?customer=signed-out`);
  await page.getByRole('link', { name: 'Hosted portal (sign in by email)' }).click();
  await page.waitForURL(/\/portal\/login\?merchant=mer_/);
  await page.getByLabel(/email/i).fill(margaret.email);
  await page.getByRole('button', { name: /send|sign in|email me/i }).click();
  await page.getByText(/check your (email|inbox)/i).first().waitFor();

  const mail = await latestMailTo(server, margaret.email);
  assert.match(mail.subject, /sign in|log in|link/i);
  const link = linkIn(mail, server.url);
  await page.goto(link);
  await continueIfAsked(page);
  await card(page, 'Starter').getByText('Paused', { exact: true }).waitFor();

  const again = await context.newPage();
  await again.goto(link);
  await expectRefused(again);
  assert.deepEqual(problems.violations, []);
  await context.close();
});

test('a magic link opened in a browser runs its landing page but spends nothing until Continue, which names the account', async () => {
  const grace = await seededCustomer(server, 'grace@example.com');
  const merchantId = server.readData().collections.merchants[0].id;
  const asked = await fetch(`${server.url}/portal/api/magic-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ merchant_id: merchantId, email: grace.email }),
  });
  assert.equal(asked.status, 202);
  const link = linkIn(await latestMailTo(server, grace.email), server.url);
  const code = decodeURIComponent(/#creem_code=([^&]+)/.exec(link)![1]);
  const usedAt = () => server.readData().collections.sign_in_codes.find((c: any) => c.hash === createHash('sha256').update(code).digest('hex'))?.used_at;
  assert.equal(usedAt(), null);

  // What a mail scanner that runs scripts does: open the link, run the page, wait.
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(link);
  const button = page.getByRole('button', { name: 'Continue as g***@example.com' });
  await button.waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(usedAt(), null, 'the landing page spent the code by itself');
  assert.equal(await items(page).count(), 0);
  assert.doesNotMatch(page.url(), /creem_code=/);
  await page.getByRole('heading', { name: 'Sign in to Acme Cloud' }).waitFor();

  await button.click();
  await card(page, 'Starter').waitFor();
  assert.equal(typeof usedAt(), 'number', 'Continue spent it');
  assert.deepEqual(problems.violations, []);
  await context.close();
});
