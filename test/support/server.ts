import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import type { Store } from '../../server/store/interface.js';
import { loadKeys } from '../../server/auth/keys.js';
import { sharedKeys } from '../../server/auth/shared-keys.js';
import { createLogger } from '../../server/log.js';
import { buildDeps, withCompanion } from '../../server/deps.js';
import { createApp } from '../../server/app.js';
import { seedDemo, ensureDemoKey, demoMerchant, seededDemoSite } from '../../server/seed/demo.js';
import type { AppDeps } from '../../server/env.js';
import { freshSchema, onPostgres, tablesOf } from './postgres.js';

export const DEMO_KEY = 'creem_test_testsuite_key_0123456789';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dir: string;
  /** lowdb: the data file. On PostgreSQL nothing is written there (see `stored`). */
  dataFile: string;
  /** On PostgreSQL (TEST_STORE=postgres): the schema that holds this app's store. */
  schema?: string;
  /** Moves the injected clock. */
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
}

/**
 * A real app over a real store — a lowdb file in a fresh temp directory, or with TEST_STORE=postgres
 * a fresh schema in the test database, dropped on close — seeded with the demo merchant (or, with
 * CREEM_API_KEY in `env`, in companion mode in front of that upstream). Nothing here touches ./data.
 */
export async function createTestApp(opts: { seed?: boolean; env?: Record<string, string>; now?: number } = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-test-'));
  const dataFile = path.join(dir, 'db.json');
  const config = loadConfig({ DATA_FILE: dataFile, PORT: '8787', LOG_LEVEL: 'silent', ...opts.env });
  const clock = {
    now: opts.now ?? Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const db = onPostgres ? freshSchema() : null;
  const store: Store = db ? await PostgresStore.open({ url: db.url, schema: db.schema, poolSize: 4 }) : await LowdbStore.open(dataFile);
  // As main.ts: several processes on one database share their signing keys there.
  const keys = db ? await sharedKeys(store, clock.now) : await loadKeys(dataFile, undefined, clock.now);
  const deps = await withCompanion(buildDeps({ config, store, clock: () => clock.now, log: createLogger('silent'), keys }));
  if (opts.seed !== false && !config.companion) {
    await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: [], now: clock.now });
    if (await demoMerchant({ store })) deps.demo = seededDemoSite(store, await ensureDemoKey(store, DEMO_KEY, clock.now));
  }
  const app = createApp(deps);
  return {
    app,
    deps,
    dir,
    dataFile,
    schema: db?.schema,
    clock,
    async close() {
      await store.close();
      await db?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON request helper over app.request(). */
export async function call(
  t: TestApp,
  method: string,
  url: string,
  opts: { body?: unknown; key?: string | null; token?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key !== null) headers['x-api-key'] = opts.key ?? DEMO_KEY;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await t.app.request(url, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The demo customer with this email. */
export async function customerByEmail(t: TestApp, email: string) {
  const c = await t.deps.store.findOneBy('customers', 'email', email);
  if (!c) throw new Error(`no seeded customer ${email}`);
  return c;
}

/** A widget token for a seeded customer, minted through the real merchant API. */
export async function tokenFor(t: TestApp, customerId: string, body: Record<string, unknown> = {}) {
  const res = await call(t, 'POST', '/v1/widget-tokens', { body: { customer_id: customerId, ...body } });
  if (res.status !== 201) throw new Error(`mint failed: ${res.status} ${res.text}`);
  return res.json.token as string;
}

/**
 * Every record the store really holds, per collection, read back from the engine itself and not
 * through the app: lowdb's data file as parsed JSON, or the tables of the app's PostgreSQL schema.
 */
export async function stored(t: Pick<TestApp, 'dataFile' | 'schema'>): Promise<any> {
  return t.schema ? tablesOf(t.schema) : JSON.parse(fs.readFileSync(t.dataFile, 'utf8'));
}

/**
 * The store as text, to compare before and after ("nothing changed") or search for a secret:
 * lowdb's data file byte for byte, or every PostgreSQL record as JSON. Neither holds the dev
 * outbox's mails with codes, which live apart (beside the file, or in a table of their own).
 */
export async function storedText(t: Pick<TestApp, 'dataFile' | 'schema'>): Promise<string> {
  return t.schema ? JSON.stringify(await tablesOf(t.schema)) : fs.readFileSync(t.dataFile, 'utf8');
}

/** Asserts the shape of Creem's error body. */
export function isCreemError(body: any, status: number): boolean {
  return (
    body &&
    typeof body.trace_id === 'string' &&
    body.status === status &&
    typeof body.error === 'string' &&
    Array.isArray(body.message) &&
    body.message.every((m: unknown) => typeof m === 'string') &&
    typeof body.timestamp === 'number'
  );
}
