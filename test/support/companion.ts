import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Creem } from 'creem';
import { createTestApp, type TestApp } from './server.js';
import { CHILD_DEMO_KEY, startServer, type ChildServer } from './child-server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface FaultProxy {
  url: string;
  port: number;
  /** Misbehave on the next `count` requests (default: until told otherwise), on writes, reads or all. */
  fault(mode: 'pass' | 'slow' | '500' | '429' | 'garbage' | 'drop', opts?: { delayMs?: number; only?: 'writes' | 'reads' | 'all'; count?: number }): Promise<void>;
  /** What reached the proxy (and, unless faulted, the upstream). */
  log(): Promise<{ method: string; path: string; status: number; faulted: boolean }[]>;
  clearLog(): Promise<void>;
  stop(): Promise<void>;
  /** Starts again on the same port (after `stop`): the upstream "comes back". */
  restart(): Promise<void>;
}

async function spawnProxy(upstream: string, port = 0): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/fault-proxy-main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', UPSTREAM: upstream, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const m = /fault proxy on 127\.0\.0\.1:(\d+)/.exec(out);
    if (m) return { proc, port: Number(m[1]) };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  proc.kill('SIGKILL');
  throw new Error(`fault proxy did not start: ${out}`);
}

/** The fault proxy as a real process on a real port, in front of `upstream`. */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  let { proc, port } = await spawnProxy(upstream);
  const url = () => `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  };
  return {
    get url() {
      return url();
    },
    get port() {
      return port;
    },
    async fault(mode, opts = {}) {
      await fetch(`${url()}/__fault`, { method: 'POST', body: JSON.stringify({ mode, delay_ms: opts.delayMs, only: opts.only, count: opts.count }) });
    },
    log: async () => (await fetch(`${url()}/__log`)).json(),
    clearLog: async () => void (await fetch(`${url()}/__log/clear`, { method: 'POST' })),
    stop,
    async restart() {
      ({ proc, port } = await spawnProxy(upstream, port));
    },
  };
}

export interface CompanionPair {
  /** A second instance of this server, standalone, seeded: the merchant's "Creem account". */
  upstream: ChildServer;
  proxy: FaultProxy;
  /** The companion app (in process, over its own store), calling the upstream through the proxy. */
  t: TestApp;
  /** Creem's SDK straight at the upstream, to check its state after each action. */
  creem: Creem;
  key: string;
  close(): Promise<void>;
}

/** A companion server in front of a real standalone upstream process, over a real HTTP hop. */
export async function startCompanionPair(opts: { env?: Record<string, string> } = {}): Promise<CompanionPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-companion-upstream-'));
  const upstream = await startServer({ dataFile: path.join(dir, 'db.json') });
  const proxy = await startFaultProxy(upstream.url);
  try {
    const t = await createTestApp({
      env: {
        CREEM_API_KEY: CHILD_DEMO_KEY,
        CREEM_API_URL: proxy.url,
        CREEM_TIMEOUT_MS: '1500',
        PORTAL_BRAND_NAME: 'Acme Cloud',
        PORTAL_SUPPORT_EMAIL: 'support@acme-cloud.test',
        ...opts.env,
      },
    });
    return {
      upstream,
      proxy,
      t,
      creem: new Creem({ apiKey: CHILD_DEMO_KEY, serverURL: upstream.url, retryConfig: { strategy: 'none' } }),
      key: CHILD_DEMO_KEY,
      async close() {
        await t.close();
        await proxy.stop();
        await upstream.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await proxy.stop();
    await upstream.stop();
    throw e;
  }
}

/** An upstream customer by email (through the SDK, as the merchant's backend would look one up). */
export async function upstreamCustomer(pair: CompanionPair, email: string) {
  return pair.creem.customers.retrieve(undefined, email);
}

/** A widget token from the companion server, minted the way the merchant's backend does: with the Creem key. */
export async function companionToken(pair: CompanionPair, customerId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await pair.t.app.request('/v1/widget-tokens', {
    method: 'POST',
    headers: { 'x-api-key': pair.key, 'content-type': 'application/json' },
    body: JSON.stringify({ customer_id: customerId, ...body }),
  });
  if (res.status !== 201) throw new Error(`mint failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
