import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Creem } from 'creem';
import { sdkError, startSdkHarness, type SdkHarness } from '../support/sdk.js';
import { parseWebhookEventEntity, verifyWebhookSignature } from 'creem/webhooks';
import { createTestApp, call, customerByEmail, stored, isCreemError, type TestApp } from '../support/server.js';
import { loadConfig } from '../../server/config.js';
import { newId, sha256 } from '../../server/ids.js';
import { CREEM_EVENT_TYPES } from '../../server/webhooks/event-types.js';

let harness: SdkHarness;
let t: TestApp;
let creem: Creem;

before(async () => {
  harness = await startSdkHarness();
  ({ t, creem } = harness);
});
after(() => harness.close());

const activeSub = async (email: string) =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((s) => s.status === 'active')!;

test('the official SDK registers, pages through, reads, updates and deletes endpoints on a real port', async () => {
  const created = await creem.webhooks.create({ url: 'http://127.0.0.1:9/orders', name: 'Orders', events: ['subscription.canceled', 'subscription.paid'] });
  assert.match(created.id, /^wh_/);
  assert.match(created.secret ?? '', /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(created.status, 'enabled');
  assert.equal(created.deliveryMode, 'http');
  assert.equal(created.mode, 'test');
  assert.equal(created.storeId, (await customerByEmail(t, 'ada@example.com')).merchant_id);
  assert.deepEqual(created.events, ['subscription.canceled', 'subscription.paid']);

  const cli = await creem.webhooks.create({ deliveryMode: 'cli', name: 'Local' });
  assert.equal(cli.url, '');
  // Omitted events = every Creem event type; our portal events are opt-in (the SDK's enum would reject them).
  assert.deepEqual(cli.events, [...CREEM_EVENT_TYPES]);

  const seen: string[] = [];
  let pages = 0;
  for await (const page of await creem.webhooks.list(1, 1)) {
    pages++;
    seen.push(...page.result.items.map((w) => w.id));
  }
  assert.equal(pages, 2);
  assert.deepEqual(seen, [created.id, cli.id]);

  const got = await creem.webhooks.get(created.id);
  assert.equal(got.secret, undefined, 'only the create response carries the secret');
  assert.equal((await creem.webhooks.getSecret(created.id)).secret, created.secret);

  const updated = await creem.webhooks.update(created.id, { status: 'disabled', name: null });
  assert.equal(updated.status, 'disabled');
  assert.equal(updated.name, null);
  assert.equal(updated.url, 'http://127.0.0.1:9/orders', 'fields not given stay');
  assert.deepEqual(updated.events, created.events);

  const deleted = await creem.webhooks.delete(created.id);
  assert.equal(deleted.id, created.id);
  assert.equal((await sdkError(creem.webhooks.get(created.id))).statusCode, 404);
  await creem.webhooks.delete(cli.id);
  assert.ok(!(await stored(t)).collections.webhook_endpoints.some((e: { id: string }) => e.id === created.id || e.id === cli.id));
});

test("a cli endpoint's pending feed carries each event once, signed so the SDK verifier accepts it; ack takes it out", async () => {
  const endpoint = await creem.webhooks.create({ deliveryMode: 'cli', events: ['subscription.canceled', 'subscription.scheduled_cancel'] });
  const sub = await activeSub('jean@example.com');
  const cancel = await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'scheduled' } });
  assert.equal(cancel.status, 200);

  const { items } = await creem.webhooks.listPendingEvents(endpoint.id);
  assert.equal(items.length, 1);
  const [item] = items;
  assert.equal(item.eventType, 'subscription.scheduled_cancel');
  await verifyWebhookSignature(item.body, item.headers, endpoint.secret!);
  const envelope = parseWebhookEventEntity(item.body);
  assert.equal(envelope.id, item.id);
  assert.equal(envelope.eventType, 'subscription.scheduled_cancel');
  assert.equal((envelope.object as { id: string }).id, sub.id);

  const ack = await creem.webhooks.acknowledgeEvent(endpoint.id, item.id, { statusCode: 204 });
  assert.deepEqual(ack, { id: item.id, object: 'webhook_event_ack', success: true });
  assert.equal((await creem.webhooks.listPendingEvents(endpoint.id)).items.length, 0);
  assert.equal((await sdkError(creem.webhooks.acknowledgeEvent(endpoint.id, item.id, { statusCode: 200 }))).statusCode, 409);

  const log = await call(t, 'GET', `/v1/webhooks/${endpoint.id}/deliveries`);
  assert.equal(log.status, 200);
  assert.equal(log.json.items[0].status, 'delivered');
  assert.equal(log.json.items[0].last_status, 204);
  assert.equal((await stored(t)).collections.webhook_deliveries.find((d: { event_id: string }) => d.event_id === item.id).status, 'delivered');

  // A local server that failed: recorded as a failure, and the event still leaves the feed.
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  const [second] = (await creem.webhooks.listPendingEvents(endpoint.id, 10)).items;
  assert.equal(second.eventType, 'subscription.canceled');
  const failed = await creem.webhooks.acknowledgeEvent(endpoint.id, second.id, { statusCode: 500, responseBody: 'boom' });
  assert.equal(failed.success, false);
  assert.equal((await creem.webhooks.listPendingEvents(endpoint.id)).items.length, 0);
  assert.equal((await t.deps.store.findBy('webhook_deliveries', 'event_id', second.id))[0].last_error, 'boom');
});

test("our portal events (support, invoice and refund requests) can be subscribed to by name over plain HTTP", async () => {
  const res = await call(t, 'POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/portal', events: ['support.requested', 'refund.requested', 'support.requested'] } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json.events, ['support.requested', 'refund.requested'], 'duplicates collapse');
  const got = await call(t, 'GET', `/v1/webhooks/${res.json.id}`);
  assert.deepEqual(got.json.events, ['support.requested', 'refund.requested']);
  assert.equal(got.json.secret, undefined);
  await call(t, 'DELETE', `/v1/webhooks/${res.json.id}`);
});

test('the pending feed and ack refuse an http endpoint with a 400', async () => {
  const http = await creem.webhooks.create({ url: 'http://127.0.0.1:9/x' });
  assert.equal((await sdkError(creem.webhooks.listPendingEvents(http.id))).statusCode, 400);
  const ack = await call(t, 'POST', `/v1/webhooks/${http.id}/events/evt_nope/ack`, { body: { status_code: 200 } });
  assert.equal(ack.status, 400);
  assert.ok(isCreemError(ack.json, 400));
});

test("bad registrations get Creem's 400 body and store nothing", async () => {
  const before = JSON.stringify((await stored(t)).collections.webhook_endpoints);
  const bad: [unknown, RegExp][] = [
    [{ name: 'no url' }, /url: required/],
    [{ url: 'ftp://127.0.0.1/x' }, /url/],
    [{ url: 'not a url' }, /url/],
    [{ url: 'http://user:pw@127.0.0.1/x' }, /user name or password/],
    [{ url: 'http://127.0.0.1/x', events: ['foo.bar'] }, /events\.0/],
    [{ url: 'http://127.0.0.1/x', events: [] }, /events/],
    [{ url: 'http://127.0.0.1/x', secret: 'mine' }, /secret|Unrecognized/i],
    [{ url: 'http://127.0.0.1/x', delivery_mode: 'smtp' }, /delivery_mode/],
    ['{"url":', /JSON/],
  ];
  for (const [body, message] of bad) {
    const res = await call(t, 'POST', '/v1/webhooks', { body });
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.ok(isCreemError(res.json, 400));
    assert.match(res.json.message.join(' '), message, JSON.stringify(body));
  }
  for (const [path, query] of [['/v1/webhooks', '?page_size=0'], ['/v1/webhooks', '?page_number=abc']]) {
    assert.equal((await call(t, 'GET', path + query)).status, 400);
  }
  assert.equal(JSON.stringify((await stored(t)).collections.webhook_endpoints), before);
  assert.equal((await call(t, 'GET', '/v1/webhooks/wh_missing')).status, 404);
  assert.equal((await call(t, 'PATCH', '/v1/webhooks/wh_missing', { body: { name: 'x' } })).status, 404);
  assert.equal((await call(t, 'DELETE', '/v1/webhooks/wh_missing')).status, 404);
});

test('endpoints are invisible to another mode of the same merchant and to requests without a key', async () => {
  const mine = await creem.webhooks.create({ url: 'http://127.0.0.1:9/mine' });
  const liveKey = `creem_live_for_webhook_scope_${'x'.repeat(8)}`;
  const merchantId = (await customerByEmail(t, 'ada@example.com')).merchant_id;
  await t.deps.store.transact(async (tx) => {
    await tx.put('api_keys', { id: newId('key'), merchant_id: merchantId, mode: 'prod', hash: sha256(liveKey), hint: liveKey.slice(0, 15), created_at: new Date().toISOString() });
  });
  for (const path of [`/v1/webhooks/${mine.id}`, `/v1/webhooks/${mine.id}/secret`]) {
    const res = await call(t, 'GET', path, { key: liveKey });
    assert.equal(res.status, 404, path);
  }
  const list = await call(t, 'GET', '/v1/webhooks', { key: liveKey });
  assert.equal(list.json.pagination.total_records, 0);
  assert.equal((await call(t, 'GET', `/v1/webhooks/${mine.id}/secret`, { key: null })).status, 403);
});

test('outside development, endpoints on private, loopback or link-local addresses are refused', async () => {
  assert.equal(loadConfig({ NODE_ENV: 'production' }).allowPrivateWebhooks, false, 'production refuses by default');
  assert.equal(loadConfig({}).allowPrivateWebhooks, true, 'development allows by default');
  const prod = await createTestApp({ env: { ALLOW_PRIVATE_WEBHOOKS: 'false' } });
  try {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.7/hook', 'http://192.168.1.10/hook', 'http://[::ffff:127.0.0.1]/hook']) {
      const res = await call(prod, 'POST', '/v1/webhooks', { body: { url } });
      assert.equal(res.status, 400, url);
      assert.match(res.json.message[0], /private, loopback or link-local|link-local or cloud metadata/, url);
    }
    assert.equal(await prod.deps.store.count('webhook_endpoints'), 0);
    const ok = await call(prod, 'POST', '/v1/webhooks', { body: { url: 'https://93.184.215.14/hook' } });
    assert.equal(ok.status, 200);
    const moved = await call(prod, 'PATCH', `/v1/webhooks/${ok.json.id}`, { body: { url: 'http://127.0.0.1/hook' } });
    assert.equal(moved.status, 400);
    assert.equal((await prod.deps.store.get('webhook_endpoints', ok.json.id))?.url, 'https://93.184.215.14/hook');
  } finally {
    await prod.close();
  }
});

test('every webhook route is in the OpenAPI document', async () => {
  const doc = (await call(t, 'GET', '/openapi.json', { key: null })).json;
  for (const path of ['/v1/webhooks', '/v1/webhooks/{id}', '/v1/webhooks/{id}/secret', '/v1/webhooks/{id}/events/pending', '/v1/webhooks/{id}/events/{event_id}/ack', '/v1/webhooks/{id}/deliveries', '/v1/webhooks/events/{event_id}/resend']) {
    assert.ok(doc.paths[path], path);
  }
  assert.ok(doc.paths['/v1/webhooks/{id}'].patch && doc.paths['/v1/webhooks/{id}'].delete);
});

test('a merchant can register at most 20 endpoints per mode; the 21st is refused with a 409 and not stored', async () => {
  const own = await createTestApp();
  try {
    for (let i = 0; i < 20; i++) assert.equal((await call(own, 'POST', '/v1/webhooks', { body: { delivery_mode: 'cli' } })).status, 200);
    const over = await call(own, 'POST', '/v1/webhooks', { body: { delivery_mode: 'cli' } });
    assert.equal(over.status, 409);
    assert.ok(isCreemError(over.json, 409));
    assert.equal((await stored(own)).collections.webhook_endpoints.length, 20);
  } finally {
    await own.close();
  }
});
