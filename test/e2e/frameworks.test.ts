import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openPage } from './support/browser.js';
import { seededCustomer, storedSubscriptions, type RunningServer } from './support/server.js';
import { card, sheet, waitForPortal } from './support/demo.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

// React 19 sets a prop as a property whenever the element defines one (so `locale` too), else as an attribute;
// Vue's `^locale` forces the attribute. Both must reach the element either way.
for (const [framework, email, product, localeAttribute] of [
  ['React', 'ada@example.com', 'Pro', null],
  ['Vue', 'jean@example.com', 'Pro (yearly)', 'en'],
] as const) {
  test(`${framework} page: the element renders from ${framework}'s props and its events reach ${framework}'s handlers`, async () => {
    const customer = await seededCustomer(server, email);
    const { page, problems, context } = await openPage(browser);
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/demo/${framework.toLowerCase()}.html?customer=${customer.id}`);
    await waitForPortal(page);
    const received = page.getByRole('list', { name: `Events ${framework} received` });
    await received.getByText(`creem-ready: ${(await storedSubscriptions(server, customer.id)).length} subscription(s) for ${email}`).waitFor();

    // Properties: the token reached the element as a property, not as an attribute; attributes stayed attributes.
    const el = page.locator('creem-portal');
    const wiring = await el.evaluate((e: any) => ({
      tokenProperty: typeof e.token === 'string' && e.token.split('.').length === 3,
      tokenAttribute: e.getAttribute('token'),
      locale: e.locale,
      localeAttribute: e.getAttribute('locale'),
      apiBase: e.getAttribute('api-base'),
    }));
    assert.deepEqual(wiring, { tokenProperty: true, tokenAttribute: null, locale: 'en', localeAttribute, apiBase: server.url });

    // A framework state change reaches the element's `theme` property and re-renders it dark.
    await page.getByRole('button', { name: 'Theme: light' }).click();
    await page.getByRole('button', { name: 'Theme: dark' }).waitFor();
    assert.equal(await el.evaluate((e: any) => e.theme), 'dark');
    await page.waitForFunction(() => {
      const base = document.querySelector('creem-portal')!.shadowRoot!.querySelector('[part~=base]')!;
      const [r, g, b] = getComputedStyle(base).backgroundColor.match(/\d+/g)!.map(Number);
      return r + g + b < 200;
    });

    // An action inside the element fires an event the framework's handler records.
    await card(page, product).getByRole('button', { name: 'Manage subscription' }).click();
    await sheet(page).getByRole('button', { name: 'Cancel subscription' }).click();
    await sheet(page).getByRole('button', { name: 'Continue' }).click();
    await sheet(page).getByRole('button', { name: 'Confirm cancellation' }).click();
    await received.getByText(/^creem-subscription-canceled: sub_\w+ is scheduled_cancel$/).waitFor();
    const ended = (await storedSubscriptions(server, customer.id)).filter((s) => s.status === 'scheduled_cancel');
    assert.equal(ended.length, 1, 'the cancel is on disk');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.violations, []);
    await context.close();
  });
}
