import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openPage } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

test('Swagger UI at /docs renders every operation under its CSP, with no violation, and refuses to be framed', async () => {
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  const res = await page.goto(`${server.url}/docs`);
  assert.match(res!.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  await page.getByRole('heading', { name: /creem-portal/ }).first().waitFor();
  await page.locator('.opblock').first().waitFor();
  assert.ok((await page.locator('.opblock').count()) > 40, 'the operations are listed');
  // Open one operation: its schemas render too.
  await page.locator('.opblock-summary', { hasText: '/v1/widget-tokens' }).first().click();
  await page.getByText('customer_id').first().waitFor();
  assert.deepEqual(problems.violations, []);
  // Chromium asks for /favicon.ico by itself; there is none.
  assert.deepEqual(problems.errors.filter((e) => !e.includes('/favicon.ico')), []);

  // Another site cannot frame it.
  const framed = await context.newPage();
  await framed.setContent(`<iframe src="${server.url}/docs"></iframe>`);
  await framed.waitForTimeout(500);
  const inner = framed.frames().find((f) => f.url().startsWith(server.url));
  assert.ok(!inner || (await inner.locator('.opblock').count().catch(() => 0)) === 0, 'the docs rendered inside a frame');
  await context.close();
});
