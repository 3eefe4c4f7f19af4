import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreWriteError } from '../../server/store/interface.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import type { Customer } from '../../server/store/schema.js';
import { loadConfig } from '../../server/config.js';
import { loadKeys, keyFileFor } from '../../server/auth/keys.js';
import { createMailer, outboxFileFor } from '../../server/mail/mailer.js';
import { createLogger } from '../../server/log.js';
import { buildDeps } from '../../server/deps.js';
import { createApp } from '../../server/app.js';
import { seedDemo, ensureDemoKey } from '../../server/seed/demo.js';
import { DEMO_KEY } from '../support/server.js';
import { customer } from '../support/store-suite.js';
import { recordingFileOps } from '../support/recording-file-ops.js';

/**
 * Issue #17: an acknowledged write must survive a power cut. A power cut cannot be staged in a
 * test, so these check the two things that make it survivable, over the real files: the order of
 * the operations (temp file written, fsynced, renamed, directory fsynced) with nothing
 * acknowledged before the last one completes; and that the files a stop at any step leaves
 * behind open as the old or the new state, whole.
 */

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'creem-durable-'));
const idsOnDisk = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')).collections.customers as Customer[]).map((c) => c.id);

/** Whatever would acknowledge early gets the chance to: a few turns of the event loop, timers and I/O included. */
const letItRun = () => sleep(30);

const pending = <T>(p: Promise<T>) => {
  const state = { settled: false };
  p.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
};

const COMMIT = ['write .db.json.tmp', 'sync .db.json.tmp', 'rename .db.json.tmp db.json', 'sync <dir>'];

test('[lowdb] a commit is acknowledged only after the temp file is fsynced, renamed over the data file and the directory fsynced', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'db.json');
  const rec = recordingFileOps();
  const store = await LowdbStore.open(file, { fileOps: rec.ops });
  try {
    for (const [i, step] of COMMIT.entries()) {
      rec.log.length = 0;
      const hold = rec.holdNext(step);
      const commit = store.transact((tx) => tx.put('customers', customer(`cust_${i}`))).then(() => rec.mark('acked'));
      const state = pending(commit);
      await hold.reached;
      await letItRun();
      assert.equal(state.settled, false, `transact() resolved while "${step}" had not run`);
      hold.release();
      await commit;
      assert.deepEqual(rec.steps(), [...COMMIT, 'mark acked']);
    }
    assert.deepEqual(idsOnDisk(file), ['cust_0', 'cust_1', 'cust_2', 'cust_3']);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('[lowdb] commits that arrive while a write runs share the next write and its one pair of fsyncs', async () => {
  const dir = tmpDir();
  const rec = recordingFileOps();
  const store = await LowdbStore.open(path.join(dir, 'db.json'), { fileOps: rec.ops });
  try {
    const hold = rec.holdNext('sync <dir>');
    const first = store.transact((tx) => tx.put('customers', customer('cust_first')));
    await hold.reached;
    const rest = Array.from({ length: 20 }, (_, i) => store.transact((tx) => tx.put('customers', customer(`cust_${i}`))));
    await letItRun();
    hold.release();
    await Promise.all([first, ...rest]);
    assert.equal(rec.count('sync .db.json.tmp'), 2, '21 commits, 2 file fsyncs');
    assert.equal(rec.count('sync <dir>'), 2, '21 commits, 2 directory fsyncs');
    assert.equal(rec.count('rename .db.json.tmp db.json'), 2);
    assert.equal(await store.count('customers'), 21);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an HTTP write is not answered until the directory holding the data file has been fsynced', async () => {
  const dir = tmpDir();
  const dataFile = path.join(dir, 'db.json');
  const rec = recordingFileOps();
  const store = await LowdbStore.open(dataFile, { fileOps: rec.ops });
  try {
    const config = loadConfig({ DATA_FILE: dataFile, LOG_LEVEL: 'silent' });
    const now = Date.now();
    const app = createApp(buildDeps({ config, store, clock: () => now, log: createLogger('silent'), keys: await loadKeys(dataFile, undefined, now) }));
    await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: [], now });
    await ensureDemoKey(store, DEMO_KEY, now);
    const ada = (await store.findBy('customers', 'email', 'ada@example.com'))[0]!;
    const sub = (await store.findBy('subscriptions', 'customer_id', ada.id)).find((s) => s.status === 'active')!;

    const hold = rec.holdNext('sync <dir>');
    const answer = Promise.resolve(app.request(`http://127.0.0.1/v1/subscriptions/${sub.id}/cancel`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'immediate' }),
    }));
    const state = pending(answer);
    await hold.reached;
    await letItRun();
    assert.equal(state.settled, false, 'the answer was sent before the directory fsync completed');
    hold.release();
    const res = await answer;
    assert.equal(res.status, 200);
    const onDisk = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
    assert.equal(onDisk.collections.subscriptions.find((s: { id: string }) => s.id === sub.id).status, 'canceled');
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('[lowdb] a stop at any step of a commit leaves the old or the new file whole: a restart reads it, and the next commit replaces the leftover temp file', async () => {
  for (const [at, step] of COMMIT.entries()) {
    const dir = tmpDir();
    const file = path.join(dir, 'db.json');
    const rec = recordingFileOps();
    const store = await LowdbStore.open(file, { fileOps: rec.ops });
    const copy = tmpDir();
    try {
      await store.transact((tx) => tx.put('customers', customer('cust_old')));
      const crash = rec.holdNext(step);
      const commit = store.transact((tx) => tx.put('customers', customer('cust_new')));
      await crash.reached;
      // What the process leaves on disk if it dies here: the files as they are, without the lock.
      for (const f of fs.readdirSync(dir)) if (!f.endsWith('.lock')) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
      const copied = path.join(copy, 'db.json');
      assert.ok(fs.statSync(copied).size > 0, `stopped before "${step}": the data file is not empty`);
      const restarted = await LowdbStore.open(copied);
      const renamed = at >= COMMIT.indexOf('sync <dir>');
      assert.deepEqual((await restarted.all('customers')).map((c) => c.id), renamed ? ['cust_old', 'cust_new'] : ['cust_old'], `stopped before "${step}"`);
      await restarted.transact((tx) => tx.put('customers', customer('cust_after')));
      await restarted.close();
      assert.deepEqual(idsOnDisk(copied), [...(renamed ? ['cust_old', 'cust_new'] : ['cust_old']), 'cust_after']);
      assert.equal(fs.existsSync(path.join(copy, '.db.json.tmp')), false, 'the leftover temp file was replaced and renamed away');
      crash.release();
      await commit;
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
});

test('[lowdb] a failed fsync of the temp file refuses the commit and never renames it into place', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'db.json');
  const rec = recordingFileOps();
  const store = await LowdbStore.open(file, { fileOps: rec.ops });
  try {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    const before = fs.readFileSync(file);
    rec.log.length = 0;
    rec.failNext('sync .db.json.tmp');
    await assert.rejects(store.transact((tx) => tx.put('customers', customer('cust_b'))), StoreWriteError);
    assert.equal(rec.count(/^rename /), 0);
    assert.ok(fs.readFileSync(file).equals(before), 'the data file is untouched');
    assert.equal(await store.get('customers', 'cust_b'), undefined, 'rolled back in memory');
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('[lowdb] a failed fsync of the directory refuses the commit and puts the old state back in the data file', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'db.json');
  const rec = recordingFileOps();
  const store = await LowdbStore.open(file, { fileOps: rec.ops });
  try {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    rec.log.length = 0;
    rec.failNext('sync <dir>');
    await assert.rejects(store.transact((tx) => tx.put('customers', customer('cust_b'))), StoreWriteError);
    // The refused state had been renamed into place: it is written over before the caller hears "nothing was changed".
    assert.deepEqual(rec.steps(), ['write .db.json.tmp', 'sync .db.json.tmp', 'rename .db.json.tmp db.json', ...COMMIT]);
    assert.deepEqual(idsOnDisk(file), ['cust_a']);
    assert.equal(await store.get('customers', 'cust_b'), undefined);
    await store.transact((tx) => tx.put('customers', customer('cust_c')));
    assert.deepEqual(idsOnDisk(file), ['cust_a', 'cust_c']);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a generated widget signing key is fsynced, renamed and its directory fsynced before it can sign; a rotation too', async () => {
  const dir = tmpDir();
  const dataFile = path.join(dir, 'db.json');
  const rec = recordingFileOps();
  try {
    const tmp = `widget-keys.json.${process.pid}.tmp`;
    const save = [`write ${tmp}`, `sync ${tmp}`, `rename ${tmp} widget-keys.json`, 'sync <dir>'];
    const keys = await loadKeys(dataFile, undefined, Date.now(), rec.ops);
    assert.deepEqual(rec.steps(), save);
    const first = keys.current().kid;

    rec.log.length = 0;
    const hold = rec.holdNext('sync <dir>');
    const rotation = Promise.resolve(keys.rotate(Date.now()));
    const state = pending(rotation);
    await hold.reached;
    await letItRun();
    assert.equal(state.settled, false, 'rotate() resolved before the directory fsync');
    assert.equal(keys.current().kid, first, 'the new key does not sign before it is durable');
    hold.release();
    const next = await rotation;
    assert.deepEqual(rec.steps(), save);
    assert.equal(keys.current().kid, next.kid);
    const onDisk = JSON.parse(fs.readFileSync(keyFileFor(dataFile), 'utf8')) as { keys: { kid: string }[] };
    assert.deepEqual(onDisk.keys.map((k) => k.kid), [first, next.kid]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('dev outbox: a mail with a code is answered after its file is fsynced, renamed and the directory fsynced; mails meanwhile share the next write', async () => {
  const dir = tmpDir();
  const dataFile = path.join(dir, 'db.json');
  const store = await LowdbStore.open(dataFile);
  const rec = recordingFileOps();
  try {
    const mailer = createMailer({ from: 'portal@example.com', store, clock: Date.now, outboxFile: outboxFileFor(dataFile), fileOps: rec.ops });
    const mail = (n: number) => mailer.send({ to: `m${n}@example.com`, subject: `Code ${n}`, text: `code ${n}`, html: `<p>code ${n}</p>`, sensitive: true });
    const hold = rec.holdNext('sync <dir>');
    const first = mail(0);
    await hold.reached;
    const rest = Array.from({ length: 10 }, (_, i) => mail(i + 1));
    const states = [first, ...rest].map(pending);
    await letItRun();
    assert.ok(states.every((s) => !s.settled), 'no send() resolved before the directory fsync');
    hold.release();
    await Promise.all([first, ...rest]);
    const tmp = `dev-outbox.json.${process.pid}.tmp`;
    const save = [`write ${tmp}`, `sync ${tmp}`, `rename ${tmp} dev-outbox.json`, 'sync <dir>'];
    assert.deepEqual(rec.steps(), [...save, ...save], '11 mails, 2 writes');
    const onDisk = JSON.parse(fs.readFileSync(outboxFileFor(dataFile), 'utf8')) as { to: string }[];
    assert.equal(onDisk.length, 11);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
