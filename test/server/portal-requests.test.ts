import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, stored, isCreemError, type TestApp } from '../support/server.js';
import type { OutgoingMail } from '../../server/mail/mailer.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const tokenOf = async (email: string) => tokenFor(t, (await customerByEmail(t, email)).id);
const latestPayment = async (email: string) =>
  (await t.deps.store.findBy('transactions', 'customer_id', (await customerByEmail(t, email)).id)).sort((a, b) => b.created_at - a.created_at)[0];
const post = (path: string, token: string, body: unknown) => call(t, 'POST', `/portal/api/${path}`, { key: null, token, body });

const state = async () => {
  const c = (await stored(t)).collections;
  return JSON.stringify([c.customer_requests, c.webhook_events, c.mailbox, c.transactions]);
};

const HOSTILE_SUBJECT = 'Help <img src=x onerror=alert(1)> & "quotes"';
const HOSTILE_MESSAGE = 'Line one\n<script>alert("pwn")</script>\n<a href="javascript:x">click</a> & done';

test('a support message is stored, sent as support.requested, and mailed to the merchant with everything escaped', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const res = await post('support', await tokenOf('ada@example.com'), { subject: HOSTILE_SUBJECT, message: HOSTILE_MESSAGE });
  assert.equal(res.status, 201);
  assert.match(res.json.reference, /^SUP-[A-Z0-9]{8}$/);

  const disk = (await stored(t)).collections;
  const request = disk.customer_requests.find((r: { reference: string }) => r.reference === res.json.reference);
  assert.equal(request.kind, 'support');
  assert.equal(request.status, 'open');
  assert.equal(request.customer_id, ada.id);
  assert.equal(request.transaction_id, null);
  assert.deepEqual(request.fields, { subject: HOSTILE_SUBJECT, message: HOSTILE_MESSAGE });

  const event = disk.webhook_events.find((e: { eventType: string }) => e.eventType === 'support.requested');
  assert.equal(event.object.reference, res.json.reference);
  assert.equal(event.object.customer.email, 'ada@example.com');

  const mails = await t.deps.store.all('mailbox');
  assert.equal(mails.length, 1);
  const mail = mails[0];
  assert.equal(mail.to, 'support@acme-cloud.test');
  assert.ok(mail.subject.includes(res.json.reference));
  assert.ok(!/[\r\n]/.test(mail.subject));
  assert.ok(mail.text.includes(HOSTILE_MESSAGE), 'the plain-text part carries the message as typed');
  for (const raw of ['<script', '<img', '<a href', 'javascript:x">']) assert.ok(!mail.html.includes(raw), `html contains ${raw}`);
  assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt;'));
  assert.ok(mail.html.includes('&amp; done'));
});

test("the merchant's reply goes to the customer: the mail's reply-to is the customer's address", async () => {
  const sent: OutgoingMail[] = [];
  const real = t.deps.mailer;
  t.deps.mailer = { send: async (m) => (sent.push(m), real.send(m)) };
  const res = await post('support', await tokenOf('jean@example.com'), { subject: 'Question', message: 'Hello' });
  assert.equal(res.status, 201);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].replyTo, 'jean@example.com');
});

test('a retried support message answers with the first reference and is stored, sent and mailed once', async () => {
  const token = await tokenOf('ada@example.com');
  const body = { subject: 'Invoice missing', message: 'Where is my invoice?' };
  const first = await post('support', token, body);
  const second = await post('support', token, body);
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.equal(second.json.reference, first.json.reference);
  const disk = (await stored(t)).collections;
  assert.equal(disk.customer_requests.length, 1);
  assert.equal(disk.webhook_events.filter((e: { eventType: string }) => e.eventType === 'support.requested').length, 1);
  assert.equal(disk.mailbox.length, 1);

  const different = await post('support', token, { ...body, message: 'Also: can I pay yearly?' });
  assert.notEqual(different.json.reference, first.json.reference);
});

test('a customer gets at most 5 support and invoice requests per 10 minutes; the 6th is 429 with Retry-After and sends nothing', async () => {
  const token = await tokenOf('ada@example.com');
  const payment = await latestPayment('ada@example.com');
  for (let i = 0; i < 4; i++) assert.equal((await post('support', token, { subject: `Question ${i}`, message: 'x' })).status, 201);
  t.clock.advance(60_000);
  assert.equal((await post('invoice-requests', token, { transaction_id: payment.id, company_name: 'Ada Ltd', address: 'London' })).status, 201);
  // An identical retry is still answered with its first reference, not counted and not refused.
  const retry = await post('support', token, { subject: 'Question 3', message: 'x' });
  assert.equal(retry.status, 201);

  const before = await state();
  for (const [path, body] of [
    ['support', { subject: 'Spam', message: 'x' }],
    ['invoice-requests', { transaction_id: payment.id, company_name: 'Other Ltd', address: 'Paris' }],
  ] as const) {
    const refused = await post(path, token, body);
    assert.equal(refused.status, 429, `${path} answered ${refused.status}`);
    assert.ok(isCreemError(refused.json, 429));
    // The oldest of the five leaves the window 9 minutes from now.
    assert.equal(refused.headers.get('retry-after'), String(9 * 60));
  }
  assert.equal(await state(), before, 'nothing stored, no event, no mail');
  assert.equal((await t.deps.store.all('mailbox')).length, 5);

  // Another customer has a budget of their own.
  assert.equal((await post('support', await tokenOf('jean@example.com'), { subject: 'Hi', message: 'x' })).status, 201);
  // Once the first requests are 10 minutes old, there is room again.
  t.clock.advance(9 * 60_000);
  assert.equal((await post('support', token, { subject: 'Later', message: 'x' })).status, 201);
});

test('a support message about one of my payments names it in the record and the mail', async () => {
  const payment = await latestPayment('ada@example.com');
  const res = await post('support', await tokenOf('ada@example.com'), { subject: 'Charge', message: 'Why this?', transaction_id: payment.id });
  assert.equal(res.status, 201);
  assert.equal((await t.deps.store.all('customer_requests'))[0].transaction_id, payment.id);
  assert.ok((await t.deps.store.all('mailbox'))[0].text.includes(payment.order_id));
});

test('an invoice request is stored, sent as invoice.requested and mailed to the merchant', async () => {
  const payment = await latestPayment('jean@example.com');
  const body = { transaction_id: payment.id, company_name: 'Müller <GmbH>', address: 'Hauptstr. 1\n10115 Berlin', tax_id: 'DE123456789' };
  const res = await post('invoice-requests', await tokenOf('jean@example.com'), body);
  assert.equal(res.status, 201);
  assert.match(res.json.reference, /^INV-/);
  const request = (await stored(t)).collections.customer_requests[0];
  assert.equal(request.kind, 'invoice');
  assert.equal(request.transaction_id, payment.id);
  assert.deepEqual(request.fields, { company_name: 'Müller <GmbH>', address: 'Hauptstr. 1\n10115 Berlin', tax_id: 'DE123456789' });
  assert.equal((await t.deps.store.all('webhook_events')).at(-1)!.eventType, 'invoice.requested');
  const mail = (await t.deps.store.all('mailbox'))[0];
  assert.equal(mail.to, 'support@acme-cloud.test');
  assert.ok(mail.html.includes('Müller &lt;GmbH&gt;'));
  assert.ok(!mail.html.includes('<GmbH>'));
});

test("requests about another customer's payment are 404 and store nothing", async () => {
  const adaPayment = await latestPayment('ada@example.com');
  const token = await tokenOf('jean@example.com');
  const before = await state();
  const support = await post('support', token, { subject: 'x', message: 'y', transaction_id: adaPayment.id });
  const invoice = await post('invoice-requests', token, { transaction_id: adaPayment.id, company_name: 'Evil', address: 'Nowhere' });
  const unknown = await post('invoice-requests', token, { transaction_id: 'tran_doesnotexist', company_name: 'A', address: 'B' });
  for (const res of [support, invoice, unknown]) {
    assert.equal(res.status, 404);
    assert.ok(isCreemError(res.json, 404));
  }
  assert.equal(await state(), before);
});

test('bad support and invoice bodies get 400 in Creem\'s body and store nothing', async () => {
  const token = await tokenOf('ada@example.com');
  const payment = await latestPayment('ada@example.com');
  const before = await state();
  const cases: [string, unknown][] = [
    ['support', {}],
    ['support', { subject: 'Hi' }],
    ['support', { subject: '   ', message: 'x' }],
    ['support', { subject: 'two\nlines', message: 'x' }],
    ['support', { subject: 'x'.repeat(201), message: 'x' }],
    ['support', { subject: 'x', message: 'y'.repeat(5001) }],
    ['support', { subject: 'x', message: 'bell\u0007' }],
    ['support', { subject: 'x', message: 'y', transaction_id: 'not-an-id' }],
    ['support', { subject: 'x', message: 'y', cc: 'boss@example.com' }],
    ['support', '{"subject":'],
    ['invoice-requests', { company_name: 'A', address: 'B' }],
    ['invoice-requests', { transaction_id: payment.id, address: 'B' }],
    ['invoice-requests', { transaction_id: payment.id, company_name: 'A', address: 'B', tax_id: 'x'.repeat(41) }],
  ];
  for (const [path, body] of cases) {
    const res = await post(path, token, body);
    assert.equal(res.status, 400, `${path} ${JSON.stringify(body)} answered ${res.status}`);
    assert.ok(isCreemError(res.json, 400));
  }
  assert.equal(await state(), before);
});

test('a request is kept and sent as a webhook even when the mail cannot go out', async () => {
  t.deps.mailer = {
    send: async () => {
      throw new Error('SMTP down');
    },
  };
  const res = await post('support', await tokenOf('ada@example.com'), { subject: 'Hello', message: 'Are you there?' });
  assert.equal(res.status, 201);
  const disk = (await stored(t)).collections;
  assert.equal(disk.customer_requests[0].reference, res.json.reference);
  assert.equal(disk.webhook_events.at(-1).eventType, 'support.requested');
});

test('a merchant without a support address still gets the request as a webhook, and no mail is sent', async () => {
  const m = (await t.deps.store.all('merchants'))[0];
  await t.deps.store.transact(async (tx) => await tx.put('merchants', { ...m, settings: { ...m.settings, support_email: null } }));
  const res = await post('support', await tokenOf('ada@example.com'), { subject: 'Hello', message: 'Anyone?' });
  assert.equal(res.status, 201);
  assert.equal((await t.deps.store.all('customer_requests')).length, 1);
  assert.equal((await t.deps.store.all('webhook_events')).at(-1)!.eventType, 'support.requested');
  assert.equal((await t.deps.store.all('mailbox')).length, 0);
});
