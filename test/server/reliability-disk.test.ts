import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { loadKeys } from '../../server/auth/keys.js';
import { createLogger } from '../../server/log.js';
import { createApp } from '../../server/app.js';
import { seedDemo, ensureDemoKey } from '../../server/seed/demo.js';
import { DEMO_KEY, isCreemError } from '../support/server.js';
import { buildDeps } from '../../server/deps.js';

/**
 * Ways to make the disk refuse the store's next write, all real failures from the kernel:
 *  - full: a tiny tmpfs filled to the brim (ENOSPC), needs mount privileges;
 *  - immutable: `chattr +i` on the data directory (EPERM even for root), needs an ext4-like fs;
 *  - blocked: the writer's temp path (`.db.json.tmp`) made a directory (EISDIR); always works.
 * We run as root, so chmod would not stop us; each variant that cannot be set up here is skipped, saying so.
 */
type Failure = { name: string; setUp(dir: string): (() => void) | null; teardown?(dir: string): void };

const sh = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const FAILURES: Failure[] = [
  {
    name: 'a full disk (tmpfs filled up: ENOSPC)',
    setUp(dir) {
      const filler = path.join(dir, 'filler');
      try {
        // Fill until the kernel says no.
        const fd = fs.openSync(filler, 'w');
        const chunk = Buffer.alloc(64 * 1024, 1);
        try {
          for (;;) fs.writeSync(fd, chunk);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        } finally {
          fs.closeSync(fd);
        }
        // Top up the last bytes too.
        try {
          for (;;) fs.appendFileSync(filler, Buffer.alloc(512, 1));
        } catch {
          /* full */
        }
      } catch {
        return null;
      }
      return () => fs.rmSync(filler, { force: true });
    },
  },
  {
    name: 'an immutable data directory (chattr +i: EPERM)',
    setUp(dir) {
      if (!sh('chattr', ['+i', dir])) return null;
      return () => void sh('chattr', ['-i', dir]);
    },
  },
  {
    name: "the writer's temp path taken by a directory (EISDIR)",
    setUp(dir) {
      const tmp = path.join(dir, '.db.json.tmp');
      fs.mkdirSync(tmp);
      return () => fs.rmSync(tmp, { recursive: true, force: true });
    },
  },
];

async function appIn(dir: string) {
  const dataFile = path.join(dir, 'db.json');
  const config = loadConfig({ DATA_FILE: dataFile, LOG_LEVEL: 'silent' });
  const store = await LowdbStore.open(dataFile);
  const now = Date.now();
  const deps = buildDeps({ config, store, clock: () => now, log: createLogger('silent'), keys: await loadKeys(dataFile, undefined, now) });
  await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: [], now });
  await ensureDemoKey(store, DEMO_KEY, now);
  return { app: createApp(deps), store, dataFile };
}

for (const failure of FAILURES) {
  test(`when the disk refuses writes (${failure.name}): writes answer 503, memory rolls back, nothing is claimed`, async (t) => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-disk-'));
    let dir = base;
    let mounted = false;
    if (failure.name.includes('tmpfs')) {
      dir = path.join(base, 'mnt');
      fs.mkdirSync(dir);
      mounted = sh('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
      if (!mounted) {
        fs.rmSync(base, { recursive: true, force: true });
        t.skip('cannot mount a tmpfs here (no privilege): covered by the other variants');
        return;
      }
    }
    let undo: (() => void) | null = null;
    const { app, store, dataFile } = await appIn(dir);
    try {
      const req = (method: string, p: string, body?: unknown, auth: Record<string, string> = { 'x-api-key': DEMO_KEY }) =>
        app.request(`http://127.0.0.1${p}`, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const ada = (await store.findBy('customers', 'email', 'ada@example.com'))[0]!;
      const sub = (await store.findBy('subscriptions', 'customer_id', ada.id)).find((s) => s.status === 'active')!;
      const token = (await (await req('POST', '/v1/widget-tokens', { customer_id: ada.id })).json()).token as string;

      undo = failure.setUp(dir);
      if (!undo) {
        t.skip(`${failure.name} cannot be set up here: covered by the other variants`);
        return;
      }
      const before = fs.readFileSync(dataFile);
      const requestsBefore = await store.count('customer_requests');

      const cancel = await req('POST', `/v1/subscriptions/${sub.id}/cancel`, { mode: 'immediate' });
      const body = await cancel.json();
      assert.equal(cancel.status, 503);
      assert.ok(isCreemError(body, 503));
      assert.match(body.message.join(' '), /could not be saved; nothing was changed/);

      const support = await req('POST', '/portal/api/support', { subject: 'Disk?', message: 'Is it full?' }, { authorization: `Bearer ${token}` });
      assert.ok(support.status === 503 || support.status === 404, `support answered ${support.status}`);

      // Rolled back in memory: reads show the state that is on disk.
      const read = await (await req('GET', `/v1/subscriptions?subscription_id=${sub.id}`)).json();
      assert.equal(read.status, 'active');
      assert.equal(await store.count('customer_requests'), requestsBefore);
      const overview = await req('GET', '/portal/api/overview', undefined, { authorization: `Bearer ${token}` });
      assert.equal(overview.status, 200, 'reads keep working while writes fail');
      assert.ok(fs.readFileSync(dataFile).equals(before), 'the data file is untouched');

      undo();
      undo = null;
      const retry = await req('POST', `/v1/subscriptions/${sub.id}/cancel`, { mode: 'immediate' });
      assert.equal(retry.status, 200, 'once the disk takes writes again, the same request succeeds');
      const disk = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
      assert.equal(disk.collections.subscriptions.find((s: any) => s.id === sub.id).status, 'canceled');
    } finally {
      undo?.();
      await store.close();
      if (mounted) sh('umount', [dir]);
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
}
