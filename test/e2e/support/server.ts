import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Creem } from 'creem';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const E2E_API_KEY = 'creem_test_e2e_suite_key_0123456789';

/** A free port on 127.0.0.1 (asked of the OS; released just before the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `standalone` (this server is the Creem API) or `companion` (in front of a second instance as the upstream); from E2E_MODE. */
export const E2E_MODE: 'standalone' | 'companion' = process.env.E2E_MODE === 'companion' ? 'companion' : 'standalone';

export interface RunningServer {
  mode: 'standalone' | 'companion';
  /** Where the product (the demo page, the element, the portal API) is: the companion in companion mode. */
  url: string;
  port: number;
  dir: string;
  dataFile: string;
  apiKey: string;
  /** Creem's SDK at whatever holds the truth: this server, or in companion mode its upstream. */
  creem: Creem;
  /** Where that Creem API is. */
  creemUrl: string;
  /** This server's data file as it is on disk. */
  readData(): { version: number; collections: Record<string, any[]> };
  /** A call to the merchant API with the demo key. */
  v1(method: string, pathname: string, body?: unknown): Promise<{ status: number; json: any }>;
  stop(): Promise<void>;
}

export interface Process {
  url: string;
  port: number;
  dir: string;
  dataFile: string;
  stop(): Promise<void>;
}

/** `node --import tsx server/main.ts` in its own process over a fresh temp data file, on a free port, once healthy. */
export async function spawnServer(env: Record<string, string | undefined>): Promise<Process> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-e2e-'));
  const dataFile = path.join(dir, 'db.json');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', DATA_FILE: dataFile, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited on start (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    dir,
    dataFile,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SEEDED = { SEED: 'demo', DEMO_API_KEY: E2E_API_KEY };

/**
 * The real product, as `npm start` runs it: in its own process, seeded with the demo merchant, over a data
 * file in a fresh temp directory, on a free port. With E2E_MODE=companion: the same journeys against a
 * companion server in front of a second, seeded instance in standalone mode on its own port — a real
 * HTTP hop, the way `npm run start:companion` runs them.
 */
export async function startServer(opts: { allowedOrigins?: string[]; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const origins = (opts.allowedOrigins ?? []).join(',');
  let upstream: Process | undefined;
  let product: Process;
  if (E2E_MODE === 'companion') {
    upstream = await spawnServer(SEEDED);
    product = await spawnServer({
      CREEM_API_KEY: E2E_API_KEY,
      CREEM_API_URL: upstream.url,
      DEMO_SITE: 'on',
      ALLOWED_ORIGINS: origins,
      PORTAL_BRAND_NAME: 'Acme Cloud',
      PORTAL_SUPPORT_EMAIL: 'support@acme-cloud.test',
      ...opts.env,
    });
  } else {
    product = await spawnServer({ ...SEEDED, DEMO_ALLOWED_ORIGINS: origins, ...opts.env });
  }
  return {
    mode: E2E_MODE,
    url: product.url,
    port: product.port,
    dir: product.dir,
    dataFile: product.dataFile,
    apiKey: E2E_API_KEY,
    creem: new Creem({ apiKey: E2E_API_KEY, serverURL: (upstream ?? product).url, retryConfig: { strategy: 'none' } }),
    creemUrl: (upstream ?? product).url,
    readData: () => JSON.parse(fs.readFileSync(product.dataFile, 'utf8')),
    async v1(method, pathname, body) {
      const res = await fetch(product.url + pathname, {
        method,
        headers: { 'x-api-key': E2E_API_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    async stop() {
      await product.stop();
      await upstream?.stop();
    },
  };
}

/** The seeded demo customer with this email, as Creem's SDK finds it where the truth is. */
export async function seededCustomer(server: RunningServer, email: string): Promise<{ id: string; name: string; email: string }> {
  const c = await server.creem.customers.retrieve(undefined, email);
  return { id: c.id, name: c.name ?? '', email: c.email };
}

export interface StoredSubscription {
  id: string;
  status: string;
  current_period_end_date: string;
  canceled_at: string | null;
  units: number;
  product_id: string;
  /** What the customer answered in the cancel survey, as this server keeps it. */
  cancel_reason: string | null;
  cancel_comment: string | null;
}

/** A customer's subscriptions, read through Creem's SDK after each action, with the survey answers this server kept. */
export async function storedSubscriptions(server: RunningServer, customerId: string): Promise<StoredSubscription[]> {
  const { items } = await server.creem.customers.listSubscriptions(customerId, 1, 100);
  const data = server.readData().collections;
  const kept = (id: string) => (server.mode === 'companion' ? data.subscription_notes : data.subscriptions).find((r: any) => r.id === id);
  return items.map((s) => ({
    id: s.id,
    status: s.status,
    current_period_end_date: s.currentPeriodEndDate!.toISOString(),
    canceled_at: s.canceledAt ? s.canceledAt.toISOString() : null,
    units: s.items?.[0]?.units ?? 1,
    product_id: typeof s.product === 'string' ? s.product : s.product.id,
    cancel_reason: kept(s.id)?.cancel_reason ?? null,
    cancel_comment: kept(s.id)?.cancel_comment ?? null,
  }));
}

/** A subscription's payments, newest first, through Creem's SDK. */
export async function storedPayments(server: RunningServer, customerId: string, subscriptionId: string) {
  const page = await server.creem.transactions.search(customerId, undefined, undefined, 1, 100);
  return page.result.items.filter((t) => t.subscription === subscriptionId).sort((a, b) => b.createdAt - a.createdAt);
}
