import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import type { ServerInfo } from './server-process.js';

export type { ServerInfo };

export interface BenchServer {
  info: ServerInfo;
  stop(): Promise<void>;
}

const CHILD = path.join(import.meta.dirname, 'server-process.ts');

/** Starts the real app in a child process (see server-process.ts) and waits until it listens. */
export async function startServer(opts: { subscriptions?: number; env?: Record<string, string> } = {}): Promise<BenchServer> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=prof"): flags for the server process alone, to
  // profile what a row measures; NODE_OPTIONS refuses some of them and reaches autocannon too.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', CHILD], {
    env: { ...process.env, BENCH_SUBS: String(opts.subscriptions ?? 0), ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const lines = readline.createInterface({ input: child.stdout! });
  const info = await new Promise<ServerInfo>((resolve, reject) => {
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line) as ServerInfo);
      } catch {
        reject(new Error(`bench server said: ${line}`));
      }
    });
    void exited.then(([code]) => reject(new Error(`bench server exited with ${code} before it was ready`)));
  });
  return {
    info,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A widget token for a customer, minted through the real merchant API. */
export async function mintToken(info: ServerInfo, customerId: string): Promise<string> {
  const res = await fetch(`${info.url}/v1/widget-tokens`, {
    method: 'POST',
    headers: { 'x-api-key': info.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ customer_id: customerId, ttl_seconds: 3600 }),
  });
  if (res.status !== 201) throw new Error(`minting a widget token failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
