import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Request as CannonRequest } from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CHILD_DEMO_KEY = 'creem_test_childserver_key_0123456789';

export interface ChildServer {
  proc: ChildProcess;
  pid: number;
  url: string;
  stdout(): string;
  stderr(): string;
  /** `kill -9`: no flush, no lock release, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** Resident memory of the server process, in bytes (from /proc). */
  rss(): number;
}

export interface StartOptions {
  dataFile: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

/**
 * Starts the real server (`node --import tsx server/main.ts`) on a free loopback port and waits
 * until /healthz answers. The port comes from the server's own start line (PORT=0), so two
 * harnesses never race for one port.
 */
export async function startServer(opts: StartOptions): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_FILE: opts.dataFile,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED: 'demo',
      DEMO_API_KEY: CHILD_DEMO_KEY,
      LOG_LEVEL: 'error',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let url: string | null = null;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new StartFailed(proc.exitCode, out, err);
    }
    const m = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
    if (m && !url) url = `http://127.0.0.1:${m[1]}`;
    if (url) {
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.status === 200) break;
      } catch {
        /* not yet */
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!url) {
    proc.kill('SIGKILL');
    throw new Error(`server did not start within the timeout.\nstdout: ${out}\nstderr: ${err}`);
  }
  const server: ChildServer = {
    proc,
    pid: proc.pid!,
    url,
    stdout: () => out,
    stderr: () => err,
    async kill9() {
      proc.kill('SIGKILL');
      await exited(proc);
    },
    async stop() {
      proc.kill('SIGTERM');
      return exited(proc);
    },
    rss() {
      const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
  };
  return server;
}

export class StartFailed extends Error {
  constructor(
    readonly code: number | null,
    readonly out: string,
    readonly err: string,
  ) {
    super(`server exited with ${code} on start.\nstdout: ${out}\nstderr: ${err}`);
  }
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export async function expectStartFailure(opts: StartOptions): Promise<StartFailed> {
  try {
    const s = await startServer(opts);
    await s.kill9();
  } catch (e) {
    if (e instanceof StartFailed) return e;
    throw e;
  }
  throw new Error('the server started, but it should have refused');
}

/** JSON over real HTTP; never throws on a status, only on a broken connection. */
export async function http(base: string, method: string, p: string, opts: { key?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers['x-api-key'] = opts.key;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + p, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, headers: res.headers };
}

// ---------------------------------------------------------------------------------------------
// Crash rounds: concurrent writes, kill -9 at a random moment, check the file, restart.

export interface CrashReport {
  rounds: number;
  acked: { merchantCancels: number; portalCancels: number; support: number; tokens: number };
  unacked: number;
  tokensReverified: number;
}

/**
 * A data file with the demo seed plus `poolSize` active subscriptions of Ada's, so every round
 * has fresh subscriptions to cancel. Written through the real Store, then closed (lock released).
 */
export async function prepareCrashData(dataFile: string, poolSize: number, email = 'ada@example.com'): Promise<string[]> {
  const { LowdbStore: Store } = await import('../../server/store/lowdb/lowdb-store.js');
  const { seedDemo } = await import('../../server/seed/demo.js');
  const { newId } = await import('../../server/ids.js');
  const store = await Store.open(dataFile);
  await seedDemo(store, { publicUrl: 'http://127.0.0.1:0', allowedOrigins: [], now: Date.now() });
  const owner = (await store.findBy('customers', 'email', email))[0]!;
  const template = (await store.findBy('subscriptions', 'customer_id', owner.id)).find((s) => s.status === 'active')!;
  const ids: string[] = [];
  await store.transact(async (tx) => {
    for (let i = 0; i < poolSize; i++) {
      const id = newId('sub');
      ids.push(id);
      await tx.put('subscriptions', { ...template, id, items: template.items.map((it) => ({ ...it, id: newId('sitem') })) });
    }
  });
  await store.close();
  return ids;
}

/** Between rounds (server down): puts every pool subscription back to active, through the Store. */
async function reactivate(dataFile: string, ids: string[]) {
  const { LowdbStore: Store } = await import('../../server/store/lowdb/lowdb-store.js');
  const store = await Store.open(dataFile);
  await store.transact(async (tx) => {
    for (const id of ids) {
      const s = (await tx.get('subscriptions', id))!;
      if (s.status !== 'active') await tx.put('subscriptions', { ...s, status: 'active', canceled_at: null, scheduled_action: null, cancel_reason: null, cancel_comment: null });
    }
  });
  await store.close();
}

/**
 * Runs `rounds` crash rounds on one data file. Each round starts the real server, fires
 * concurrent writes (merchant-API cancels, portal cancels, support requests, token mints), kills
 * it with SIGKILL after a random delay, then checks that the file parses and holds every write
 * that was answered with a 2xx, and that every token minted so far still works after restart.
 */
export async function runCrashRounds(dataFile: string, rounds: number, poolIds: string[], log: (m: string) => void = () => {}): Promise<CrashReport> {
  const report: CrashReport = { rounds: 0, acked: { merchantCancels: 0, portalCancels: 0, support: 0, tokens: 0 }, unacked: 0, tokensReverified: 0 };
  let tokens: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const server = await startServer({ dataFile });
    try {
      // Tokens answered 201 before the last crash must still verify: their key reached the disk.
      for (const token of tokens) {
        const r = await http(server.url, 'GET', '/portal/api/overview', { token });
        if (r.status !== 200) throw new Error(`round ${round}: a token minted before the crash is refused after restart: ${r.status} ${r.text}`);
        report.tokensReverified++;
      }
      tokens = [];
      const ada = await http(server.url, 'GET', '/v1/customers?email=ada%40example.com', { key: CHILD_DEMO_KEY });
      if (ada.status !== 200) throw new Error(`round ${round}: cannot find Ada: ${ada.status} ${ada.text}`);
      const adaId = ada.json.id as string;
      const minted = await http(server.url, 'POST', '/v1/widget-tokens', { key: CHILD_DEMO_KEY, body: { customer_id: adaId } });
      const token = minted.json.token as string;
      const doc = await http(server.url, 'GET', '/openapi.json');
      const hasSupport = Boolean(doc.json?.paths?.['/portal/api/support']?.post);
      // Support requests are limited per customer (5 per 10 minutes): spread them over every customer.
      const everyone = (await http(server.url, 'GET', '/v1/customers/list?page_size=100', { key: CHILD_DEMO_KEY })).json?.items ?? [];
      const supportTokens: string[] = [];
      for (const c of everyone as { id: string }[]) {
        const m = await http(server.url, 'POST', '/v1/widget-tokens', { key: CHILD_DEMO_KEY, body: { customer_id: c.id } });
        if (m.status === 201) supportTokens.push(m.json.token);
      }

      const ackedCancels = new Map<string, string>();
      const ackedSupport: string[] = [];
      let next = 0;
      let alive = true;
      const takeSub = () => (next < poolIds.length ? poolIds[next++] : null);
      const worker = async (w: number) => {
        for (let i = 0; alive; i++) {
          const pick = (w + i) % 4;
          try {
            if (pick === 0) {
              const id = takeSub();
              if (!id) {
                await new Promise((r) => setTimeout(r, 5));
                continue;
              }
              const r = await http(server.url, 'POST', `/v1/subscriptions/${id}/cancel`, { key: CHILD_DEMO_KEY, body: { mode: 'immediate' } });
              if (r.status === 200) ackedCancels.set(id, r.json.status);
              else report.unacked++;
            } else if (pick === 1) {
              const id = takeSub();
              if (!id) {
                await new Promise((r) => setTimeout(r, 5));
                continue;
              }
              const r = await http(server.url, 'POST', `/portal/api/subscriptions/${id}/cancel`, { token, body: { mode: 'scheduled', reason: 'unused' } });
              if (r.status === 200) ackedCancels.set(id, r.json.subscription.status);
              else report.unacked++;
            } else if (pick === 2 && hasSupport) {
              const supportToken = supportTokens.length ? supportTokens[(w + i) % supportTokens.length] : token;
              const r = await http(server.url, 'POST', '/portal/api/support', { token: supportToken, body: { subject: `round ${round} worker ${w} #${i}`, message: 'Crash test: is this on disk?' } });
              if (r.status === 201) ackedSupport.push(r.json.reference);
              else report.unacked++;
            } else {
              const r = await http(server.url, 'POST', '/v1/widget-tokens', { key: CHILD_DEMO_KEY, body: { customer_id: adaId } });
              if (r.status === 201) tokens.push(r.json.token);
              else report.unacked++;
            }
          } catch {
            // The connection died with the server: this write was never acknowledged.
            report.unacked++;
            return;
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 300)));
      await server.kill9();
      alive = false;
      await Promise.all(workers);

      let data: any;
      try {
        data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
      } catch (e) {
        throw new Error(`round ${round}: the data file does not parse after kill -9: ${(e as Error).message}`);
      }
      const subs = new Map<string, any>(data.collections.subscriptions.map((s: any) => [s.id, s]));
      for (const [id, status] of ackedCancels) {
        if (subs.get(id)?.status !== status) throw new Error(`round ${round}: cancel of ${id} was answered 200 (${status}) but the file says ${subs.get(id)?.status}`);
      }
      const refs = new Set(data.collections.customer_requests.map((r: any) => r.reference));
      for (const ref of ackedSupport) if (!refs.has(ref)) throw new Error(`round ${round}: support request ${ref} was answered 201 but is not in the file`);
      const portal = [...ackedCancels.values()].filter((s) => s === 'scheduled_cancel').length;
      report.acked.portalCancels += portal;
      report.acked.merchantCancels += ackedCancels.size - portal;
      report.acked.support += ackedSupport.length;
      report.acked.tokens += tokens.length;
      // Keep re-verification cheap: a sample of this round's tokens.
      tokens = tokens.slice(-5);
      report.rounds = round;
      log(`round ${round}: ${ackedCancels.size} cancels, ${ackedSupport.length} support requests, ${tokens.length} tokens acked; killed`);
    } finally {
      if (server.proc.exitCode === null && server.proc.signalCode === null) await server.kill9();
    }
    await reactivate(dataFile, poolIds);
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon against the real server on loopback.

export interface LoadReport {
  seconds: number;
  connections: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  writes: number;
  rps: number;
  p99ms: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

/**
 * Mixed valid traffic at `connections` connections for `seconds`: portal overview and merchant
 * reads, token mints, support requests (each a new stored record), and cancels of distinct
 * subscriptions from a pool. Every request is valid, so every answer should be a 2xx.
 */
export async function runLoad(dataFile: string, seconds: number, connections = 100): Promise<LoadReport> {
  const { default: autocannon } = await import('autocannon');
  // The pool belongs to Jean, so Ada's overview (read under load) stays the size a customer's would be.
  const pool = await prepareCrashData(dataFile, 2_000, 'jean@example.com');
  const server = await startServer({ dataFile });
  try {
    const key = CHILD_DEMO_KEY;
    const ada = (await http(server.url, 'GET', '/v1/customers?email=ada%40example.com', { key })).json;
    const token = (await http(server.url, 'POST', '/v1/widget-tokens', { key, body: { customer_id: ada.id } })).json.token as string;
    // Warm up (JIT, caches), then take the baseline.
    for (let i = 0; i < 50; i++) await http(server.url, 'GET', '/portal/api/overview', { token });
    const rssBefore = server.rss();

    let nextSub = 0;
    let seq = 0;
    let writes = 0;
    const json = { 'content-type': 'application/json' };
    const requests: CannonRequest[] = [
      { method: 'GET', path: '/portal/api/overview', headers: { authorization: `Bearer ${token}` } },
      { method: 'GET', path: `/v1/subscriptions?subscription_id=${pool[pool.length - 1]}`, headers: { 'x-api-key': key } },
      { method: 'POST', path: '/v1/widget-tokens', headers: { ...json, 'x-api-key': key }, body: JSON.stringify({ customer_id: ada.id }) },
      {
        // A customer's own write with no rate limit (support requests allow 5 per 10 minutes).
        method: 'PATCH',
        path: '/portal/api/billing',
        headers: { ...json, authorization: `Bearer ${token}` },
        setupRequest: (req) => {
          writes++;
          return { ...req, body: JSON.stringify({ name: `Ada Load ${++seq}` }) };
        },
      },
      {
        method: 'POST',
        path: '/v1/subscriptions/x/cancel',
        headers: { ...json, 'x-api-key': key },
        // A distinct subscription per cancel (the last pool one is kept for the read above).
        setupRequest: (req) => {
          if (nextSub >= pool.length - 1) return { ...req, method: 'GET', path: `/v1/subscriptions?subscription_id=${pool[pool.length - 1]}`, body: undefined };
          writes++;
          return { ...req, path: `/v1/subscriptions/${pool[nextSub++]}/cancel`, body: JSON.stringify({ mode: 'immediate' }) };
        },
      },
    ];
    const result = await autocannon({ url: server.url, connections, duration: seconds, requests, timeout: 10 });
    const rssAfter = server.rss();
    const ok2xx = result['2xx'];
    return {
      seconds,
      connections,
      requests: result.requests.total,
      ok2xx,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      writes,
      rps: Math.round(result.requests.average),
      p99ms: result.latency.p99,
      rssBeforeMb: Math.round(rssBefore / 1e5) / 10,
      rssAfterMb: Math.round(rssAfter / 1e5) / 10,
    };
  } finally {
    await server.stop();
  }
}
