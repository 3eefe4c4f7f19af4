import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openPage } from './support/browser.js';
import { seededCustomer, storedSubscriptions, type RunningServer } from './support/server.js';
import { card, openDemoAs, sheet, waitForPortal } from './support/demo.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

test('the demo page shows a customer their subscriptions; a cancel survives a reload and is on disk', async () => {
  const jean = await seededCustomer(server, 'jean@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);

  await openDemoAs(page, server, jean.id);
  const pro = card(page, 'Pro (yearly)');
  await pro.getByText('Active', { exact: true }).waitFor();

  await pro.getByRole('button', { name: 'Manage subscription' }).click();
  await sheet(page).getByRole('button', { name: 'Cancel subscription' }).click();
  await sheet(page).getByLabel('It is missing features I need').check();
  await sheet(page).getByLabel('Immediately').check();
  await sheet(page).getByRole('button', { name: 'Continue' }).click();
  await sheet(page).getByRole('button', { name: 'Confirm cancellation' }).click();
  await sheet(page).waitFor({ state: 'detached' });
  await pro.getByText('Canceled', { exact: true }).waitFor();

  await page.reload();
  await waitForPortal(page);
  await card(page, 'Pro (yearly)').getByText('Canceled', { exact: true }).waitFor();
  assert.equal(await card(page, 'Pro (yearly)').getByRole('button', { name: 'Manage subscription' }).count(), 0);

  const [stored] = await storedSubscriptions(server, jean.id);
  assert.equal(stored.status, 'canceled');
  assert.equal(stored.cancel_reason, 'missing_features');
  assert.ok(stored.canceled_at, 'canceled_at is written');
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.violations, []);
  await context.close();
});
