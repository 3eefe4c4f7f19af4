import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { loadKeys } from '../../server/auth/keys.js';
import { createLogger } from '../../server/log.js';
import { buildDeps } from '../../server/deps.js';
import { createApp } from '../../server/app.js';
import { seedDemo, ensureDemoKey, demoMerchant, seededDemoSite } from '../../server/seed/demo.js';
import type { AppDeps } from '../../server/env.js';

export const DEMO_KEY = 'creem_test_testsuite_key_0123456789';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dir: string;
  dataFile: string;
  /** Moves the injected clock. */
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
}

/**
 * A real app over a real store file in a fresh temp directory, seeded with the demo merchant.
 * Nothing here touches ./data.
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
  const store = await LowdbStore.open(dataFile);
  const deps = buildDeps({ config, store, clock: () => clock.now, log: createLogger('silent'), keys: loadKeys(dataFile, undefined, clock.now) });
  if (opts.seed !== false) {
    await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: [], now: clock.now });
    if (await demoMerchant({ store })) deps.demo = seededDemoSite(store, await ensureDemoKey(store, DEMO_KEY, clock.now));
  }
  const app = createApp(deps);
  return {
    app,
    deps,
    dir,
    dataFile,
    clock,
    async close() {
      await store.close();
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

/** The data file as parsed JSON (what is really on disk). */
export function readDataFile(t: TestApp): any {
  return JSON.parse(fs.readFileSync(t.dataFile, 'utf8'));
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
