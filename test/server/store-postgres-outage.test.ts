import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { seedDemo, ensureDemoKey } from '../../server/seed/demo.js';
import { newId } from '../../server/ids.js';
import { CHILD_DEMO_KEY, http, startServer } from '../support/child-server.js';
import { freshSchema, sql, testDatabaseUrl } from '../support/postgres.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { withPassword } from '../support/scripts.js';

const PASSWORD = 'outage-Pa55word-never-shown';
const NOTHING_CHANGED = /^The database cannot be reached right now; nothing was changed\. Try again later\.$/;
const MAYBE_SAVED = /^The connection to the database was lost while the change was being saved: it may or may not have been saved\. Check before trying again\.$/;

/** The demo store in `schema`, plus `size` active subscriptions of Jean's to cancel one by one. */
async function prepare(url: string, schema: string, size: number): Promise<string[]> {
  const store = await PostgresStore.open({ url, schema, poolSize: 2 });
  try {
    await seedDemo(store, { publicUrl: 'http://127.0.0.1:0', allowedOrigins: [], now: Date.now() });
    await ensureDemoKey(store, CHILD_DEMO_KEY, Date.now());
    const jean = (await store.findOneBy('customers', 'email', 'jean@example.com'))!;
    const template = (await store.findBy('subscriptions', 'customer_id', jean.id)).find((s) => s.status === 'active')!;
    const ids = Array.from({ length: size }, () => newId('sub'));
    await store.transact(async (tx) => {
      for (const id of ids) await tx.put('subscriptions', { ...template, id, items: template.items.map((it) => ({ ...it, id: newId('sitem') })) });
    });
    return ids;
  } finally {
    await store.close();
  }
}

/**
 * The prepared store, and a real server process on it whose every connection to PostgreSQL goes
 * through a TCP proxy the test can cut. The URL carries a password (ignored under trust auth) that
 * must never show, and an application_name that picks out this server's connections.
 */
async function serverBehindProxy(size: number) {
  const db = freshSchema('outage');
  const pool = await prepare(db.url, db.schema, size);
  const real = new URL(testDatabaseUrl());
  const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  const app = `creem_outage_${db.schema}`;
  const url = withPassword(db.url, PASSWORD, (u) => {
    u.hostname = '127.0.0.1';
    u.port = String(proxy.port);
    u.searchParams.set('application_name', app);
  });
  const server = await startServer({ dataFile: path.join(os.tmpdir(), 'creem-outage-unused', 'db.json'), env: { DATABASE_URL: url, DATABASE_SCHEMA: db.schema, DATABASE_POOL_SIZE: '4' } });
  const statusOf = async (ids: string[]) =>
    new Map((await sql<{ id: string; status: string }>(`SELECT id, doc ->> 'status' AS status FROM "${db.schema}".subscriptions WHERE id = ANY($1)`, [ids])).map((r) => [r.id, r.status]));
  return {
    pool,
    proxy,
    app,
    url,
    server,
    statusOf,
    async close() {
      await server.stop();
      await proxy.close();
      await db.drop();
    },
  };
}

/** A 503 in Creem's error format, with Retry-After. */
function assertUnavailable(r: { status: number; body: unknown; text: string; retryAfter: string | null }) {
  assert.equal(r.status, 503, r.text);
  const body = r.body as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['error', 'message', 'status', 'timestamp', 'trace_id'], r.text);
  assert.equal(body.status, 503);
  assert.ok(Array.isArray(body.message) && body.message.length === 1 && typeof body.message[0] === 'string', r.text);
  assert.equal(r.retryAfter, '5');
  return body.message[0] as string;
}

interface Attempt {
  id: string;
  status: number;
  body: unknown;
  text: string;
  retryAfter: string | null;
  /** Which stretch of the run it was answered in. */
  phase: string;
}

test('the database lost while serving (connections cut, the database gone, backends terminated): 503s in Creem format, reconnects by itself, every 2xx write kept', { timeout: 180_000 }, async () => {
  const world = await serverBehindProxy(1_500);
  const { pool, proxy, app, url, server } = world;
  const attempts: Attempt[] = [];
  let phase = 'before';
  let next = 0;
  let stop = false;
  try {
    const worker = async () => {
      while (!stop && next < pool.length) {
        const id = pool[next++];
        const at = phase;
        const r = await http(server.url, 'POST', `/v1/subscriptions/${id}/cancel`, { key: CHILD_DEMO_KEY, body: { mode: 'immediate' } }).catch((e: Error) => {
          // No answer at all: the server is gone, which the checks below report with its output.
          stop = true;
          return { status: 0, json: null, text: `${e.message}: ${String((e as { cause?: unknown }).cause)}`, headers: new Headers() };
        });
        attempts.push({ id, status: r.status, body: r.json, text: r.text, retryAfter: r.headers.get('retry-after'), phase: at === phase ? at : `${at}→${phase}` });
      }
    };
    const workers = Array.from({ length: 6 }, () => worker());
    /** Waits (by counting answers, never by the clock) until `enough` holds for the answers since `from`. */
    const until = async (what: string, enough: (since: Attempt[]) => boolean) => {
      const from = attempts.length;
      while (!enough(attempts.slice(from))) {
        if (stop) throw new Error(`the server stopped answering waiting for: ${what}\n${server.stderr()}`);
        if (next >= pool.length) throw new Error(`ran out of subscriptions waiting for: ${what} (${attempts.length} answers)`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const acked = (n: number) => (since: Attempt[]) => since.filter((a) => a.status === 200).length >= n;
    const unavailable = (n: number) => (since: Attempt[]) => since.filter((a) => a.status === 503).length >= n;

    await until('writes going through', acked(30));
    phase = 'down';
    proxy.down();
    await until('503s while the database is gone', unavailable(30));
    phase = 'back';
    proxy.up();
    await until('writes going through again', acked(30));
    for (let round = 1; round <= 3; round++) {
      phase = `terminated ${round}`;
      const killed = await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
      assert.ok(killed.length >= 1, 'the server had connections to terminate');
      await until(`writes after termination ${round}`, acked(20));
    }
    phase = 'cut';
    proxy.cut();
    await until('writes after the cut', acked(30));
    stop = true;
    await Promise.all(workers);

    assert.equal(server.proc.exitCode, null, `the server is still running: ${server.stderr()}`);
    const statuses = [...new Set(attempts.map((a) => a.status))].sort();
    assert.deepEqual(statuses.filter((s) => s !== 200 && s !== 503), [], `only 200 and 503: ${attempts.filter((a) => a.status !== 200 && a.status !== 503).map((a) => `${a.status} ${a.text}`).slice(0, 3)}`);
    const said = new Map(attempts.filter((x) => x.status === 503).map((a) => [a.id, assertUnavailable(a)]));
    for (const m of said.values()) assert.ok(NOTHING_CHANGED.test(m) || MAYBE_SAVED.test(m), m);
    for (const text of [...attempts.map((a) => a.text), server.stdout(), server.stderr()]) {
      assert.ok(!text.includes(PASSWORD) && !text.includes(url), 'no answer or log line shows the database URL or its password');
    }

    // Every acknowledged cancel is in the database; the others may or may not be (see the 503's message).
    const stored = await world.statusOf(attempts.map((a) => a.id));
    const ok = attempts.filter((a) => a.status === 200);
    const lost = ok.filter((a) => stored.get(a.id) !== 'canceled');
    assert.deepEqual(lost.map((a) => a.id), [], 'acknowledged cancels missing from the database');
    const refused = attempts.filter((a) => a.status === 503);
    const appliedAnyway = refused.filter((a) => stored.get(a.id) === 'canceled');
    // A 503 that says nothing was changed is true to its word.
    assert.deepEqual(appliedAnyway.filter((a) => !MAYBE_SAVED.test(said.get(a.id)!)).map((a) => a.id), [], 'applied although the 503 said nothing was changed');

    // After it all, the same server answers reads and writes without having been restarted.
    const ada = await http(server.url, 'GET', '/v1/customers?email=ada%40example.com', { key: CHILD_DEMO_KEY });
    assert.equal(ada.status, 200, ada.text);

    const byPhase = new Map<string, { ok: number; unavailable: number }>();
    for (const a of attempts) {
      const p = byPhase.get(a.phase) ?? { ok: 0, unavailable: 0 };
      if (a.status === 200) p.ok++;
      else p.unavailable++;
      byPhase.set(a.phase, p);
    }
    console.log(
      `outage run: ${attempts.length} cancels, ${ok.length} × 200 (all in the database), ${refused.length} × 503 (${[...said.values()].filter((m) => MAYBE_SAVED.test(m)).length} saying the change may have been saved, ${appliedAnyway.length} of them applied); ` +
        `by phase ${[...byPhase].map(([p, c]) => `${p}: ${c.ok}/${c.unavailable}`).join(', ')}; ${proxy.passed()} connections through the proxy`,
    );
  } finally {
    stop = true;
    await world.close();
  }
});

test('a COMMIT whose answer is lost: the 503 says the change may have been saved (it was), and the next request goes through', { timeout: 60_000 }, async () => {
  const world = await serverBehindProxy(3);
  try {
    const [lostOne, retried, after] = world.pool;
    const cancel = async (id: string) => {
      const r = await http(world.server.url, 'POST', `/v1/subscriptions/${id}/cancel`, { key: CHILD_DEMO_KEY, body: { mode: 'immediate' } });
      return { status: r.status, body: r.json, text: r.text, retryAfter: r.headers.get('retry-after') };
    };
    const sprung = world.proxy.loseCommitOf(lostOne);
    const lost = await cancel(lostOne);
    await sprung;
    assert.match(assertUnavailable(lost), MAYBE_SAVED);
    assert.equal((await world.statusOf([lostOne])).get(lostOne), 'canceled', 'the database did commit it');
    // Checking, as the message says, finds it done.
    const look = await http(world.server.url, 'GET', `/v1/subscriptions?subscription_id=${lostOne}`, { key: CHILD_DEMO_KEY });
    assert.equal(look.status, 200, look.text);
    assert.equal(look.json.status, 'canceled');

    // A lost connection before COMMIT: nothing was changed, and the 503 says so.
    world.proxy.down();
    const refused = await cancel(retried);
    assert.match(assertUnavailable(refused), NOTHING_CHANGED);
    world.proxy.up();
    assert.equal((await world.statusOf([retried])).get(retried), 'active');
    const ok = await cancel(after);
    assert.equal(ok.status, 200, ok.text);
    assert.equal((await world.statusOf([after])).get(after), 'canceled');
  } finally {
    await world.close();
  }
});
