import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { parseWebhookEventEntity, verifyWebhookSignature } from 'creem/webhooks';
import { createTestApp, call, customerByEmail, tokenFor, stored, isCreemError, DEMO_KEY, type TestApp } from '../support/server.js';
import { createWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from '../../server/webhooks/worker.js';
import { MAX_ATTEMPTS } from '../../server/webhooks/backoff.js';
import { createLogger } from '../../server/log.js';
import { loadConfig } from '../../server/config.js';
import type { Store } from '../../server/store/interface.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { buildDeps } from '../../server/deps.js';
import { loadKeys } from '../../server/auth/keys.js';
import { createApp } from '../../server/app.js';
import { seedDemo, ensureDemoKey } from '../../server/seed/demo.js';

// ---------- a real HTTP receiver on loopback ----------

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Reply = { status: number; headers?: Record<string, string>; delayMs?: number };

interface Receiver {
  url: string;
  received: Received[];
  reply: (n: number) => Reply;
  close(): Promise<void>;
}

async function startReceiver(reply: (n: number) => Reply = () => ({ status: 200 })): Promise<Receiver> {
  const received: Received[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const r = { received, reply } as Receiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = r.reply(received.length);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) res.writeHead(answer.status, answer.headers).end('ok');
      }, answer.delayMs ?? 0);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}

// ---------- fixtures ----------

const silent = createLogger('silent');
let t: TestApp;
let receivers: Receiver[];
let workers: WebhookWorker[];

beforeEach(async () => {
  t = await createTestApp();
  receivers = [];
  workers = [];
});
afterEach(async () => {
  for (const w of workers) await w.stop();
  for (const r of receivers) await r.close();
  await t.close();
});

async function receiver(reply?: (n: number) => Reply) {
  const r = await startReceiver(reply);
  receivers.push(r);
  return r;
}

function worker(opts: Partial<WebhookWorkerOptions> = {}) {
  // random pinned to 0.5: no jitter, so the test knows each retry time exactly.
  const w = createWebhookWorker({ store: t.deps.store, clock: t.deps.clock, log: silent, allowPrivate: true, random: () => 0.5, ...opts });
  workers.push(w);
  return w;
}

async function register(url: string, events?: string[]) {
  const res = await call(t, 'POST', '/v1/webhooks', { body: { url, ...(events ? { events } : {}) } });
  assert.equal(res.status, 200, res.text);
  return res.json as { id: string; secret: string };
}

const subOf = async (email: string, status = 'active') =>
  (await t.deps.store.findBy('subscriptions', 'customer_id', (await customerByEmail(t, email)).id)).find((s) => s.status === status)!;
const deliveriesOf = async (eventId: string) => await t.deps.store.findBy('webhook_deliveries', 'event_id', eventId);
const eventsAbout = async (subId: string) => (await t.deps.store.all('webhook_events')).filter((e) => (e.object as { id?: string }).id === subId);

/** The check a receiver would write without Creem's SDK. */
function assertIndependentSignatures(r: Received, secret: string) {
  assert.equal(r.headers['creem-signature'], createHmac('sha256', secret).update(r.body).digest('hex'));
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`;
  assert.equal(r.headers['webhook-signature'], `v1,${createHmac('sha256', key).update(signed).digest('base64')}`);
  assert.equal(r.headers['webhook-id'], JSON.parse(r.body).id);
}

// ---------- tests ----------

test('each change, from the portal or the merchant API, reaches a real receiver exactly once with valid signatures', async () => {
  const rx = await receiver();
  const endpoint = await register(rx.url);
  const ada = await customerByEmail(t, 'ada@example.com');
  const sub = await subOf('ada@example.com');

  const token = await tokenFor(t, ada.id);
  const steps = [
    await call(t, 'POST', `/portal/api/subscriptions/${sub.id}/cancel`, { key: null, token, body: { mode: 'scheduled', reason: 'unused' } }),
    await call(t, 'POST', `/v1/subscriptions/${sub.id}/resume`),
    await call(t, 'POST', `/v1/subscriptions/${sub.id}/pause`),
    await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } }),
  ];
  assert.deepEqual(steps.map((s) => s.status), [200, 200, 200, 200]);

  const w = worker();
  const result = await w.tick();
  assert.deepEqual(result, { attempted: 4, delivered: 4, retrying: 0, gaveUp: 0 });
  assert.deepEqual(await w.tick(), { attempted: 0, delivered: 0, retrying: 0, gaveUp: 0 }, 'nothing is sent twice');
  assert.equal(rx.received.length, 4);

  const recorded = await eventsAbout(sub.id);
  assert.deepEqual(
    recorded.map((e) => e.eventType),
    ['subscription.scheduled_cancel', 'subscription.active', 'subscription.paused', 'subscription.canceled'],
  );
  const byId = new Map(rx.received.map((r) => [JSON.parse(r.body).id as string, r]));
  assert.deepEqual([...byId.keys()].sort(), recorded.map((e) => e.id).sort(), 'each event arrived once');

  for (const event of recorded) {
    const r = byId.get(event.id)!;
    await verifyWebhookSignature(r.body, r.headers as Record<string, string>, endpoint.secret);
    assertIndependentSignatures(r, endpoint.secret);
    // Creem's own schema for the envelope: {id, eventType, created_at (ms), object} with product and customer expanded.
    const envelope = parseWebhookEventEntity(r.body);
    assert.equal(envelope.eventType, event.eventType);
    const object = JSON.parse(r.body).object;
    assert.equal(object.id, sub.id);
    assert.equal(object.customer.id, ada.id);
    assert.equal(object.product.id, sub.product_id);
    assert.equal(typeof JSON.parse(r.body).created_at, 'number');
    assert.equal(r.headers['content-type'], 'application/json');
  }

  const log = await call(t, 'GET', `/v1/webhooks/${endpoint.id}/deliveries`);
  assert.equal(log.json.items.length, 4);
  assert.ok(log.json.items.every((d: { status: string; attempts: number; log: unknown[] }) => d.status === 'delivered' && d.attempts === 1 && d.log.length === 1));
  const onDisk = (await stored(t)).collections.webhook_deliveries.filter((d: { endpoint_id: string }) => d.endpoint_id === endpoint.id);
  assert.ok(onDisk.length === 4 && onDisk.every((d: { status: string }) => d.status === 'delivered'));
});

test('a receiver answering 500 three times then 200 gets the event on the 4th attempt, after 30 s, 1 min and 5 min', async () => {
  const rx = await receiver((n) => ({ status: n <= 3 ? 500 : 200 }));
  const endpoint = await register(rx.url, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  assert.equal((await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } })).status, 200);
  const [event] = await eventsAbout(sub.id);
  const w = worker();

  const waits: number[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    assert.deepEqual(await w.tick(), { attempted: 1, delivered: 0, retrying: 1, gaveUp: 0 });
    const [d] = await deliveriesOf(event.id);
    assert.equal(d.attempts, attempt);
    assert.equal(d.last_status, 500);
    waits.push(d.next_attempt_at - t.clock.now);
    assert.equal((await w.tick()).attempted, 0, 'not retried before its time');
    t.clock.advance(d.next_attempt_at - t.clock.now);
  }
  assert.deepEqual(waits, [30_000, 60_000, 300_000]);
  assert.deepEqual(await w.tick(), { attempted: 1, delivered: 1, retrying: 0, gaveUp: 0 });

  assert.equal(rx.received.length, 4);
  const [d] = await deliveriesOf(event.id);
  assert.equal(d.status, 'delivered');
  assert.deepEqual(d.log.map((l) => l.status), [500, 500, 500, 200]);
  for (const r of rx.received) {
    assert.equal(r.headers['webhook-id'], event.id, 'every attempt carries the same event id');
    assert.equal(r.body, rx.received[0].body, 'and the same body bytes');
    assertIndependentSignatures(r, endpoint.secret);
  }
  // Each attempt is signed at its own (injected) time; the SDK checks it against the wall clock,
  // so widen the tolerance by how far the test moved time.
  const last = rx.received[3];
  assert.equal(Number(last.headers['webhook-timestamp']), Math.floor(t.clock.now / 1000));
  await verifyWebhookSignature(last.body, last.headers as Record<string, string>, { secret: endpoint.secret, toleranceInSeconds: 3600 });
  assert.equal((await stored(t)).collections.webhook_deliveries.find((x: { id: string }) => x.id === d.id).status, 'delivered');
});

test('a delivery that keeps failing is given up after the retry limit, with every attempt logged', async () => {
  const rx = await receiver(() => ({ status: 503 }));
  await register(rx.url, ['subscription.paused']);
  const sub = await subOf('ada@example.com');
  assert.equal((await call(t, 'POST', `/v1/subscriptions/${sub.id}/pause`)).status, 200);
  const w = worker();
  for (let i = 1; i < MAX_ATTEMPTS; i++) {
    assert.equal((await w.tick()).retrying, 1);
    t.clock.advance(2 * 3_600_000);
  }
  assert.deepEqual(await w.tick(), { attempted: 1, delivered: 0, retrying: 0, gaveUp: 1 });
  t.clock.advance(24 * 3_600_000);
  assert.equal((await w.tick()).attempted, 0);
  const [d] = await deliveriesOf((await eventsAbout(sub.id))[0].id);
  assert.equal(d.status, 'failed');
  assert.equal(d.attempts, MAX_ATTEMPTS);
  assert.equal(rx.received.length, MAX_ATTEMPTS);
});

test('a redirect is never followed: the 3xx counts as a failure and its target gets nothing', async () => {
  const target = await receiver();
  const rx = await receiver(() => ({ status: 302, headers: { location: target.url } }));
  await register(rx.url, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  assert.equal((await worker().tick()).retrying, 1);
  const [d] = await deliveriesOf((await eventsAbout(sub.id))[0].id);
  assert.equal(d.last_status, 302);
  assert.match(d.last_error ?? '', /redirect .* not followed/);
  assert.equal(rx.received.length, 1);
  assert.equal(target.received.length, 0);
});

test('a receiver that does not answer in time is cut off and retried', async () => {
  const rx = await receiver(() => ({ status: 200, delayMs: 5_000 }));
  await register(rx.url, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  const started = Date.now();
  assert.equal((await worker({ timeoutMs: 150 }).tick()).retrying, 1);
  assert.ok(Date.now() - started < 2_000, 'the attempt did not wait for the slow receiver');
  const [d] = await deliveriesOf((await eventsAbout(sub.id))[0].id);
  assert.equal(d.last_status, null);
  assert.match(d.last_error ?? '', /no answer within 150 ms/);
});

test('when private webhooks are not allowed, a delivery to a loopback address is refused before sending', async () => {
  const rx = await receiver();
  await register(rx.url, ['subscription.canceled']); // registered while allowed (development)
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  assert.equal((await worker({ allowPrivate: false }).tick()).retrying, 1);
  assert.equal(rx.received.length, 0);
  assert.match((await deliveriesOf((await eventsAbout(sub.id))[0].id))[0].last_error ?? '', /private, loopback or link-local/);
});

test('a host that answers public to the check and private at connect time (DNS rebinding) is refused at connect', async () => {
  const rx = await receiver();
  const port = new URL(rx.url).port;
  // "localhost" is what the system resolver would connect to; the injected resolver plays a rebinding DNS server.
  await register(`http://localhost:${port}/hook`, ['subscription.canceled']);
  const asked: string[] = [];
  const lookup = async (host: string) => {
    asked.push(host);
    return asked.length === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
  };
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  assert.equal((await worker({ allowPrivate: false, lookup }).tick()).retrying, 1);
  assert.equal(rx.received.length, 0, 'nothing reached the loopback receiver');
  assert.deepEqual(asked, ['localhost', 'localhost'], 'the connection resolved the name itself, through the guard');
  assert.match((await deliveriesOf((await eventsAbout(sub.id))[0].id))[0].last_error ?? '', /private, loopback or link-local address \(127\.0\.0\.1\)/);
});

test('the delivery connects to the address its own lookup returned', async () => {
  const rx = await receiver();
  const port = new URL(rx.url).port;
  await register(`http://hooks.acme.invalid:${port}/hook`, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  // Private addresses allowed (development): the injected resolver's 127.0.0.1 is where it goes.
  assert.equal((await worker({ allowPrivate: true, lookup: async () => ['127.0.0.1'] }).tick()).delivered, 1);
  assert.equal(rx.received.length, 1);
  assert.equal(rx.received[0].headers.host, `hooks.acme.invalid:${port}`);
});

test('a merchant can re-send an event: the receiver gets it again with the same id and body', async () => {
  const rx = await receiver();
  const endpoint = await register(rx.url, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  const w = worker();
  await w.tick();
  const [event] = await eventsAbout(sub.id);

  const eventsBefore = await t.deps.store.count('webhook_events');
  const resent = await call(t, 'POST', `/v1/webhooks/events/${event.id}/resend`);
  assert.equal(resent.status, 200, resent.text);
  assert.equal(resent.json.id, event.id);
  assert.deepEqual(resent.json.deliveries.map((d: { status: string; webhook_id: string }) => [d.status, d.webhook_id]), [['pending', endpoint.id]]);
  assert.equal((await stored(t)).collections.webhook_deliveries.find((d: { event_id: string }) => d.event_id === event.id).status, 'pending');
  assert.equal((await w.tick()).delivered, 1);
  assert.equal(rx.received.length, 2);
  assert.equal(rx.received[1].headers['webhook-id'], event.id);
  assert.equal(rx.received[1].body, rx.received[0].body);
  assert.equal(await t.deps.store.count('webhook_events'), eventsBefore, 'a replay is the same event, not a new one');

  const missing = await call(t, 'POST', '/v1/webhooks/events/evt_nope/resend');
  assert.equal(missing.status, 404);
  assert.ok(isCreemError(missing.json, 404));
  await call(t, 'PATCH', `/v1/webhooks/${endpoint.id}`, { body: { status: 'disabled' } });
  const disabled = await call(t, 'POST', `/v1/webhooks/events/${event.id}/resend`, { body: { webhook_id: endpoint.id } });
  assert.equal(disabled.status, 409);
  assert.ok(isCreemError(disabled.json, 409));
});

test('50 parallel cancels of one subscription make exactly one change and one subscription.canceled event', async () => {
  const rx = await receiver();
  await register(rx.url);
  const sub = await subOf('ada@example.com');
  const eventsBefore = await t.deps.store.count('webhook_events');
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } })),
  );
  const statuses = answers.map((a) => a.status);
  assert.equal(statuses.filter((s) => s === 200).length, 1);
  assert.equal(statuses.filter((s) => s === 409).length, 49);
  assert.ok(answers.filter((a) => a.status === 409).every((a) => isCreemError(a.json, 409)));

  assert.equal(await t.deps.store.count('webhook_events'), eventsBefore + 1);
  const onDisk = (await stored(t)).collections;
  const canceledEvents = onDisk.webhook_events.filter((e: { eventType: string; object: { id: string } }) => e.eventType === 'subscription.canceled' && e.object.id === sub.id);
  assert.equal(canceledEvents.length, 1);
  const record = onDisk.subscriptions.find((s: { id: string }) => s.id === sub.id);
  assert.equal(record.status, 'canceled');
  assert.equal(record.canceled_at, answers.find((a) => a.status === 200)!.json.canceled_at);

  assert.equal((await worker().tick()).delivered, 1);
  assert.equal(rx.received.length, 1);
  assert.equal(JSON.parse(rx.received[0].body).id, canceledEvents[0].id);
});

test('stop() waits for an attempt in flight and records it before resolving', async () => {
  const rx = await receiver(() => ({ status: 200, delayMs: 300 }));
  await register(rx.url, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  const w = worker();
  void w.tick();
  while (rx.received.length === 0) await new Promise((r) => setTimeout(r, 10));
  await w.stop();
  const eventId = (await eventsAbout(sub.id))[0].id;
  assert.equal((await stored(t)).collections.webhook_deliveries.find((d: { event_id: string }) => d.event_id === eventId).status, 'delivered');
});

test('a disabled endpoint receives nothing until re-enabled, and deleting one drops its pending deliveries', async () => {
  const rx = await receiver();
  const endpoint = await register(rx.url, ['subscription.canceled']);
  const sub = await subOf('jean@example.com');
  await call(t, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { mode: 'immediate' } });
  await call(t, 'PATCH', `/v1/webhooks/${endpoint.id}`, { body: { status: 'disabled' } });
  const w = worker();
  assert.equal((await w.tick()).attempted, 0, 'queued before the disable, held while disabled');
  await call(t, 'PATCH', `/v1/webhooks/${endpoint.id}`, { body: { status: 'enabled' } });
  assert.equal((await w.tick()).delivered, 1);
  assert.equal(rx.received.length, 1);

  const other = await register(rx.url, ['subscription.paused']);
  const ada = await subOf('ada@example.com');
  await call(t, 'POST', `/v1/subscriptions/${ada.id}/pause`);
  assert.equal((await t.deps.store.findBy('webhook_deliveries', 'endpoint_id', other.id)).length, 1);
  assert.equal((await call(t, 'DELETE', `/v1/webhooks/${other.id}`)).status, 200);
  assert.equal((await t.deps.store.findBy('webhook_deliveries', 'endpoint_id', other.id)).length, 0);
  assert.equal((await stored(t)).collections.webhook_deliveries.filter((d: { endpoint_id: string }) => d.endpoint_id === other.id).length, 0);
  assert.equal((await w.tick()).attempted, 0);
  assert.equal(rx.received.length, 1);
});

// ---------- restart: a real server process life cycle over one data file ----------

interface Running {
  url: string;
  store: Store;
  stop(): Promise<void>;
}

/** What server/main.ts does: open the store, seed, build the app, listen, start the worker. */
async function boot(dataFile: string, clock: () => number): Promise<Running> {
  const config = loadConfig({ DATA_FILE: dataFile, LOG_LEVEL: 'silent' });
  const store = await LowdbStore.open(dataFile);
  const now = clock();
  await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: [], now });
  await ensureDemoKey(store, DEMO_KEY, now);
  const app = createApp(buildDeps({ config, store, clock, log: silent, keys: await loadKeys(dataFile, undefined, now) }));
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const w = createWebhookWorker({ store, clock, log: silent, allowPrivate: config.allowPrivateWebhooks, pollMs: 20, random: () => 0.5 });
  w.start();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    async stop() {
      await w.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a delivery pending when the server stops is delivered after it starts again, with the same event id', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-webhook-restart-'));
  const dataFile = path.join(dir, 'db.json');
  let now = Date.now();
  const clock = () => now;
  let up = false;
  const rx = await receiver(() => ({ status: up ? 200 : 503 }));
  const api = (base: string, method: string, p: string, body?: unknown) =>
    fetch(base + p, { method, headers: { 'x-api-key': DEMO_KEY, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  try {
    const first = await boot(dataFile, clock);
    const endpoint = await (await api(first.url, 'POST', '/v1/webhooks', { url: rx.url, events: ['subscription.canceled'] })).json();
    const sub = (await first.store.all('subscriptions')).find((s) => s.status === 'active')!;
    assert.equal((await api(first.url, 'POST', `/v1/subscriptions/${sub.id}/cancel`, { mode: 'immediate' })).status, 200);
    await until('the first attempt to fail', async () => (await first.store.findBy('webhook_deliveries', 'endpoint_id', endpoint.id))[0]?.attempts === 1);
    await first.stop();

    const stopped = JSON.parse(fs.readFileSync(dataFile, 'utf8')).collections.webhook_deliveries[0];
    assert.equal(stopped.status, 'pending');
    assert.equal(stopped.attempts, 1);
    const eventId: string = stopped.event_id;
    assert.equal(rx.received.length, 1);

    up = true;
    now += 31_000;
    const second = await boot(dataFile, clock);
    try {
      await until('the retry after restart', async () => (await second.store.get('webhook_deliveries', stopped.id))?.status === 'delivered');
    } finally {
      await second.stop();
    }
    assert.equal(rx.received.length, 2);
    assert.deepEqual(rx.received.map((r) => r.headers['webhook-id']), [eventId, eventId]);
    assert.equal(JSON.parse(rx.received[1].body).id, eventId);
    const after = JSON.parse(fs.readFileSync(dataFile, 'utf8')).collections.webhook_deliveries[0];
    assert.equal(after.status, 'delivered');
    assert.equal(after.attempts, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
