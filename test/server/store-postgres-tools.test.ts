import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { migrations } from '../../server/store/postgres/migrate.js';
import { COLLECTIONS } from '../../server/store/schema.js';
import { seedDemo } from '../../server/seed/demo.js';
import { keyFileFor, loadKeys } from '../../server/auth/keys.js';
import { sharedKeys } from '../../server/auth/shared-keys.js';
import { freshSchema, sql, tablesOf } from '../support/postgres.js';
import { CHILD_DEMO_KEY as KEY, expectStartFailure, http, startServer } from '../support/child-server.js';
import { isCreemError } from '../support/server.js';
import { newId } from '../../server/ids.js';
import pgDriver from 'pg';

/*
 * The PostgreSQL maintenance scripts (`npm run migrate`, `npm run store:copy`), run as the
 * operator runs them: child processes against a real database and real files.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-pg-tools-'));

test('npm run migrate applies every migration once, then says the schema is up to date; a failure is one line without the password', { timeout: 60_000 }, async (t) => {
  const db = freshSchema('mig');
  t.after(() => db.drop());
  const env = { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema };
  const known = migrations().map((m) => m.version);
  const first = await run('scripts/migrate.ts', [], env);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, new RegExp(`applied ${known.join(', ')}; now at version ${known.at(-1)}`));
  const rows = await sql<{ version: number }>(`SELECT version FROM "${db.schema}".schema_migrations ORDER BY version`);
  assert.deepEqual(
    rows.map((r) => r.version),
    known,
  );
  const again = await run('scripts/migrate.ts', [], env);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, new RegExp(`up to date at version ${known.at(-1)}`));
  assert.equal((await sql(`SELECT 1 FROM "${db.schema}".schema_migrations`)).length, known.length);

  const down = await run('scripts/migrate.ts', [], { DATABASE_URL: 'postgres://postgres:s3cretpw@127.0.0.1:1/test' });
  assert.equal(down.code, 1);
  assert.equal(down.err.trim().split('\n').length, 1, down.err);
  assert.match(down.err, /^migrate failed: PostgreSQL 127\.0\.0\.1:1\/test: .*ECONNREFUSED/);
  assert.ok(!`${down.out}${down.err}`.includes('s3cretpw'));
});

interface CopyLine {
  collection: string;
  from: [number, string];
  to: [number, string];
  ok: boolean;
}

/** The per-collection lines store:copy prints. */
function copyLines(out: string): CopyLine[] {
  return [...out.matchAll(/^(\w+)\s+from\s+(\d+) sha256:([0-9a-f]{64})\s+to\s+(\d+) sha256:([0-9a-f]{64})\s+(ok|DIFFERS)$/gm)].map((m) => ({
    collection: m[1],
    from: [Number(m[2]), m[3]],
    to: [Number(m[4]), m[5]],
    ok: m[6] === 'ok',
  }));
}

async function recordsOfFile(file: string) {
  const store = await LowdbStore.open(file);
  try {
    return Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await store.all(c)] as const)));
  } finally {
    await store.close();
  }
}

test('store:copy moves a lowdb store into PostgreSQL and back: every record of every collection, the signing keys, equal checksums; a non-empty target only with --force', { timeout: 90_000 }, async (t) => {
  const dir = tmpDir();
  const db = freshSchema('copy');
  t.after(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const source = path.join(dir, 'db.json');
  const store = await LowdbStore.open(source);
  await seedDemo(store, { publicUrl: 'http://127.0.0.1:0', allowedOrigins: [], now: Date.now() });
  await store.close();
  // The keys a lowdb server generates on its first start, beside its data file.
  const keys = await loadKeys(source, undefined, Date.now());
  const original = await recordsOfFile(source);

  const toPg = await run('scripts/store-copy.ts', ['--from', source, '--to', db.url, '--schema', db.schema]);
  assert.equal(toPg.code, 0, toPg.out + toPg.err);
  const lines = copyLines(toPg.out);
  assert.deepEqual(
    lines.map((l) => l.collection),
    COLLECTIONS,
  );
  for (const l of lines) assert.ok(l.ok && l.from[0] === l.to[0] && l.from[1] === l.to[1], `${l.collection}: ${JSON.stringify(l)}`);
  const pgTables = (await tablesOf(db.schema)).collections;
  for (const c of COLLECTIONS) {
    if (c === 'widget_keys') continue;
    assert.deepStrictEqual(pgTables[c], original[c], `${c} in PostgreSQL, in the same order`);
  }
  assert.ok(original.subscriptions.length > 0 && original.customers.length > 0);

  // A token signed before the move verifies after it: the same kid with the same secret.
  const pg = await PostgresStore.open({ url: db.url, schema: db.schema, poolSize: 1 });
  const shared = await sharedKeys(pg, Date.now());
  shared.stop();
  await pg.close();
  assert.equal(shared.current().kid, keys.current().kid);
  assert.deepEqual(Buffer.from(shared.current().secret), Buffer.from(keys.current().secret));

  const back = path.join(dir, 'back', 'db.json');
  const toFile = await run('scripts/store-copy.ts', ['--from', db.url, '--schema', db.schema, '--to', back]);
  assert.equal(toFile.code, 0, toFile.out + toFile.err);
  const backLines = copyLines(toFile.out);
  // The checksums printed for PostgreSQL (jsonb's key order) are those of the lowdb file.
  assert.deepEqual(
    backLines.map((l) => [l.collection, l.from, l.to]),
    lines.map((l) => [l.collection, l.to, l.to]),
  );
  assert.deepStrictEqual(await recordsOfFile(back), original);
  assert.deepStrictEqual(JSON.parse(fs.readFileSync(keyFileFor(back), 'utf8')), JSON.parse(fs.readFileSync(keyFileFor(source), 'utf8')));
  assert.equal(fs.statSync(keyFileFor(back)).mode & 0o777, 0o600);

  const before = await sql(`SELECT count(*)::int AS n FROM "${db.schema}".subscriptions`);
  const refused = await run('scripts/store-copy.ts', ['--from', source, '--to', db.url, '--schema', db.schema]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /^store:copy refused: the target PostgreSQL 127\.0\.0\.1:5432\/\w+ \(schema \w+\) already holds records \(.*subscriptions \d+.*\)\. Nothing was copied\. Pass --force/);
  assert.deepEqual(await sql(`SELECT count(*)::int AS n FROM "${db.schema}".subscriptions`), before);
  const refusedFile = await run('scripts/store-copy.ts', ['--from', db.url, '--schema', db.schema, '--to', back]);
  assert.equal(refusedFile.code, 1);
  assert.match(refusedFile.err, /already holds records/);

  const forced = await run('scripts/store-copy.ts', ['--from', source, '--to', db.url, '--schema', db.schema, '--force']);
  assert.equal(forced.code, 0, forced.out + forced.err);
  assert.match(forced.out, /--force: deleting the target's records/);
  assert.deepEqual(
    copyLines(forced.out).map((l) => [l.collection, l.to]),
    lines.map((l) => [l.collection, l.to]),
  );
  t.diagnostic(lines.map((l) => `${l.collection} ${l.from[0]} ${l.from[1].slice(0, 12)}`).join('; '));
});

const SECRET = 's3cretpw';

test('a database that cannot be reached at start: the process exits 1 with one clear line, never the password', { timeout: 60_000 }, async (t) => {
  const dir = tmpDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const failed = await expectStartFailure({ dataFile: path.join(dir, 'db.json'), env: { DATABASE_URL: `postgres://postgres:${SECRET}@127.0.0.1:1/test` } });
  assert.equal(failed.code, 1);
  assert.equal(failed.err.trim().split('\n').length, 1, failed.err);
  assert.match(failed.err, /^creem-portal cannot start: the PostgreSQL database at 127\.0\.0\.1:1\/test cannot be reached or opened \(.*ECONNREFUSED.*\)\. Check DATABASE_URL/);
  assert.ok(!`${failed.out}${failed.err}`.includes(SECRET));
});

test('a schema written by a newer server (version 999): refused at start, naming both versions, and nothing in it changed', { timeout: 60_000 }, async (t) => {
  const dir = tmpDir();
  const db = freshSchema('ahead');
  t.after(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const store = await PostgresStore.open({ url: db.url, schema: db.schema, poolSize: 1 });
  await store.close();
  await sql(`INSERT INTO "${db.schema}".schema_migrations (version, name) VALUES (999, 'from_the_future')`);
  // Every table's rows, as text: what "nothing changed" is checked against.
  const snapshot = async () => {
    const tables = (await sql<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [db.schema])).map((r) => r.table_name);
    const rows: Record<string, string[]> = {};
    for (const name of tables) rows[name] = (await sql<{ r: string }>(`SELECT t::text AS r FROM "${db.schema}"."${name}" t ORDER BY 1`)).map((r) => r.r);
    return rows;
  };
  const before = await snapshot();
  const known = Math.max(...migrations().map((m) => m.version));
  const failed = await expectStartFailure({ dataFile: path.join(dir, 'db.json'), env: { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema } });
  assert.equal(failed.code, 1);
  assert.equal(failed.err.trim().split('\n').length, 1, failed.err);
  assert.match(failed.err, new RegExp(`^creem-portal cannot start: The database is at schema version 999, written by a newer creem-portal; this server knows up to ${known}\\.`));
  assert.deepEqual(await snapshot(), before);
  assert.equal(before.merchants.length, 0, 'the demo seed never ran');
});

/** Copies of one of Ada's active subscriptions, written through the real Store before the server starts. */
async function prepareSubscriptions(url: string, schema: string, n: number): Promise<string[]> {
  const store = await PostgresStore.open({ url, schema, poolSize: 1 });
  try {
    await seedDemo(store, { publicUrl: 'http://127.0.0.1:0', allowedOrigins: [], now: Date.now() });
    const owner = (await store.findBy('customers', 'email', 'ada@example.com'))[0]!;
    const template = (await store.findBy('subscriptions', 'customer_id', owner.id)).find((s) => s.status === 'active')!;
    const ids = Array.from({ length: n }, () => newId('sub'));
    await store.transact(async (tx) => {
      for (const id of ids) await tx.put('subscriptions', { ...template, id, last_transaction_id: null, items: template.items.map((it) => ({ ...it, id: newId('sitem') })) });
    });
    return ids;
  } finally {
    await store.close();
  }
}

test('the database lost while requests are in flight: 2xx or a 503 in Creem format, never a 500 or a secret; the server reconnects by itself; every 2xx is in the database', { timeout: 90_000 }, async (t) => {
  const dir = tmpDir();
  const db = freshSchema('lost');
  const app = `creem_lost_${db.schema}`;
  const url = new URL(db.url);
  // Trust auth ignores the password: it is there to be looked for in every answer.
  url.password = SECRET;
  url.searchParams.set('application_name', app);
  const ids = await prepareSubscriptions(db.url, db.schema, 40);
  const server = await startServer({ dataFile: path.join(dir, 'db.json'), env: { DATABASE_URL: url.toString(), DATABASE_SCHEMA: db.schema } });
  const locker = new pgDriver.Client({ connectionString: db.url, options: `-c search_path="${db.schema}"` });
  await locker.connect();
  t.after(async () => {
    await locker.end().catch(() => undefined);
    await server.stop();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const cancel = (id: string) => http(server.url, 'POST', `/v1/subscriptions/${id}/cancel`, { key: KEY, body: { mode: 'immediate' } });
  const acked: string[] = [];
  const answers: { status: number; text: string; json: any }[] = [];
  const record = (id: string, a: { status: number; text: string; json: any }) => {
    answers.push(a);
    if (a.status >= 200 && a.status < 300) acked.push(id);
  };
  for (const id of ids.slice(0, 5)) {
    const a = await cancel(id);
    assert.equal(a.status, 200, a.text);
    record(id, a);
  }

  // The test holds the rows the next cancels write, so they are certainly in flight, waiting in
  // the database, when their connections are killed.
  const inFlight = ids.slice(5, 35);
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM subscriptions WHERE id = ANY($1) FOR UPDATE', [inFlight]);
  const pending = inFlight.map((id) => cancel(id).then((a) => record(id, a)));
  const waitingOnLock = () => sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [app]).then((r) => r[0].n);
  const deadline = Date.now() + 20_000;
  while ((await waitingOnLock()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const waiting = await waitingOnLock();
  assert.ok(waiting >= 5, `cancels waiting in the database: ${waiting}`);
  // In the select list, not the WHERE: PostgreSQL may evaluate a WHERE's conditions in any order.
  const killed = await sql<{ pid: number; gone: boolean }>('SELECT pid, pg_terminate_backend(pid) AS gone FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [app]);
  await locker.query('ROLLBACK');
  await Promise.all(pending);

  // Reconnects by itself: the next requests (fresh connections) succeed, with nobody restarting anything.
  let back = null;
  for (const id of ids.slice(35)) {
    const until = Date.now() + 20_000;
    let a = await cancel(id);
    while (a.status === 503 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      a = await cancel(id);
    }
    record(id, a);
    back ??= a.status;
  }
  assert.equal(back, 200, 'the server answers 2xx again after losing its connections');

  const tally: Record<number, number> = {};
  for (const a of answers) {
    tally[a.status] = (tally[a.status] ?? 0) + 1;
    assert.ok((a.status >= 200 && a.status < 300) || a.status === 503, `status ${a.status}: ${a.text}`);
    if (a.status === 503) assert.ok(isCreemError(a.json, 503), a.text);
    assert.ok(!a.text.includes(SECRET) && !a.text.includes('postgres://'), a.text);
  }
  assert.ok((tally[503] ?? 0) > 0, `some in-flight cancels lost their connection: ${JSON.stringify(tally)}`);
  assert.ok(!`${server.stdout()}${server.stderr()}`.includes(SECRET));
  const stored = await sql<{ id: string; status: string }>(`SELECT id, doc ->> 'status' AS status FROM "${db.schema}".subscriptions WHERE id = ANY($1)`, [acked]);
  assert.equal(stored.length, acked.length);
  for (const s of stored) assert.equal(s.status, 'canceled', `acknowledged cancel of ${s.id}`);
  t.diagnostic(`${killed.length} connections killed with ${waiting} cancels waiting on the lock; answers ${JSON.stringify(tally)}; ${acked.length} acknowledged cancels all in the database`);
});
