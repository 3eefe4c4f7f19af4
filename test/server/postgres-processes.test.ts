import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHILD_DEMO_KEY as KEY, http, type ChildServer } from '../support/child-server.js';
import { cluster, holdLock, until, type Cluster } from '../support/process-cluster.js';
import { startReceiver } from '../support/webhook-receiver.js';
import { isCreemError } from '../support/server.js';
import { migrations } from '../../server/store/postgres/migrate.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { seedDemo, ensureDemoKey } from '../../server/seed/demo.js';
import { freshSchema, testDatabaseUrl } from '../support/postgres.js';
import { COLLECTIONS } from '../../server/store/schema.js';
import { newId, sha256 } from '../../server/ids.js';
import type { Subscription } from '../../server/store/schema.js';

/*
 * Several real server processes on one PostgreSQL schema behave as one server. Each test starts
 * three processes (test/support/process-cluster.ts) and spreads its requests over them. Where a
 * race matters, the test holds a lock of its own in the database until every process has work
 * waiting behind it (seen in pg_stat_activity by each process's application_name), then lets go:
 * the processes then contend for certain, whatever the timing of their starts.
 */

const DAY = 86_400_000;

async function customerOf(c: Cluster, email: string) {
  return (await c.sql<{ doc: any }>('SELECT doc FROM customers WHERE email = $1', [email]))[0].doc;
}

async function merchantOf(c: Cluster) {
  return (await c.sql<{ doc: any }>('SELECT doc FROM merchants'))[0].doc;
}

async function eventsFor(c: Cluster, ids: string[]) {
  return (await c.sql<{ doc: any }>(`SELECT doc FROM webhook_events WHERE doc -> 'object' ->> 'id' = ANY($1) ORDER BY seq`, [ids])).map((r) => r.doc);
}

async function subscriptions(c: Cluster, ids: string[]): Promise<Map<string, Subscription>> {
  const rows = await c.sql<{ doc: Subscription }>('SELECT doc FROM subscriptions WHERE id = ANY($1)', [ids]);
  return new Map(rows.map((r) => [r.doc.id, r.doc]));
}

/** Copies of one of `email`'s active subscriptions, written through the real Store before the processes start. */
async function addSubscriptions(store: PostgresStore, email: string, n: number, shape: (i: number) => Partial<Subscription> = () => ({})): Promise<string[]> {
  const owner = (await store.findBy('customers', 'email', email))[0]!;
  const template = (await store.findBy('subscriptions', 'customer_id', owner.id)).find((s) => s.status === 'active')!;
  const ids: string[] = [];
  await store.transact(async (tx) => {
    for (let i = 0; i < n; i++) {
      const id = newId('sub');
      ids.push(id);
      await tx.put('subscriptions', { ...template, id, last_transaction_id: null, items: template.items.map((it) => ({ ...it, id: newId('sitem') })), ...shape(i) });
    }
  });
  return ids;
}

const spread = <T>(servers: ChildServer[], n: number, send: (server: ChildServer, i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => send(servers[i % servers.length], i)));

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});

test('50 parallel cancels of one subscription spread over 3 processes: one transition, one event, one delivery', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  const receiver = await startReceiver();
  let merchantSub = '';
  let portalSub = '';
  try {
    const servers = await c.start({ prepare: async (store) => void ([merchantSub, portalSub] = await addSubscriptions(store, 'ada@example.com', 2)) });
    const hook = await http(servers[0].url, 'POST', '/v1/webhooks', { key: KEY, body: { url: receiver.url('/hooks') } });
    assert.equal(hook.status, 200, hook.text);
    const ada = await customerOf(c, 'ada@example.com');
    const minted = await http(servers[0].url, 'POST', '/v1/widget-tokens', { key: KEY, body: { customer_id: ada.id } });
    const rounds = [
      { name: 'merchant API', sub: merchantSub, send: (s: ChildServer) => http(s.url, 'POST', `/v1/subscriptions/${merchantSub}/cancel`, { key: KEY, body: { mode: 'immediate' } }), status: 'canceled', event: 'subscription.canceled' },
      { name: 'portal', sub: portalSub, send: (s: ChildServer) => http(s.url, 'POST', `/portal/api/subscriptions/${portalSub}/cancel`, { token: minted.json.token, body: { mode: 'scheduled', reason: 'unused' } }), status: 'scheduled_cancel', event: 'subscription.scheduled_cancel' },
    ];
    for (const round of rounds) {
      // Every process gets cancels stuck on the subscription's row before any can commit.
      const lock = await holdLock(c, 'SELECT 1 FROM subscriptions WHERE id = $1 FOR UPDATE', [round.sub]);
      const answers = spread(servers, 50, (s) => round.send(s));
      const waiting = await lock.waitFor((n) => n.every((x) => x >= 5), `${round.name}: cancels waiting on the subscription in every process`).finally(() => lock.release());
      const results = await answers;
      const statuses = tally(results.map((r) => r.status));
      t.diagnostic(`${round.name}: waiting per process at release ${waiting.join('/')}; answers ${JSON.stringify(statuses)}`);
      assert.deepEqual(statuses, { 200: 1, 409: 49 }, 'exactly one cancel went through, the others were told 409');
      assert.ok(results.filter((r) => r.status === 409).every((r) => isCreemError(r.json, 409)), "each refusal is Creem's error body");
      assert.equal((await subscriptions(c, [round.sub])).get(round.sub)!.status, round.status);
      const events = await eventsFor(c, [round.sub]);
      assert.deepEqual(events.map((e) => e.eventType), [round.event], 'one webhook event');
      const deliveries = await c.sql<{ doc: any }>('SELECT doc FROM webhook_deliveries WHERE event_id = $1', [events[0].id]);
      assert.equal(deliveries.length, 1, 'one delivery for the one endpoint');
      await until(() => c.sql(`SELECT 1 FROM webhook_deliveries WHERE event_id = $1 AND status = 'delivered'`, [events[0].id]), (r) => r.length === 1, 'the delivery is made');
      await until(async () => receiver.inFlight(), (n) => n === 0, 'the receiver has answered');
      assert.equal(receiver.counts().get(`/hooks ${events[0].id}`), 1, 'the receiver got the event once');
    }
  } finally {
    await c.close();
    await receiver.close();
  }
});

test('magic-link limits count across processes: 24 requests for one address over 3 processes send 5 mails in all', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  try {
    const servers = await c.start();
    const merchant = await merchantOf(c);
    const ada = await customerOf(c, 'ada@example.com');
    const results = await spread(servers, 24, (s) => http(s.url, 'POST', '/portal/api/magic-link', { body: { merchant_id: merchant.id, email: 'ada@example.com' } }));
    const statuses = tally(results.map((r) => r.status));
    // 20 requests per client address per 15 minutes, then 429; 5 mails per email address per 10
    // minutes, then the same 202 without a mail (docs/domain.md, "Sign-in credentials").
    assert.deepEqual(statuses, { 202: 20, 429: 4 }, 'the client budget of 20 is shared by the processes');
    assert.ok(results.filter((r) => r.status === 202).every((r) => r.json?.ok === true));
    const refused = results.filter((r) => r.status === 429);
    assert.ok(refused.every((r) => isCreemError(r.json, 429) && Number(r.headers.get('retry-after')) > 0), 'a 429 is Creem error body with Retry-After');
    const mails = () => c.sql<{ doc: any }>(`SELECT doc FROM dev_secret_mail WHERE doc ->> 'to' = 'ada@example.com'`);
    await until(mails, (m) => m.length >= 5, 'the mails are sent');
    // The mails go out after the answers: give any beyond the fifth the time to show up.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await mails()).length, 5, '5 mails in all, not 5 per process');
    const codes = await c.sql(`SELECT 1 FROM sign_in_codes WHERE customer_id = $1 AND doc ->> 'kind' = 'magic_link'`, [ada.id]);
    assert.equal(codes.length, 5, 'one code per mail');
    for (const s of servers) {
      const box = await http(s.url, 'GET', '/dev/mailbox/messages');
      assert.equal(box.json.filter((m: any) => m.to === 'ada@example.com').length, 5, 'every process shows the same dev outbox');
    }
    t.diagnostic(`answers ${JSON.stringify(statuses)}; mails ${(await mails()).length}; codes ${codes.length}`);
  } finally {
    await c.close();
  }
});

/** A hosted-portal form post with its CSRF pair (cookie + field), as the page's own form sends it. */
async function formPost(base: string, path: string, fields: Record<string, string>, cookies: Record<string, string> = {}) {
  const csrf = 'x'.repeat(43);
  const cookie = Object.entries({ ...cookies, creem_portal_csrf: csrf })
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ ...fields, csrf }).toString(),
  });
  await res.text();
  return res;
}

function sessionCookie(res: Response): string {
  const m = /creem_portal_session=([^;]+)/.exec(res.headers.getSetCookie().join('\n'));
  assert.ok(m, `a session cookie was set: ${res.status} ${res.headers.getSetCookie().join(' | ')}`);
  return m[1];
}

test('links are spent once across processes, and sign-out or revocation on one process holds on every other', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  try {
    const [a, b, cc] = await c.start();
    const servers = [a, b, cc];
    const merchant = await merchantOf(c);
    const grace = await customerOf(c, 'grace@example.com');
    const exchange = (s: ChildServer, code: string) => http(s.url, 'POST', '/portal/api/session/exchange', { body: { code } });
    const portalLink = async (s: ChildServer) => {
      const r = await http(s.url, 'POST', '/v1/customers/billing', { key: KEY, body: { customer_id: grace.id } });
      assert.equal(r.status, 200, r.text);
      return r.json.customer_portal_link.split('/portal/link/')[1] as string;
    };

    // A portal link made on A, spent on B, is refused on C and A.
    const code = await portalLink(a);
    assert.equal((await exchange(b, code)).status, 200);
    for (const s of [cc, a]) assert.equal((await exchange(s, code)).status, 400, 'a spent portal link is refused on every process');

    // One portal link sent to all three at once, each process's exchanges held up on the code's row until all are there: one of them signs in.
    const raced = await portalLink(b);
    const lock = await holdLock(c, 'SELECT 1 FROM sign_in_codes WHERE hash = $1 FOR UPDATE', [sha256(raced)]);
    const exchanges = spread(servers, 6, (s) => exchange(s, raced));
    await lock.waitFor((n) => n.every((x) => x === 2), 'exchanges of the link waiting in every process').finally(() => lock.release());
    const race = tally((await exchanges).map((r) => r.status));
    assert.deepEqual(race, { 200: 1, 400: 5 }, 'one exchange of a link raced over the processes wins');

    // A magic link asked on A, used on B, is refused on C.
    assert.equal((await http(a.url, 'POST', '/portal/api/magic-link', { body: { merchant_id: merchant.id, email: 'grace@example.com' } })).status, 202);
    const [mail] = await until(() => c.sql<{ doc: any }>(`SELECT doc FROM dev_secret_mail WHERE doc ->> 'to' = 'grace@example.com'`), (m) => m.length === 1, 'the magic link is mailed');
    const magic = /creem_code=([A-Za-z0-9_-]+)/.exec(mail.doc.text)![1];
    assert.equal((await exchange(b, magic)).status, 200);
    assert.equal((await exchange(cc, magic)).status, 400, 'a spent magic link is refused on another process');

    // A widget token minted by A, in use on all three (each has verified it), revoked via B: refused by C and A.
    const token = (await http(a.url, 'POST', '/v1/widget-tokens', { key: KEY, body: { customer_id: grace.id } })).json.token;
    for (const s of servers) assert.equal((await http(s.url, 'GET', '/portal/api/overview', { token })).status, 200, 'the token works on every process');
    assert.equal((await http(b.url, 'POST', '/v1/widget-tokens/revoke', { key: KEY, body: { customer_id: grace.id } })).status, 200);
    for (const s of [cc, a]) {
      const r = await http(s.url, 'GET', '/portal/api/overview', { token });
      assert.equal(r.status, 401, 'a revoked token is refused on every process');
      assert.ok(isCreemError(r.json, 401));
    }

    // A hosted session started on A, signed out on B: its cookie and the tokens minted from it stop on C and A.
    const started = await formPost(a.url, '/portal/session', { code: await portalLink(a) });
    assert.equal(started.status, 303);
    const session = { creem_portal_session: sessionCookie(started) };
    const sessionToken = (s: ChildServer) => fetch(`${s.url}/portal/session/token`, { headers: { cookie: `creem_portal_session=${session.creem_portal_session}` } });
    const fromSession = await sessionToken(b);
    assert.equal(fromSession.status, 200);
    const bearer = (await fromSession.json()).token as string;
    for (const s of servers) assert.equal((await http(s.url, 'GET', '/portal/api/overview', { token: bearer })).status, 200);
    assert.equal((await formPost(b.url, '/portal/logout', {}, session)).status, 303);
    for (const s of [cc, a]) {
      assert.equal((await sessionToken(s)).status, 401, 'the signed-out session cookie is refused on every process');
      assert.equal((await http(s.url, 'GET', '/portal/api/overview', { token: bearer })).status, 401, 'so is a token minted from it');
    }
    t.diagnostic(`portal link race over 3 processes: ${JSON.stringify(race)}`);
  } finally {
    await c.close();
  }
});

test('webhook deliveries with 3 workers: each attempt made once, and a failed one retried once after its back-off', { timeout: 90_000 }, async (t) => {
  const c = cluster();
  // /flaky fails each event's first attempt; answers take a while, so the other workers poll while attempts are in flight.
  const receiver = await startReceiver({ delayMs: 100, answer: (path, earlier) => (path === '/flaky' && earlier === 0 ? 503 : 200) });
  let pool: string[] = [];
  const EVENTS = 30;
  try {
    const servers = await c.start({ env: { LOG_LEVEL: 'debug' }, prepare: async (store) => void (pool = await addSubscriptions(store, 'jean@example.com', EVENTS)) });
    for (const path of ['/ok', '/flaky']) assert.equal((await http(servers[0].url, 'POST', '/v1/webhooks', { key: KEY, body: { url: receiver.url(path) } })).status, 200);
    const endpoints = new Map((await c.sql<{ doc: any }>('SELECT doc FROM webhook_endpoints')).map((r) => [r.doc.id as string, new URL(r.doc.url).pathname]));
    const cancels = await spread(servers, EVENTS, (s, i) => http(s.url, 'POST', `/v1/subscriptions/${pool[i]}/cancel`, { key: KEY, body: { mode: 'immediate' } }));
    assert.ok(cancels.every((r) => r.status === 200));
    const events = await eventsFor(c, pool);
    assert.equal(events.length, EVENTS);
    const deliveries = () => c.sql<{ doc: any }>('SELECT doc FROM webhook_deliveries').then((rows) => rows.map((r) => ({ ...r.doc, path: endpoints.get(r.doc.endpoint_id) })));
    const settled = async () => until(async () => receiver.inFlight(), (n) => n === 0, 'the receiver has answered');

    // First attempts: /ok delivered, /flaky failed and scheduled about 30 s on (±10 %).
    const first = await until(deliveries, (ds) => ds.length === 2 * EVENTS && ds.every((d) => d.attempts >= 1 && d.claimed_until === null), 'every first attempt is recorded');
    await settled();
    const once = receiver.counts();
    for (const e of events) for (const path of ['/ok', '/flaky']) assert.equal(once.get(`${path} ${e.id}`), 1, `${path} got the first attempt of ${e.id} once`);
    for (const d of first) {
      if (d.path === '/ok') assert.equal(d.status, 'delivered');
      else {
        assert.equal(d.status, 'pending');
        const wait = d.next_attempt_at - d.log[0].at;
        assert.ok(wait >= 27_000 && wait <= 33_000, `the retry waits about 30 s, not ${wait} ms`);
      }
    }
    // Three polls of each worker later, nobody has retried early.
    await new Promise((r) => setTimeout(r, 3000));
    await settled();
    const early = receiver.attempts.filter((a) => a.path === '/flaky').length;
    assert.equal(early, EVENTS, 'no attempt of /flaky before its back-off ran out');

    // Time passes (the back-off is moved to now): each failed delivery is retried once, and delivered.
    await c.sql(`UPDATE webhook_deliveries SET doc = jsonb_set(doc, '{next_attempt_at}', to_jsonb($1::bigint)) WHERE status = 'pending'`, [Date.now()]);
    await until(deliveries, (ds) => ds.every((d) => d.status === 'delivered'), 'every retry delivered');
    await settled();
    const final = await deliveries();
    const counts = receiver.counts();
    for (const e of events) {
      assert.equal(counts.get(`/ok ${e.id}`), 1, `/ok got ${e.id} once`);
      assert.equal(counts.get(`/flaky ${e.id}`), 2, `/flaky got ${e.id} twice: the failed attempt and its one retry`);
    }
    assert.equal(receiver.attempts.length, 3 * EVENTS, 'no other attempt reached the receiver');
    for (const d of final) assert.equal(d.attempts, d.path === '/ok' ? 1 : 2);
    // Who sent what, from each worker's debug log (one line per attempt).
    const perProcess = servers.map((s) => s.stderr().split('\n').filter((l) => l.includes('"msg":"webhook attempt"')).length);
    assert.equal(perProcess.reduce((x, y) => x + y, 0), 3 * EVENTS, 'the workers made 90 attempts between them');
    t.diagnostic(`${EVENTS} events × 2 endpoints: ${receiver.attempts.length} attempts received (/ok 1 each, /flaky 2 each); attempts per process ${perProcess.join('/')}`);
  } finally {
    await c.close();
    await receiver.close();
  }
});

test('renewals and scheduled cancels that are due run once each with 3 processes running the job', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  const now = Date.now();
  let renewing: string[] = [];
  let ending: string[] = [];
  const due = { current_period_start_date: new Date(now - 40 * DAY).toISOString(), current_period_end_date: new Date(now - 10 * DAY).toISOString() };
  let lock: Awaited<ReturnType<typeof holdLock>> | undefined;
  try {
    const starting = c.start({
      env: { LOG_LEVEL: 'info', DATABASE_POOL_SIZE: '20' },
      prepare: async (store) => {
        renewing = await addSubscriptions(store, 'ada@example.com', 10, () => due);
        ending = await addSubscriptions(store, 'ada@example.com', 3, () => ({ ...due, status: 'scheduled_cancel', scheduled_action: 'cancel', next_transaction_date: null }));
        // Taken before any process starts: each one's first run of the job (at start) waits on these rows.
        lock = await holdLock(c, 'SELECT 1 FROM subscriptions WHERE id = ANY($1) FOR UPDATE', [[...renewing, ...ending]]);
      },
    });
    await starting.catch(async (e) => {
      await lock?.release();
      throw e;
    });
    const all = [...renewing, ...ending];
    const waiting = await lock!.waitFor((n) => n.every((x) => x === all.length), 'every process renewing every due subscription').finally(() => lock!.release());
    const cluster_ = c.servers.map((_, i) => c.appName(i));
    await until(() => c.sql(`SELECT 1 FROM pg_stat_activity WHERE application_name = ANY($1) AND state <> 'idle'`, [cluster_]), (r) => r.length === 0, 'the job runs are over');
    const subs = await subscriptions(c, all);
    const payments = await c.sql<{ doc: any }>('SELECT doc FROM transactions WHERE subscription_id = ANY($1)', [all]);
    const events = await eventsFor(c, all);
    for (const id of renewing) {
      const s = subs.get(id)!;
      assert.equal(s.status, 'active');
      assert.equal(s.current_period_start_date, due.current_period_end_date, 'one period on, not two');
      assert.equal(payments.filter((p) => p.doc.subscription_id === id).length, 1, `one renewal payment for ${id}`);
      assert.deepEqual(events.filter((e) => e.object.id === id).map((e) => e.eventType), ['subscription.paid']);
    }
    for (const id of ending) {
      assert.equal(subs.get(id)!.status, 'canceled');
      assert.equal(payments.filter((p) => p.doc.subscription_id === id).length, 0);
      assert.deepEqual(events.filter((e) => e.object.id === id).map((e) => e.eventType), ['subscription.canceled']);
    }
    // Each process logs how many subscriptions its run changed: 13 between them.
    const done = c.servers.map((s) =>
      s
        .stderr()
        .split('\n')
        .filter((l) => l.includes('"msg":"renewals done"'))
        .reduce((n, l) => n + JSON.parse(l).count, 0),
    );
    assert.equal(done.reduce((x, y) => x + y, 0), all.length, 'the runs changed 13 subscriptions between them');
    t.diagnostic(`${renewing.length} renewals + ${ending.length} scheduled cancels due; transactions waiting per process at release ${waiting.join('/')}; changed per process ${done.join('/')}; payments ${payments.length}, events ${events.length}`);
  } finally {
    await lock?.release();
    await c.close();
  }
});

test('SEED=demo with 3 processes starting together on an empty schema: the demo exists once', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  // The reference: one seed, on a schema of its own.
  const ref = freshSchema('seedref');
  const reference = await PostgresStore.open({ url: testDatabaseUrl(), schema: ref.schema, poolSize: 2 });
  try {
    await seedDemo(reference, { publicUrl: 'http://127.0.0.1:0', allowedOrigins: [], now: Date.now() });
    await ensureDemoKey(reference, KEY, Date.now());
    // The processes wait on the migration lock (taken here) until all three are there, then go on together.
    const lock = await holdLock(c, 'SELECT pg_advisory_xact_lock(7411902215)');
    const starting = c.start();
    const waiting = await lock.waitFor((n) => n.every((x) => x === 1), 'every process at the migration lock').finally(() => lock.release());
    await starting;
    const counts: Record<string, [number, number]> = {};
    for (const name of ['merchants', 'api_keys', 'customers', 'products', 'subscriptions'] as const) {
      const [{ n }] = await c.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
      counts[name] = [n, await reference.count(name)];
    }
    for (const [name, [got, want]] of Object.entries(counts)) assert.equal(got, want, `${name}: as many as one seed makes`);
    assert.equal(counts.merchants[0], 1);
    const emails = (await c.sql<{ email: string }>('SELECT email FROM customers')).map((r) => r.email);
    assert.equal(new Set(emails).size, emails.length, 'no customer twice');
    const merchant = await merchantOf(c);
    const foreign = await c.sql(`SELECT 1 FROM transactions WHERE merchant_id <> $1`, [merchant.id]);
    assert.equal(foreign.length, 0, 'every payment belongs to the one merchant');
    const origins = merchant.settings.allowed_origins as string[];
    assert.equal(new Set(origins).size, origins.length, 'no allowed origin twice');
    const keys = await c.sql(`SELECT 1 FROM widget_keys`);
    assert.equal(keys.length, 1, 'one shared signing key');
    for (const s of c.servers) assert.equal((await http(s.url, 'GET', '/v1/customers?email=ada%40example.com', { key: KEY })).status, 200, 'the demo key works on every process');
    t.diagnostic(`waiting at the migration lock ${waiting.join('/')}; rows (got, one seed) ${JSON.stringify(counts)}; widget keys ${keys.length}`);
  } finally {
    await reference.close();
    await ref.drop();
    await c.close();
  }
});

test('kill -9 of one process during writes spread over 3: the others keep answering, every acknowledged write is stored', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  const WRITES = 360;
  const KILL_AT = 120;
  let pool: string[] = [];
  try {
    const servers = await c.start({ prepare: async (store) => void (pool = await addSubscriptions(store, 'jean@example.com', WRITES)) });
    const jean = await customerOf(c, 'jean@example.com');
    const token = (await http(servers[0].url, 'POST', '/v1/widget-tokens', { key: KEY, body: { customer_id: jean.id, ttl_seconds: 3600 } })).json.token;
    type Outcome = 'acked' | 'refused' | 'notSent' | 'unknown';
    const attempts: { sub: string; server: number; afterKill: boolean; outcome: Outcome; status?: number; answer?: string }[] = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    const inFlight = [0, 0, 0];
    // Once a third of the writes are out, B dies at a moment it has requests in hand.
    const killer = (async () => {
      while (next < KILL_AT || inFlight[1] < 1) await new Promise((r) => setTimeout(r, 1));
      killed = servers[1].kill9();
      await killed;
    })();
    const worker = async () => {
      for (let i = next++; i < WRITES; i = next++) {
        // On a slow machine the kill could come only when the load is nearly over: the last writes
        // wait for it (a while at most), so there is always a load left for the survivors to carry.
        for (const until = Date.now() + 5000; i >= KILL_AT + 30 && !killed && Date.now() < until; ) await new Promise((r) => setTimeout(r, 5));
        const server = i % 3;
        const sub = pool[i];
        const merchant = i % 2 === 0;
        const attempt = { sub, server, afterKill: killed !== undefined, outcome: 'unknown' as Outcome, status: undefined as number | undefined, answer: undefined as string | undefined };
        attempts.push(attempt);
        inFlight[server]++;
        try {
          const r = merchant
            ? await http(servers[server].url, 'POST', `/v1/subscriptions/${sub}/cancel`, { key: KEY, body: { mode: 'immediate' } })
            : await http(servers[server].url, 'POST', `/portal/api/subscriptions/${sub}/cancel`, { token, body: { mode: 'scheduled', reason: 'unused' } });
          attempt.status = r.status;
          attempt.outcome = r.status >= 200 && r.status < 300 ? 'acked' : 'refused';
          attempt.answer = r.json?.status ?? r.json?.subscription?.status;
        } catch (e) {
          attempt.outcome = (e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? 'notSent' : 'unknown';
        } finally {
          inFlight[server]--;
        }
        // A steady load of a few seconds rather than one burst.
        await new Promise((r) => setTimeout(r, 60));
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    await killer;
    const subs = await subscriptions(c, pool);
    const events = await eventsFor(c, pool);
    const eventsOf = (id: string) => events.filter((e) => e.object.id === id).length;
    const bad: string[] = [];
    let unknownApplied = 0;
    for (const a of attempts) {
      const s = subs.get(a.sub)!;
      const whole = s.status !== 'active' && eventsOf(a.sub) === 1;
      const untouched = s.status === 'active' && eventsOf(a.sub) === 0;
      if (a.outcome === 'acked' && !(whole && s.status === a.answer)) bad.push(`acked ${a.sub} on process ${a.server} is ${s.status} with ${eventsOf(a.sub)} events (answered ${a.answer})`);
      if ((a.outcome === 'refused' || a.outcome === 'notSent') && !untouched) bad.push(`${a.outcome} ${a.sub} left ${s.status} with ${eventsOf(a.sub)} events`);
      if (a.outcome === 'unknown' && !whole && !untouched) bad.push(`cut-off ${a.sub} is stored in part: ${s.status} with ${eventsOf(a.sub)} events`);
      if (a.outcome === 'unknown' && whole) unknownApplied++;
    }
    assert.deepEqual(bad, [], 'every acknowledged write is stored whole; nothing else is stored in part');
    const survivors = attempts.filter((a) => a.server !== 1);
    assert.deepEqual(survivors.filter((a) => a.outcome !== 'acked').map((a) => `${a.sub} on ${a.server}: ${a.outcome} ${a.status ?? ''}`), [], 'the other processes answered every write 2xx');
    const afterKill = survivors.filter((a) => a.afterKill).length;
    assert.ok(afterKill >= 100, `the survivors kept answering after the kill (${afterKill} writes)`);
    for (const i of [0, 2]) assert.equal((await http(servers[i].url, 'GET', '/healthz')).status, 200);
    const killedOnes = attempts.filter((a) => a.server === 1);
    const by = (o: Outcome) => killedOnes.filter((a) => a.outcome === o).length;
    t.diagnostic(
      `${attempts.length} writes: survivors ${survivors.length} acked (${afterKill} after the kill); killed process ${by('acked')} acked / ${by('unknown')} cut off (${unknownApplied} applied) / ${by('notSent')} refused connection / ${by('refused')} refused`,
    );
  } finally {
    await c.close();
  }
});

test('an Idempotency-Key in flight on one process is 409 on the others, then replayed by them byte for byte', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  let sub = '';
  try {
    const [a, b, cc] = await c.start({ prepare: async (store) => void ([sub] = await addSubscriptions(store, 'ada@example.com', 1)) });
    const body = { mode: 'immediate' };
    const send = (s: ChildServer, payload: unknown = body) => http(s.url, 'POST', `/v1/subscriptions/${sub}/cancel`, { key: KEY, body: payload, headers: { 'idempotency-key': 'cancel-once-42' } });
    // A's request holds the key while it waits on the subscription's row, which the test holds.
    const lock = await holdLock(c, 'SELECT 1 FROM subscriptions WHERE id = $1 FOR UPDATE', [sub]);
    let first: ReturnType<typeof send>;
    try {
      first = send(a);
      await lock.waitFor((n) => n[0] === 1, "A's request waiting on the row");
      for (const [i, s] of [[1, b], [2, cc]] as const) {
        // Either the answer comes, or the request is found running: waiting on the row like A's.
        const answer = send(s);
        const state: { done: boolean } = { done: false };
        void answer.finally(() => (state.done = true)).catch(() => undefined);
        while (!state.done) {
          assert.equal((await lock.waiting())[i], 0, 'the same key ran a second time, on another process, while the first was in flight');
          await new Promise((done) => setTimeout(done, 10));
        }
        const r = await answer;
        assert.equal(r.status, 409, `in flight elsewhere: ${r.text}`);
        assert.ok(isCreemError(r.json, 409));
        assert.match(r.json.message.join(' '), /still in progress/);
      }
    } finally {
      await lock.release();
    }
    const original = await first!;
    assert.equal(original.status, 200, original.text);
    assert.equal(original.headers.get('idempotent-replayed'), null);
    for (const s of [b, cc, a]) {
      const r = await send(s);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('idempotent-replayed'), 'true');
      assert.equal(r.text, original.text, 'the same answer, byte for byte');
    }
    const other = await send(cc, { mode: 'scheduled' });
    assert.equal(other.status, 422, 'the key with another body is refused');
    assert.deepEqual((await eventsFor(c, [sub])).map((e) => e.eventType), ['subscription.canceled'], 'the cancel ran once');
    t.diagnostic('409 on B and C while A ran; replayed on B, C and A after');
  } finally {
    await c.close();
  }
});

test('migrations run once when 3 processes start together on an empty schema', { timeout: 60_000 }, async (t) => {
  const c = cluster();
  try {
    // The gate: the schema's creation, begun here and not committed, holds up whoever creates it
    // next until every process has arrived; then it is rolled back and they go on at one instant.
    const gate = await holdLock(c, `CREATE SCHEMA "${c.schema}"`);
    const starting = c.start();
    const waiting = await gate.waitFor((n) => n.every((x) => x === 1), 'every process held up at the start').finally(() => gate.release());
    await starting;
    const rows = await c.sql<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => `${r.version} ${r.name}`),
      migrations().map((m) => `${m.version} ${m.name}`),
      'each migration recorded once',
    );
    const tables = await c.sql<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [c.schema]);
    const names = new Set(tables.map((r) => r.table_name));
    for (const name of [...COLLECTIONS, 'schema_migrations', 'rate_windows', 'leases', 'stamps', 'dev_secret_mail']) assert.ok(names.has(name), `table ${name} exists`);
    for (const s of c.servers) assert.equal(s.stderr(), '', 'no process logged an error');
    for (const s of c.servers) assert.equal((await http(s.url, 'GET', '/v1/customers?email=ada%40example.com', { key: KEY })).status, 200);
    t.diagnostic(`held up per process ${waiting.join('/')}; ${rows.length} migrations, each once; ${names.size} tables; stderr empty on all 3`);
  } finally {
    await c.close();
  }
});
