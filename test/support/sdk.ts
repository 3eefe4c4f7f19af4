import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Creem } from 'creem';
import { createTestApp, DEMO_KEY, type TestApp } from './server.js';

export interface SdkHarness {
  t: TestApp;
  /** Creem's official SDK, pointed at the app listening on 127.0.0.1. */
  creem: Creem;
  close(): Promise<void>;
}

/** The real app on a free loopback port, driven by Creem's official SDK with the demo key. */
export async function startSdkHarness(): Promise<SdkHarness> {
  const t = await createTestApp();
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    t,
    creem: new Creem({ apiKey: DEMO_KEY, serverURL: `http://127.0.0.1:${port}` }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
