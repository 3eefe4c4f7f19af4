import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, type TestApp } from '../support/server.js';
import { addWorld, type World } from './merchant-fixtures.js';

/**
 * Issue #16, 9: an Idempotency-Key belongs to one merchant in one mode. A merchant's test and live
 * keys are separate worlds; the same key string used in both is two different requests.
 */

let t: TestApp;
let live: World;
let testSub: string;
beforeEach(async () => {
  t = await createTestApp();
  const ada = await customerByEmail(t, 'ada@example.com');
  live = await addWorld(t, { mode: 'prod', merchantId: ada.merchant_id });
  testSub = (await t.deps.store.findBy('subscriptions', 'customer_id', ada.id)).find((s) => s.status === 'active')!.id;
});
afterEach(() => t.close());

const pause = (id: string, key: string | undefined, idem: string) => call(t, 'POST', `/v1/subscriptions/${id}/pause`, { key, headers: { 'idempotency-key': idem } });

test('the same key in test and live mode is two requests: each runs, neither is a 422 or a replay', async () => {
  const inTest = await pause(testSub, undefined, 'order-42');
  assert.equal(inTest.status, 200, inTest.text);
  const inLive = await pause(live.subscriptionId, live.key, 'order-42');
  assert.equal(inLive.status, 200, inLive.text);
  assert.equal(inLive.headers.get('idempotent-replayed'), null);
  assert.equal(inLive.json.id, live.subscriptionId);
  assert.equal(inLive.json.mode, 'prod');
  // Each replays in its own mode only.
  const againLive = await pause(live.subscriptionId, live.key, 'order-42');
  assert.equal(againLive.headers.get('idempotent-replayed'), 'true');
  assert.equal(againLive.json.id, live.subscriptionId);
  const againTest = await pause(testSub, undefined, 'order-42');
  assert.equal(againTest.headers.get('idempotent-replayed'), 'true');
  assert.equal(againTest.json.id, testSub);
  assert.equal(await t.deps.store.count('idempotency'), 2);
});

test('a record stored before keys carried the mode still replays in its own mode, and blocks no other', async () => {
  const merchantId = (await customerByEmail(t, 'ada@example.com')).merchant_id;
  const first = await pause(testSub, undefined, 'legacy-1');
  assert.equal(first.status, 200);
  // Rewrite it as an older version stored it: id = merchant:key.
  const [stored] = await t.deps.store.all('idempotency');
  await t.deps.store.transact(async (tx) => {
    await tx.delete('idempotency', stored.id);
    await tx.put('idempotency', { ...stored, id: `${merchantId}:legacy-1` });
  });
  const replay = await pause(testSub, undefined, 'legacy-1');
  assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'a retry across the upgrade is still a replay');
  const otherMode = await pause(live.subscriptionId, live.key, 'legacy-1');
  assert.equal(otherMode.status, 200, otherMode.text);
  assert.equal(otherMode.headers.get('idempotent-replayed'), null);
});
