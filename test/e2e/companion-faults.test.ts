import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { Creem } from 'creem';
import { launchBrowser, openPage } from './support/browser.js';
import { E2E_API_KEY, E2E_MODE, SEEDED, spawnServer, type Process } from './support/server.js';
import { openDemoAs } from './support/demo.js';
import { startFaultProxy, type FaultProxy } from '../support/companion.js';

/**
 * Companion mode when Creem misbehaves, seen in Chromium: a companion server in front of a real
 * standalone upstream, through a fault proxy (its own process). The element shows its translated
 * error state with a retry, and recovers once the upstream answers again.
 */
let upstream: Process;
let proxy: FaultProxy;
let companion: Process;
let browser: Browser;

before(async () => {
  upstream = await spawnServer(SEEDED);
  proxy = await startFaultProxy(upstream.url);
  [companion, browser] = await Promise.all([
    spawnServer({ CREEM_API_KEY: E2E_API_KEY, CREEM_API_URL: proxy.url, DEMO_SITE: 'on', CREEM_CACHE_SECONDS: '0', CREEM_TIMEOUT_MS: '1000', PORTAL_BRAND_NAME: 'Acme Cloud' }),
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await companion?.stop();
  await proxy?.stop();
  await upstream?.stop();
});

test('when Creem fails the element shows its translated error state, nothing is applied twice, and it recovers on retry', { skip: E2E_MODE !== 'companion' && 'runs with E2E_MODE=companion' }, async () => {
  const creem = new Creem({ apiKey: E2E_API_KEY, serverURL: upstream.url });
  const jean = await creem.customers.retrieve(undefined, 'jean@example.com');
  const jeanSub = async () => (await creem.customers.listSubscriptions(jean.id, 1, 10)).items[0];
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  const portal = page.locator('creem-portal');
  const sheet = portal.getByRole('dialog');
  await openDemoAs(page, { url: companion.url } as never, jean.id);

  // A read that Creem answers with a 500: the error state, and a retry that works once Creem does.
  await proxy.fault('500');
  await portal.getByRole('button', { name: 'Payments' }).click();
  const alert = portal.getByRole('alert');
  await alert.getByText('The billing service is not answering right now. Nothing was changed.').waitFor();
  await proxy.fault('pass');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await portal.locator('[part~=table] tbody tr').first().waitFor();

  // Creem unreachable (connection refused) while the customer pauses: told so in the sheet, nothing changed.
  await portal.getByRole('button', { name: 'Subscriptions' }).click();
  await portal.getByRole('button', { name: 'Manage subscription' }).click();
  await sheet.getByRole('button', { name: 'Pause subscription' }).click();
  await proxy.stop();
  await sheet.getByRole('button', { name: 'Pause subscription' }).click();
  await sheet.getByRole('alert').getByText('The billing service is not answering right now.').waitFor();
  assert.equal((await jeanSub()).status, 'active', 'nothing reached Creem');
  await proxy.restart();
  await sheet.getByRole('button', { name: 'Pause subscription' }).click();
  await sheet.waitFor({ state: 'detached' });
  await portal.getByText('Paused', { exact: true }).waitFor();
  assert.equal((await jeanSub()).status, 'paused');

  // In German, Creem busy (429) on the resume: the same state, translated; then a resume whose answer comes
  // too late — it was applied, the portal reads that back, and the customer is told it worked, once.
  await page.getByLabel('Locale').selectOption('de');
  await portal.getByRole('heading', { name: 'Abonnements' }).waitFor();
  await proxy.fault('429', { only: 'writes' });
  await portal.getByRole('button', { name: 'Abonnement verwalten' }).click();
  await sheet.getByRole('button', { name: 'Abonnement fortsetzen' }).click();
  await sheet.getByRole('alert').getByText('Der Abrechnungsdienst antwortet gerade nicht.').waitFor();
  assert.equal((await jeanSub()).status, 'paused');
  await proxy.clearLog();
  await proxy.fault('slow', { delayMs: 2500, only: 'writes', count: 1 });
  await sheet.getByRole('button', { name: 'Abonnement fortsetzen' }).click();
  await sheet.waitFor({ state: 'detached' });
  assert.equal((await jeanSub()).status, 'active');
  const writes = (await proxy.log()).filter((l) => l.method === 'POST' && l.path.endsWith('/resume'));
  assert.equal(writes.length, 1, 'the resume reached Creem once');
  assert.deepEqual(problems.violations, []);
  await context.close();
});
