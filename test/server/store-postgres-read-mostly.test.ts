import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import type { Merchant } from '../../server/store/schema.js';
import { testDatabaseUrl } from '../support/postgres.js';

/*
 * Merchants and API keys are served from each process's memory outside transactions. What must
 * hold: a process sees its own change at once, another process's (or any tool's) within moments,
 * and nothing stale is served for longer than that, not even after the listening connection was lost.
 */

const url = testDatabaseUrl();

const merchant = (id: string, name: string) => ({ id, name, settings: { allowed_origins: [] } }) as unknown as Merchant;

async function twoStores(t: { after(fn: () => Promise<void>): void }) {
  const schema = `rm_${randomBytes(6).toString('hex')}`;
  const a = await PostgresStore.open({ url, schema, poolSize: 2 });
  const b = await PostgresStore.open({ url, schema, poolSize: 2 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  t.after(async () => {
    await a.close();
    await b.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return { a, b, admin, schema };
}

/** Polls until `probe` holds; the reads under test must not take longer than `ms` to catch up. */
async function eventually(what: string, probe: () => Promise<boolean>, ms = 3000) {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) if (await probe()) return;
  assert.fail(`${what} within ${ms} ms`);
}

const nameOn = async (s: PostgresStore, id: string) => (await s.get('merchants', id))?.name;

test('[postgres] a merchant written on one process is read at once there, and moments later on another; so are a rename and a deletion', { timeout: 30_000 }, async (t) => {
  const { a, b } = await twoStores(t);
  await a.transact((tx) => tx.put('merchants', merchant('mer_1', 'First')));
  assert.equal(await nameOn(a, 'mer_1'), 'First', 'the writer reads its own commit at once');
  await eventually('the other process sees the new merchant', async () => (await nameOn(b, 'mer_1')) === 'First');
  assert.deepEqual((await b.all('merchants')).map((m) => m.id), ['mer_1']);

  await b.transact((tx) => tx.put('merchants', merchant('mer_1', 'Renamed')));
  assert.equal(await nameOn(b, 'mer_1'), 'Renamed');
  await eventually('the first process sees the rename', async () => (await nameOn(a, 'mer_1')) === 'Renamed');

  await a.transact((tx) => tx.delete('merchants', 'mer_1'));
  assert.equal(await a.get('merchants', 'mer_1'), undefined);
  await eventually('the other process sees the deletion', async () => (await b.get('merchants', 'mer_1')) === undefined);
  assert.equal(await b.count('merchants'), 0);
});

test('[postgres] an API key added or changed outside the server (SQL, a copy tool) is found by its hash moments later', { timeout: 30_000 }, async (t) => {
  const { a, admin, schema } = await twoStores(t);
  assert.equal(await a.findOneBy('api_keys', 'hash', 'h1'), undefined);
  const doc = { id: 'key_1', merchant_id: 'mer_1', mode: 'test', hash: 'h1', hint: 'creem_test_', created_at: '2026-01-01T00:00:00.000Z' };
  await admin.query(`INSERT INTO "${schema}".api_keys (id, doc) VALUES ($1, $2)`, [doc.id, doc]);
  await eventually('the new key is found', async () => (await a.findOneBy('api_keys', 'hash', 'h1'))?.id === 'key_1');
  await admin.query(`UPDATE "${schema}".api_keys SET doc = $2 WHERE id = $1`, [doc.id, { ...doc, hash: 'h2' }]);
  await eventually('the key is found only by its new hash', async () => (await a.findOneBy('api_keys', 'hash', 'h1')) === undefined && (await a.findBy('api_keys', 'hash', 'h2')).length === 1);
});

test('[postgres] after the listening connection is lost, a change made meanwhile is not served stale: reads go to the database, then to a fresh load', { timeout: 30_000 }, async (t) => {
  const { a, admin, schema } = await twoStores(t);
  await a.transact((tx) => tx.put('merchants', merchant('mer_1', 'Before')));
  const listeners = async () => (await admin.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`creem-portal read-mostly ${schema}`])).rows.map((r) => r.pid as number);
  const before = await listeners();
  assert.ok(before.length >= 2, 'each store listens on a connection of its own');
  // Cut every listener, then change the merchant while no notification can reach anyone.
  await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
  await admin.query(`UPDATE "${schema}".merchants SET doc = jsonb_set(doc, '{name}', '"During"') WHERE id = 'mer_1'`);
  await eventually('the change made while nobody listened is read', async () => (await nameOn(a, 'mer_1')) === 'During');
  // Listening again: later changes arrive by notification as before.
  await eventually('listening again', async () => (await listeners()).some((pid) => !before.includes(pid)));
  await admin.query(`UPDATE "${schema}".merchants SET doc = jsonb_set(doc, '{name}', '"After"') WHERE id = 'mer_1'`);
  await eventually('a change after reconnecting arrives', async () => (await nameOn(a, 'mer_1')) === 'After');
  for (let i = 0; i < 20; i++) assert.equal(await nameOn(a, 'mer_1'), 'After', 'and stays');
});

test('[postgres] a change committed while a reconnected listener is still loading is not lost', { timeout: 60_000 }, async (t) => {
  const { a, admin, schema } = await twoStores(t);
  // Enough rows that the load takes a moment, so the change can land in the middle of it.
  await admin.query(`INSERT INTO "${schema}".merchants (id, doc) SELECT 'bulk' || i, jsonb_build_object('id', 'bulk' || i, 'name', repeat('x', 1000)) FROM generate_series(1, 20000) i`);
  await a.transact((tx) => tx.put('merchants', merchant('mer_1', 'v0')));
  const app = `creem-portal read-mostly ${schema}`;
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
  await eventually(
    'the reconnected listener loading',
    async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query LIKE '%FROM merchants%'`, [app])).rowCount! > 0,
    10_000,
  );
  await admin.query(`UPDATE "${schema}".merchants SET doc = jsonb_set(doc, '{name}', '"v1"') WHERE id = 'mer_1'`);
  await eventually('the change made during the load is read', async () => (await nameOn(a, 'mer_1')) === 'v1', 10_000);
});

test('[postgres] an own commit applied late never hides a newer change from elsewhere', { timeout: 30_000 }, async (t) => {
  const { a, admin, schema } = await twoStores(t);
  await a.transact((tx) => tx.put('merchants', merchant('mer_1', 'v0')));
  await admin.query(`UPDATE "${schema}".merchants SET doc = jsonb_set(doc, '{name}', '"W3"') WHERE id = 'mer_1'`);
  await admin.query(`UPDATE "${schema}".merchants SET doc = jsonb_set(doc, '{name}', '"W4"') WHERE id = 'mer_1'`);
  await eventually('the newer change is read', async () => (await nameOn(a, 'mer_1')) === 'W4');
  // As when this process's COMMIT of W3 is answered only after W4's notification was handled.
  (a as unknown as { readMostly: { applyCommitted(w: unknown[]): void } }).readMostly.applyCommitted([{ c: 'merchants', id: 'mer_1', doc: merchant('mer_1', 'W3') }]);
  await eventually('the database has the last word', async () => (await nameOn(a, 'mer_1')) === 'W4');
});

test('[postgres] ids with spaces, a changed id and TRUNCATE all reach the memory of every process; own inserts keep the database order', { timeout: 30_000 }, async (t) => {
  const { a, b, admin, schema } = await twoStores(t);
  await admin.query(`INSERT INTO "${schema}".merchants (id, doc) VALUES ('mer 1', '{"id":"mer 1","name":"spaced"}'), ('mer_2', '{"id":"mer_2","name":"two"}')`);
  await eventually('an id with a space', async () => (await nameOn(a, 'mer 1')) === 'spaced');
  await admin.query(`UPDATE "${schema}".merchants SET id = 'mer_3', doc = '{"id":"mer_3","name":"two"}' WHERE id = 'mer_2'`);
  await eventually('the renamed row, and not its old id', async () => (await a.get('merchants', 'mer_2')) === undefined && (await nameOn(a, 'mer_3')) === 'two');
  for (let i = 0; i < 30; i++) await a.transact((tx) => tx.put('merchants', merchant(`own_${i}`, 'x')));
  await b.transact((tx) => tx.put('merchants', merchant('late', 'x')));
  const order = async (s: PostgresStore) => (await s.all('merchants')).map((m) => m.id).join();
  const db = async () => (await admin.query(`SELECT id FROM "${schema}".merchants ORDER BY seq`)).rows.map((r) => r.id).join();
  await eventually('both processes in the database order', async () => (await order(a)) === (await db()) && (await order(b)) === (await db()));
  await admin.query(`TRUNCATE "${schema}".merchants`);
  await eventually('TRUNCATE empties every process', async () => (await a.count('merchants')) === 0 && (await b.count('merchants')) === 0);
});

test('[postgres] webhook endpoints: a change on one process is used by the others’ transactions moments later, and a transaction sees its own', { timeout: 30_000 }, async (t) => {
  const { a, b } = await twoStores(t);
  const endpoint = (id: string, url: string) => ({ id, merchant_id: 'mer_1', url, events: [], secret: 'whsec_x', created_at: '2026-01-01T00:00:00.000Z' }) as never;
  const inTx = (s: PostgresStore) => s.transact(async (tx) => (await tx.findBy('webhook_endpoints', 'merchant_id', 'mer_1')).map((e) => e.url));
  await a.transact((tx) => tx.put('webhook_endpoints', endpoint('we_1', 'http://127.0.0.1:9/one')));
  assert.deepEqual(await inTx(a), ['http://127.0.0.1:9/one'], 'at once on the process that wrote it');
  await eventually('the other process’s transactions see it', async () => (await inTx(b)).length === 1);
  // Written and read in one transaction: from the database, where its own write is.
  const own = await b.transact(async (tx) => {
    await tx.put('webhook_endpoints', endpoint('we_2', 'http://127.0.0.1:9/two'));
    return (await tx.findBy('webhook_endpoints', 'merchant_id', 'mer_1')).map((e) => e.url);
  });
  assert.deepEqual(own, ['http://127.0.0.1:9/one', 'http://127.0.0.1:9/two']);
  await a.transact((tx) => tx.delete('webhook_endpoints', 'we_1'));
  await eventually('a deletion reaches the other process', async () => (await inTx(b)).join() === 'http://127.0.0.1:9/two');
  assert.deepEqual(await b.findBy('webhook_endpoints', 'merchant_id', 'mer_1').then((r) => r.map((e) => e.id)), ['we_2']);
});
