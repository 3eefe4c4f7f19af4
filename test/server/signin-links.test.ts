import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { Creem } from 'creem';
import { stored, storedText, createTestApp, call, customerByEmail, isCreemError, DEMO_KEY, type TestApp } from '../support/server.js';
import { sha256 } from '../../server/ids.js';
import { listen, merchantOf, addMerchant, openForm, postForm, type FormSession } from './signin-helpers.js';

let t: TestApp;
/** The CSRF pair a browser holds after opening one of our pages: every hosted form post carries it. */
let form: FormSession;
before(async () => {
  t = await createTestApp();
  form = await openForm(t);
});
after(() => t.close());

const ada = async () => await customerByEmail(t, 'ada@example.com');

async function portalLink(customerId?: string) {
  const res = await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: customerId ?? (await ada()).id } });
  assert.equal(res.status, 200, res.text);
  const url = new URL(res.json.customer_portal_link);
  return { url, path: url.pathname, code: url.pathname.split('/').pop()! };
}

/** A browser request to a hosted page: with the CSRF cookie, and the hidden field on a bare POST. */
const page = async (path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}) => {
  const cookie = [form.cookie, init.headers?.cookie].filter(Boolean).join('; ');
  const body = init.method === 'POST' && !init.body ? new URLSearchParams({ csrf: form.csrf }) : init.body;
  const res = await t.app.request(path, { ...init, headers: { ...init.headers, cookie }, body });
  return { res, status: res.status, text: await res.text() };
};

const recordOf = async (code: string) => (await t.deps.store.findOneBy('sign_in_codes', 'hash', sha256(code)))!;
const cookieFrom = (res: Response) => res.headers.getSetCookie().find((c) => c.includes('_session='))?.split(';')[0];
/** The page's own button: a form post with the CSRF pair. */
const post = (path: string, opts: { cookie?: string; headers?: Record<string, string> } = {}) => postForm(t, path, form, {}, opts);

function assertSafeHtmlHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('cache-control'), 'no-store');
}

const noInlineScript = (html: string) => [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].every((m) => /\bsrc="\//.test(m[0]) && m[1].trim() === '');

test('POST /v1/customers/billing answers a single-use hosted link with a 256-bit code, storing only its hash', async () => {
  const { url, code } = await portalLink();
  assert.equal(url.origin, new URL(t.deps.config.publicUrl).origin);
  assert.match(url.pathname, /^\/portal\/link\/[A-Za-z0-9_-]{43}$/);
  assert.ok(Buffer.from(code, 'base64url').length >= 32);
  const record = await recordOf(code);
  assert.equal(record.kind, 'portal_link');
  assert.equal(record.customer_id, (await ada()).id);
  assert.equal(record.expires_at - t.clock.now, 10 * 60_000);
  const onDisk = await storedText(t);
  assert.ok(!onDisk.includes(code), 'the raw code is not in the data file');
  assert.ok(onDisk.includes(sha256(code)));
});

test("Creem's SDK generates a billing link against the server", async () => {
  const server = await listen(t);
  try {
    const creem = new Creem({ apiKey: DEMO_KEY, serverURL: server.url });
    const links = await creem.customers.generateBillingLinks({ customerId: (await ada()).id });
    assert.match(links.customerPortalLink, /\/portal\/link\/[A-Za-z0-9_-]{43}$/);
  } finally {
    await server.close();
  }
});

test('billing links only for a customer of this merchant and mode, with a valid key and body', async () => {
  assert.equal((await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: 'cust_nope' } })).status, 404);
  const y = await addMerchant(t, { name: 'Link Shop', key: 'creem_test_link_shop_key_000000001', email: 'y@link.example' });
  const foreign = await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: y.customer.id } });
  assert.equal(foreign.status, 404);
  assert.ok(isCreemError(foreign.json, 404));
  assert.equal((await t.deps.store.findBy('sign_in_codes', 'customer_id', y.customer.id)).length, 0);
  assert.equal((await call(t, 'POST', '/v1/customers/billing', { body: {} })).status, 400);
  assert.equal((await call(t, 'POST', '/v1/customers/billing', { key: null, body: { customer_id: (await ada()).id } })).status, 403);
});

test('opening a portal link with GET or HEAD changes nothing; the page asks to continue', async () => {
  const { path, code } = await portalLink();
  const bytesBefore = await storedText(t);
  for (let i = 0; i < 3; i++) {
    const get = await page(path);
    assert.equal(get.status, 200);
    assertSafeHtmlHeaders(get.res);
    assert.match(get.text, new RegExp(`<form method="post" action="${path}">`));
    assert.match(get.text, /Continue/);
    assert.ok(noInlineScript(get.text));
    const head = await t.app.request(path, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(cookieFrom(head), undefined, 'no session from a HEAD');
  }
  assert.equal((await recordOf(code)).used_at, null);
  assert.equal(await storedText(t), bytesBefore, 'the store is byte-identical');
});

test('continuing spends the code, sets a strict one-hour session cookie and opens the hosted portal', async () => {
  const { path, code } = await portalLink();
  const res = await post(path);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/portal');
  const setCookie = res.headers.getSetCookie().find((c) => c.includes('_session='))!;
  assert.match(setCookie, /^creem_portal_session=/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  assert.match(setCookie, /Path=\//);
  assert.match(setCookie, /Max-Age=3600/);
  assert.doesNotMatch(setCookie, /Secure/, 'plain http PUBLIC_URL: no Secure flag');
  const record = (await stored(t)).collections.sign_in_codes.find((r: any) => r.hash === sha256(code));
  assert.equal(record.used_at, t.clock.now, 'spent on disk');

  const cookie = cookieFrom(res)!;
  const portal = await page('/portal', { headers: { cookie } });
  assert.equal(portal.status, 200);
  assertSafeHtmlHeaders(portal.res);
  assert.match(portal.text, /<creem-portal token-url="\/portal\/session\/token"/);
  assert.match(portal.text, new RegExp(`/portal/assets/brand/${(await merchantOf(t)).id}\\.css`));
  assert.ok(noInlineScript(portal.text));
  const brand = await t.app.request(`/portal/assets/brand/${(await merchantOf(t)).id}.css`);
  assert.match(await brand.text(), /--brand:#4f46e5/);

  const tokenRes = await t.app.request('/portal/session/token', { headers: { cookie } });
  assert.equal(tokenRes.status, 200);
  assert.equal(tokenRes.headers.get('cache-control'), 'no-store');
  const { token, customer_id } = await tokenRes.json();
  assert.equal(customer_id, (await ada()).id);
  const claims = decodeJwt(token);
  assert.equal(claims.kind, 'session');
  assert.equal(claims.exp! - claims.iat!, 900);
  const overview = await call(t, 'GET', '/portal/api/overview', { key: null, token });
  assert.equal(overview.status, 200);
  assert.equal(overview.json.customer.id, (await ada()).id);
});

test('a used portal link shows the expired page with a form for a new link, and signs nobody in', async () => {
  const { path } = await portalLink();
  assert.equal((await post(path)).status, 303);
  for (const method of ['GET', 'POST']) {
    const again = await page(path, { method });
    assert.equal(again.status, 410, method);
    assert.equal(again.res.headers.get('set-cookie'), null);
    assertSafeHtmlHeaders(again.res);
    assert.match(again.text, /This link has expired/);
    assert.match(again.text, /<form method="post" action="\/portal\/login">/);
    assert.match(again.text, new RegExp(`name="merchant" value="${(await merchantOf(t)).id}"`));
    assert.match(again.text, /type="email"/);
  }
});

test('an expired portal link is refused by GET and POST, and stays unspent', async () => {
  const { path, code } = await portalLink();
  t.clock.advance(10 * 60_000);
  try {
    const get = await page(path);
    assert.equal(get.status, 410);
    assert.match(get.text, /This link has expired/);
    const post = await page(path, { method: 'POST' });
    assert.equal(post.status, 410);
    assert.equal(post.res.headers.get('set-cookie'), null);
    assert.equal((await recordOf(code)).used_at, null);
  } finally {
    t.clock.advance(-10 * 60_000);
  }
});

test('an unknown portal link code gets the same expired page', async () => {
  for (const code of ['A'.repeat(43), 'short', '%3Cscript%3E']) {
    for (const method of ['GET', 'POST']) {
      const res = await page(`/portal/link/${code}`, { method });
      assert.equal(res.status, 410, `${method} ${code}`);
      assert.match(res.text, /This link has expired/);
      assert.doesNotMatch(res.text, /<script>/);
      assert.equal(res.res.headers.get('set-cookie'), null);
    }
  }
});

test('a portal link cannot be spent from another site (login CSRF)', async () => {
  const { path, code } = await portalLink();
  // Refused even with the CSRF pair: a foreign Origin or cross-site fetch metadata.
  const evil = await post(path, { headers: { origin: 'https://evil.example' } });
  assert.equal(evil.status, 403);
  assert.match(await evil.text(), /This form could not be sent/);
  const crossSite = await post(path, { headers: { 'sec-fetch-site': 'cross-site' } });
  assert.equal(crossSite.status, 403);
  const nullCrossSite = await post(path, { headers: { origin: 'null', 'sec-fetch-site': 'same-site' } });
  assert.equal(nullCrossSite.status, 403);
  assert.equal((await recordOf(code)).used_at, null);
  // Our pages send no referrer, so the browser's own form post says `Origin: null`, with fetch metadata.
  const own = await post(path, { headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } });
  assert.equal(own.status, 303);
});

test('the portal session ends one hour after sign-in, however often tokens are fetched', async () => {
  const { path } = await portalLink();
  const cookie = cookieFrom(await post(path))!;
  const start = t.clock.now;
  try {
    t.clock.advance(55 * 60_000);
    const late = await t.app.request('/portal/session/token', { headers: { cookie } });
    assert.equal(late.status, 200);
    const claims = decodeJwt((await late.json()).token);
    assert.ok(claims.exp! * 1000 <= start + 3600_000, 'a token never outlives the session');
    assert.ok(claims.exp! - claims.iat! <= 300 && claims.exp! - claims.iat! >= 299, 'only the five minutes left');
    t.clock.advance(6 * 60_000);
    const over = await t.app.request('/portal/session/token', { headers: { cookie } });
    assert.equal(over.status, 401);
    assert.ok(isCreemError(await over.json(), 401));
    const portal = await page('/portal', { headers: { cookie } });
    assert.equal(portal.status, 401);
    assert.match(portal.text, /Your session has ended/);
    assert.match(portal.text, new RegExp(`name="merchant" value="${(await merchantOf(t)).id}"`));
  } finally {
    t.clock.now = start;
  }
});

test('the hosted portal and its token-url refuse a missing or forged session cookie', async () => {
  assert.equal((await t.app.request('/portal/session/token')).status, 401);
  const widget = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: (await ada()).id } });
  // A widget token is not a session cookie (different audience).
  const forged = await t.app.request('/portal/session/token', { headers: { cookie: `creem_portal_session=${widget.json.token}` } });
  assert.equal(forged.status, 401);
  const portal = await page('/portal');
  assert.equal(portal.status, 401);
  assert.doesNotMatch(portal.text, /<creem-portal/);
});

test("revoking the customer's tokens also ends the hosted session and unused links", async () => {
  const linus = await customerByEmail(t, 'linus@example.com');
  const first = await portalLink(linus.id);
  const cookie = cookieFrom(await post(first.path))!;
  const pending = await portalLink(linus.id);
  assert.equal((await t.app.request('/portal/session/token', { headers: { cookie } })).status, 200);
  assert.equal((await call(t, 'POST', '/v1/widget-tokens/revoke', { body: { customer_id: linus.id } })).status, 200);
  assert.equal((await t.app.request('/portal/session/token', { headers: { cookie } })).status, 401);
  assert.equal((await post(pending.path)).status, 410);
  // A link issued after the revocation works.
  const next = await portalLink(linus.id);
  assert.equal((await post(next.path)).status, 303);
});

test('signing out clears the cookie and leads to the merchant sign-in page', async () => {
  const { path } = await portalLink();
  const cookie = cookieFrom(await post(path))!;
  const out = await post('/portal/logout', { cookie });
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), `/portal/login?merchant=${(await merchantOf(t)).id}`);
  assert.match(out.headers.get('set-cookie')!, /creem_portal_session=;.*Max-Age=0/);
});

test('over https the session cookie is __Host- prefixed and Secure', async () => {
  const secure = await createTestApp({ env: { PUBLIC_URL: 'https://portal.example' } });
  try {
    const res = await call(secure, 'POST', '/v1/customers/billing', { body: { customer_id: (await customerByEmail(secure, 'ada@example.com')).id } });
    const link = new URL(res.json.customer_portal_link);
    assert.equal(link.origin, 'https://portal.example');
    const secureForm = await openForm(secure, link.pathname);
    assert.match(secureForm.cookie, /^__Secure-creem_portal_csrf=/);
    const post = await postForm(secure, link.pathname, secureForm);
    assert.equal(post.status, 303);
    assert.match(post.headers.getSetCookie().find((c) => c.includes('_session='))!, /^__Host-creem_portal_session=.*; Path=\/;.*HttpOnly; Secure; SameSite=Strict/);
  } finally {
    await secure.close();
  }
});
