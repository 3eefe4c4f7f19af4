import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { call, createTestApp, customerByEmail, isCreemError, storedText, tokenFor, type TestApp } from '../support/server.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const REFUSED = 'The request contains a NUL character (U+0000), which no field accepts.';

async function refused(res: { status: number; json: any }) {
  assert.equal(res.status, 400);
  assert.ok(isCreemError(res.json, 400));
  assert.deepEqual(res.json.message, [REFUSED]);
}

test('U+0000 anywhere in a request is one clear 400, on every engine, and nothing is stored', async () => {
  const before = await storedText(t);
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenFor(t, ada.id);
  await refused(await call(t, 'GET', '/v1/webhooks/%00/secret'));
  await refused(await call(t, 'GET', `/v1/customers?email=ada%00@example.com`));
  await refused(await call(t, 'POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/x', name: 'orders\u0000' } }));
  await refused(await call(t, 'POST', '/v1/webhooks', { body: `{"url":"http://127.0.0.1:9/x","name":"a\u0000b"}` }));
  await refused(await call(t, 'PATCH', '/portal/api/billing', { key: null, token, body: { name: 'Ada\u0000Lovelace' } }));
  await refused(await call(t, 'POST', '/portal/api/support', { key: null, token, body: { subject: 'Hi', message: 'x\u0000' } }));
  await refused(
    await call(t, 'POST', '/portal/login', { key: null, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=ada%00%40example.com' }),
  );
  assert.equal(await storedText(t), before, 'no refused request changed what is stored');
});

test('a backslash before "u0000" is text, not U+0000: that body is accepted and stored as sent', async () => {
  const res = await call(t, 'POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/x', name: 'path\\u0000' } });
  assert.equal(res.status, 200);
  assert.equal(res.json.name, 'path\\u0000');
  assert.equal((await t.deps.store.get('webhook_endpoints', res.json.id))?.name, 'path\\u0000');
});
