import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../support/server.js';
import { SIGN_IN_LIMITS } from '../../server/middleware/rate-limit.js';
import { LINK_CODE_TTL_MS } from '../../server/auth/sign-in-codes.js';
import { codeIn, mailsOnceSettled, merchantOf, openForm, postForm, settle } from './signin-helpers.js';

/**
 * Issue #16, 2: someone who knows an address can neither stop its owner from signing in nor
 * flood the inbox. The attacker's own client runs into its 429; the address's limit only stops
 * new mail (same 202), so the newest link already sent keeps working.
 */

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());
beforeEach(() => t.clock.advance(60 * 60_000));

const ATTACKER = '198.51.100.66';
const VICTIM = 'ada@example.com';

/** A magic-link request as if from the client at `ip` (the connection's address, not a header). */
const askFrom = async (ip: string, email: string) =>
  t.app.request(
    '/portal/api/magic-link',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ merchant_id: (await merchantOf(t)).id, email }) },
    { incoming: { socket: { remoteAddress: ip, remotePort: 1, remoteFamily: 'IPv4' } } },
  );
const mailsTo = async (to: string, since: number) => (await t.deps.mailer.outbox!()).filter((m) => m.to === to && Date.parse(m.created_at) >= since);
/** The same, once at least `expected` have arrived (mail goes out in the background). */
const mailsOnceThere = (to: string, since: number, expected: number) => mailsOnceSettled(t, (m) => m.to === to && Date.parse(m.created_at) >= since, expected);
const exchange = (code: string) => call(t, 'POST', '/portal/api/session/exchange', { key: null, body: { code } });

test('an attacker spraying requests for an address cannot lock its owner out, nor send more than the limit of mails', async () => {
  const since = t.clock.now;
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerAddress.max + 5; i++) {
    statuses.push((await askFrom(ATTACKER, VICTIM)).status);
    await settle(5);
  }
  // The attacker's own client is the one refused, once past its limit.
  assert.deepEqual(statuses.slice(0, SIGN_IN_LIMITS.magicLinkPerAddress.max), Array(SIGN_IN_LIMITS.magicLinkPerAddress.max).fill(202));
  assert.deepEqual(statuses.slice(SIGN_IN_LIMITS.magicLinkPerAddress.max), Array(5).fill(429));
  const flood = await mailsOnceThere(VICTIM, since, SIGN_IN_LIMITS.magicLinkPerEmail.max);
  assert.equal(flood.length, SIGN_IN_LIMITS.magicLinkPerEmail.max, 'at most the limit of mails reached the inbox');

  // The owner, from another client, is answered as usual…
  const own = await askFrom('192.0.2.10', VICTIM);
  assert.deepEqual({ status: own.status, body: await own.text() }, { status: 202, body: '{"ok":true}' });
  await settle(100);
  assert.equal((await mailsTo(VICTIM, since)).length, SIGN_IN_LIMITS.magicLinkPerEmail.max, 'still no more mail than the limit');
  // …and the newest link in the inbox still works: the requests past the limit voided nothing.
  const newest = (await mailsTo(VICTIM, since))[0];
  const res = await exchange(codeIn(newest.text).code);
  assert.equal(res.status, 200, res.text);
});

test('once the newest link has run out, the owner gets a new one even while the attacker keeps trying from fresh addresses', async () => {
  const since = t.clock.now;
  for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerEmail.max * 3; i++) {
    assert.equal((await askFrom(`203.0.113.${i + 1}`, VICTIM)).status, 202);
    await settle(5);
  }
  assert.equal((await mailsOnceThere(VICTIM, since, SIGN_IN_LIMITS.magicLinkPerEmail.max)).length, SIGN_IN_LIMITS.magicLinkPerEmail.max);
  // Every link sent is dead now; the refused attempts must not have kept the address's window shut.
  t.clock.advance(LINK_CODE_TTL_MS);
  for (let i = 0; i < 3; i++) await askFrom(`203.0.113.${100 + i}`, VICTIM);
  const later = t.clock.now;
  const own = await askFrom('192.0.2.10', VICTIM);
  assert.equal(own.status, 202);
  const newest = (await mailsOnceThere(VICTIM, since, SIGN_IN_LIMITS.magicLinkPerEmail.max + 4))[0];
  assert.ok(Date.parse(newest.created_at) >= later, 'the owner was sent a new link');
  assert.equal((await exchange(codeIn(newest.text).code)).status, 200, 'and it works');
});

test('known and unknown addresses past their limit get the same 202 as before it, on the API and the hosted form', async () => {
  const answers = new Map<string, { status: number; body: string }[]>();
  for (const email of [VICTIM, 'nobody-at-all@example.com']) {
    const list: { status: number; body: string }[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.magicLinkPerEmail.max + 2; i++) {
      const res = await askFrom(`192.0.2.${50 + i}`, email);
      list.push({ status: res.status, body: await res.text() });
    }
    answers.set(email, list);
  }
  for (const list of answers.values()) for (const a of list) assert.deepEqual(a, { status: 202, body: '{"ok":true}' });
  const form = await openForm(t);
  const page = await postForm(t, '/portal/login', form, { merchant: (await merchantOf(t)).id, email: VICTIM });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Check your email/);
});

test(`code redemptions are limited per client (${SIGN_IN_LIMITS.codePerAddress.max} a minute), previews and exchanges together`, async () => {
  const from = (ip: string, path: string) =>
    t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'A'.repeat(43) }) }, { incoming: { socket: { remoteAddress: ip, remotePort: 1, remoteFamily: 'IPv4' } } });
  const max = SIGN_IN_LIMITS.codePerAddress.max;
  for (let i = 0; i < max; i++) assert.equal((await from('198.51.100.77', i % 2 ? '/portal/api/session/exchange' : '/portal/api/session/preview')).status, 400);
  const over = await from('198.51.100.77', '/portal/api/session/exchange');
  assert.equal(over.status, 429);
  assert.ok(Number(over.headers.get('retry-after')) > 0);
  assert.equal((await from('192.0.2.99', '/portal/api/session/preview')).status, 400, 'another client is not affected');
  t.clock.advance(SIGN_IN_LIMITS.codePerAddress.windowMs);
  assert.equal((await from('198.51.100.77', '/portal/api/session/preview')).status, 400, 'the window reopens');
});
