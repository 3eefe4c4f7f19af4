import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { load, type LoadOptions, type LoadResult } from './load.js';
import type { ServerInfo } from './server.js';

const ROOT = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** A companion server process in front of the bench's standalone server (its "Creem account"). */
async function startCompanion(upstream: ServerInfo, cacheSeconds: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-bench-companion-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_FILE: path.join(dir, 'db.json'),
      LOG_LEVEL: 'error',
      CREEM_API_KEY: upstream.apiKey,
      CREEM_API_URL: upstream.url,
      CREEM_CACHE_SECONDS: String(cacheSeconds),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (i > 300) throw new Error('companion did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The portal overview in companion mode, against the standalone bench server as the upstream (a
 * real HTTP hop): with the per-customer read cache (the default 5 s) and without it (every overview
 * asks the upstream: customer, subscriptions, products). The upstream shares these two cores.
 */
export async function companionOverview(upstream: ServerInfo, o: LoadOptions): Promise<LoadResult[]> {
  const rows: LoadResult[] = [];
  for (const cache of [5, 0]) {
    const companion = await startCompanion(upstream, cache);
    try {
      const res = await fetch(`${companion.url}/v1/widget-tokens`, {
        method: 'POST',
        headers: { 'x-api-key': upstream.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ customer_id: upstream.customers.three, ttl_seconds: 3600 }),
      });
      if (res.status !== 201) throw new Error(`companion token: ${res.status} ${await res.text()}`);
      const { token } = (await res.json()) as { token: string };
      rows.push(
        await load(`companion GET /portal/api/overview (${cache ? `cache ${cache} s` : 'no cache'})`, o, {
          url: `${companion.url}/portal/api/overview`,
          headers: { authorization: `Bearer ${token}` },
        }, { warm: true }),
      );
    } finally {
      await companion.stop();
    }
  }
  return rows;
}
