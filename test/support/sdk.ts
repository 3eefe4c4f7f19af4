import { after, before } from 'node:test';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import assert from 'node:assert/strict';
import { Creem } from 'creem';
import { CreemError } from 'creem/models/errors';
import { createTestApp, DEMO_KEY, type TestApp } from './server.js';

export interface SdkHarness {
  t: TestApp;
  /** Creem's official SDK, pointed at the app listening on 127.0.0.1. */
  creem: Creem;
  /** Where the app listens. */
  url: string;
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
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

/** The error a failing SDK call throws (the SDK's own error type, with the server's status). */
export async function sdkError(p: Promise<unknown>): Promise<CreemError> {
  const e = await p.then(
    () => assert.fail('expected the SDK call to fail'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof CreemError, `expected CreemError, got ${String(e)}`);
  return e;
}

/** The harness for the tests of one file: started before them, closed after; read `t` and `creem` inside a test. */
export function sdkHarnessPerFile(): { readonly t: TestApp; readonly creem: Creem; readonly url: string } {
  let harness: SdkHarness | undefined;
  before(async () => {
    harness = await startSdkHarness();
  });
  after(() => harness?.close());
  return {
    get t() {
      return harness!.t;
    },
    get creem() {
      return harness!.creem;
    },
    get url() {
      return harness!.url;
    },
  };
}
