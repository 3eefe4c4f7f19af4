/**
 * `npm run store:copy -- --from <file | postgres://…> --to <file | postgres://…> [--schema S] [--force]`:
 * copies every record of one store into another through the store interface, e.g. a lowdb data
 * file into PostgreSQL when one process is no longer enough, or back. Then it reads both sides
 * again and prints, per collection, the record count and a checksum that does not depend on the
 * engine's key order; it exits 1 if any differs.
 *
 * Widget-token signing keys move too, so tokens minted before the move keep verifying: lowdb keeps
 * them in widget-keys.json beside the data file, PostgreSQL in its widget_keys table. What is not
 * copied: rate-limit windows, leases and cache stamps (they only matter while a server runs), and
 * the dev outbox's mails that carry a live code (development only, and short-lived).
 *
 * Stop every server on both stores first. A target that already holds records is refused unless
 * --force, which deletes them first: the target then holds the source's records, and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { LowdbStore } from '../server/store/lowdb/lowdb-store.js';
import { PostgresStore } from '../server/store/postgres/postgres-store.js';
import { COLLECTIONS, type CollectionName, type WidgetKey } from '../server/store/schema.js';
import type { Rec, Store } from '../server/store/interface.js';
import { keyFileFor } from '../server/auth/keys.js';
import { replaceFile } from '../server/store/durable-file.js';
import { describeDatabase, redact } from './database-url.js';
import { recordsChecksum } from './store-checksum.js';

/** Records per transaction: small enough for a modest commit, large enough that a big store takes few. */
const BATCH = 500;

type Side = { kind: 'file'; file: string } | { kind: 'postgres'; url: string; schema: string | undefined };

class Refused extends Error {}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

function parseArgs(argv: string[]) {
  const opts: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') force = true;
    else if (['--from', '--to', '--schema', '--from-schema', '--to-schema'].includes(a) && argv[i + 1] !== undefined) opts[a.slice(2)] = argv[++i];
    else throw new Refused(`unknown argument ${JSON.stringify(a)}. Usage: npm run store:copy -- --from <data file | postgres://…> --to <data file | postgres://…> [--schema S | --from-schema S --to-schema S] [--force]`);
  }
  if (!opts.from || !opts.to) throw new Refused('both --from and --to are required (a data file path or a postgres:// URL).');
  const schema = opts.schema ?? process.env.DATABASE_SCHEMA ?? undefined;
  const side = (spec: string, own: string | undefined): Side =>
    /^postgres(ql)?:\/\//.test(spec) ? { kind: 'postgres', url: spec, schema: own ?? schema } : { kind: 'file', file: path.resolve(spec) };
  for (const s of [opts.schema, opts['from-schema'], opts['to-schema']]) {
    if (s !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new Refused('a schema must be a lower-case SQL identifier.');
  }
  return { from: side(opts.from, opts['from-schema']), to: side(opts.to, opts['to-schema']), force };
}

const describe = (s: Side) => (s.kind === 'file' ? s.file : describeDatabase(s.url, s.schema));
const same = (a: Side, b: Side) =>
  a.kind === 'file' && b.kind === 'file' ? a.file === b.file : a.kind === 'postgres' && b.kind === 'postgres' && describe(a) === describe(b) && a.schema === b.schema;

/** A source must already be a store: a mistyped path or schema would otherwise be created empty and "copied". */
async function checkSource(s: Side) {
  if (s.kind === 'file') {
    if (!fs.existsSync(s.file)) throw new Refused(`the source ${s.file} does not exist.`);
    return;
  }
  const client = new pg.Client({ connectionString: s.url, connectionTimeoutMillis: 5000, ...(s.schema ? { options: `-c search_path=${ident(s.schema)}` } : {}) });
  await client.connect();
  try {
    const r = await client.query(`SELECT to_regclass('schema_migrations') AS t`);
    if (r.rows[0].t === null) throw new Refused(`the source ${describe(s)} holds no creem-portal store (no schema_migrations table).`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const open = (s: Side): Promise<Store> => (s.kind === 'file' ? LowdbStore.open(s.file) : PostgresStore.open({ url: s.url, schema: s.schema, poolSize: 2 }));

interface KeyFile {
  keys: { kid: string; secret: string; created_at: number; retired_at: number | null }[];
}

/** The side's widget-token signing keys, wherever its engine keeps them. */
async function keysOf(s: Side, store: Store): Promise<WidgetKey[]> {
  const stored = await store.all('widget_keys');
  if (s.kind === 'postgres') return stored;
  const file = keyFileFor(s.file);
  if (!fs.existsSync(file)) return stored;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  const fromFile = parsed.keys.map((k) => ({ id: k.kid, secret: k.secret, created_at: k.created_at, retired_at: k.retired_at }));
  return [...stored.filter((k) => !fromFile.some((f) => f.id === k.id)), ...fromFile];
}

/** What a server reads as records, per collection (widget keys: from wherever the engine keeps them). */
async function recordsOf(s: Side, store: Store, c: CollectionName): Promise<{ id: string }[]> {
  return c === 'widget_keys' ? keysOf(s, store) : store.all(c);
}

async function inBatches<T>(items: T[], work: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) await work(items.slice(i, i + BATCH));
}

async function clear(s: Side, store: Store) {
  for (const c of COLLECTIONS) {
    const ids = (await store.all(c)).map((r) => r.id);
    await inBatches(ids, (batch) => store.transact(async (tx) => void (await Promise.all(batch.map((id) => tx.delete(c, id))))));
  }
  if (s.kind === 'file') fs.rmSync(keyFileFor(s.file), { force: true });
}

async function write(s: Side, store: Store, c: CollectionName, records: { id: string }[]) {
  if (c === 'widget_keys' && s.kind === 'file') {
    // As server/auth/keys.ts keeps them: beside the data file, owner-only, replaced atomically and durably.
    const body: KeyFile = { keys: (records as WidgetKey[]).sort((a, b) => a.created_at - b.created_at).map((k) => ({ kid: k.id, secret: k.secret, created_at: k.created_at, retired_at: k.retired_at })) };
    if (body.keys.length === 0) return;
    const file = keyFileFor(s.file);
    await replaceFile(file, `${file}.${process.pid}.tmp`, (h) => h.writeFile(JSON.stringify(body)), { mode: 0o600 });
    return;
  }
  // One at a time within a batch: insertion order is what `all` and `findBy` answer in.
  await inBatches(records, (batch) =>
    store.transact(async (tx) => {
      for (const r of batch) await tx.put(c, r as Rec<typeof c>);
    }),
  );
}

async function holdsRecords(s: Side, store: Store): Promise<string[]> {
  const held: string[] = [];
  for (const c of COLLECTIONS) {
    const n = (await recordsOf(s, store, c)).length;
    if (n > 0) held.push(`${c} ${n}`);
  }
  return held;
}

async function main(argv: string[]): Promise<boolean> {
  const { from, to, force } = parseArgs(argv);
  if (same(from, to)) throw new Refused('--from and --to name the same store.');
  await checkSource(from);
  const source = await open(from);
  let target: Store | undefined;
  try {
    target = await open(to);
    const held = await holdsRecords(to, target);
    if (held.length > 0 && !force) {
      throw new Refused(`the target ${describe(to)} already holds records (${held.join(', ')}). Nothing was copied. Pass --force to replace them: every record there is deleted, then the source's are copied.`);
    }
    if (held.length > 0) {
      process.stdout.write(`--force: deleting the target's records (${held.join(', ')})\n`);
      await clear(to, target);
    }
    process.stdout.write(`copying ${describe(from)} → ${describe(to)}\n`);
    const sums: { c: CollectionName; a: [number, string]; b: [number, string] }[] = [];
    for (const c of COLLECTIONS) {
      const records = await recordsOf(from, source, c);
      await write(to, target, c, records);
      const copied = await recordsOf(to, target, c);
      sums.push({ c, a: [records.length, recordsChecksum(records)], b: [copied.length, recordsChecksum(copied)] });
    }
    const width = Math.max(...COLLECTIONS.map((c) => c.length));
    let ok = true;
    for (const { c, a, b } of sums) {
      const equal = a[0] === b[0] && a[1] === b[1];
      ok &&= equal;
      process.stdout.write(`${c.padEnd(width)}  from ${String(a[0]).padStart(6)} sha256:${a[1]}  to ${String(b[0]).padStart(6)} sha256:${b[1]}  ${equal ? 'ok' : 'DIFFERS'}\n`);
    }
    const total = sums.reduce((n, s) => n + s.a[0], 0);
    process.stdout.write(ok ? `copied ${total} records; every collection's count and checksum match.\n` : 'the copy differs from the source (see DIFFERS above).\n');
    return ok;
  } finally {
    await target?.close().catch(() => undefined);
    await source.close().catch(() => undefined);
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (ok) => process.exit(ok ? 0 : 1),
  (e: unknown) => {
    let message = e instanceof Error ? e.message : String(e);
    for (const a of argv) if (/^postgres(ql)?:\/\//.test(a)) message = redact(message, a);
    process.stderr.write(`store:copy ${e instanceof Refused ? 'refused' : 'failed'}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exit(1);
  },
);
