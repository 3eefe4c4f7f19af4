/**
 * The server under test, in its own process so the load generator (autocannon, Chromium) never
 * shares its event loop. Listens on 127.0.0.1, port 0; prints one JSON line (ServerInfo) when
 * ready; exits on SIGTERM after flushing the store and removing its temp directory.
 *
 * Env: BENCH_SUBS bulk subscriptions to add (default 0); BENCH_LOG_LEVEL (default error).
 * BENCH_DATABASE_URL + BENCH_SCHEMA: the store is that PostgreSQL schema instead of a lowdb file;
 * with BENCH_ATTACH (the first process's ServerInfo as JSON) this process joins its data rather
 * than seeding, with the same PUBLIC_URL (as processes behind one load balancer have).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../server/config.js';
import { LowdbStore } from '../server/store/lowdb/lowdb-store.js';
import { PostgresStore } from '../server/store/postgres/postgres-store.js';
import { sharedKeys } from '../server/auth/shared-keys.js';
import { buildDeps } from '../server/deps.js';
import { loadKeys } from '../server/auth/keys.js';
import { createLogger } from '../server/log.js';
import { systemClock } from '../server/clock.js';
import { createApp } from '../server/app.js';
import { seedDemo, ensureDemoKey, demoMerchant, seededDemoSite } from '../server/seed/demo.js';
import { benchCustomer, benchSubscription, seedBulk } from './fixtures.js';

export interface ServerInfo {
  /** The real app. */
  url: string;
  /** The origin of the server's PUBLIC_URL: pages there may embed the element (every process of one deployment shares it). */
  origin: string;
  /** A bare Hono handler answering {ok:true}: the floor every figure is compared with. */
  floorUrl: string;
  /**
   * The "same work" floor: a bare Hono handler answering the overview's bytes for `customers.three`,
   * captured from the app at start, with the same headers (CORS, cache, content type). What the
   * overview costs beyond it is ours: auth, store reads, building and serialising the answer.
   */
  sameWorkUrl: string;
  apiKey: string;
  /** Customers whose first screen lists 3 and 50 subscriptions. */
  customers: { three: string; fifty: string };
  /** JSON file listing the ids of the bulk (active) subscriptions, one per writer. */
  subscriptionIdsFile: string;
  subscriptions: number;
  fileMb: number;
  pid: number;
}

const API_KEY = 'creem_test_bench_key_0123456789abcdef';

async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  return new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
  });
}

/** The overview's answer as the app gives it (bytes and headers but the per-request id), served bare. */
async function sameWorkFloor(app: ReturnType<typeof createApp>, url: string, origin: string, customerId: string) {
  const minted = await app.request(`${url}/v1/widget-tokens`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ customer_id: customerId, ttl_seconds: 3600 }),
  });
  const { token } = (await minted.json()) as { token: string };
  const res = await app.request(`${url}/portal/api/overview`, { headers: { authorization: `Bearer ${token}`, origin } });
  if (res.status !== 200) throw new Error(`overview for the same-work floor: ${res.status}`);
  const body = await res.text();
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (k !== 'x-request-id' && k !== 'content-length') headers[k] = v;
  });
  const bare = new Hono();
  bare.get('/', (c) => c.body(body, 200, { ...headers, 'x-request-id': crypto.randomUUID() }));
  return bare.fetch;
}

async function main() {
  const bulk = Number(process.env.BENCH_SUBS ?? 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-bench-'));
  const dataFile = path.join(dir, 'db.json');

  // Listen first: the public URL (token issuer, allowed origin) must carry the real port.
  let app: ReturnType<typeof createApp> | undefined;
  const portal = await listen((req) => app!.fetch(req));
  const floorApp = new Hono();
  floorApp.get('/', (c) => c.json({ ok: true }));
  const floor = await listen(floorApp.fetch);

  const url = `http://127.0.0.1:${portal.port}`;
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const attach = process.env.BENCH_ATTACH ? (JSON.parse(process.env.BENCH_ATTACH) as ServerInfo) : null;
  const publicUrl = attach?.url ?? url;
  const config = loadConfig({
    DATA_FILE: dataFile,
    PORT: String(portal.port),
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
  });
  const now = systemClock();
  // As a production server opens it (openStore): without the development-time nesting check.
  const store = databaseUrl
    ? await PostgresStore.open({ url: databaseUrl, schema: process.env.BENCH_SCHEMA, poolSize: 10, checkNesting: false })
    : await LowdbStore.open(dataFile, { checkNesting: false });
  const shared = databaseUrl ? await sharedKeys(store, now) : null;
  const keys = shared ?? (await loadKeys(dataFile, undefined, now));
  const deps = buildDeps({ config, store, clock: systemClock, log: createLogger(config.logLevel), keys });
  if (!attach) await seedDemo(store, { publicUrl: url, allowedOrigins: [], now });
  const demo = seededDemoSite(store, await ensureDemoKey(store, API_KEY, now));
  deps.demo = demo;
  let customers: ServerInfo['customers'];
  let subscriptionIdsFile: string;
  if (attach) {
    ({ customers, subscriptionIdsFile } = attach);
  } else {
    const merchant = (await demoMerchant({ store }))!;
    const products = await store.findBy('products', 'merchant_id', merchant.id);
    // The first-paint customers: 3 and 50 subscriptions across the demo plans.
    customers = await store.transact(async (tx) => {
      const ids: string[] = [];
      for (const [n, count] of [
        [0, 3],
        [1, 50],
      ]) {
        const customer = await tx.put('customers', benchCustomer(merchant.id, 1_000_000 + n, now));
        for (let i = 0; i < count; i++) await tx.put('subscriptions', benchSubscription(customer, products[i % products.length], now, i));
        ids.push(customer.id);
      }
      return { three: ids[0], fifty: ids[1] };
    });
    const { subscriptionIds } = await seedBulk(store, { count: Math.max(bulk, 256), perCustomer: 2, now });
    subscriptionIdsFile = path.join(dir, 'subscription-ids.json');
    fs.writeFileSync(subscriptionIdsFile, JSON.stringify(subscriptionIds));
  }

  app = createApp(deps);
  const sameWork = await listen(await sameWorkFloor(app, url, new URL(publicUrl).origin, customers.three));

  const info: ServerInfo = {
    url,
    origin: new URL(publicUrl).origin,
    floorUrl: `http://127.0.0.1:${floor.port}`,
    sameWorkUrl: `http://127.0.0.1:${sameWork.port}`,
    apiKey: demo.apiKey,
    customers,
    subscriptionIdsFile,
    subscriptions: await store.count('subscriptions'),
    fileMb: databaseUrl ? 0 : Math.round(fs.statSync(dataFile).size / 1e5) / 10,
    pid: process.pid,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);

  const stop = async () => {
    await new Promise<void>((r) => portal.server.close(() => r()));
    await new Promise<void>((r) => floor.server.close(() => r()));
    await new Promise<void>((r) => sameWork.server.close(() => r()));
    shared?.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  // The parent going away (crash, Ctrl-C) must not leave this server behind.
  process.once('disconnect', () => void stop());
}

main().catch((e) => {
  process.stderr.write(`bench server failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
