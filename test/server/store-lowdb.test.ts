import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreCorruptError, StoreWriteError, type Store } from '../../server/store/interface.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { StoreLockedError } from '../../server/store/lowdb/lock.js';
import type { Customer } from '../../server/store/schema.js';
import { customer, storeSuite } from '../support/store-suite.js';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'creem-store-')), 'db.json');

storeSuite('lowdb', () => {
  const file = tmpFile();
  return {
    open: () => LowdbStore.open(file),
    async reopen(store: Store) {
      await store.close();
      return LowdbStore.open(file);
    },
    cleanup: async () => fs.rmSync(path.dirname(file), { recursive: true, force: true }),
  };
});

test('[lowdb] the file holds exactly what was committed, as one JSON document with a schema version', async () => {
  const file = tmpFile();
  const store = await LowdbStore.open(file);
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(onDisk.version, 1);
  assert.deepEqual(onDisk.collections.customers.map((c: Customer) => c.id), ['cust_a']);
  await store.close();
});

test('[lowdb] records are frozen, so a change cannot bypass transact', async () => {
  const store = await LowdbStore.open(tmpFile());
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  const record = (await store.get('customers', 'cust_a')) as { email: string };
  assert.throws(() => {
    record.email = 'x';
  }, TypeError);
  await store.close();
});

test('[lowdb] a change that throws leaves the file untouched', async () => {
  const file = tmpFile();
  const store = await LowdbStore.open(file);
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  const before = fs.readFileSync(file, 'utf8');
  await assert.rejects(
    store.transact(async (tx) => {
      await tx.put('customers', customer('cust_b'));
      throw new Error('refused');
    }),
    /refused/,
  );
  assert.equal(fs.readFileSync(file, 'utf8'), before);
  await store.close();
});

test('[lowdb] a failed disk write rejects every waiting caller and rolls memory back', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-store-'));
  const file = path.join(dir, 'db.json');
  const store = await LowdbStore.open(file);
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  // The writer puts a temp file beside the data file, then renames it: a directory in the way
  // of that temp file makes the write fail, as a full or read-only disk would.
  fs.mkdirSync(path.join(dir, '.db.json.tmp'));
  const results = await Promise.allSettled([
    store.transact((tx) => tx.put('customers', customer('cust_b'))),
    store.transact(async (tx) => tx.put('customers', { ...(await tx.get('customers', 'cust_a'))!, name: 'Changed' })),
  ]);
  assert.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreWriteError));
  assert.equal(await store.get('customers', 'cust_b'), undefined);
  assert.equal((await store.get('customers', 'cust_a'))?.name, null);
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).collections.customers.map((c: Customer) => c.id), ['cust_a']);
  fs.rmdirSync(path.join(dir, '.db.json.tmp'));
  await store.transact((tx) => tx.put('customers', customer('cust_c')));
  assert.ok(await store.get('customers', 'cust_c'));
  await store.close();
});

test('[lowdb] a corrupt or half-written data file is refused and left untouched', async () => {
  for (const text of ['{"version":1,"collections":{"customers":[{"id":"cust_a"', '', 'null', '{"collections":{}}', '{"version":1,"collections":{"customers":[1]}}']) {
    const file = tmpFile();
    fs.writeFileSync(file, text);
    await assert.rejects(LowdbStore.open(file), StoreCorruptError, `accepted ${JSON.stringify(text)}`);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.equal(fs.existsSync(`${file}.lock`), false, 'lock released after refusing');
  }
});

test('[lowdb] a second store on the same file is refused while the first is open', async () => {
  const file = tmpFile();
  const first = await LowdbStore.open(file);
  await assert.rejects(LowdbStore.open(file), StoreLockedError);
  await first.close();
  const second = await LowdbStore.open(file);
  await second.close();
});

test('[lowdb] a lock left by a dead process is taken over', async () => {
  const file = tmpFile();
  fs.writeFileSync(`${file}.lock`, '999999999');
  const store = await LowdbStore.open(file);
  assert.equal(fs.readFileSync(`${file}.lock`, 'utf8'), String(process.pid));
  await store.close();
  assert.equal(fs.existsSync(`${file}.lock`), false);
});

test('DEMO_ALLOWED_ORIGINS added on a later start reach a store seeded earlier', async () => {
  const { seedDemo, ensureDemoOrigins, demoMerchant } = await import('../../server/seed/demo.js');
  const store = await LowdbStore.open(tmpFile());
  await seedDemo(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: [], now: Date.now() });
  assert.deepEqual((await demoMerchant({ store }))!.settings.allowed_origins, ['http://127.0.0.1:8787']);
  await seedDemo(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: ['http://127.0.0.1:5173'], now: Date.now() });
  await ensureDemoOrigins(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: ['http://127.0.0.1:5173'] });
  assert.deepEqual((await demoMerchant({ store }))!.settings.allowed_origins, ['http://127.0.0.1:8787', 'http://127.0.0.1:5173']);
  await store.close();
});
