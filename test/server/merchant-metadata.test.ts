import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebhookEventEntity } from 'creem/webhooks';
import { startSdkHarness, type SdkHarness } from '../support/sdk.js';
import { customerByEmail, stored } from '../support/server.js';

/**
 * Creem's own integrations (the Better Auth plugin, the Next.js adapter) find their user through
 * `metadata.referenceId` on customers and subscriptions, in answers and in webhook payloads, and
 * drop events that lack it. A subscription's metadata comes from its checkout: here it is written
 * the way a completed checkout writes it.
 */
let h: SdkHarness;
before(async () => {
  h = await startSdkHarness();
});
after(() => h.close());

test('a customer keeps the metadata the merchant sets, and the SDK reads it back', async () => {
  const ada = await customerByEmail(h.t, 'ada@example.com');
  const updated = await h.creem.customers.update({ customerId: ada.id, metadata: { referenceId: 'user_42', plan_source: 'web' } });
  assert.deepEqual(updated.metadata, { referenceId: 'user_42', plan_source: 'web' });
  assert.deepEqual((await h.creem.customers.retrieve(ada.id)).metadata, { referenceId: 'user_42', plan_source: 'web' });
});

test("a subscription's metadata is returned by the merchant API and carried in its webhook payloads", async () => {
  const { store } = h.t.deps;
  const grace = await customerByEmail(h.t, 'grace@example.com');
  const sub = (await store.findBy('subscriptions', 'customer_id', grace.id))[0];
  await store.transact(async (tx) => tx.put('subscriptions', { ...sub, metadata: { referenceId: 'user_7' } }));

  const got = await h.creem.subscriptions.get(sub.id);
  assert.deepEqual(got.metadata, { referenceId: 'user_7' });
  const listed = await h.creem.customers.listSubscriptions(grace.id);
  assert.deepEqual(listed.items.find((s) => s.id === sub.id)?.metadata, { referenceId: 'user_7' });

  await h.creem.subscriptions.cancel(sub.id, { mode: 'scheduled' });
  const event = (await stored(h.t)).collections.webhook_events.findLast((e: { eventType: string; object: { id: string } }) => e.object.id === sub.id);
  assert.equal(event.eventType, 'subscription.scheduled_cancel');
  assert.deepEqual(event.object.metadata, { referenceId: 'user_7' });
  // Creem's SDK parses the delivered body, metadata included.
  const parsed = parseWebhookEventEntity(JSON.stringify({ id: event.id, eventType: event.eventType, created_at: Date.parse(event.created_at), object: event.object }));
  assert.deepEqual((parsed.object as { metadata?: unknown }).metadata, { referenceId: 'user_7' });
});

test('a subscription from before metadata existed answers with an empty object, never null', async () => {
  const { store } = h.t.deps;
  const jean = await customerByEmail(h.t, 'jean@example.com');
  const sub = (await store.findBy('subscriptions', 'customer_id', jean.id))[0];
  const { metadata: _, ...legacy } = sub;
  await store.transact(async (tx) => tx.put('subscriptions', legacy));
  assert.deepEqual((await h.creem.subscriptions.get(sub.id)).metadata, {});
});
