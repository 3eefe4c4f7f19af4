import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, type TestApp } from '../support/server.js';
import { sha256 } from '../../server/ids.js';
import { SIGN_IN_LIMITS } from '../../server/middleware/rate-limit.js';
import { merchantOf, openForm, postForm, codeIn, mailIds, mailTo } from './signin-helpers.js';

/** Regression tests for the security review: rate-limit lockout, login CSRF without fetch metadata, sign-out. */

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());
// Fresh rate-limit windows for every test (they follow the injected clock).
beforeEach(() => t.clock.advance(16 * 60_000));

const ada = async () => await customerByEmail(t, 'ada@example.com');
const recordOf = async (code: string) => (await t.deps.store.findOneBy('sign_in_codes', 'hash', sha256(code)))!;
const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => /creem_portal_session=/.test(c))?.split(';')[0];

async function portalLink(customerId?: string) {
  const res = await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: customerId ?? (await ada()).id } });
  const path = new URL(res.json.customer_portal_link).pathname;
  return { path, code: path.split('/').pop()! };
}

/** A magic-link request as if from the client at `ip` (the connection's address, not a header). */
const magicFrom = async (ip: string, email: string) =>
  t.app.request(
    '/portal/api/magic-link',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ merchant_id: (await merchantOf(t)).id, email }) },
    { incoming: { socket: { remoteAddress: ip, remotePort: 1, remoteFamily: 'IPv4' } } },
  );

test("requests refused by one client's address limit do not use up the email's budget (no lockout of the real customer)", async () => {
  const attacker = '198.51.100.66';
  for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerAddress.max; i++) assert.equal((await magicFrom(attacker, `junk${i}@example.net`)).status, 202);
  for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerEmail.max + 2; i++) assert.equal((await magicFrom(attacker, 'ada@example.com')).status, 429);
  const own = await magicFrom('192.0.2.10', 'ada@example.com');
  assert.equal(own.status, 202, await own.text());
});

test('the per-email limit still answers 429 to requests from many clients, known and unknown alike', async () => {
  for (const email of ['ada@example.com', 'nobody-here@example.com']) {
    for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerEmail.max; i++) assert.equal((await magicFrom(`192.0.2.${100 + i}`, email)).status, 202);
    const over = await magicFrom('192.0.2.200', email);
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('retry-after')) > 0);
  }
});

test('a portal link posted without the CSRF token is refused with a 403 page, even with Origin: null and no Sec-Fetch-Site', async () => {
  const { path, code } = await portalLink();
  const form = await openForm(t, path);
  assert.ok(form.csrf.length >= 32, 'the Continue form carries a CSRF token');
  assert.match(form.cookie, /^creem_portal_csrf=/);
  const attempts: RequestInit[] = [
    { headers: { origin: 'null' } },
    { headers: { origin: 'null' }, body: new URLSearchParams({ csrf: form.csrf }) }, // no cookie
    { headers: { origin: 'null', cookie: form.cookie }, body: new URLSearchParams({ csrf: 'x'.repeat(43) }) },
    { headers: { origin: 'null', cookie: 'creem_portal_csrf=' + 'y'.repeat(43) }, body: new URLSearchParams({ csrf: 'y'.repeat(42) + 'z' }) },
  ];
  for (const attempt of attempts) {
    const res = await t.app.request(path, { method: 'POST', ...attempt });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type')!, /text\/html/);
    assert.equal(sessionCookie(res), undefined);
  }
  assert.equal((await recordOf(code)).used_at, null, 'refused posts spend nothing');
  // Cross-site fetch metadata is refused even with a matching pair.
  const crossSite = await postForm(t, path, form, {}, { headers: { 'sec-fetch-site': 'cross-site' } });
  assert.equal(crossSite.status, 403);
  const own = await postForm(t, path, form, {}, { headers: { origin: 'null' } });
  assert.equal(own.status, 303);
  assert.ok(sessionCookie(own));
});

test('every hosted form refuses a post without the CSRF token: magic-link page, login, logout, email confirm and cancel', async () => {
  const form = await openForm(t);
  const refused = [
    ['/portal/session', { code: 'A'.repeat(43) }],
    ['/portal/login', { merchant: (await merchantOf(t)).id, email: 'ada@example.com' }],
    ['/portal/logout', {}],
    [`/portal/email/confirm/${'A'.repeat(43)}`, {}],
    [`/portal/email/cancel/${'A'.repeat(43)}`, {}],
  ] as const;
  const before = await mailIds(t);
  for (const [path, fields] of refused) {
    const res = await t.app.request(path, { method: 'POST', headers: { origin: 'null', cookie: form.cookie }, body: new URLSearchParams(fields) });
    assert.equal(res.status, 403, path);
    const body = await res.text();
    assert.match(body, /<!doctype html>/, path);
  }
  await new Promise((r) => setTimeout(r, 30));
  assert.equal((await t.deps.mailer.outbox!()).filter((m) => !before.has(m.id)).length, 0, 'the refused login post sent no mail');
  // The same posts with the pair go through to their normal answers.
  assert.equal((await postForm(t, '/portal/login', form, { merchant: (await merchantOf(t)).id, email: 'ada@example.com' })).status, 200);
  const { code } = codeIn((await mailTo(t, 'ada@example.com', before)).text);
  const magic = await openForm(t, '/portal/magic');
  assert.ok(magic.csrf, 'the magic page form carries the token');
  assert.equal((await postForm(t, '/portal/session', magic, { code })).status, 303);
});

test('the hosted sign-in forms all carry the token, in an HttpOnly SameSite=Strict cookie scoped to /portal', async () => {
  const login = await t.app.request(`/portal/login?merchant=${(await merchantOf(t)).id}`);
  const set = login.headers.getSetCookie().find((c) => /csrf=/.test(c))!;
  assert.match(set, /Path=\/portal/);
  assert.match(set, /HttpOnly/);
  assert.match(set, /SameSite=Strict/);
  const token = /name="csrf" value="([^"]+)"/.exec(await login.text())![1];
  // A page opened with the cookie reuses it, so two open tabs stay valid.
  const again = await t.app.request(`/portal/login?merchant=${(await merchantOf(t)).id}`, { headers: { cookie: set.split(';')[0] } });
  assert.equal(/name="csrf" value="([^"]+)"/.exec(await again.text())![1], token);
  assert.equal(again.headers.getSetCookie().length, 0);
});

test('signing out ends the session at once: the old session cookie no longer gets tokens or the portal', async () => {
  const { path } = await portalLink();
  const form = await openForm(t, path);
  const cookie = sessionCookie(await postForm(t, path, form))!;
  const minted = await t.app.request('/portal/session/token', { headers: { cookie } });
  assert.equal(minted.status, 200);
  const { token } = (await minted.json()) as { token: string };
  const overview = () => t.app.request('/portal/api/overview', { headers: { authorization: `Bearer ${token}` } });
  assert.equal((await overview()).status, 200);
  const out = await postForm(t, '/portal/logout', form, {}, { cookie });
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), `/portal/login?merchant=${(await merchantOf(t)).id}`);
  // A copy of the cookie kept by someone else (or a browser that ignored the deletion) is dead.
  assert.equal((await t.app.request('/portal/session/token', { headers: { cookie } })).status, 401);
  assert.equal((await t.app.request('/portal', { headers: { cookie } })).status, 401);
  // So is the short-lived portal token the page had already fetched from that session.
  assert.equal((await overview()).status, 401);
  // Other sessions of the same customer are untouched.
  const other = await portalLink();
  const otherForm = await openForm(t, other.path);
  const second = sessionCookie(await postForm(t, other.path, otherForm))!;
  assert.equal((await t.app.request('/portal/session/token', { headers: { cookie: second } })).status, 200);
});

test('the refused-form page speaks the visitor’s language', async () => {
  const { path } = await portalLink();
  const res = await t.app.request(path, { method: 'POST', headers: { 'accept-language': 'de-DE,de;q=0.9', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  assert.equal(res.status, 403);
  const body = await res.text();
  assert.match(body, /Dieses Formular konnte nicht gesendet werden/);
  assert.match(body, /lang="de"/);
});

test('a malformed form body on a hosted page is refused with 403, not a crash', async () => {
  const { path } = await portalLink();
  const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zzz', origin: 'null' }, body: 'false' });
  assert.equal(res.status, 403);
});
