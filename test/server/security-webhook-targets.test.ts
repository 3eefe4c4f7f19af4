import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, isCreemError } from '../support/server.js';
import { assertPublicUrl, UnsafeWebhookUrlError } from '../../server/webhooks/address-guard.js';
import { guardedLookup, guardedTransport } from '../../server/webhooks/transport.js';
import { createWebhookWorker } from '../../server/webhooks/worker.js';
import { createLogger } from '../../server/log.js';
import { newWebhookSecret } from '../../server/webhooks/sign.js';

/**
 * Issue #16, 7: link-local and cloud metadata addresses (169.254.0.0/16 with 169.254.169.254,
 * fe80::/10, AWS's fd00:ec2::254, Alibaba's 100.100.100.200, Azure's 168.63.129.16) are refused as
 * webhook targets in every mode, at registration and at connect time. Loopback and private
 * networks stay allowed outside production (ALLOW_PRIVATE_WEBHOOKS), for local receivers.
 */

const METADATA_URLS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://169.254.10.1:8080/hook',
  'http://[fe80::1]/hook',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://100.100.100.200/latest/meta-data/',
  'http://168.63.129.16/metadata/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[64:ff9b::169.254.169.254]/',
  'http://2852039166/', // 169.254.169.254 written as one number
  'http://0xa9.0xfe.0xa9.0xfe/',
];

test('registering a link-local or metadata address is refused with a 400 even where private webhooks are allowed', async () => {
  for (const env of [{}, { NODE_ENV: 'production', ALLOW_PRIVATE_WEBHOOKS: 'true' }] as Record<string, string>[]) {
    const t = await createTestApp({ env });
    try {
      assert.equal(t.deps.config.allowPrivateWebhooks, true);
      for (const url of METADATA_URLS) {
        const res = await call(t, 'POST', '/v1/webhooks', { body: { url } });
        assert.equal(res.status, 400, `${url}: ${res.text}`);
        assert.ok(isCreemError(res.json, 400));
        assert.match(res.json.message.join(' '), /link-local|metadata/);
      }
      assert.equal(await t.deps.store.count('webhook_endpoints'), 0);
      // Loopback is still fine here: a receiver on the developer's own machine.
      assert.equal((await call(t, 'POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/hook' } })).status, 200);
    } finally {
      await t.close();
    }
  }
});

test('a name that resolves to a metadata address is refused at registration and at connect time', async () => {
  const relaxed = { allowPrivate: true, lookup: async () => ['93.184.215.14', '169.254.169.254'] };
  await assert.rejects(assertPublicUrl(new URL('https://hooks.example.test/'), relaxed), /link-local|metadata/);
  await assert.rejects(assertPublicUrl(new URL('https://hooks.example.test/'), { allowPrivate: true, lookup: async () => ['fd00:ec2::254'] }), UnsafeWebhookUrlError);
  await assertPublicUrl(new URL('https://hooks.example.test/'), { allowPrivate: true, lookup: async () => ['127.0.0.1', '10.0.0.7'] });

  // At connect time: the DNS step of the connection itself refuses it, and address literals too.
  const lookup = guardedLookup({ allowPrivate: true, lookup: async () => ['fe80::1'] });
  const err = await new Promise<Error | null>((resolve) => lookup('hooks.example.test', {}, (e) => resolve(e)));
  assert.ok(err instanceof UnsafeWebhookUrlError, String(err));
  const send = guardedTransport({ allowPrivate: true, lookup: async () => ['100.100.100.200'] });
  const input = (url: string) => ({ url, headers: {}, body: '{}', timeoutMs: 1000 });
  for (const url of ['http://169.254.169.254/latest', 'http://[fd00:ec2::254]/', 'http://rebound.example.test/']) {
    await assert.rejects(send(input(url)), UnsafeWebhookUrlError, url);
  }
});

test('an endpoint already stored with a metadata address is never delivered to, even in development', async () => {
  const t = await createTestApp();
  try {
    const merchant = (await t.deps.store.all('merchants'))[0];
    const now = new Date(t.clock.now).toISOString();
    // As if registered before this check existed.
    await t.deps.store.transact(async (tx) => {
      await tx.put('webhook_endpoints', {
        id: 'wh_legacy',
        merchant_id: merchant.id,
        mode: 'test',
        url: 'http://169.254.169.254/latest/meta-data/',
        name: null,
        delivery_mode: 'http',
        secret: newWebhookSecret(),
        events: ['subscription.canceled'],
        status: 'active',
        created_at: now,
        updated_at: now,
      });
    });
    const sub = (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, 'jean@example.com')).id))[0];
    assert.equal((await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } })).status, 200);
    let sent = 0;
    const worker = createWebhookWorker({
      store: t.deps.store,
      clock: t.deps.clock,
      log: createLogger('silent'),
      allowPrivate: true,
      transport: async () => (sent++, { status: 200, location: null }),
    });
    const tick = await worker.tick();
    assert.equal(tick.delivered, 0);
    assert.equal(sent, 0, 'nothing was sent to the metadata address');
    const [delivery] = await t.deps.store.findBy('webhook_deliveries', 'endpoint_id', 'wh_legacy');
    assert.match(delivery.last_error ?? '', /link-local|metadata/);
  } finally {
    await t.close();
  }
});
