import type { BundleSize } from './bundle.js';
import type { FirstPaintResult } from './first-paint.js';
import type { LoadResult } from './load.js';
import type { StoreWriteResult } from './store-writes.js';
import type { PostgresRun } from './postgres.js';

export interface ScalingRun {
  subscriptions: number;
  file_mb: number;
  read: LoadResult;
  write: LoadResult;
  store: StoreWriteResult;
}

export interface Budget {
  what: string;
  limit: string;
  actual: string;
  ok: boolean;
}

export interface Results {
  date: string;
  machine: { node: string; cpus: number; cpu_model: string; load_avg_at_start: number[]; load_avg_at_end: number[] };
  settings: { connections: number; seconds: number; scaling_seconds: number; paint_runs: number };
  bundle: BundleSize[];
  first_paint: FirstPaintResult[];
  throughput: (LoadResult & { ratio_to_floor: number })[];
  scaling: ScalingRun[];
  /** The PostgreSQL rows, or why they were not measured. */
  postgres?: PostgresRun[] | { skipped: string };
  /** What bench/store-reads.ts returned, when that file exists. */
  store_reads?: unknown;
  budgets: Budget[];
  seconds_taken: number;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** The results as Markdown tables: printed by `npm run bench` and pasted into docs/performance.md. */
export function renderMarkdown(r: Results): string {
  const out: string[] = [];
  out.push(
    `Measured ${r.date} · Node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpu_model} · load average ${r.machine.load_avg_at_start.join(' / ')} at start, ${r.machine.load_avg_at_end.join(' / ')} at end · ${r.seconds_taken} s`,
  );
  out.push('', '**Bundle** (gzip -9)', '');
  out.push(table(['file', 'bytes', 'gzip'], r.bundle.map((b) => [b.file, b.bytes, `${b.gzip_bytes} B (${kb(b.gzip_bytes)})`])));
  out.push('', `**First screen** in headless Chromium: element appended → subscriptions rendered (median of ${r.settings.paint_runs} runs)`, '');
  out.push(
    table(
      ['subscriptions', 'creem-ready', 'rendered', 'fetch + parse (floor)', '× floor', 'next frame', 'p90 rendered', 'API requests', 'other requests'],
      r.first_paint.map((f) => [
        f.subscriptions,
        `${f.ready_ms} ms`,
        `${f.rendered_ms} ms`,
        `${f.fetch_json_ms} ms`,
        f.ratio_to_fetch.toFixed(2),
        `${f.frame_ms} ms`,
        `${f.p90_rendered_ms} ms`,
        f.api_requests,
        f.other_requests.join(', ') || 'none',
      ]),
    ),
  );
  out.push('', `**Server throughput** (autocannon, ${r.settings.connections} connections, ${r.settings.seconds} s each, loopback)`, '');
  out.push(
    table(
      ['request', 'req/s', '× floor', 'p50', 'p99', 'non-2xx', 'errors'],
      r.throughput.map((t) => [t.name + (t.note ? ` (${t.note})` : ''), t.req_per_s, t.ratio_to_floor.toFixed(2), `${t.p50_ms} ms`, `${t.p99_ms} ms`, t.non_2xx, t.errors]),
    ),
  );
  out.push('', `**Store scaling**: the same read and write with more subscriptions in the store (HTTP: ${r.settings.connections} connections, ${r.settings.scaling_seconds} s each)`, '');
  out.push(
    table(
      ['subscriptions', 'data file', 'read by id req/s', 'read p99', 'cancel+resume req/s', 'write p99', 'store.get'],
      r.scaling.map((s) => [s.subscriptions, `${s.file_mb} MB`, s.read.req_per_s, `${s.read.p99_ms} ms`, s.write.req_per_s, `${s.write.p99_ms} ms`, `${s.store.read_by_id_ns} ns`]),
    ),
  );
  out.push('', '**Durable writes** straight through `store.transact` (each acknowledged only once on disk)', '');
  out.push(
    table(
      ['subscriptions', 'in flight', 'writes/s', 'p50', 'p99', 'longest event-loop stall'],
      r.scaling.flatMap((s) => s.store.writes.map((w) => [s.subscriptions, w.in_flight, w.writes_per_s, `${w.p50_ms} ms`, `${w.p99_ms} ms`, `${w.max_loop_block_ms} ms`])),
    ),
  );
  if (r.postgres && !Array.isArray(r.postgres)) out.push('', `**PostgreSQL**: not measured (${r.postgres.skipped})`);
  else if (r.postgres) {
    out.push('', `**PostgreSQL** (one schema on this machine's server; two processes share it, the load split between them; ${r.settings.connections} connections in all, ${r.settings.scaling_seconds} s each)`, '');
    out.push(
      table(
        ['subscriptions', 'processes', 'read by id req/s', 'read p99', 'overview req/s', 'overview p99', 'cancel+resume req/s', 'write p99'],
        r.postgres.map((p) => [p.subscriptions, p.processes, p.read.req_per_s, `${p.read.p99_ms} ms`, p.overview.req_per_s, `${p.overview.p99_ms} ms`, p.write.req_per_s, `${p.write.p99_ms} ms`]),
      ),
    );
  }
  out.push('', '**Budgets**', '');
  out.push(table(['budget', 'limit', 'measured', ''], r.budgets.map((b) => [b.what, b.limit, b.actual, b.ok ? 'ok' : 'MISSED'])));
  return out.join('\n');
}
