import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, type TestApp } from '../support/server.js';
import { waitFor } from './signin-helpers.js';

// The language of a customer's mails is the one they last used the portal in: the element sends it
// (Accept-Language) with the first screen's request, and the customer record keeps it.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const openPortal = async (email: string, language: string) => {
  const customer = await customerByEmail(t, email);
  const res = await call(t, 'GET', '/portal/api/overview', { key: null, token: await tokenFor(t, customer.id), headers: { 'accept-language': language } });
  assert.equal(res.status, 200);
};

/** Starts an email change and answers the subject of the mail the new address gets. */
async function changeEmail(email: string, to: string): Promise<string> {
  const customer = await customerByEmail(t, email);
  const before = new Set((await t.deps.mailer.outbox!()).map((m) => m.id));
  assert.equal((await call(t, 'PATCH', '/portal/api/billing', { key: null, token: await tokenFor(t, customer.id), body: { email: to } })).status, 200);
  const mail = (await t.deps.mailer.outbox!()).find((m) => !before.has(m.id) && m.to === to);
  assert.ok(mail, `a mail to ${to}`);
  return mail.subject;
}

test('the portal used in German: the next mail is German; used in Polish after that: the next one is Polish', async () => {
  assert.equal((await customerByEmail(t, 'ada@example.com')).locale, null);
  await openPortal('ada@example.com', 'de-AT');
  assert.equal((await customerByEmail(t, 'ada@example.com')).locale, 'de-AT');
  assert.equal(await changeEmail('ada@example.com', 'ada.neu@example.com'), 'Bestätigen Sie Ihre neue E-Mail-Adresse für Acme Cloud');

  await openPortal('ada@example.com', 'pl');
  assert.equal(await changeEmail('ada@example.com', 'ada.nowy@example.com'), 'Potwierdź nowy adres e-mail w Acme Cloud');
});

test('the sign-in mail asked for without a language follows the one last used', async () => {
  await openPortal('ada@example.com', 'ja');
  const ada = await customerByEmail(t, 'ada@example.com');
  const before = new Set((await t.deps.mailer.outbox!()).map((m) => m.id));
  const res = await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: ada.merchant_id, email: 'ada@example.com' } });
  assert.equal(res.status, 202);
  const mail = await waitFor('the sign-in mail', async () => (await t.deps.mailer.outbox!()).find((m) => !before.has(m.id) && m.to === 'ada@example.com'));
  assert.equal(mail.subject, 'Acme Cloud のログインリンク');
});

test('keeping the language changes nothing else on the record; a language no catalog speaks is not kept', async () => {
  const before = await customerByEmail(t, 'ada@example.com');
  await openPortal('ada@example.com', 'fr-CA, fr;q=0.9');
  const after = await customerByEmail(t, 'ada@example.com');
  assert.deepEqual(after, { ...before, locale: 'fr-CA' }, 'only the locale changed, updated_at included');

  for (const header of ['tlh', 'x-klingon', '*', '', 'de-DE-' + 'x'.repeat(40)]) {
    await openPortal('ada@example.com', header);
    assert.equal((await customerByEmail(t, 'ada@example.com')).locale, 'fr-CA', `"${header.slice(0, 20)}" is not kept`);
  }
  // The first tag a catalog speaks counts, in the header's order of preference.
  await openPortal('ada@example.com', 'tlh, nl;q=0.5, it;q=0.8');
  assert.equal((await customerByEmail(t, 'ada@example.com')).locale, 'it');
});
