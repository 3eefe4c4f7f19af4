import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Store } from '../server/store/interface.js';
import { LowdbStore } from '../server/store/lowdb/lowdb-store.js';
import { seedDemo } from '../server/seed/demo.js';
import { iso } from '../server/clock.js';
import { seedBulk } from './fixtures.js';

export interface StoreWriteResult {
  subscriptions: number;
  file_mb: number;
  /** Median ns of an in-memory read by id (store.get), over random ids. */
  read_by_id_ns: number;
  writes: {
    in_flight: number;
    writes_per_s: number;
    p50_ms: number;
    p99_ms: number;
    /** CPU (user + system) per acknowledged write: less sensitive than wall time to other load on the machine. */
    cpu_ms_per_write: number;
    max_loop_block_ms: number;
  }[];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Durable writes straight through `store.transact` (each one resolves only once the file holding it
 * is on disk), with 1, 16 and 64 writers in flight, plus the cost of a read by id, at one store size.
 */
export async function measureStoreWrites(
  subscriptions: number,
  opts: { ms: number; inFlight: number[]; open?: (file: string) => Promise<Store> },
): Promise<StoreWriteResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-bench-store-'));
  const file = path.join(dir, 'db.json');
  const store = await (opts.open ?? ((f: string) => LowdbStore.open(f)))(file);
  try {
    const now = Date.now();
    await seedDemo(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: [], now });
    const { subscriptionIds: ids } = await seedBulk(store, { count: subscriptions, perCustomer: 2, now });
    const pick = () => ids[(Math.random() * ids.length) | 0];

    const reads: number[] = [];
    for (let round = 0; round < 20; round++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 10_000; i++) await store.get('subscriptions', await pick());
      reads.push(Number(process.hrtime.bigint() - t0) / 10_000);
    }
    reads.sort((a, b) => a - b);

    const writes: StoreWriteResult['writes'] = [];
    for (const inFlight of opts.inFlight) {
      const latencies: number[] = [];
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const deadline = started + opts.ms;
      const writer = async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await store.transact(async (tx) => {
            const sub = (await tx.get('subscriptions', await pick()))!;
            await tx.put('subscriptions', { ...sub, updated_at: iso(Date.now()) });
          });
          latencies.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, writer));
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(cpu);
      loop.disable();
      latencies.sort((a, b) => a - b);
      writes.push({
        in_flight: inFlight,
        writes_per_s: Math.round((latencies.length / elapsed) * 1000),
        p50_ms: round1(quantile(latencies, 0.5)),
        p99_ms: round1(quantile(latencies, 0.99)),
        cpu_ms_per_write: Math.round(((used.user + used.system) / 1000 / latencies.length) * 100) / 100,
        max_loop_block_ms: round1(loop.max / 1e6),
      });
    }
    return { subscriptions, file_mb: round1(fs.statSync(file).size / 1e6), read_by_id_ns: Math.round(quantile(reads, 0.5)), writes };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

// Run alone: `node --import tsx bench/store-writes.ts [subscriptions…]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length ? sizes : [1000, 10_000, 50_000]) {
    console.log(JSON.stringify(await measureStoreWrites(n, { ms: 2000, inFlight: [1, 16, 64] })));
  }
}
