import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, WebhookVerificationError } from 'creem/webhooks';
import { deliveryHeaders, newWebhookSecret } from '../../server/webhooks/sign.js';
import { MAX_ATTEMPTS, retryDelayMs } from '../../server/webhooks/backoff.js';
import { assertPublicUrl, isPrivateAddress, UnsafeWebhookUrlError } from '../../server/webhooks/address-guard.js';
import { guardedTransport } from '../../server/webhooks/transport.js';

const body = JSON.stringify({ id: 'evt_1', eventType: 'subscription.canceled', created_at: 1, object: { id: 'sub_1' } });

test('secrets are whsec_ plus base64 of 32 random bytes, never repeated', () => {
  const a = newWebhookSecret();
  const b = newWebhookSecret();
  assert.match(a, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(a.slice(6), 'base64').length, 32);
  assert.notEqual(a, b);
});

test("Creem's SDK verifier accepts both the Standard Webhooks and the legacy creem-signature header", async () => {
  const secret = newWebhookSecret();
  const headers = deliveryHeaders({ secret, eventId: 'evt_1', body, now: Date.now() });
  await verifyWebhookSignature(body, headers, secret);
  // Legacy receivers read only creem-signature: the SDK falls back to it when the standard headers are absent.
  await verifyWebhookSignature(body, { 'creem-signature': headers['creem-signature'] }, secret);
});

test('signatures match an independent HMAC computation', () => {
  const secret = newWebhookSecret();
  const now = 1_700_000_000_123;
  const h = deliveryHeaders({ secret, eventId: 'evt_42', body, now });
  assert.equal(h['creem-signature'], createHmac('sha256', secret).update(body).digest('hex'));
  assert.match(h['creem-signature'], /^[0-9a-f]{64}$/);
  assert.equal(h['webhook-id'], 'evt_42');
  assert.equal(h['webhook-timestamp'], '1700000000');
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  assert.equal(h['webhook-signature'], `v1,${createHmac('sha256', key).update(`evt_42.1700000000.${body}`).digest('base64')}`);
});

test('a tampered body, a wrong secret or a stale timestamp is rejected by the SDK verifier', async () => {
  const secret = newWebhookSecret();
  const headers = deliveryHeaders({ secret, eventId: 'evt_1', body, now: Date.now() });
  await assert.rejects(verifyWebhookSignature(body.replace('sub_1', 'sub_2'), headers, secret), WebhookVerificationError);
  await assert.rejects(verifyWebhookSignature(body, headers, newWebhookSecret()), WebhookVerificationError);
  const stale = deliveryHeaders({ secret, eventId: 'evt_1', body, now: Date.now() - 10 * 60_000 });
  await assert.rejects(verifyWebhookSignature(body, stale, secret), /too old/);
});

test('retries back off 30 s, 1 min, 5 min, 1 h, then hourly, with ±10 % jitter, and stop at the limit', () => {
  const mid = () => 0.5;
  assert.deepEqual([1, 2, 3, 4, 5, 8].map((n) => retryDelayMs(n, mid)), [30_000, 60_000, 300_000, 3_600_000, 3_600_000, 3_600_000]);
  assert.equal(retryDelayMs(1, () => 0), 27_000);
  assert.equal(retryDelayMs(1, () => 1), 33_000);
  assert.equal(retryDelayMs(MAX_ATTEMPTS - 1, mid), 3_600_000);
  assert.equal(retryDelayMs(MAX_ATTEMPTS, mid), null);
});

test('loopback, private, link-local and IPv4-in-IPv6 addresses count as private; public ones do not', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe']) {
    assert.equal(isPrivateAddress(a), true, a);
  }
  for (const a of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '::ffff:5db8:d70e']) assert.equal(isPrivateAddress(a), false, a);
});

test('the URL guard refuses private hosts, resolved names included, unless private webhooks are allowed', async () => {
  const guard = (lookup: (h: string) => Promise<string[]>) => ({ allowPrivate: false, lookup });
  const looked: string[] = [];
  const none = async (h: string) => (looked.push(h), ['93.184.215.14']);
  for (const u of ['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest', 'http://[::ffff:127.0.0.1]/']) {
    await assert.rejects(assertPublicUrl(new URL(u), guard(none)), UnsafeWebhookUrlError, u);
  }
  assert.deepEqual(looked, [], 'IP literals are judged as they are, not looked up');
  // One private record among public ones is enough to refuse (DNS rebinding, split answers).
  await assert.rejects(assertPublicUrl(new URL('https://hooks.example.test/'), guard(async () => ['93.184.215.14', '10.0.0.5'])), /10\.0\.0\.5/);
  await assert.rejects(assertPublicUrl(new URL('https://nowhere.example.test/'), guard(async () => { throw Object.assign(new Error('x'), { code: 'ENOTFOUND' }); })), /ENOTFOUND/);
  await assertPublicUrl(new URL('https://hooks.example.test/'), guard(async () => ['93.184.215.14']));
  await assertPublicUrl(new URL('http://127.0.0.1:8080/hook'), { allowPrivate: true });
});

test('the delivery transport checks the address it connects to, for names and address literals alike', async () => {
  let hits = 0;
  const server = http.createServer((_req, res) => (hits++, res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const input = (url: string) => ({ url, headers: { 'content-type': 'application/json' }, body: body, timeoutMs: 2_000 });
  try {
    const strict = guardedTransport({ allowPrivate: false, lookup: async () => ['127.0.0.1'] });
    await assert.rejects(strict(input(`http://localhost:${port}/hook`)), /private, loopback or link-local address \(127\.0\.0\.1\)/);
    await assert.rejects(strict(input(`http://127.0.0.1:${port}/hook`)), UnsafeWebhookUrlError);
    await assert.rejects(strict(input(`http://[::ffff:127.0.0.1]:${port}/hook`)), UnsafeWebhookUrlError);
    assert.equal(hits, 0);
    const relaxed = guardedTransport({ allowPrivate: true, lookup: async () => ['127.0.0.1'] });
    assert.deepEqual(await relaxed(input(`http://anything.invalid:${port}/hook`)), { status: 200, location: null });
    assert.equal(hits, 1);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
