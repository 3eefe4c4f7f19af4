import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openPage, saveScreenshotPath } from './support/browser.js';
import { seededCustomer, type RunningServer } from './support/server.js';
import { card, openDemoAs } from './support/demo.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Sum of the RGB channels of the element's background: low is dark. */
const baseBrightness = (page: import('playwright-core').Page) =>
  page.locator('creem-portal [part~=base]').evaluate((el) => {
    const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g)!.map(Number);
    return r + g + b;
  });

test('German and dark theme: the element speaks German, formats German dates and money, and is dark', async () => {
  const ada = await seededCustomer(server, 'ada@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await openDemoAs(page, server, ada.id, { locale: 'de', theme: 'dark' });
  const portal = page.locator('creem-portal');
  await portal.getByRole('heading', { name: 'Abonnements' }).waitFor();
  await portal.getByRole('button', { name: 'Abonnement verwalten' }).waitFor();
  // 87,00 $ — German number format, whatever words the catalog uses around it.
  assert.match(await card(page, 'Pro').innerText(), /87,00\s\$/);
  assert.equal(await portal.locator('[part~=base]').getAttribute('lang'), 'de');
  assert.ok((await baseBrightness(page)) < 200, 'dark background');
  await page.screenshot({ path: saveScreenshotPath('locale-de-dark.png') });
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('Arabic: the element is translated and mirrored right-to-left', async () => {
  const ada = await seededCustomer(server, 'ada@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await openDemoAs(page, server, ada.id, { locale: 'ar' });
  const base = page.locator('creem-portal [part~=base]');
  assert.equal(await base.getAttribute('dir'), 'rtl');
  assert.equal(await base.getAttribute('lang'), 'ar');
  // Translated: the tabs carry Arabic letters and no longer the English words.
  const tabs = page.locator('creem-portal [part~=tab]');
  await page.waitForFunction(() => {
    const t = document.querySelector('creem-portal')!.shadowRoot!.querySelector('[part~=tab]');
    return !!t && /[\u0600-\u06FF]/.test(t.textContent ?? '');
  });
  assert.doesNotMatch(await tabs.first().innerText(), /Subscriptions/);

  // Mirrored: in each card the name sits right of the status badge, and the first tab is the rightmost.
  const item = page.locator('creem-portal [part~=item]').first();
  const name = await item.locator('h3').boundingBox();
  const badge = await item.locator('[part~=badge]').boundingBox();
  assert.ok(name && badge && badge.x + badge.width <= name.x + 1, `badge ${JSON.stringify(badge)} is left of name ${JSON.stringify(name)}`);
  const boxes = await tabs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  assert.ok(boxes[0] > boxes[boxes.length - 1], `tabs run right to left: ${boxes}`);
  await page.screenshot({ path: saveScreenshotPath('locale-ar-rtl.png') });
  assert.deepEqual(problems.errors, []);
  await context.close();
});
