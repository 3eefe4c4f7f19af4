import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, stored, isCreemError, type TestApp } from '../support/server.js';
import { REQUEST_BUDGET } from '../../server/domain/customer-requests.js';

async function subsOf(t: TestApp, email: string) {
  return await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id);
}

test('50 parallel merchant-API cancels of one subscription make exactly one transition and one event', async () => {
  const t = await createTestApp();
  try {
    const sub = (await subsOf(t, 'ada@example.com')).find((s) => s.status === 'active')!;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } })),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    assert.equal(ok.length, 1, `statuses: ${results.map((r) => r.status).join(',')}`);
    assert.equal(refused.length, 49);
    assert.ok(refused.every((r) => isCreemError(r.json, 409)));
    const disk = await stored(t);
    assert.equal(disk.collections.subscriptions.find((s: any) => s.id === sub.id).status, 'canceled');
    const events = disk.collections.webhook_events.filter((e: any) => e.object?.id === sub.id);
    assert.deepEqual(events.map((e: any) => e.eventType), ['subscription.canceled']);
  } finally {
    await t.close();
  }
});

test('50 parallel portal cancels of one subscription make exactly one scheduled cancel', async () => {
  const t = await createTestApp();
  try {
    const ada = await customerByEmail(t, 'ada@example.com');
    const sub = (await subsOf(t, 'ada@example.com')).find((s) => s.status === 'active')!;
    const token = await tokenFor(t, ada.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call(t, 'POST', `/portal/api/subscriptions/${sub.id}/cancel`, { key: null, token, body: { mode: 'scheduled', reason: 'unused' } })),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 1, `statuses: ${results.map((r) => r.status).join(',')}`);
    assert.equal(results.filter((r) => r.status === 409).length, 49);
    const disk = await stored(t);
    assert.equal(disk.collections.subscriptions.find((s: any) => s.id === sub.id).status, 'scheduled_cancel');
    assert.equal(disk.collections.webhook_events.filter((e: any) => e.object?.id === sub.id).length, 1);
  } finally {
    await t.close();
  }
});

test('parallel different writes are all kept: no read-modify-write race loses one', async () => {
  const t = await createTestApp();
  try {
    // Support requests are limited per customer (REQUEST_BUDGET per 10 minutes): each sends its full budget.
    const customers = await t.deps.store.all('customers');
    const supportCount = REQUEST_BUDGET * customers.length;
    const tokens = await Promise.all(customers.map((c) => tokenFor(t, c.id)));
    const cancellable = (await t.deps.store.all('subscriptions')).filter((s) => s.status !== 'canceled');
    const doc = (await call(t, 'GET', '/openapi.json')).json;
    const hasSupport = Boolean(doc.paths['/portal/api/support']?.post);
    const hasWebhooks = Boolean(doc.paths['/v1/webhooks']?.post);

    const writes = [
      ...cancellable.map((s) => call(t, 'POST', `/v1/subscriptions/${s.id}/cancel`, { body: { mode: 'immediate' } })),
      ...(hasSupport
        ? Array.from({ length: supportCount }, (_, i) => call(t, 'POST', '/portal/api/support', { key: null, token: tokens[i % tokens.length], body: { subject: `Parallel question ${i}`, message: `Body ${i}` } }))
        : []),
      ...(hasWebhooks ? Array.from({ length: 10 }, (_, i) => call(t, 'POST', '/v1/webhooks', { body: { url: `http://127.0.0.1:9/hook-${i}` } })) : []),
    ];
    const results = await Promise.all(writes);
    for (const r of results) assert.ok(r.status === 200 || r.status === 201, `${r.status} ${r.text}`);

    const disk = await stored(t);
    for (const s of cancellable) assert.equal(disk.collections.subscriptions.find((x: any) => x.id === s.id).status, 'canceled');
    const canceledEvents = disk.collections.webhook_events.filter((e: any) => e.eventType === 'subscription.canceled');
    assert.equal(canceledEvents.length, cancellable.length);
    if (hasSupport) {
      const refs = new Set(disk.collections.customer_requests.map((r: any) => r.reference));
      for (const r of results.filter((x) => x.json?.reference)) assert.ok(refs.has(r.json.reference), `support ${r.json.reference} is on disk`);
      assert.equal(disk.collections.customer_requests.filter((r: any) => r.kind === 'support').length, supportCount);
    }
    if (hasWebhooks) {
      const urls = disk.collections.webhook_endpoints.map((w: any) => w.url);
      for (let i = 0; i < 10; i++) assert.ok(urls.includes(`http://127.0.0.1:9/hook-${i}`));
    }
  } finally {
    await t.close();
  }
});
