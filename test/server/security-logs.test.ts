import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, type TestApp } from '../support/server.js';
import { createLogger } from '../../server/log.js';
import { SECRET_PATH_PREFIXES } from '../../server/urls.js';
import { openForm, postForm } from './signin-helpers.js';

/**
 * Issue #16, 1: a single-use code is a credential, so it must never reach the log, whichever route
 * or form of the URL it arrived in. The app runs with the real logger at LOG_LEVEL=info and stderr
 * is captured; every secret used is then searched for in what was written.
 */

let t: TestApp;
before(async () => {
  t = await createTestApp();
  t.deps.log = createLogger('info');
});
after(() => t.close());
beforeEach(() => t.clock.advance(2 * 60_000));

/** Everything the logger wrote to stderr while `work` ran. */
async function logOf(work: () => Promise<unknown>): Promise<string> {
  const written: string[] = [];
  const original = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stderr.write = original;
  }
  return written.join('');
}

const ada = () => customerByEmail(t, 'ada@example.com');

async function portalLinkCode() {
  const res = await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: (await ada()).id } });
  return new URL(res.json.customer_portal_link).pathname.split('/').pop()!;
}

/** Starts an email change for Ada and returns the codes of its confirm and cancel links (from the mails). */
async function emailChangeCodes() {
  const token = await tokenFor(t, (await ada()).id);
  const res = await call(t, 'PATCH', '/portal/api/billing', { key: null, token, body: { email: `ada.${t.clock.now}@example.com` } });
  assert.equal(res.status, 200, res.text);
  const mails = await t.deps.mailer.outbox!();
  const find = (kind: string) => {
    const m = mails.map((x) => new RegExp(`/portal/email/${kind}/([A-Za-z0-9_-]+)`).exec(x.text)).find(Boolean);
    assert.ok(m, `a ${kind} link was mailed`);
    return m[1];
  };
  return { confirm: find('confirm'), cancel: find('cancel') };
}

test('every route with a code in its path is logged with the code redacted: portal link, email confirm, email cancel', async () => {
  const link = await portalLinkCode();
  const { confirm, cancel } = await emailChangeCodes();
  const secrets = [link, confirm, cancel];
  const log = await logOf(async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      assert.equal((await t.app.request(`/portal/link/${link}`, { method })).status, 200);
      assert.equal((await t.app.request(`/portal/email/confirm/${confirm}`, { method })).status, 200);
      assert.equal((await t.app.request(`/portal/email/cancel/${cancel}`, { method })).status, 200);
    }
    // The buttons on those pages: the code is spent by the POST, still in the path (the cancel
    // ends every link of the customer, so it goes last).
    assert.equal((await postForm(t, `/portal/link/${link}`, await openForm(t))).status, 303);
    assert.equal((await postForm(t, `/portal/email/cancel/${cancel}`, await openForm(t))).status, 200);
    // Spent now: the refusals are logged too.
    assert.equal((await t.app.request(`/portal/link/${link}`)).status, 410);
    assert.equal((await t.app.request(`/portal/email/confirm/${confirm}`)).status, 404);
  });
  for (const prefix of SECRET_PATH_PREFIXES) assert.ok(log.includes(`"path":"${prefix}[redacted]"`), `${prefix} is logged, redacted`);
  for (const secret of secrets) assert.ok(!log.includes(secret), `a code (${secret.slice(0, 6)}…) reached the log`);
});

test('a code in a path that does not route (case, doubled slashes, a proxy prefix, a trailing slash) is redacted too', async () => {
  const code = await portalLinkCode();
  const variants = [
    `/Portal/Link/${code}`,
    `/portal//link/${code}`,
    `//portal/link/${code}`,
    `/portal/link//${code}`,
    `/billing/portal/link/${code}`,
    `/portal/link/${code}/`,
    `/PORTAL/EMAIL/CANCEL/${code}`,
    `/portal/email//confirm/${code}`,
  ];
  const log = await logOf(async () => {
    for (const path of variants) {
      const res = await t.app.request(path);
      assert.ok(res.status >= 400 && res.status < 500, `${path} → ${res.status}`);
    }
  });
  assert.equal(log.split('\n').filter((l) => l.includes('"msg":"request"')).length, variants.length);
  assert.ok(!log.includes(code), `the code reached the log:\n${log}`);
});

test('codes, tokens and keys in query strings or bodies never reach the log', async () => {
  const code = await portalLinkCode();
  const token = await tokenFor(t, (await ada()).id);
  const query = `?code=${code}&token=${token}&creem_code=${code}&x-api-key=creem_test_querykey_0123456789&access_token=${token}`;
  const log = await logOf(async () => {
    await t.app.request(`/portal/link/${code}${query}`);
    await t.app.request(`/portal/api/overview${query}`);
    await t.app.request(`/portal/magic${query}`);
    await t.app.request(`/v1/customers${query}`);
    await call(t, 'POST', '/portal/api/session/preview', { key: null, body: { code } });
    await postForm(t, '/portal/magic', await openForm(t, '/portal/magic'), { code });
    await call(t, 'POST', '/portal/api/session/exchange', { key: null, body: { code } });
    await postForm(t, '/portal/session', await openForm(t, '/portal/magic'), { code });
  });
  for (const secret of [code, token, 'creem_test_querykey']) assert.ok(!log.includes(secret), `${secret.slice(0, 8)}… reached the log`);
});

test('an unexpected error on a route with a code in its path logs the path redacted', async () => {
  const code = await portalLinkCode();
  const store = t.deps.store;
  const original = store.findOneBy;
  store.findOneBy = (async () => {
    throw new Error('the disk caught fire');
  }) as typeof store.findOneBy;
  let log = '';
  try {
    log = await logOf(async () => {
      const res = await t.app.request(`/portal/link/${code}?code=${code}`);
      assert.equal(res.status, 500);
    });
  } finally {
    store.findOneBy = original;
  }
  assert.match(log, /"msg":"unhandled error"/);
  assert.match(log, /"path":"\/portal\/link\/\[redacted\]"/);
  assert.ok(!log.includes(code), 'the code reached the error log');
});

test('a code in a path that does not route is not echoed in the 404 body either', async () => {
  const code = await portalLinkCode();
  for (const path of [`/portal/link/${code}/x`, `/portal//link/${code}`, `/portal/email/cancel/${code}/`]) {
    const res = await call(t, 'GET', path, { key: null });
    assert.equal(res.status, 404, path);
    assert.ok(!res.text.includes(code), `the 404 body repeats the code: ${res.text}`);
    assert.match(res.json.message[0], /\[redacted\]/);
  }
});
