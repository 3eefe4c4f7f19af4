import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, stored, isCreemError, type TestApp } from '../support/server.js';
import { sha256 } from '../../server/ids.js';
import { openForm, postForm, codeIn, mailIds, mailTo, settle } from './signin-helpers.js';

const HOUR = 3_600_000;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const tokenOf = async (email: string) => tokenFor(t, (await customerByEmail(t, email)).id);
const patch = (token: string, body: unknown) => call(t, 'PATCH', '/portal/api/billing', { key: null, token, body });
const customerOnDisk = async (id: string) => (await stored(t)).collections.customers.find((c: { id: string }) => c.id === id);
const state = async () => {
  const c = (await stored(t)).collections;
  return JSON.stringify([c.customers, c.sign_in_codes, c.mailbox]);
};
/** The code in the newest mail's confirmation (or cancel) link. */
async function lastLinkCode(kind: 'confirm' | 'cancel' = 'confirm', to?: string): Promise<string> {
  const pattern = new RegExp(`/portal/email/${kind}/([A-Za-z0-9_-]+)`);
  const mail = (await t.deps.mailer.outbox!()).find((m) => pattern.test(m.text) && (!to || m.to === to));
  assert.ok(mail, `a mail carries a ${kind} link`);
  return pattern.exec(mail.text)![1];
}
/** GET opens the page; POST is the page's own button (with its CSRF pair). */
async function emailPage(kind: 'confirm' | 'cancel', method: 'GET' | 'POST', code: string) {
  const path = `/portal/email/${kind}/${code}`;
  const res = method === 'GET' ? await t.app.request(path) : await postForm(t, path, await openForm(t));
  return { status: res.status, headers: res.headers, text: await res.text() };
}
const confirmPage = (method: 'GET' | 'POST', code: string) => emailPage('confirm', method, code);
const cancelPage = (method: 'GET' | 'POST', code: string) => emailPage('cancel', method, code);
const overviewWith = (token: string) => call(t, 'GET', '/portal/api/overview', { key: null, token });

test('billing details are saved and answered', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const address = { line1: '12 St James Sq', line2: null, city: 'London', postal_code: 'SW1Y 4JH', state: null };
  const res = await patch(await tokenOf('ada@example.com'), { name: 'Ada King', country: 'gb', address, tax_id: 'GB123456789' });
  assert.equal(res.status, 200);
  assert.equal(res.json.customer.name, 'Ada King');
  assert.equal(res.json.customer.country, 'GB');
  assert.deepEqual(res.json.customer.address, address);
  assert.equal(res.json.customer.tax_id, 'GB123456789');
  const disk = (await customerOnDisk(ada.id));
  assert.equal(disk.name, 'Ada King');
  assert.equal(disk.country, 'GB');
  assert.deepEqual(disk.address, address);
  assert.equal(disk.tax_id, 'GB123456789');
  assert.equal(disk.email, 'ada@example.com');
});

test('cleared optional fields are stored as null, untouched fields stay', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenOf('ada@example.com');
  await patch(token, { tax_id: 'GB1', address: { line1: 'a', line2: 'b', city: 'c', postal_code: 'd', state: 'e' } });
  const res = await patch(token, { tax_id: '', address: { line1: 'a', line2: '', city: 'c', postal_code: 'd', state: '' } });
  assert.equal(res.status, 200);
  const disk = (await customerOnDisk(ada.id));
  assert.equal(disk.tax_id, null);
  assert.deepEqual(disk.address, { line1: 'a', line2: null, city: 'c', postal_code: 'd', state: null });
  assert.equal(disk.country, 'GB');
  assert.equal(disk.name, 'Ada Lovelace');
});

test('a new email waits for the link sent to it; GET shows the page, POST applies it once', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const res = await patch(await tokenOf('ada@example.com'), { email: 'Ada.New@Example.com' });
  assert.equal(res.status, 200);
  assert.equal(res.json.customer.email, 'ada@example.com');
  assert.equal(res.json.customer.pending_email, 'ada.new@example.com');
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');

  const mail = (await t.deps.mailer.outbox!()).find((m) => m.to === 'ada.new@example.com')!;
  const code = await lastLinkCode();
  assert.ok(mail.text.includes('Someone asked') && mail.text.includes(`${t.deps.config.publicUrl}/portal/email/confirm/${code}`));
  assert.ok(!mail.text.includes('ada@example.com') && !mail.html.includes('ada@example.com'), 'the new address learns nothing of the old one');
  const codes = (await stored(t)).collections.sign_in_codes.filter((c: { kind: string }) => c.kind === 'email_change');
  assert.equal(codes.length, 1);
  assert.equal(codes[0].hash, sha256(code));
  assert.equal(codes[0].data, 'ada.new@example.com');
  assert.equal(codes[0].expires_at, t.clock.now + 24 * HOUR);
  assert.ok(!JSON.stringify((await stored(t))).includes(code), 'the raw code (and the mail carrying it) stays out of the data file');
  const disk = (await stored(t)).collections;
  assert.ok(!JSON.stringify([disk.sign_in_codes, disk.customers]).includes(code), 'only the hash of the code is stored');

  for (let i = 0; i < 2; i++) {
    const page = await confirmPage('GET', code);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.ok(page.headers.get('content-security-policy'));
    assert.ok(page.text.includes('ada.new@example.com') && page.text.includes('<form method="post">'));
    assert.ok(!page.text.includes('ada@example.com'), 'the confirm page does not show the current address');
  }
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com', 'opening the link changes nothing');

  const done = await confirmPage('POST', code);
  assert.equal(done.status, 200);
  const changed = (await customerOnDisk(ada.id));
  assert.equal(changed.email, 'ada.new@example.com');
  assert.equal(changed.pending_email, null);

  const before = await state();
  assert.equal((await confirmPage('POST', code)).status, 404);
  assert.equal((await confirmPage('GET', code)).status, 404);
  assert.equal(await state(), before);
});

test('a confirmation link expires after 24 hours', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  await patch(await tokenOf('ada@example.com'), { email: 'late@example.com' });
  const code = await lastLinkCode();
  t.clock.advance(24 * HOUR + 1000);
  const res = await confirmPage('POST', code);
  assert.equal(res.status, 404);
  assert.match(res.text, /expired/);
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');
});

test('a newer email change retires the older link; asking for the current address calls the change off', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenOf('ada@example.com');
  await patch(token, { email: 'first@example.com' });
  const first = await lastLinkCode();
  await patch(token, { email: 'second@example.com' });
  const second = await lastLinkCode();
  assert.equal((await confirmPage('POST', first)).status, 404);
  assert.equal((await customerOnDisk(ada.id)).pending_email, 'second@example.com');

  const back = await patch(token, { email: 'ada@example.com' });
  assert.equal(back.json.customer.pending_email, null);
  assert.equal((await confirmPage('POST', second)).status, 404);
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');
});

test("confirming an address another customer of the merchant uses is refused with 409", async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  await patch(await tokenOf('ada@example.com'), { email: 'jean@example.com' });
  const res = await confirmPage('POST', await lastLinkCode());
  assert.equal(res.status, 409);
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');
});

test('more than five email changes an hour are refused with 429 and send nothing', async () => {
  const token = await tokenOf('ada@example.com');
  for (let i = 0; i < 5; i++) assert.equal((await patch(token, { email: `n${i}@example.com` })).status, 200);
  const before = await state();
  const res = await patch(token, { email: 'n6@example.com' });
  assert.equal(res.status, 429);
  assert.ok(isCreemError(res.json, 429));
  assert.equal(await state(), before);
  t.clock.advance(HOUR);
  assert.equal((await patch(await tokenOf('ada@example.com'), { email: 'n7@example.com' })).status, 200);
});

test("a token changes only its own customer's billing details", async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const grace = await customerByEmail(t, 'grace@example.com');
  const adaBefore = JSON.stringify((await customerOnDisk(ada.id)));
  const res = await patch(await tokenOf('grace@example.com'), { name: 'Rear Admiral Hopper', email: 'grace2@example.com' });
  assert.equal(res.json.customer.id, grace.id);
  assert.equal((await customerOnDisk(grace.id)).name, 'Rear Admiral Hopper');
  assert.equal(JSON.stringify((await customerOnDisk(ada.id))), adaBefore);
});

test('bad billing bodies get 400 in Creem\'s body and change nothing', async () => {
  const token = await tokenOf('ada@example.com');
  const before = await state();
  const bodies: unknown[] = [
    { country: 'XX' },
    { country: 'DEU' },
    { country: 'ZZ' },
    { email: 'not-an-email' },
    { email: 'a@b.c\nBcc: x@y.z' },
    { name: 'two\nlines' },
    { name: 'x'.repeat(121) },
    { address: { line1: 'a', city: 'b' } },
    { address: { line1: 'a', line2: null, city: 'c', postal_code: 'd', state: null, extra: 1 } },
    { tax_id: '<script>' },
    { customer_id: 'cust_other' },
    { pending_email: 'x@example.com' },
    '{"name":',
  ];
  for (const body of bodies) {
    const res = await patch(token, body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} answered ${res.status}`);
    assert.ok(isCreemError(res.json, 400));
  }
  assert.equal(await state(), before);
});

test('when the confirmation mail cannot be sent the customer is told (503) and may ask again', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenOf('ada@example.com');
  const real = t.deps.mailer;
  t.deps.mailer = {
    send: async () => {
      throw new Error('SMTP down');
    },
  };
  const failed = await patch(token, { email: 'new@example.com' });
  assert.equal(failed.status, 503);
  assert.ok(isCreemError(failed.json, 503));
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');
  t.deps.mailer = real;
  const retried = await patch(token, { email: 'new@example.com' });
  assert.equal(retried.status, 200);
  assert.equal((await confirmPage('POST', await lastLinkCode())).status, 200);
  assert.equal((await customerOnDisk(ada.id)).email, 'new@example.com');
});

test('an email change warns the old address with a masked new address and a single-use cancel link', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const stolen = await tokenOf('ada@example.com');
  assert.equal((await patch(stolen, { email: 'attacker@evil.example' })).status, 200);
  const notice = (await t.deps.mailer.outbox!()).find((m) => m.to === 'ada@example.com')!;
  assert.ok(notice, 'the old address is told');
  assert.match(notice.subject, /being changed/);
  assert.ok(notice.text.includes('a***@evil.example'));
  assert.ok(!notice.text.includes('attacker@evil.example') && !notice.html.includes('attacker@evil.example'));
  const cancel = await lastLinkCode('cancel', 'ada@example.com');
  const record = (await stored(t)).collections.sign_in_codes.find((c: { hash: string }) => c.hash === sha256(cancel));
  assert.equal(record.kind, 'email_change_cancel');
  assert.equal(record.expires_at, t.clock.now + 24 * HOUR);
  assert.ok(!JSON.stringify((await stored(t))).includes(cancel), 'the cancel code (and its mail) stay out of the data file');

  // Opening the link changes nothing (mail scanners open links).
  const look = await cancelPage('GET', cancel);
  assert.equal(look.status, 200);
  assert.match(look.text, /<form method="post">/);
  assert.equal((await customerOnDisk(ada.id)).pending_email, 'attacker@evil.example');
  assert.equal((await overviewWith(stolen)).status, 200);

  const done = await cancelPage('POST', cancel);
  assert.equal(done.status, 200);
  assert.equal((await customerOnDisk(ada.id)).pending_email, null);
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');
  assert.equal((await confirmPage('POST', await lastLinkCode('confirm', 'attacker@evil.example'))).status, 404, 'the confirmation link is void');
  assert.equal((await overviewWith(stolen)).status, 401, "the customer's outstanding tokens are revoked");
  assert.equal((await cancelPage('POST', cancel)).status, 404, 'the cancel link works once');
  assert.equal((await overviewWith(await tokenOf('ada@example.com'))).status, 200, 'new tokens work');
});

test('confirming a change revokes every outstanding token, tells the old address, and the old address can undo it', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const stolen = await tokenOf('ada@example.com');
  await patch(stolen, { email: 'attacker@evil.example' });
  const seen = await mailIds(t);
  assert.equal((await confirmPage('POST', await lastLinkCode('confirm', 'attacker@evil.example'))).status, 200);
  assert.equal((await customerOnDisk(ada.id)).email, 'attacker@evil.example');
  assert.equal((await overviewWith(stolen)).status, 401, 'the token that asked for the change is dead');

  const changed = await mailTo(t, 'ada@example.com', seen);
  assert.match(changed.subject, /was changed/);
  assert.ok(changed.text.includes('a***@evil.example') && !changed.text.includes('attacker@evil.example'));
  const undo = await lastLinkCode('cancel', 'ada@example.com');

  // The attacker signs in with the new address…
  const before = await mailIds(t);
  await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: ada.merchant_id, email: 'attacker@evil.example' } });
  const { code } = codeIn((await mailTo(t, 'attacker@evil.example', before)).text);
  const session = await call(t, 'POST', '/portal/api/session/exchange', { key: null, body: { code } });
  assert.equal(session.json.customer_id, ada.id);
  // …until the real owner undoes the change from the old address.
  assert.equal((await cancelPage('POST', undo)).status, 200);
  assert.equal((await customerOnDisk(ada.id)).email, 'ada@example.com');
  assert.equal((await customerOnDisk(ada.id)).pending_email, null);
  assert.equal((await overviewWith(session.json.token)).status, 401);
  const after = await mailIds(t);
  await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: ada.merchant_id, email: 'attacker@evil.example' } });
  await settle(50);
  assert.equal((await t.deps.mailer.outbox!()).filter((m) => !after.has(m.id) && m.to === 'attacker@evil.example').length, 0, 'the attacker address signs in nobody');
});
