import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, isCreemError, type TestApp } from '../support/server.js';
import { sha256 } from '../../server/ids.js';
import { codeIn, mailIds, mailTo, merchantOf, settle, updateMerchant } from './signin-helpers.js';

/**
 * Issue #16, 3 (login CSRF): opening a magic link never signs in by itself. A page elsewhere could
 * send a visitor to a link for the attacker's own account, and a mail scanner that runs scripts
 * would spend the link. The hosted landing page and the element both name the account first
 * ("Continue as l***@example.com") and only the customer's Continue spends the code.
 */

let t: TestApp;
const SHOP = 'https://shop.example';
before(async () => {
  t = await createTestApp();
  await updateMerchant(t, (await merchantOf(t)).id, (m) => ({ ...m, settings: { ...m.settings, allowed_origins: [...m.settings.allowed_origins, SHOP] } }));
});
after(() => t.close());
beforeEach(() => t.clock.advance(16 * 60_000));

async function magicCode(email: string) {
  await settle(30);
  const seen = await mailIds(t);
  const res = await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: (await merchantOf(t)).id, email } });
  assert.equal(res.status, 202);
  return codeIn((await mailTo(t, email, seen)).text).code;
}
const spent = async (code: string) => (await t.deps.store.findOneBy('sign_in_codes', 'hash', sha256(code)))!.used_at !== null;
const cookieOf = (res: Response, name: RegExp) => res.headers.getSetCookie().find((c) => name.test(c))?.split(';')[0];
const fieldOf = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];

/**
 * Opens /portal/magic as a browser would and does what its script does: put the code from the
 * fragment into the page's `redeem` form and submit it.
 */
async function runLandingPage(code: string) {
  const get = await t.app.request('/portal/magic');
  const page = await get.text();
  const form = /<form id="redeem" method="post" action="([^"]+)">/.exec(page);
  assert.ok(form, 'the landing page has the form its script submits');
  const csrf = cookieOf(get, /csrf=/)!;
  const res = await t.app.request(form[1], {
    method: 'POST',
    headers: { cookie: csrf, origin: new URL(t.deps.config.publicUrl).origin, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrf: fieldOf(page, 'csrf')!, code }),
  });
  return { res, body: await res.text(), csrf };
}

test('running the magic landing page spends nothing; it names the account, and only its Continue button signs in', async () => {
  const code = await magicCode('linus@example.com');
  const { res, body, csrf } = await runLandingPage(code);
  assert.equal(await spent(code), false, 'the landing page spent the code by itself');
  assert.equal(res.status, 200, body);
  assert.equal(cookieOf(res, /_session=/), undefined, 'no session before Continue');
  assert.match(body, /l\*\*\*@example\.com/);
  assert.match(body, /Acme Cloud/);
  assert.doesNotMatch(body, /linus@example\.com/, 'the page shows the address masked');
  assert.match(res.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const confirm = /<form method="post" action="\/portal\/session">([\s\S]*?)<\/form>/.exec(body);
  assert.ok(confirm, 'a Continue form posts to /portal/session');
  assert.match(confirm[1], /<button type="submit">Continue as <bdi>l\*\*\*@example\.com<\/bdi><\/button>/);

  const post = await t.app.request('/portal/session', {
    method: 'POST',
    headers: { cookie: csrf },
    body: new URLSearchParams({ csrf: fieldOf(confirm[1], 'csrf')!, code: fieldOf(confirm[1], 'code')! }),
  });
  assert.equal(post.status, 303);
  assert.equal(post.headers.get('location'), '/portal');
  assert.ok(cookieOf(post, /_session=/), 'Continue signs in');
  assert.equal(await spent(code), true);
});

test('the landing page refuses a post from another site, and a used or unknown code gets the expired page', async () => {
  const code = await magicCode('grace@example.com');
  const get = await t.app.request('/portal/magic');
  const page = await get.text();
  const action = /<form id="redeem" method="post" action="([^"]+)">/.exec(page)![1];
  const foreign = await t.app.request(action, {
    method: 'POST',
    headers: { cookie: cookieOf(get, /csrf=/)!, origin: 'https://evil.example' },
    body: new URLSearchParams({ csrf: fieldOf(page, 'csrf')!, code }),
  });
  assert.equal(foreign.status, 403);
  assert.equal(await spent(code), false);
  const unknown = await runLandingPage('A'.repeat(43));
  assert.equal(unknown.res.status, 410);
  assert.match(unknown.body, /This link has expired/);
  const mangled = await runLandingPage('x'.repeat(600));
  assert.ok(mangled.res.status >= 400 && mangled.res.status < 500);
});

test("the element's preview names the account without spending the code; only the exchange spends it", async () => {
  const code = await magicCode('margaret@example.com');
  const preview = await call(t, 'POST', '/portal/api/session/preview', { key: null, body: { code }, headers: { origin: SHOP } });
  assert.equal(preview.status, 200, preview.text);
  assert.equal(preview.headers.get('access-control-allow-origin'), SHOP);
  assert.equal(preview.headers.get('cache-control'), 'no-store');
  assert.deepEqual(preview.json, { email_hint: 'm***@example.com', merchant_name: 'Acme Cloud' });
  assert.equal(await spent(code), false);

  const evil = await call(t, 'POST', '/portal/api/session/preview', { key: null, body: { code }, headers: { origin: 'https://evil.example' } });
  assert.equal(evil.status, 403);
  assert.ok(isCreemError(evil.json, 403));
  for (const body of [{ code: 'A'.repeat(43) }, { code: '' }, { code: 'x'.repeat(600) }, { nope: 1 }]) {
    const bad = await call(t, 'POST', '/portal/api/session/preview', { key: null, body });
    assert.equal(bad.status, 400, JSON.stringify(body));
    assert.ok(isCreemError(bad.json, 400));
  }

  const exchange = await call(t, 'POST', '/portal/api/session/exchange', { key: null, body: { code }, headers: { origin: SHOP } });
  assert.equal(exchange.status, 200);
  assert.equal(exchange.json.customer_id, (await customerByEmail(t, 'margaret@example.com')).id);
  const after = await call(t, 'POST', '/portal/api/session/preview', { key: null, body: { code } });
  assert.equal(after.status, 400, 'a spent code previews as expired');
});
