import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startServer, CHILD_DEMO_KEY, type ChildServer } from './child-server.js';
import { freshSchema, testDatabaseUrl } from './postgres.js';
import type { PostgresStore } from '../../server/store/postgres/postgres-store.js';

/**
 * Several real server processes (`node --import tsx server/main.ts`) on one fresh PostgreSQL
 * schema, as a deployment behind a load balancer would run them. Each process connects with an
 * application_name of its own, so a test can see in pg_stat_activity which process is doing what
 * (waiting on a lock, say) without guessing from timing.
 */
export interface Cluster {
  schema: string;
  count: number;
  /** Filled by start(), in process order. */
  servers: ChildServer[];
  /** The application_name process i connects with. */
  appName(i: number): string;
  /** SQL in the cluster's schema (search_path set). */
  sql<T = any>(text: string, values?: unknown[]): Promise<T[]>;
  /** Spawns the processes together; resolves once every one answers /healthz. */
  start(opts?: StartOptions): Promise<ChildServer[]>;
  /** Stops every process still running (SIGTERM, SIGKILL when it hangs) and drops the schema. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Env for every process, on top of child-server's (SEED=demo, DEMO_API_KEY, LOG_LEVEL=error). */
  env?: Record<string, string>;
  /**
   * Runs before any process starts, on the schema's own store opened in this process (migrated,
   * demo seeded, the child demo key added): rows the test needs, written through the real Store.
   * Without it the processes start on an empty schema.
   */
  prepare?: (store: PostgresStore) => Promise<void>;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function withSchemaClient<T>(schema: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), options: `-c search_path=${ident(schema)}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The database URL a process connects with, naming itself (pg reads application_name from the URL). */
function processUrl(name: string): string {
  const url = new URL(testDatabaseUrl());
  url.searchParams.set('application_name', name);
  return url.href;
}

async function prepareSchema(schema: string, prepare: (store: PostgresStore) => Promise<void>) {
  const { PostgresStore } = await import('../../server/store/postgres/postgres-store.js');
  const { seedDemo, ensureDemoKey, ensureDemoOrigins } = await import('../../server/seed/demo.js');
  const store = await PostgresStore.open({ url: testDatabaseUrl(), schema, poolSize: 4 });
  try {
    // The origin of the processes' shared PUBLIC_URL, so their own start finds nothing to add.
    const seed = { publicUrl: 'http://127.0.0.1:0', allowedOrigins: [] };
    await seedDemo(store, { ...seed, now: Date.now() });
    await ensureDemoOrigins(store, seed);
    await ensureDemoKey(store, CHILD_DEMO_KEY, Date.now());
    await prepare(store);
  } finally {
    await store.close();
  }
}

/** `count` processes (3 by default) on a fresh schema, not started yet: a test can set a trap (a held lock) first. */
export function cluster(count = 3): Cluster {
  const { schema, drop } = freshSchema('procs');
  const dirs: string[] = [];
  const servers: ChildServer[] = [];
  const appName = (i: number) => `${schema}_p${i}`;
  const sql = <T = any>(text: string, values: unknown[] = []) => withSchemaClient(schema, async (c) => (await c.query(text, values)).rows as T[]);
  let starting: Promise<ChildServer[]> | undefined;
  return {
    schema,
    count,
    servers,
    appName,
    sql,
    start(opts = {}) {
      starting = spawnAll(opts);
      return starting;
    },
    async close() {
      // A start still under way (the test failed before it ended) is seen through, so no process outlives the test.
      await starting?.catch(() => undefined);
      await Promise.all(servers.map(stopProcess));
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
      await drop();
    },
  };

  async function spawnAll(opts: StartOptions): Promise<ChildServer[]> {
    if (opts.prepare) await prepareSchema(schema, opts.prepare);
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => {
        // A data directory of its own per process, as on separate machines: nothing shared but the database.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-procs-'));
        dirs.push(dir);
        return startServer({
          dataFile: path.join(dir, 'db.json'),
          timeoutMs: 60_000,
          // Behind a load balancer every process has the one PUBLIC_URL; here the seed's, where nobody listens.
          env: { DATABASE_URL: processUrl(appName(i)), DATABASE_SCHEMA: schema, PUBLIC_URL: 'http://127.0.0.1:0', ...opts.env },
        });
      }),
    );
    for (const r of results) if (r.status === 'fulfilled') servers.push(r.value);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return servers;
  }
}

async function stopProcess(s: ChildServer) {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 10_000);
  await s.stop();
  clearTimeout(timer);
}

/**
 * A transaction of the test's own holding locks (row locks taken by `lockSql`, an advisory lock, or
 * an uncommitted CREATE SCHEMA), so requests, jobs or starts of every process pile up behind it;
 * rolled back on `release()`. With
 * `waiting()` the test sees, per process, how many of its connections are blocked: the race is
 * then set up for certain, not by luck of timing.
 */
export interface HeldLock {
  /** Connections of each process (by index) waiting on a lock now. */
  waiting(): Promise<number[]>;
  /** Polls until `enough(counts)` holds; throws with the last counts after `timeoutMs`. */
  waitFor(enough: (counts: number[]) => boolean, what: string, timeoutMs?: number): Promise<number[]>;
  release(): Promise<void>;
}

export async function holdLock(cluster: Pick<Cluster, 'schema' | 'appName' | 'count'>, lockSql: string, values: unknown[] = []): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), options: `-c search_path=${ident(cluster.schema)}` });
  await client.connect();
  await client.query('BEGIN');
  await client.query(lockSql, values);
  const names = Array.from({ length: cluster.count }, (_, i) => cluster.appName(i));
  let released = false;
  // Another connection looks: within the holding transaction, pg_stat_activity would stay the snapshot of its first read.
  const watcher = new pg.Client({ connectionString: testDatabaseUrl() });
  await watcher.connect();
  const waiting = async () => {
    const r = await watcher.query(`SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = ANY($1) GROUP BY 1`, [names]);
    const by = new Map(r.rows.map((row) => [row.name as string, row.n as number]));
    return names.map((n) => by.get(n) ?? 0);
  };
  return {
    waiting,
    async waitFor(enough, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let counts = await waiting();
      while (!enough(counts)) {
        if (Date.now() > deadline) throw new Error(`${what}: still not there after ${timeoutMs} ms; connections waiting per process: ${counts.join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
        counts = await waiting();
      }
      return counts;
    },
    async release() {
      if (released) return;
      released = true;
      await client.query('ROLLBACK').catch(() => undefined);
      await Promise.all([client.end(), watcher.end()]);
    },
  };
}

/** Polls `probe` until it returns a value that `done` accepts; throws with the last value after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}
