/**
 * The PostgreSQL rows: the same reads and durable writes as the lowdb scaling rows, with the store
 * in a schema of its own, in a database made for the run on this machine's PostgreSQL (the server of
 * BENCH_DATABASE_URL, else 127.0.0.1's `test` database), at each size with one process, and at the first size with two processes on the same
 * schema (the load split between them, as a load balancer would). The schema is dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as load from './load.js';
import { startServer, mintToken, type ServerInfo } from './server.js';

export interface PostgresRun {
  subscriptions: number;
  processes: number;
  read: load.LoadResult;
  overview: load.LoadResult;
  write: load.LoadResult;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function sql(url: string, text: string, values?: unknown[]) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

/**
 * After the bulk seed: statistics for the planner and a checkpoint, so the timed runs measure the
 * server's steady state, not autovacuum and the checkpointer catching up with a fresh bulk load.
 */
async function settle(url: string, schema: string) {
  const tables = await sql(url, 'SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
  for (const { table_name } of tables.rows) await sql(url, `VACUUM ANALYZE "${schema}"."${table_name}"`);
  // Superusers and pg_checkpoint members only: without the right, the run goes on unsettled.
  await sql(url, 'CHECKPOINT').catch(() => undefined);
}

/**
 * The same server info, writers limited to one half of the bulk subscriptions (two processes never
 * share one), past the first `skip`: the run before may have left its last pairs half done (a
 * cancel without its resume), and it took its subscriptions from the front of the list.
 */
function half(info: ServerInfo, which: 0 | 1, dir: string, skip: number): ServerInfo {
  const ids = (JSON.parse(fs.readFileSync(info.subscriptionIdsFile, 'utf8')) as string[]).slice(skip);
  const file = path.join(dir, `ids-${which}.json`);
  fs.writeFileSync(file, JSON.stringify(ids.filter((_, i) => i % 2 === which)));
  return { ...info, subscriptionIdsFile: file };
}

/** Runs `one` against each process with half the connections at once, and adds them up. */
async function split(name: string, o: load.LoadOptions, runs: ((o: load.LoadOptions) => Promise<load.LoadResult>)[]): Promise<load.LoadResult> {
  const each = { ...o, connections: Math.ceil(o.connections / runs.length) };
  const results = await Promise.all(runs.map((r) => r(each)));
  const sum = (k: 'req_per_s' | 'requests' | 'non_2xx' | 'errors') => results.reduce((n, r) => n + r[k], 0);
  return {
    name,
    connections: each.connections * runs.length,
    seconds: o.seconds,
    req_per_s: sum('req_per_s'),
    p50_ms: Math.max(...results.map((r) => r.p50_ms)),
    p99_ms: Math.max(...results.map((r) => r.p99_ms)),
    requests: sum('requests'),
    non_2xx: sum('non_2xx'),
    errors: sum('errors'),
  };
}

/**
 * A database of its own for the run, dropped afterwards: a shared one where test suites create and
 * drop thousands of schemas carries their dead catalog rows, and on this machine that alone cost a
 * third of the write rate. Without the right to create one, the given database is used as it is.
 */
async function ownDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `creem_bench_${randomBytes(5).toString('hex')}`;
  try {
    await sql(url, `CREATE DATABASE ${name}`);
  } catch {
    return { url, drop: async () => undefined };
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.href, drop: () => sql(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined) };
}

export async function measurePostgres(sizes: number[], o: load.LoadOptions, step: (what: string) => void): Promise<PostgresRun[] | { skipped: string }> {
  const given = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  try {
    await sql(given, 'SELECT 1');
  } catch (e) {
    return { skipped: `no PostgreSQL at ${new URL(given).host}: ${(e as Error).message}` };
  }
  const db = await ownDatabase(given);
  try {
    return await measureOn(db.url, sizes, o, step);
  } finally {
    await db.drop().catch(() => undefined);
  }
}

async function measureOn(url: string, sizes: number[], o: load.LoadOptions, step: (what: string) => void): Promise<PostgresRun[]> {
  const runs: PostgresRun[] = [];
  for (const [i, size] of sizes.entries()) {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    const env = { BENCH_DATABASE_URL: url, BENCH_SCHEMA: schema };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-bench-pg-'));
    step(`PostgreSQL at ${size} subscriptions (seeding)`);
    const a = await startServer({ subscriptions: size, env });
    try {
      await settle(url, schema);
      const token = await mintToken(a.info, a.info.customers.three);
      const single: PostgresRun = {
        subscriptions: size,
        processes: 1,
        read: await load.readById(a.info, o, 'GET /v1/subscriptions by id'),
        overview: await load.overview(a.info, o, token),
        write: await load.cancelResume(a.info, o),
      };
      runs.push(single);
      const touched = single.write.requests + o.connections;
      if (i === 0) {
        step(`PostgreSQL at ${size} subscriptions, two processes`);
        const b = await startServer({ env: { ...env, BENCH_ATTACH: JSON.stringify(a.info) } });
        try {
          const both = [a.info, b.info];
          runs.push({
            subscriptions: size,
            processes: 2,
            read: await split('GET /v1/subscriptions by id', o, both.map((info) => (oo) => load.readById(info, oo))),
            overview: await split('GET /portal/api/overview', o, both.map((info) => (oo) => load.overview(info, oo, token))),
            write: await split('POST cancel + resume (pairs)', o, both.map((info, k) => (oo) => load.cancelResume(half(info, k as 0 | 1, dir, touched), oo))),
          });
        } finally {
          await b.stop();
        }
      }
    } finally {
      await a.stop();
      await sql(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}
