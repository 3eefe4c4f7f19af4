import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { storedText, createTestApp, call, customerByEmail, isCreemError, DEMO_KEY, type TestApp } from '../support/server.js';
import { SIGN_IN_LIMITS } from '../../server/middleware/rate-limit.js';
import { MAGIC_JS } from '../../server/pages/assets.js';
import { codeIn, listen, mailIds, mailsOnceSettled, mailTo as waitMail, merchantOf, openForm, postForm, settle, updateMerchant } from './signin-helpers.js';

let t: TestApp;
const SHOP = 'https://shop.example';
const OTHER = 'https://other-allowed.example';

before(async () => {
  t = await createTestApp();
  await updateMerchant(t, (await merchantOf(t)).id, (m) => ({ ...m, settings: { ...m.settings, allowed_origins: [...m.settings.allowed_origins, SHOP, OTHER] } }));
});
after(() => t.close());
// Every test starts with fresh rate-limit windows (they follow the injected clock).
beforeEach(() => t.clock.advance(16 * 60_000));

const mid = async () => (await merchantOf(t)).id;
/** Mail already in the outbox when the latest request went out, per address. */
const seenBefore = new Map<string, Set<string>>();
const ask = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  if (typeof body.email === 'string') seenBefore.set(body.email.trim().toLowerCase(), await mailIds(t));
  return call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: await mid(), ...body }, headers });
};
/** The mail answering the latest request for `to`. */
const mailTo = (t: TestApp, to: string) => waitMail(t, to, seenBefore.get(to));
const exchange = (code: string, headers: Record<string, string> = {}) =>
  call(t, 'POST', '/portal/api/session/exchange', { key: null, body: { code }, headers });
const codeCount = async () => await t.deps.store.count('sign_in_codes');

/** Everything a client sees of a response but its per-request id. */
const visible = (r: { status: number; headers: Headers; text: string }) => ({
  status: r.status,
  body: r.text,
  headers: [...r.headers].filter(([k]) => k !== 'x-request-id'),
});

test('known and unknown emails get byte-identical answers; only the known one gets mail', async () => {
  const before = await mailIds(t);
  const known = await ask({ email: 'ada@example.com' });
  const unknown = await ask({ email: 'nobody@example.com' });
  const shouting = await ask({ email: '  ADA@Example.com ' });
  assert.equal(known.status, 202);
  assert.deepEqual(known.json, { ok: true });
  assert.deepEqual(visible(unknown), visible(known));
  assert.deepEqual(visible(shouting), visible(known));
  const mails = await mailsOnceSettled(t, (m) => !before.has(m.id), 2);
  assert.deepEqual(mails.map((m) => m.to).sort(), ['ada@example.com', 'ada@example.com']);
});

test('known and unknown emails answer in similar time', async () => {
  const timings = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < 24; i++) {
    if (i % 4 === 0) t.clock.advance(16 * 60_000); // stay under the per-email limit
    for (const kind of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
      const email = kind === 'known' ? 'grace@example.com' : `nobody-${i}@example.com`;
      const started = performance.now();
      const res = await ask({ email });
      timings[kind].push(performance.now() - started);
      assert.equal(res.status, 202);
      await settle(15);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const [k, u] = [median(timings.known), median(timings.unknown)];
  console.log(`# magic-link response median: known ${k.toFixed(3)} ms, unknown ${u.toFixed(3)} ms`);
  assert.ok(Math.abs(k - u) < Math.max(1, 0.5 * Math.max(k, u)), `known ${k} ms vs unknown ${u} ms`);
});

test('without a return_url the mail links to the hosted magic page, which posts the code back, names the account, and opens the portal on Continue', async () => {
  await ask({ email: 'linus@example.com', locale: 'en' });
  const mail = await mailTo(t, 'linus@example.com');
  assert.match(mail.subject, /sign-in link for Acme Cloud/);
  const { url, code } = codeIn(mail.text);
  assert.equal(url, `${t.deps.config.publicUrl}/portal/magic`);
  assert.match(mail.html, new RegExp(`href="${url}#creem_code=${code}"`));

  const magic = await t.app.request('/portal/magic');
  const html = await magic.text();
  assert.equal(magic.status, 200);
  assert.doesNotMatch(magic.headers.get('content-security-policy')!, /unsafe/);
  assert.equal(magic.headers.get('referrer-policy'), 'no-referrer');
  assert.match(html, /<script src="\/portal\/assets\/magic\.js" defer><\/script>/);
  assert.match(html, /<form id="redeem" method="post" action="\/portal\/magic"><input type="hidden" name="csrf" value="[A-Za-z0-9_-]{43}">/);
  const form = await openForm(t, '/portal/magic');
  const script = await t.app.request('/portal/assets/magic.js');
  assert.match(script.headers.get('content-type')!, /javascript/);
  assert.equal(await script.text(), MAGIC_JS);
  assert.match(MAGIC_JS, /history\.replaceState/);

  const asked = await postForm(t, '/portal/magic', form, { code });
  assert.equal(asked.status, 200);
  assert.match(await asked.text(), /Continue as <bdi>l\*\*\*@example\.com<\/bdi>/);
  const post = await postForm(t, '/portal/session', form, { code });
  assert.equal(post.status, 303);
  assert.equal(post.headers.get('location'), '/portal');
  const cookie = post.headers.getSetCookie().find((c) => c.includes('_session='))!.split(';')[0];
  const token = (await (await t.app.request('/portal/session/token', { headers: { cookie } })).json()).token;
  const overview = await call(t, 'GET', '/portal/api/overview', { key: null, token });
  assert.equal(overview.json.customer.email, 'linus@example.com');

  const again = await postForm(t, '/portal/session', form, { code });
  assert.equal(again.status, 410);
  assert.match(await again.text(), /This link has expired/);
  const empty = await postForm(t, '/portal/session', form);
  assert.equal(empty.status, 410);
});

test("with an allowed return_url the mail returns to that page, and the element's exchange gives a 1-hour token bound to it", async () => {
  await ask({ email: 'margaret@example.com', return_url: `${SHOP}/account?tab=billing#old-fragment` }, { origin: SHOP });
  const mail = await mailTo(t, 'margaret@example.com');
  const { url, code } = codeIn(mail.text);
  assert.equal(url, `${SHOP}/account?tab=billing`);

  const res = await exchange(code, { origin: SHOP });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
  assert.match(res.headers.get('vary') ?? '', /Origin/);
  assert.equal(res.headers.get('access-control-allow-credentials'), null);
  assert.equal(res.json.customer_id, (await customerByEmail(t, 'margaret@example.com')).id);
  const claims = decodeJwt(res.json.token);
  assert.equal(claims.kind, 'session');
  assert.equal(claims.exp! - claims.iat!, 3600);
  assert.equal(Date.parse(res.json.expires_at), claims.exp! * 1000);
  const fromShop = await call(t, 'GET', '/portal/api/overview', { key: null, token: res.json.token, headers: { origin: SHOP } });
  assert.equal(fromShop.status, 200);
  const fromOther = await call(t, 'GET', '/portal/api/overview', { key: null, token: res.json.token, headers: { origin: OTHER } });
  assert.equal(fromOther.status, 403);
});

test('a return_url outside the allowed origins falls back to the hosted page', async () => {
  for (const returnUrl of ['https://evil.example/steal', 'javascript:alert(1)', 'not a url']) {
    t.clock.advance(16 * 60_000);
    const res = await ask({ email: 'jean@example.com', return_url: returnUrl });
    assert.equal(res.status, 202);
    const mail = await mailTo(t, 'jean@example.com');
    assert.equal(codeIn(mail.text).url, `${t.deps.config.publicUrl}/portal/magic`, returnUrl);
  }
});

test('a newer magic link invalidates the older one', async () => {
  await ask({ email: 'grace@example.com' });
  const first = await mailTo(t, 'grace@example.com');
  await ask({ email: 'grace@example.com' });
  const second = await mailTo(t, 'grace@example.com');
  assert.notEqual(second.id, first.id);
  const older = await exchange(codeIn(first.text).code);
  assert.equal(older.status, 400);
  assert.ok(isCreemError(older.json, 400));
  assert.equal((await exchange(codeIn(second.text).code)).status, 200);
});

test('a reused, expired or unknown code is refused with one clear message', async () => {
  await ask({ email: 'ada@example.com' });
  const reused = codeIn((await mailTo(t, 'ada@example.com')).text).code;
  assert.equal((await exchange(reused)).status, 200);
  const second = await exchange(reused);

  t.clock.advance(1000);
  await ask({ email: 'jean@example.com' });
  const late = codeIn((await mailTo(t, 'jean@example.com')).text).code;
  t.clock.advance(10 * 60_000);
  const expired = await exchange(late);
  const unknown = await exchange('x'.repeat(43));
  for (const res of [second, expired, unknown]) {
    assert.equal(res.status, 400);
    assert.ok(isCreemError(res.json, 400));
    assert.deepEqual(res.json.message, ['This sign-in link has expired or was already used. Request a new one.']);
  }
});

test(`past ${SIGN_IN_LIMITS.magicLinkPerEmail.max} mails to one address in ${SIGN_IN_LIMITS.magicLinkPerEmail.windowMs / 60_000} minutes, requests get the same 202 and no mail, known or not`, async () => {
  const before = await mailIds(t);
  for (const email of ['linus@example.com', 'ghost@example.com']) {
    for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerEmail.max; i++) assert.equal((await ask({ email })).status, 202);
  }
  const known = await ask({ email: 'linus@example.com' });
  const unknown = await ask({ email: 'ghost@example.com' });
  assert.equal(known.status, 202);
  assert.deepEqual(known.json, { ok: true });
  assert.deepEqual(visible(unknown), visible(known));
  const sent = await mailsOnceSettled(t, (m) => !before.has(m.id), SIGN_IN_LIMITS.magicLinkPerEmail.max);
  assert.equal(sent.length, SIGN_IN_LIMITS.magicLinkPerEmail.max, 'no mail past the limit');
  // Other addresses are unaffected; the window reopens.
  assert.equal((await ask({ email: 'jean@example.com' })).status, 202);
  t.clock.advance(SIGN_IN_LIMITS.magicLinkPerEmail.windowMs);
  await ask({ email: 'linus@example.com' });
  const mail = await mailTo(t, 'linus@example.com');
  assert.ok(!before.has(mail.id) && !sent.some((m) => m.id === mail.id), 'a new mail once the window reopened');
});

test(`more than ${SIGN_IN_LIMITS.magicLinkPerAddress.max} requests from one client get 429; X-Forwarded-For does not help`, async () => {
  const server = await listen(t);
  try {
    const post = async (i: number) =>
      fetch(`${server.url}/portal/api/magic-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ merchant_id: await mid(), email: `client-${i}@example.com` }),
      });
    for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerAddress.max; i++) assert.equal((await post(i)).status, 202);
    const over = await post(99);
    assert.equal(over.status, 429);
    assert.ok(isCreemError(await over.json(), 429));
  } finally {
    await server.close();
  }
});

test('behind a configured trusted proxy, X-Forwarded-For names the client', async () => {
  const proxied = await createTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
  const server = await listen(proxied);
  try {
    const post = async (client: string, i: number) =>
      fetch(`${server.url}/portal/api/magic-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.7, ${client}` },
        body: JSON.stringify({ merchant_id: (await merchantOf(proxied)).id, email: `p-${i}@example.com` }),
      });
    const max = SIGN_IN_LIMITS.magicLinkPerAddress.max;
    for (let i = 0; i < max + 5; i++) assert.equal((await post(`192.0.2.${i}`, i)).status, 202, `client ${i}`);
    for (let i = 0; i < max; i++) assert.equal((await post('192.0.2.250', 100 + i)).status, 202);
    assert.equal((await post('192.0.2.250', 999)).status, 429);
  } finally {
    await server.close();
    await proxied.close();
  }
});

test("CORS: the element's origin gets an exact, credential-free preflight; other origins get none and are refused", async () => {
  for (const path of ['/portal/api/magic-link', '/portal/api/session/exchange']) {
    const pre = await t.app.request(path, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), SHOP);
    assert.match(pre.headers.get('access-control-allow-headers')!, /Content-Type/);
    assert.doesNotMatch(pre.headers.get('access-control-allow-headers')!, /\*/);
    assert.match(pre.headers.get('vary')!, /Origin/);
    assert.equal(pre.headers.get('access-control-allow-credentials'), null);
    const evil = await t.app.request(path, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  }
  const before = (await t.deps.mailer.outbox!()).length;
  const refused = await ask({ email: 'ada@example.com' }, { origin: 'https://evil.example' });
  assert.equal(refused.status, 403);
  assert.ok(isCreemError(refused.json, 403));
  await settle(50);
  assert.equal((await t.deps.mailer.outbox!()).length, before);
});

test('an exchange from a foreign origin is refused without spending the code', async () => {
  await ask({ email: 'jean@example.com' });
  const { code } = codeIn((await mailTo(t, 'jean@example.com')).text);
  const evil = await exchange(code, { origin: 'https://evil.example' });
  assert.equal(evil.status, 403);
  assert.equal((await exchange(code, { origin: SHOP })).status, 200);
});

test('bad magic-link requests are 400/404/413 in Creem’s body and store nothing', async () => {
  await settle(50);
  const count = await codeCount();
  const cases = [
    await ask({ email: 'not-an-email' }),
    await ask({ email: 'ada@example.com', extra: 1 }),
    await ask({ email: 42 }),
    await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { email: 'ada@example.com' } }),
    await call(t, 'POST', '/portal/api/magic-link', { key: null, body: '{"merchant_id":' }),
    await ask({ email: 'ada@example.com', return_url: 'x'.repeat(3000) }),
  ];
  for (const res of cases) {
    assert.equal(res.status, 400, res.text);
    assert.ok(isCreemError(res.json, 400));
  }
  const unknownMerchant = await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: 'mer_nope', email: 'ada@example.com' } });
  assert.equal(unknownMerchant.status, 404);
  const huge = await ask({ email: 'ada@example.com', locale: 'x'.repeat(70_000) });
  assert.equal(huge.status, 413);
  assert.ok(isCreemError(huge.json, 413));
  await settle(50);
  assert.equal(await codeCount(), count);
});

test('the hosted login page sends the same page for known and unknown addresses and mails the known one', async () => {
  const get = await t.app.request(`/portal/login?merchant=${await mid()}`);
  const form = await get.text();
  assert.equal(get.status, 200);
  assert.doesNotMatch(get.headers.get('content-security-policy')!, /unsafe/);
  assert.match(form, /<form method="post" action="\/portal\/login">/);
  assert.match(form, /Sign in to Acme Cloud/);
  assert.doesNotMatch(form, /<script/);

  const pair = await openForm(t);
  const post = async (email: string) => {
    seenBefore.set(email, await mailIds(t));
    return postForm(t, '/portal/login', pair, { merchant: await mid(), email, lang: 'de' });
  };
  const known = await post('grace@example.com');
  const unknown = await post('nobody@example.com');
  const [k, u] = [await known.text(), await unknown.text()];
  assert.equal(known.status, 200);
  assert.equal(unknown.status, 200);
  assert.equal(k.replace('grace@example.com', 'X'), u.replace('nobody@example.com', 'X'));
  assert.match(k, /Prüfen Sie Ihr Postfach/);
  const mail = await mailTo(t, 'grace@example.com');
  assert.equal(mail.subject, 'Ihr Anmeldelink für Acme Cloud');
  assert.equal(codeIn(mail.text).url, `${t.deps.config.publicUrl}/portal/magic`);

  const quoted = await (await post("o'brien@example.com")).text();
  assert.match(quoted, /o&#39;brien@example\.com/);
  assert.doesNotMatch(quoted, /o'brien/);
  const tagged = await post('<b>@example.com');
  assert.equal(tagged.status, 400);
  assert.doesNotMatch(await tagged.text(), /<b>/);
  const missing = await t.app.request('/portal/login?merchant=mer_nope');
  assert.equal(missing.status, 404);
  const foreign = await postForm(t, '/portal/login', pair, { merchant: await mid(), email: 'ada@example.com' }, { headers: { origin: 'https://evil.example' } });
  assert.equal(foreign.status, 403);
  const tokenless = await t.app.request('/portal/login', { method: 'POST', headers: { cookie: pair.cookie }, body: new URLSearchParams({ merchant: await mid(), email: 'ada@example.com' }) });
  assert.equal(tokenless.status, 403);
});

test('the data file holds no raw sign-in code, token or API key, only hashes', async () => {
  await ask({ email: 'ada@example.com' });
  const mail = await mailTo(t, 'ada@example.com');
  const { code } = codeIn(mail.text);
  const link = await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: (await customerByEmail(t, 'ada@example.com')).id } });
  const linkCode = link.json.customer_portal_link.split('/').pop();
  const token = (await exchange(code)).json.token;
  await settle(50);
  const onDisk = await storedText(t);
  for (const secret of [code, linkCode, token, DEMO_KEY]) assert.ok(!onDisk.includes(secret), `${secret.slice(0, 8)}… is not on disk`);
  assert.ok(!onDisk.includes('creem_code='), 'no mailed sign-in link in the data file');
});
