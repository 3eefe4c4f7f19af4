import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { storedText, createTestApp, call, customerByEmail, isCreemError, type TestApp } from '../support/server.js';
import { purgeExpiredIdempotency, IDEMPOTENCY_TTL_MS } from '../../server/domain/idempotency.js';
import { addWorld } from './merchant-fixtures.js';
import { StoreWriteError } from '../../server/store/interface.js';

let t: TestApp;
let sub: string;

beforeEach(async () => {
  t = await createTestApp();
  sub = (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, 'ada@example.com')).id)).find((s) => s.status === 'active')!.id;
});
afterEach(() => t.close());

const events = async (type: string) => (await t.deps.store.all('webhook_events')).filter((e) => e.eventType === type).length;
const withKey = (key: string, body?: unknown) => ({ headers: { 'idempotency-key': key }, body });

test('the same key and body replays the first answer without acting twice', async () => {
  const first = await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('pause-1'));
  assert.equal(first.status, 200);
  assert.equal(first.json.status, 'paused');
  const file = await storedText(t);
  const again = await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('pause-1'));
  assert.equal(again.status, 200, 'a real second pause would be a 409');
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(again.json, first.json);
  assert.equal(await events('subscription.paused'), 1);
  assert.equal(await storedText(t), file, 'a replay writes nothing');
});

test('the same key with another body or another path is a 422', async () => {
  const tran = (await t.deps.store.get('subscriptions', sub))!.last_transaction_id!;
  assert.equal((await call(t, 'POST', '/v1/refunds', withKey('r-1', { transaction_id: tran, amount: 100 }))).status, 200);
  const otherBody = await call(t, 'POST', '/v1/refunds', withKey('r-1', { transaction_id: tran, amount: 200 }));
  assert.equal(otherBody.status, 422);
  assert.ok(isCreemError(otherBody.json, 422));
  const otherPath = await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('r-1'));
  assert.equal(otherPath.status, 422);
  assert.equal((await t.deps.store.findBy('refunds', 'transaction_id', tran)).length, 1);
  assert.equal((await t.deps.store.get('subscriptions', sub))!.status, 'active');
});

test('keys are scoped per merchant: another merchant may use the same key for its own request', async () => {
  const other = await addWorld(t, { mode: 'test', name: 'Other Co' });
  assert.equal((await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('shared'))).status, 200);
  const theirs = await call(t, 'POST', `/v1/subscriptions/${other.subscriptionId}/pause`, { key: other.key, ...withKey('shared') });
  assert.equal(theirs.status, 200);
  assert.equal(theirs.headers.get('idempotent-replayed'), null);
  assert.equal(theirs.json.id, other.subscriptionId);
});

test('an answer is kept for 24 hours, then the key is free again and can be purged', async () => {
  assert.equal((await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('day'))).status, 200);
  t.clock.advance(IDEMPOTENCY_TTL_MS - 60_000);
  const late = await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('day'));
  assert.equal(late.headers.get('idempotent-replayed'), 'true');
  t.clock.advance(60_000);
  assert.equal(await purgeExpiredIdempotency(t.deps, t.clock.now), 1);
  assert.equal(await t.deps.store.count('idempotency'), 0);
  const expired = await call(t, 'POST', `/v1/subscriptions/${sub}/pause`, withKey('day'));
  assert.equal(expired.status, 409, 'after 24 h the request runs again, and a paused subscription cannot pause');
  assert.equal(await t.deps.store.count('idempotency'), 0, 'a refused request leaves its key free');
});

test('an error is not stored: the same key runs again once the request can succeed', async () => {
  const refused = await call(t, 'POST', `/v1/subscriptions/${sub}/resume`, withKey('resume-1'));
  assert.equal(refused.status, 409);
  assert.equal((await call(t, 'POST', `/v1/subscriptions/${sub}/pause`)).status, 200);
  const ok = await call(t, 'POST', `/v1/subscriptions/${sub}/resume`, withKey('resume-1'));
  assert.equal(ok.status, 200);
  assert.equal(ok.json.status, 'active');
});

/** From now on the store refuses, as a full disk would, every write `when` picks (the whole commit fails). */
function refusePuts(when: (c: string, record: unknown) => boolean) {
  const store = t.deps.store;
  const transact = store.transact.bind(store);
  store.transact = (change) =>
    transact((tx) =>
      change({
        ...tx,
        put: async (c, record) => {
          if (when(c, record)) throw new StoreWriteError('No space left on device');
          return tx.put(c, record);
        },
      }),
    );
}

test('a request whose own change could not be saved frees its key: the retry runs, once', async () => {
  const tran = (await t.deps.store.get('subscriptions', sub))!.last_transaction_id!;
  let refuseRefunds = true;
  refusePuts((c) => refuseRefunds && c === 'refunds');
  const first = await call(t, 'POST', '/v1/refunds', withKey('refund-later', { transaction_id: tran, amount: 100 }));
  assert.equal(first.status, 503, first.text);
  assert.match(first.text, /nothing was changed/);
  assert.equal((await t.deps.store.findBy('refunds', 'transaction_id', tran)).length, 0);
  refuseRefunds = false;
  const retry = await call(t, 'POST', '/v1/refunds', withKey('refund-later', { transaction_id: tran, amount: 100 }));
  assert.equal(retry.status, 200, retry.text);
  assert.equal((await t.deps.store.findBy('refunds', 'transaction_id', tran)).length, 1);
});

test('a change that committed but whose answer could not be stored is not made again: the retry is told its outcome is unknown', async () => {
  const tran = (await t.deps.store.get('subscriptions', sub))!.last_transaction_id!;
  // The disk refuses the answer's record, after the refund itself was written.
  let refuseAnswers = true;
  refusePuts((c, record) => refuseAnswers && c === 'idempotency' && (record as { body_text?: string }).body_text !== undefined);
  const first = await call(t, 'POST', '/v1/refunds', withKey('refund-once', { transaction_id: tran, amount: 100 }));
  assert.equal(first.status, 503, first.text);
  assert.ok(isCreemError(first.json, 503));
  assert.match(first.text, /may or may not have been saved/, 'the refund was made: the 503 does not say nothing changed');
  refuseAnswers = false;
  const retry = await call(t, 'POST', '/v1/refunds', withKey('refund-once', { transaction_id: tran, amount: 100 }));
  assert.equal(retry.status, 409, retry.text);
  assert.ok(isCreemError(retry.json, 409));
  assert.match(retry.text, /may or may not have taken effect/);
  assert.equal((await t.deps.store.findBy('refunds', 'transaction_id', tran)).length, 1, 'the refund was made once');
  // A new key is a new request.
  assert.equal((await call(t, 'POST', '/v1/refunds', withKey('refund-twice', { transaction_id: tran, amount: 100 }))).status, 200);
  assert.equal((await t.deps.store.findBy('refunds', 'transaction_id', tran)).length, 2);
});

test('two concurrent requests with one key act once: the second is told the first is in progress, or replays its answer', async () => {
  const results = await Promise.all([1, 2].map(() => call(t, 'POST', `/v1/subscriptions/${sub}/cancel`, withKey('race', { mode: 'immediate' }))));
  // Which one the second gets depends on whether the first has finished when it looks (on lowdb it
  // has not: a 409; a PostgreSQL commit can be quicker than the second's look: a replay). Either
  // way the cancel ran once. test/server/postgres-processes.test.ts holds the first in flight for certain.
  const [first, second] = results.sort((a, b) => (a.headers.get('idempotent-replayed') ? 1 : 0) - (b.headers.get('idempotent-replayed') ? 1 : 0) || a.status - b.status);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('idempotent-replayed'), null);
  assert.ok(second.status === 409 || (second.status === 200 && second.headers.get('idempotent-replayed') === 'true' && second.text === first.text), `${second.status} ${second.text}`);
  assert.equal(await events('subscription.canceled'), 1);
  const replay = await call(t, 'POST', `/v1/subscriptions/${sub}/cancel`, withKey('race', { mode: 'immediate' }));
  assert.equal(replay.status, 200);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
});

test('answers carrying a credential are never stored for replay: a retry mints a fresh one', async () => {
  const t = await createTestApp();
  try {
    const ada = await customerByEmail(t, 'ada@example.com');
    const headers = { 'idempotency-key': 'mint-1' };
    const a = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: ada.id }, headers });
    const b = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: ada.id }, headers });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.json.token, b.json.token);
    const link = await call(t, 'POST', '/v1/customers/billing', { body: { customer_id: ada.id }, headers: { 'idempotency-key': 'link-1' } });
    assert.equal(link.status, 200);
    const disk = await storedText(t);
    assert.ok(!disk.includes(a.json.token) && !disk.includes(b.json.token), 'no token in the data file');
    const code = link.json.customer_portal_link.split('/').pop();
    assert.ok(!disk.includes(code), 'no portal-link code in the data file');
  } finally {
    await t.close();
  }
});
