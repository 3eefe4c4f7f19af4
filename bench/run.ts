/**
 * `npm run bench`: every benchmark in one run, then a table and bench/results.json.
 * Never part of `npm test`. Figures are only comparable within one run (the floor is measured
 * alongside): on a shared 2-core machine, check the load average printed with them.
 *
 *   BENCH_QUICK=1   shorter runs, for trying the harness (figures not for publishing)
 *   --docs          also rewrite the tables in docs/performance.md
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, ensureBuild, measureBundles } from './bundle.js';
import { launch, measureFirstPaint } from './first-paint.js';
import * as load from './load.js';
import { startServer, mintToken } from './server.js';
import { measureStoreWrites } from './store-writes.js';
import { companionOverview } from './companion.js';
import { measurePostgres } from './postgres.js';
import { renderMarkdown, type Budget, type Results, type ScalingRun } from './report.js';

const QUICK = process.env.BENCH_QUICK === '1';
const SETTINGS = {
  connections: 50,
  seconds: QUICK ? 2 : 5,
  scaling_seconds: QUICK ? 2 : 4,
  paint_runs: QUICK ? 5 : 25,
};
const SIZES = [1_000, 10_000, 50_000];
const STORE_WRITE_MS = QUICK ? 700 : 2000;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Lets the kernel write back what the last phase wrote (store phases write hundreds of MB of data
 * files) so that writeback does not run during, and slow, the next measurement.
 */
async function settle() {
  spawnSync('sync');
  await sleep(300);
}
const load1 = () => os.loadavg().map((l) => round2(l));

async function main() {
  const started = performance.now();
  const loadAtStart = load1();
  if (loadAtStart[0] > os.cpus().length * 0.75) {
    process.stderr.write(`bench: load average ${loadAtStart[0]} on ${os.cpus().length} CPUs — other work will skew these figures.\n`);
  }
  const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

  ensureBuild();
  step('bundle sizes');
  const bundle = measureBundles();

  const { connections, seconds } = SETTINGS;
  const o = { connections, seconds };
  const server = await startServer({ subscriptions: 1024 });
  let firstPaint;
  let throughput;
  try {
    const info = server.info;
    step(`first screen in Chromium (${SETTINGS.paint_runs} runs × 2)`);
    const browser = await launch();
    try {
      firstPaint = [
        await measureFirstPaint(browser, info, info.customers.three, 3, SETTINGS.paint_runs),
        await measureFirstPaint(browser, info, info.customers.fifty, 50, SETTINGS.paint_runs),
      ];
    } finally {
      await browser.close();
    }
    step('server throughput (autocannon)');
    const floor = await load.floor(info, o);
    const rows = [
      floor,
      await load.sameWork(info, o),
      await load.healthz(info, o),
      await load.overview(info, o, await mintToken(info, info.customers.three)),
      await load.mintTokens(info, o),
      await load.cancelResume(info, o),
    ];
    step('companion mode: the overview through a companion server in front of this one');
    rows.push(...(await companionOverview(info, o)));
    throughput = rows.map((r) => ({ ...r, ratio_to_floor: round2(r.req_per_s / floor.req_per_s) }));
  } finally {
    await server.stop();
  }

  const scaling: ScalingRun[] = [];
  for (const size of SIZES) {
    step(`store scaling at ${size} subscriptions`);
    const s = await startServer({ subscriptions: size });
    let read, write;
    try {
      const so = { connections, seconds: SETTINGS.scaling_seconds };
      await settle();
      read = await load.readById(s.info, so);
      write = await load.cancelResume(s.info, so);
    } finally {
      await s.stop();
    }
    await settle();
    const store = await measureStoreWrites(size, { ms: STORE_WRITE_MS, inFlight: [1, 16, 64] });
    scaling.push({ subscriptions: size, file_mb: s.info.fileMb, read, write, store });
  }

  await settle();
  const postgres = await measurePostgres(QUICK ? [10_000, 20_000] : [10_000, 100_000], { connections, seconds: SETTINGS.scaling_seconds }, step);

  // The merchant-API engineer's read benchmark (in-process app.request), when it is there.
  let storeReads: unknown;
  if (fs.existsSync(path.join(import.meta.dirname, 'store-reads.ts'))) {
    step('bench/store-reads.ts');
    const mod = (await import('./store-reads.js')) as { run?: (requests?: number) => Promise<unknown> };
    storeReads = await mod.run?.(QUICK ? 500 : 3000);
  }

  const results: Results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model.trim() ?? '?', load_avg_at_start: loadAtStart, load_avg_at_end: load1() },
    settings: SETTINGS,
    bundle,
    first_paint: firstPaint,
    throughput,
    scaling,
    postgres,
    ...(storeReads ? { store_reads: storeReads } : {}),
    budgets: [],
    seconds_taken: Math.round((performance.now() - started) / 1000),
  };
  results.budgets = budgets(results);

  const markdown = renderMarkdown(results);
  process.stdout.write(`\n${markdown}\n`);
  if (Array.isArray(storeReads)) {
    process.stdout.write('\n**bench/store-reads.ts** (in-process app.request, one at a time)\n\n');
    console.table(storeReads);
  }
  fs.writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwrote bench/results.json${QUICK ? ' (BENCH_QUICK: short runs)' : ''}\n`);
  if (process.argv.includes('--docs')) writeDocs(markdown);
}

function budgets(r: Results): Budget[] {
  const out: Budget[] = [];
  const add = (what: string, limit: string, actual: string, ok: boolean) => out.push({ what, limit, actual, ok });
  const classic = r.bundle.find((b) => b.file === 'dist/creem-portal.js')!;
  add('classic bundle, gzip', '≤ 20 KB (20,480 B)', `${classic.gzip_bytes} B`, classic.gzip_bytes <= 20_480);
  for (const f of r.first_paint) {
    add(`first screen, ${f.subscriptions} subscriptions: API requests`, '1', String(f.api_requests), f.api_requests === 1);
    add(
      `first screen, ${f.subscriptions} subscriptions: rendered vs bare fetch + JSON.parse`,
      '≤ 1.5 ×',
      `${f.ratio_to_fetch.toFixed(2)} × (${f.rendered_ms} / ${f.fetch_json_ms} ms, medians)`,
      f.ratio_to_fetch <= 1.5,
    );
    add(`first screen, ${f.subscriptions} subscriptions: all rendered`, `${f.subscriptions} items`, `${f.items_rendered} items`, f.items_rendered === f.subscriptions);
  }
  const [floor, sameWork, healthz, overview, ...rest] = r.throughput;
  const ratio = (a: { req_per_s: number }, b: { req_per_s: number }) => round2(a.req_per_s / b.req_per_s);
  add('/healthz through the app vs floor', '≥ 0.7 × floor', `${healthz.ratio_to_floor} × (${healthz.req_per_s} / ${floor.req_per_s} req/s)`, healthz.ratio_to_floor >= 0.7);
  add('portal overview vs floor', '≥ 0.5 × floor', `${overview.ratio_to_floor} × (${overview.req_per_s} / ${floor.req_per_s} req/s)`, overview.ratio_to_floor >= 0.5);
  const own = ratio(overview, sameWork);
  add('portal overview vs same-work floor', '≥ 0.8 ×', `${own} × (${overview.req_per_s} / ${sameWork.req_per_s} req/s)`, own >= 0.8);
  const mint = rest.find((t) => t.name.startsWith('POST /v1/widget-tokens'))!;
  add('token mint vs floor', '≥ 0.3 × floor', `${mint.ratio_to_floor} ×`, mint.ratio_to_floor >= 0.3);
  for (const t of [healthz, overview, ...rest]) {
    if (t.non_2xx || t.errors) add(`no failed requests: ${t.name}`, '0', `${t.non_2xx} non-2xx, ${t.errors} errors`, false);
    // Companion rows carry an upstream hop on the same two cores: reported against standalone, no p99 budget.
    if (t.name.startsWith('companion')) {
      add(`${t.name} vs standalone overview`, 'reported', `${ratio(t, overview)} × (${t.req_per_s} req/s, p99 ${t.p99_ms} ms)`, true);
      continue;
    }
    if (t === healthz) continue;
    add(`p99 at ${t.connections} connections: ${t.name}`, '≤ 20 ms', `${t.p99_ms} ms`, t.p99_ms <= 20);
  }
  const [small, , large] = r.scaling;
  const flat = large.read.req_per_s / small.read.req_per_s;
  add(`reads by id flat, ${small.subscriptions} → ${large.subscriptions} subscriptions`, '≥ 0.8 × (HTTP req/s)', `${round2(flat)} ×`, flat >= 0.8);
  const tenK = r.scaling.find((s) => s.subscriptions === 10_000)!;
  for (const w of tenK.store.writes) {
    if (w.in_flight === 1) continue;
    add(`durable writes at 10k, ${w.in_flight} in flight (store)`, '≥ 300/s', `${w.writes_per_s}/s`, w.writes_per_s >= 300);
  }
  add('durable writes at 10k over HTTP (cancel+resume)', '≥ 300/s', `${tenK.write.req_per_s}/s`, tenK.write.req_per_s >= 300);
  // The pairs at 10k against the floor of the same run (the floor is measured with the first server).
  const pairs = round2(tenK.write.req_per_s / floor.req_per_s);
  if (Array.isArray(r.postgres)) {
    const one = r.postgres.filter((p) => p.processes === 1);
    const pg10k = one.find((p) => p.subscriptions === 10_000);
    if (pg10k) {
      add('PostgreSQL durable writes at 10k (HTTP) vs lowdb in the same run', '≥ lowdb', `${pg10k.write.req_per_s}/s vs ${tenK.write.req_per_s}/s`, pg10k.write.req_per_s >= tenK.write.req_per_s);
    }
    const [first, last] = [one[0], one[one.length - 1]];
    const pgFlat = round2(last.read.req_per_s / first.read.req_per_s);
    add(`PostgreSQL reads by id flat, ${first.subscriptions} → ${last.subscriptions}`, '≥ 0.8 ×', `${pgFlat} ×`, pgFlat >= 0.8);
    for (const p of r.postgres) {
      for (const row of [p.read, p.overview, p.write]) {
        if (row.non_2xx || row.errors) add(`no failed requests: PostgreSQL ${p.processes} process(es), ${row.name}`, '0', `${row.non_2xx} non-2xx, ${row.errors} errors`, false);
      }
    }
  }
  add('cancel+resume pairs at 10k vs floor', '≥ 0.15 × floor', `${pairs} ×`, pairs >= 0.15);
  const fiftyK = r.scaling.find((s) => s.subscriptions === 50_000);
  if (fiftyK) {
    const stall = Math.max(...fiftyK.store.writes.map((w) => w.max_loop_block_ms));
    add('longest event-loop stall during writes at 50k', '≤ 20 ms', `${stall} ms`, stall <= 20);
  }
  return out;
}

/** Replaces everything between the two markers in docs/performance.md with the new tables. */
function writeDocs(markdown: string) {
  const file = path.join(ROOT, 'docs', 'performance.md');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${begin} … ${end} markers`);
  fs.writeFileSync(file, `${text.slice(0, a + begin.length)}\n${markdown}\n${text.slice(b)}`);
  process.stdout.write('updated docs/performance.md\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
