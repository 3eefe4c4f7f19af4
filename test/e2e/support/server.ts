import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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

export interface RunningServer {
  url: string;
  port: number;
  dir: string;
  dataFile: string;
  apiKey: string;
  /** The data file as it is on disk. */
  readData(): { version: number; collections: Record<string, any[]> };
  /** A call to the merchant API with the demo key. */
  v1(method: string, pathname: string, body?: unknown): Promise<{ status: number; json: any }>;
  stop(): Promise<void>;
}

/**
 * The real product, as `npm start` runs it: `node --import tsx server/main.ts` in its own process, seeded with
 * the demo merchant, over a data file in a fresh temp directory, on a free port.
 */
export async function startServer(opts: { allowedOrigins?: string[]; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-e2e-'));
  const dataFile = path.join(dir, 'db.json');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_FILE: dataFile,
      SEED: 'demo',
      DEMO_API_KEY: E2E_API_KEY,
      DEMO_ALLOWED_ORIGINS: (opts.allowedOrigins ?? []).join(','),
      LOG_LEVEL: 'error',
      ...opts.env,
    },
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
    apiKey: E2E_API_KEY,
    readData: () => JSON.parse(fs.readFileSync(dataFile, 'utf8')),
    async v1(method, pathname, body) {
      const res = await fetch(url + pathname, {
        method,
        headers: { 'x-api-key': E2E_API_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
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

/** The seeded demo customer with this email, read from the data file. */
export function seededCustomer(server: RunningServer, email: string): { id: string; name: string; email: string } {
  const c = server.readData().collections.customers.find((x: any) => x.email === email);
  if (!c) throw new Error(`no seeded customer ${email}`);
  return c;
}

/** Every subscription of a customer as stored on disk. */
export function storedSubscriptions(server: RunningServer, customerId: string): any[] {
  return server.readData().collections.subscriptions.filter((s: any) => s.customer_id === customerId);
}
