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
  const keys = loadKeys(source, undefined, Date.now());
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
