import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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
      throw new StartFailed(proc.exitCode, out, err, proc.signalCode);
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
    readonly signal: NodeJS.Signals | null = null,
  ) {
    super(`server ${signal ? `was killed by ${signal}` : `exited with ${code}`} on start.\nstdout: ${out}\nstderr: ${err}`);
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

export type WriteKind = 'merchantCancel' | 'portalCancel' | 'support' | 'token';

/**
 * What the client knows of one write when the server dies, and what must then hold on disk:
 * - `acked`: answered 2xx, so it is on disk, whole (a change and its webhook event together);
 * - `refused`: answered 4xx/5xx, so nothing of it is on disk;
 * - `notSent`: the connection was refused (the server was already gone): it never arrived;
 * - `unknown`: the connection dropped after the request went out: it may or may not be on disk,
 *   but never in part.
 */
export type Outcome = 'acked' | 'refused' | 'notSent' | 'unknown';
export const OUTCOMES: Outcome[] = ['acked', 'refused', 'notSent', 'unknown'];

export interface CrashReport {
  rounds: number;
  /** Per kind of write and outcome; `unknownApplied` of the `unknown` ones were found on disk. */
  writes: Record<WriteKind, Record<Outcome | 'unknownApplied', number>>;
  /** Refusals by kind and status, e.g. `{ "support 429": 80 }`. */
  refusals: Record<string, number>;
  /** Tokens answered 201 that were used again after the next restart (every one of them). */
  tokensReverified: number;
  /** What did not hold, per outcome (`file`: the data file itself). Rounds stop after the first bad one. */
  violations: Record<Outcome | 'file', string[]>;
}

/** One line of counts, for the test's diagnostics. */
export function crashSummary(r: CrashReport): string {
  // A token mint leaves nothing to look for on disk, so its unknown ones cannot be told apart.
  const applied = (k: string, c: CrashReport['writes'][WriteKind]) => (k === 'token' ? '' : ` (${c.unknownApplied} of the unknown applied)`);
  const kinds = Object.entries(r.writes).map(([k, c]) => `${k} ${OUTCOMES.map((o) => `${c[o]} ${o}`).join(' / ')}${applied(k, c)}`);
  return `${r.rounds} rounds; ${kinds.join('; ')}; refusals ${JSON.stringify(r.refusals)}; ${r.tokensReverified} tokens re-verified`;
}

interface Attempt {
  kind: WriteKind;
  outcome: Outcome;
  status?: number;
  /** The subscription a cancel names, or the subject of a support request. */
  target: string;
  /** From the 2xx answer: the subscription's new status, the request's reference, or the token. */
  answer?: string;
  /** Set by the check: an `unknown` write found on disk, whole. */
  applied?: boolean;
}

const SUPPORT_MESSAGE = 'Crash test: is this on disk?';
/** What each cancel asks for: the merchant one is immediate, the portal one scheduled. */
const CANCELED_STATUS = { merchantCancel: 'canceled', portalCancel: 'scheduled_cancel' } as const;

/** A fetch that failed with ECONNREFUSED never reached the server; any other failure may have. */
function neverSent(e: unknown): boolean {
  return (e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
}

function readData(dataFile: string): DataFile {
  const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  if (typeof data?.collections !== 'object' || !Array.isArray(data.collections.subscriptions)) throw new Error('no collections');
  return data;
}

interface DataFile {
  collections: {
    subscriptions: { id: string; status: string }[];
    customer_requests: { id: string; reference: string; fields: Record<string, string> }[];
    webhook_events: { id: string; object: { id?: string } }[];
  };
}

/**
 * Checks every attempt of one round against the file as it was before the round and after the
 * kill. Returns what did not hold, per outcome; marks the `unknown` writes found on disk.
 */
function checkRound(round: number, attempts: Attempt[], before: DataFile, after: DataFile) {
  const bad: Record<Outcome, string[]> = { acked: [], refused: [], notSent: [], unknown: [] };
  const subsBefore = new Map(before.collections.subscriptions.map((s) => [s.id, s]));
  const subsAfter = new Map(after.collections.subscriptions.map((s) => [s.id, s]));
  const oldEvents = new Set(before.collections.webhook_events.map((e) => e.id));
  const newEventsFor = (id: string) => after.collections.webhook_events.filter((e) => !oldEvents.has(e.id) && e.object?.id === id);
  for (const a of attempts) {
    if (a.kind === 'token') continue; // checked after the restart, by using it
    const what = `round ${round}: ${a.kind} ${a.target} (${a.outcome}${a.status ? ` ${a.status}` : ''})`;
    let untouched: boolean;
    let whole: boolean;
    let problem: string;
    if (a.kind === 'support') {
      const stored = after.collections.customer_requests.filter((r) => r.fields?.subject === a.target);
      const events = stored.length === 1 ? newEventsFor(stored[0].id) : [];
      untouched = stored.length === 0;
      whole = stored.length === 1 && stored[0].fields.message === SUPPORT_MESSAGE && events.length === 1 && (a.outcome !== 'acked' || stored[0].reference === a.answer);
      problem = `${stored.length} stored request(s) ${JSON.stringify(stored.map((r) => r.reference))}, ${events.length} event(s)`;
    } else {
      const was = subsBefore.get(a.target);
      const now = subsAfter.get(a.target);
      const events = newEventsFor(a.target);
      untouched = isDeepStrictEqual(now, was) && events.length === 0;
      whole = now?.status === (a.outcome === 'acked' ? a.answer : CANCELED_STATUS[a.kind]) && events.length === 1;
      problem = `status ${was?.status} → ${now?.status}${a.answer ? ` (answered ${a.answer})` : ''}, ${events.length} new event(s)`;
    }
    if (a.outcome === 'acked' && !whole) bad.acked.push(`${what} is not on disk, whole: ${problem}`);
    if ((a.outcome === 'refused' || a.outcome === 'notSent') && !untouched) bad[a.outcome].push(`${what} left something on disk: ${problem}`);
    if (a.outcome === 'unknown') {
      if (whole) a.applied = true;
      else if (!untouched) bad.unknown.push(`${what} is on disk in part: ${problem}`);
    }
  }
  return bad;
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
 * it with SIGKILL after a random delay, then checks each write against the file by what its
 * client knew (see `Outcome`), and that every token answered 201 still works after the restart.
 */
export async function runCrashRounds(dataFile: string, rounds: number, poolIds: string[], log: (m: string) => void = () => {}): Promise<CrashReport> {
  const counts = () => ({ acked: 0, refused: 0, notSent: 0, unknown: 0, unknownApplied: 0 });
  const report: CrashReport = {
    rounds: 0,
    writes: { merchantCancel: counts(), portalCancel: counts(), support: counts(), token: counts() },
    refusals: {},
    tokensReverified: 0,
    violations: { file: [], acked: [], refused: [], notSent: [], unknown: [] },
  };
  const failed = () => Object.values(report.violations).some((v) => v.length > 0);
  // Tokens answered 201 before the last kill must verify after the restart: their key reached the disk.
  const reverify = async (url: string, tokens: string[], round: number) => {
    for (const token of tokens) {
      const r = await http(url, 'GET', '/portal/api/overview', { token });
      if (r.status === 200) report.tokensReverified++;
      else report.violations.acked.push(`round ${round}: a token answered 201 is refused after the restart: ${r.status} ${r.text.slice(0, 200)}`);
    }
  };
  let tokens: string[] = [];
  // A restarted server keeps its public URL (tokens name it as their issuer), whatever port it gets.
  const env = { PUBLIC_URL: 'http://127.0.0.1:0' };
  for (let round = 1; round <= rounds && !failed(); round++) {
    const before = readData(dataFile);
    const server = await startServer({ dataFile, env });
    try {
      await reverify(server.url, tokens, round);
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

      const attempts: Attempt[] = [];
      /** Sends one write and files it under what its client knows; false once the connection died. */
      const attempt = async (kind: WriteKind, target: string, send: () => ReturnType<typeof http>, answerOf: (json: any) => string) => {
        let r: Awaited<ReturnType<typeof http>>;
        try {
          r = await send();
        } catch (e) {
          attempts.push({ kind, target, outcome: neverSent(e) ? 'notSent' : 'unknown' });
          return false;
        }
        if (r.status >= 200 && r.status < 300) attempts.push({ kind, target, outcome: 'acked', status: r.status, answer: answerOf(r.json) });
        else attempts.push({ kind, target, outcome: 'refused', status: r.status });
        return true;
      };
      let next = 0;
      let alive = true;
      const takeSub = () => (next < poolIds.length ? poolIds[next++] : null);
      const worker = async (w: number) => {
        for (let i = 0; alive; i++) {
          const pick = (w + i) % 4;
          let sent: boolean;
          if (pick === 0 || pick === 1) {
            const id = takeSub();
            if (!id) {
              await new Promise((r) => setTimeout(r, 5));
              continue;
            }
            sent =
              pick === 0
                ? await attempt('merchantCancel', id, () => http(server.url, 'POST', `/v1/subscriptions/${id}/cancel`, { key: CHILD_DEMO_KEY, body: { mode: 'immediate' } }), (j) => j.status)
                : await attempt('portalCancel', id, () => http(server.url, 'POST', `/portal/api/subscriptions/${id}/cancel`, { token, body: { mode: 'scheduled', reason: 'unused' } }), (j) => j.subscription.status);
          } else if (pick === 2 && hasSupport) {
            const supportToken = supportTokens.length ? supportTokens[(w + i) % supportTokens.length] : token;
            const subject = `round ${round} worker ${w} #${i}`;
            sent = await attempt('support', subject, () => http(server.url, 'POST', '/portal/api/support', { token: supportToken, body: { subject, message: SUPPORT_MESSAGE } }), (j) => j.reference);
          } else {
            sent = await attempt('token', adaId, () => http(server.url, 'POST', '/v1/widget-tokens', { key: CHILD_DEMO_KEY, body: { customer_id: adaId } }), (j) => j.token);
          }
          if (!sent) return; // the server is gone
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 300)));
      await server.kill9();
      alive = false;
      await Promise.all(workers);

      let after: DataFile;
      try {
        after = readData(dataFile);
      } catch (e) {
        report.violations.file.push(`round ${round}: the data file does not parse after kill -9: ${(e as Error).message}`);
        break;
      }
      const bad = checkRound(round, attempts, before, after);
      for (const o of OUTCOMES) report.violations[o].push(...bad[o]);
      for (const a of attempts) {
        report.writes[a.kind][a.outcome]++;
        if (a.outcome === 'refused') report.refusals[`${a.kind} ${a.status}`] = (report.refusals[`${a.kind} ${a.status}`] ?? 0) + 1;
        if (a.applied) report.writes[a.kind].unknownApplied++;
        if (a.kind === 'token' && a.outcome === 'acked') tokens.push(a.answer!);
      }
      report.rounds = round;
      const tally = (o: Outcome) => attempts.filter((a) => a.outcome === o).length;
      log(`round ${round}: ${OUTCOMES.map((o) => `${tally(o)} ${o}`).join(', ')} (${attempts.filter((a) => a.applied).length} of the unknown applied); killed`);
    } finally {
      if (server.proc.exitCode === null && server.proc.signalCode === null) await server.kill9();
    }
    if (!failed()) await reactivate(dataFile, poolIds);
  }
  // The last round's tokens, after one more restart.
  if (!failed() && tokens.length > 0) {
    const server = await startServer({ dataFile, env });
    try {
      await reverify(server.url, tokens, report.rounds + 1);
    } finally {
      await server.kill9();
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon against the real server on loopback.

export interface LoadReport {
  seconds: number;
  connections: number;
  /** Requests sent, and those answered (some are still in flight when the run stops). */
  sent: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rps: number;
  p99ms: number;
  /**
   * Cancels of distinct subscriptions: sent, answered 2xx, and found canceled in the data file
   * after a clean stop; `ackedMissing` lists the acknowledged ones that are not.
   */
  cancels: { sent: number; acked: number; inStore: number; ackedMissing: string[] };
  /**
   * Billing updates of one customer, each with a new name: sent, answered 2xx, answered with a
   * name other than the one sent, and whether the name in the data file is one that was sent and
   * one that was acknowledged (the last one applied may still have been in flight at the stop).
   */
  billing: { sent: number; acked: number; echoedWrong: number; storedWasSent: boolean; storedWasAcked: boolean };
  /** Live memory (heap + external) after a full collection, after the warm-up and after the run. */
  liveBeforeMb: number;
  liveAfterMb: number;
  /** Resident memory at the same two moments (after those collections). */
  rssBeforeMb: number;
  rssAfterMb: number;
}

/** One line of counts, for the test's diagnostics. */
export function loadSummary(r: LoadReport): string {
  const { cancels: c, billing: b } = r;
  return (
    `${r.seconds} s at ${r.connections} connections: ${r.sent} sent, ${r.requests} answered (${r.rps}/s, p99 ${r.p99ms} ms), ` +
    `${r.ok2xx} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; ` +
    `cancels ${c.sent} sent / ${c.acked} acked / ${c.inStore} in the store (${c.ackedMissing.length} acked missing); ` +
    `billing ${b.sent} sent / ${b.acked} acked (${b.echoedWrong} answered another name; stored name ${b.storedWasAcked ? 'acked' : b.storedWasSent ? 'sent, unanswered' : 'never sent'}); ` +
    `live memory ${r.liveBeforeMb} → ${r.liveAfterMb} MB (${(r.liveAfterMb / r.liveBeforeMb).toFixed(2)}×), RSS ${r.rssBeforeMb} → ${r.rssAfterMb} MB (${(r.rssAfterMb / r.rssBeforeMb).toFixed(2)}×)`
  );
}

const HEAP_PROBE = new URL('./heap-probe.mjs', import.meta.url).href;

/** The server's live memory after a full collection (heap + external), via the heap probe. */
async function liveMemory(server: ChildServer): Promise<{ liveMb: number; rssMb: number }> {
  const mark = server.stdout().length;
  server.proc.kill('SIGUSR2');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const m = /heap-probe (\{.*\})\n/.exec(server.stdout().slice(mark));
    if (m) {
      const { heapUsed, external, rss } = JSON.parse(m[1]);
      return { liveMb: Math.round((heapUsed + external) / 1e5) / 10, rssMb: Math.round(rss / 1e5) / 10 };
    }
    if (Date.now() > deadline) throw new Error(`the heap probe did not answer; stderr: ${server.stderr().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Mixed valid traffic at `connections` connections for `seconds`: portal overview and merchant
 * reads, token mints, billing updates and cancels of distinct subscriptions from a pool. Every
 * request is valid, so every answer should be a 2xx. Each write's answer is recorded, and after
 * a clean stop the data file is read to see which of them are on disk.
 */
export async function runLoad(dataFile: string, seconds: number, connections = 100): Promise<LoadReport> {
  const { default: autocannon } = await import('autocannon');
  // The pool belongs to Jean, so Ada's overview (read under load) stays the size a customer's would be.
  const pool = await prepareCrashData(dataFile, 2_000, 'jean@example.com');
  const server = await startServer({ dataFile, env: { NODE_OPTIONS: `--import=${HEAP_PROBE}` } });
  try {
    const key = CHILD_DEMO_KEY;
    const ada = (await http(server.url, 'GET', '/v1/customers?email=ada%40example.com', { key })).json;
    const token = (await http(server.url, 'POST', '/v1/widget-tokens', { key, body: { customer_id: ada.id } })).json.token as string;
    // Warm up (JIT, caches), then take the baseline.
    for (let i = 0; i < 50; i++) await http(server.url, 'GET', '/portal/api/overview', { token });
    const before = await liveMemory(server);

    let nextSub = 0;
    let seq = 0;
    const sentCancels: string[] = [];
    const ackedCancels: string[] = [];
    const sentNames = new Set<string>();
    const ackedNames = new Set<string>();
    let echoedWrong = 0;
    const ok = (status: number) => status >= 200 && status < 300;
    const json = { 'content-type': 'application/json' };
    // One connection sends one request at a time, so its `context` carries a write's target from
    // its setupRequest to its onResponse.
    const target = (context: object) => context as { name?: string; sub?: string | null };
    const requests: CannonRequest[] = [
      { method: 'GET', path: '/portal/api/overview', headers: { authorization: `Bearer ${token}` } },
      { method: 'GET', path: `/v1/subscriptions?subscription_id=${pool[pool.length - 1]}`, headers: { 'x-api-key': key } },
      { method: 'POST', path: '/v1/widget-tokens', headers: { ...json, 'x-api-key': key }, body: JSON.stringify({ customer_id: ada.id }) },
      {
        // A customer's own write with no rate limit (support requests allow 5 per 10 minutes).
        method: 'PATCH',
        path: '/portal/api/billing',
        headers: { ...json, authorization: `Bearer ${token}` },
        setupRequest: (req, context) => {
          const name = `Ada Load ${++seq}`;
          sentNames.add(name);
          target(context).name = name;
          return { ...req, body: JSON.stringify({ name }) };
        },
        onResponse: (status, body, context) => {
          if (!ok(status)) return;
          const { name } = target(context);
          ackedNames.add(name!);
          if (JSON.parse(body).customer?.name !== name) echoedWrong++;
        },
      },
      {
        method: 'POST',
        path: '/v1/subscriptions/x/cancel',
        headers: { ...json, 'x-api-key': key },
        // A distinct subscription per cancel (the last pool one is kept for the read above). Once
        // the pool is used up, a read in its place, with headers of its own: autocannon leaves the
        // last body's Content-Length in the request's headers, and a GET carrying it stalls the
        // connection for good, reported neither as an error nor as a timeout.
        setupRequest: (req, context) => {
          target(context).sub = null;
          if (nextSub >= pool.length - 1) return { ...req, method: 'GET', path: `/v1/subscriptions?subscription_id=${pool[pool.length - 1]}`, headers: { 'x-api-key': key }, body: undefined };
          const id = pool[nextSub++];
          sentCancels.push(id);
          target(context).sub = id;
          return { ...req, path: `/v1/subscriptions/${id}/cancel`, body: JSON.stringify({ mode: 'immediate' }) };
        },
        onResponse: (status, _body, context) => {
          const { sub } = target(context);
          if (ok(status) && sub) ackedCancels.push(sub);
        },
      },
    ];
    const result = await autocannon({ url: server.url, connections, duration: seconds, requests, timeout: 10 });
    if (server.proc.exitCode !== null || server.proc.signalCode !== null) {
      throw new Error(`the server died during the load (exit ${server.proc.exitCode}, signal ${server.proc.signalCode}): ${server.stderr().slice(-2000)}`);
    }
    const after = await liveMemory(server);
    // A clean stop flushes what was still being written; then the file says what is on disk.
    await server.stop();
    const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
    const canceled = new Set<string>(data.collections.subscriptions.filter((s: { id: string; status: string }) => pool.includes(s.id) && s.status === 'canceled').map((s: { id: string }) => s.id));
    const storedName = data.collections.customers.find((c: { id: string }) => c.id === ada.id)?.name;
    return {
      seconds,
      connections,
      sent: result.requests.sent,
      requests: result.requests.total,
      ok2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      rps: Math.round(result.requests.average),
      p99ms: result.latency.p99,
      cancels: { sent: sentCancels.length, acked: ackedCancels.length, inStore: canceled.size, ackedMissing: ackedCancels.filter((id) => !canceled.has(id)) },
      billing: { sent: sentNames.size, acked: ackedNames.size, echoedWrong, storedWasSent: sentNames.has(storedName), storedWasAcked: ackedNames.has(storedName) },
      liveBeforeMb: before.liveMb,
      liveAfterMb: after.liveMb,
      rssBeforeMb: before.rssMb,
      rssAfterMb: after.rssMb,
    };
  } finally {
    if (server.proc.exitCode === null && server.proc.signalCode === null) await server.stop();
  }
}
