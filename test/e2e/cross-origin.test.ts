import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshotPath } from './support/browser.js';
import { seededCustomer, startServer, storedSubscriptions, type RunningServer } from './support/server.js';
import { startMerchantSite, type MerchantSite } from './support/merchant-site.js';
import { card, sheet, waitForPortal } from './support/demo.js';
import pkg from '../../package.json' with { type: 'json' };

let server: RunningServer;
let browser: Browser;
let merchant: MerchantSite;
/** Serves the same pages from an origin the merchant never allowed. */
let stranger: MerchantSite;
/** Another origin the merchant allows (its shop); nothing needs to listen there. */
const SHOP_ORIGIN = 'http://127.0.0.1:1';

before(async () => {
  [merchant, stranger, browser] = await Promise.all([startMerchantSite(), startMerchantSite(), launchBrowser()]);
  server = await startServer({ allowedOrigins: [merchant.origin, SHOP_ORIGIN] });
  merchant.connect(server);
  stranger.connect(server);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await merchant?.close();
  await stranger?.close();
});

/** Records every creem-* event the element fires; init scripts run outside the page's CSP. */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const seen: { type: string; detail: unknown }[] = ((window as any).__creem = []);
    for (const type of ['creem-ready', 'creem-error', 'creem-subscription-canceled', 'creem-token-expired']) {
      document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  return async () => (await page.evaluate(() => (window as any).__creem)) as { type: string; detail: any }[];
}

test('on a merchant origin with the strict CSP, the element shows the subscriptions and completes a cancel with no violation', async () => {
  const ada = await seededCustomer(server, 'ada@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  const portalRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/portal/api/')) portalRequests.push(`${r.method()} ${new URL(r.url()).origin}`);
  });
  const response = await page.goto(`${merchant.origin}/?customer=${ada.id}&version=v${pkg.version}/`);
  assert.match(response!.headers()['content-security-policy'], /require-trusted-types-for 'script'; trusted-types lit-html/);

  await waitForPortal(page);
  const pro = card(page, 'Pro');
  await pro.getByText('Active', { exact: true }).waitFor();
  await card(page, 'Starter').getByText('Canceled', { exact: true }).waitFor();

  await pro.getByRole('button', { name: 'Manage subscription' }).click();
  await sheet(page).getByRole('button', { name: 'Cancel subscription' }).click();
  await sheet(page).getByLabel('I switched to another service').check();
  await sheet(page).getByRole('button', { name: 'Continue' }).click();
  await sheet(page).getByRole('button', { name: 'Confirm cancellation' }).click();
  await sheet(page).waitFor({ state: 'detached' });
  await pro.getByText('Ending', { exact: true }).waitFor();
  await page.screenshot({ path: saveScreenshotPath('strict-csp-merchant-site.png') });

  const stored = (await storedSubscriptions(server, ada.id)).find((s) => s.status === 'scheduled_cancel');
  assert.equal(stored?.cancel_reason, 'switched_service');
  // Every portal call went across origins, preflighted POSTs included.
  assert.ok(portalRequests.length >= 2 && portalRequests.every((r) => r.endsWith(server.url)), portalRequests.join(', '));
  assert.ok(portalRequests.some((r) => r.startsWith('POST')));
  assert.deepEqual(problems.violations, [], 'no CSP or Trusted Types violation');
  assert.deepEqual(problems.errors, [], 'no console error');
  await context.close();
});

test('with token-url and a German catalog fetched across origins, the strict CSP still records no violation', async () => {
  const margaret = await seededCustomer(server, 'margaret@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(`${merchant.origin}/token-url.html?customer=${margaret.id}&locale=de`);
  await waitForPortal(page);
  await page.locator('creem-portal').getByRole('heading', { name: 'Abonnements' }).waitFor();
  assert.deepEqual(problems.violations, []);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('on an origin the merchant did not allow, the browser gets no portal data', async () => {
  const ada = await seededCustomer(server, 'ada@example.com');
  const { page, problems, context } = await openPage(browser);
  const events = await recordEvents(page);
  // A token for any of the merchant's origins: the merchant's list itself keeps this page out.
  await page.goto(`${stranger.origin}/?customer=${ada.id}&token_origins=`);
  await page.waitForFunction(() => (window as any).__creem.some((e: any) => e.type === 'creem-error'), null, { timeout: 15_000 });
  const seen = await events();
  assert.deepEqual(seen.map((e) => e.type), ['creem-error']);
  assert.equal(seen[0].detail.status, 0, 'CORS hides the response from the page');
  assert.equal(await page.locator('creem-portal [part~=item]').count(), 0);
  assert.ok(problems.errors.some((e) => /CORS|Access-Control-Allow-Origin/.test(e)), problems.errors.join('\n'));
  assert.deepEqual(problems.violations, []);
  await context.close();
});

test("a token minted for other origins is refused on the real request from the merchant's page", async () => {
  const ada = await seededCustomer(server, 'ada@example.com');
  const { page, context } = await openPage(browser);
  const events = await recordEvents(page);
  await page.goto(`${merchant.origin}/?customer=${ada.id}&token_origins=${encodeURIComponent(SHOP_ORIGIN)}`);
  await page.waitForFunction(() => (window as any).__creem.length > 0, null, { timeout: 15_000 });
  const seen = await events();
  assert.ok(!seen.some((e) => e.type === 'creem-ready'), 'no data was shown');
  assert.ok(seen.some((e) => e.type === 'creem-error' && e.detail.status === 403), JSON.stringify(seen));
  // The merchant allows this origin, so the 403 itself is readable: the token, not CORS, refused it.
  const res = await page.evaluate(async ([api, token]) => {
    const r = await fetch(`${api}/portal/api/overview`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: await r.json() };
  }, [server.url, await page.locator('creem-portal').getAttribute('token')] as const);
  assert.equal(res.status, 403);
  assert.match(res.body.message.join(' '), new RegExp(merchant.origin.replace(/[.]/g, '\\.')));
  await context.close();
});

test('preflights answer every method the element uses, for allowed origins only', async () => {
  const preflight = (origin: string, method: string) =>
    fetch(`${server.url}/portal/api/subscriptions/sub_x/cancel`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
    });
  for (const method of ['GET', 'POST', 'PATCH']) {
    const ok = await preflight(merchant.origin, method);
    assert.ok(ok.status === 204 || ok.status === 200, `${method}: ${ok.status}`);
    assert.equal(ok.headers.get('access-control-allow-origin'), merchant.origin);
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', new RegExp(`\\b${method}\\b`));
    assert.match((ok.headers.get('access-control-allow-headers') ?? '').toLowerCase(), /authorization/);
    assert.equal(ok.headers.get('access-control-allow-credentials'), null, 'no cookies across origins');
    const refused = await preflight(stranger.origin, method);
    assert.equal(refused.headers.get('access-control-allow-origin'), null, `${method} from a stranger`);
  }
});

test('the bundle loads from any origin: a versioned URL cached for a year, a stable URL with ETag revalidation', async () => {
  const versioned = await fetch(`${server.url}/widget/v${pkg.version}/creem-portal.js`);
  assert.equal(versioned.status, 200);
  assert.equal(versioned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(versioned.headers.get('cross-origin-resource-policy'), 'cross-origin');
  assert.match(versioned.headers.get('content-type') ?? '', /^text\/javascript/);
  const body = await versioned.text();
  assert.match(body, /customElements\.define\(`creem-portal`|customElements\.define\("creem-portal"|creem-portal/);

  const stable = await fetch(`${server.url}/widget/creem-portal.js`);
  assert.equal(await stable.text(), body, 'the stable URL serves the same (latest) build');
  assert.match(stable.headers.get('cache-control') ?? '', /^public, max-age=300\b/);
  assert.equal(stable.headers.get('cross-origin-resource-policy'), 'cross-origin');
  const etag = stable.headers.get('etag');
  assert.match(etag ?? '', /^"[\w-]+"$/);
  const again = await fetch(`${server.url}/widget/creem-portal.js`, { headers: { 'if-none-match': etag! } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');

  const esm = await fetch(`${server.url}/widget/v${pkg.version}/creem-portal.mjs`);
  assert.equal(esm.status, 200);
  assert.equal((await fetch(`${server.url}/widget/v0.0.0-old/creem-portal.js`)).status, 404, 'no other version under an immutable name');
  assert.equal((await fetch(`${server.url}/widget/demo/react.html`)).status, 404, 'demo pages are not widget files');
  assert.equal((await fetch(`${server.url}/widget/..%2Fpackage.json`)).status, 404);
});
