import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { storedText, createTestApp, call, type TestApp } from '../support/server.js';
import { createMailer, outboxFileFor } from '../../server/mail/mailer.js';
import { sql } from '../support/postgres.js';
import { codeIn, mailIds, mailTo, merchantOf } from './signin-helpers.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

test('/dev/mailbox/messages lists the outbox newest first as {id, to, subject, text, html, created_at}', async () => {
  await t.deps.mailer.send({ to: 'first@example.com', subject: 'First', text: 'one', html: '<p>one</p>' });
  t.clock.advance(1000);
  const seen = await mailIds(t);
  await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: (await merchantOf(t)).id, email: 'ada@example.com' } });
  await mailTo(t, 'ada@example.com', seen);
  t.clock.advance(1000);
  await t.deps.mailer.send({ to: 'third@example.com', subject: 'Third', text: 'three', html: '<p>three</p>' });

  const res = await t.app.request('/dev/mailbox/messages');
  assert.equal(res.status, 200);
  const list = (await res.json()) as Record<string, string>[];
  assert.deepEqual(
    list.map((m) => m.to),
    ['third@example.com', 'ada@example.com', 'first@example.com'],
  );
  for (const m of list) assert.deepEqual(Object.keys(m).sort(), ['created_at', 'html', 'id', 'subject', 'text', 'to']);
  assert.ok(Date.parse(list[0].created_at) > Date.parse(list[2].created_at));
  assert.match(list[1].text, /#creem_code=/);
});

test('a mail carrying a sign-in link is kept apart from the records (beside the data file, or in its own table), never in them', async () => {
  const seen = await mailIds(t);
  await call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: (await merchantOf(t)).id, email: 'grace@example.com' } });
  const mail = await mailTo(t, 'grace@example.com', seen);
  const { code } = codeIn(mail.text);
  if (t.schema) {
    const rows = await sql<{ doc: { text: string } }>(`SELECT doc FROM "${t.schema}".dev_secret_mail`);
    assert.ok(rows.some((r) => r.doc.text.includes(code)));
  } else {
    const file = outboxFileFor(t.dataFile);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(fs.readFileSync(file, 'utf8').includes(code));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  }
  assert.ok(!(await storedText(t)).includes(code));
  // A restarted server (a new mailer over the same files) still shows it.
  const again = createMailer({ from: t.deps.config.mailFrom, store: t.deps.store, clock: () => t.clock.now, outboxFile: outboxFileFor(t.deps.config.dataFile) });
  assert.ok((await again.outbox!()).some((m) => m.id === mail.id));
});

test('/dev/mailbox shows every message escaped, with only http(s) links clickable', async () => {
  await t.deps.mailer.send({ to: 'x@example.com', subject: `Hi ${XSS}`, text: `Body ${XSS}\njavascript:alert(3) https://ok.example/path?a=1&b=2`, html: XSS });
  const res = await t.app.request('/dev/mailbox');
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.doesNotMatch(res.headers.get('content-security-policy')!, /unsafe/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(!html.includes('<script>alert(1)'));
  assert.ok(!html.includes('<img src=x'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('<a href="https://ok.example/path?a=1&amp;b=2">'));
  assert.ok(!/<a href="javascript:/.test(html));
  // The HTML version is served sandboxed: no script runs, even in a dev tool.
  const id = html.match(/\/dev\/mailbox\/messages\/(mail_[A-Za-z0-9]+)\/html/)![1];
  const raw = await t.app.request(`/dev/mailbox/messages/${id}/html`);
  assert.match(raw.headers.get('content-security-policy')!, /^sandbox /);
  assert.match(raw.headers.get('content-security-policy')!, /default-src 'none'/);
});

test('in production /dev/mailbox and its JSON do not exist', async () => {
  const prod = await createTestApp({ env: { NODE_ENV: 'production' } });
  try {
    for (const path of ['/dev/mailbox', '/dev/mailbox/messages']) {
      const res = await prod.app.request(path);
      assert.equal(res.status, 404, path);
    }
  } finally {
    await prod.close();
  }
});
