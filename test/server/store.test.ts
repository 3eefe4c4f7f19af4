import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store, StoreCorruptError, StoreWriteError } from '../../server/store/store.js';
import { StoreLockedError } from '../../server/store/lock.js';
import type { Customer } from '../../server/store/schema.js';
import { newCustomer } from '../../server/domain/customers.js';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'creem-store-')), 'db.json');

const customer = (id: string, email = `${id}@example.com`): Customer =>
  newCustomer({ id, merchant_id: 'mer_1', mode: 'test', email, created_at: '2026-01-01T00:00:00.000Z' });

test('a committed write is on disk when transact resolves, and survives reopening', async () => {
  const file = tmpFile();
  const store = await Store.open(file);
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(onDisk.version, 1);
  assert.deepEqual(onDisk.collections.customers.map((c: Customer) => c.id), ['cust_a']);
  await store.close();
  const again = await Store.open(file);
  assert.equal(again.get('customers', 'cust_a')?.email, 'cust_a@example.com');
  await again.close();
});

test('concurrent transactions are all kept (group commit loses none)', async () => {
  const file = tmpFile();
  const store = await Store.open(file);
  await Promise.all(Array.from({ length: 200 }, (_, i) => store.transact((tx) => tx.put('customers', customer(`cust_${i}`)))));
  const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(onDisk.collections.customers.length, 200);
  await store.close();
});

test('secondary indices follow updates and deletes', async () => {
  const store = await Store.open(tmpFile());
  await store.transact((tx) => tx.put('customers', customer('cust_a', 'old@example.com')));
  await store.transact((tx) => tx.put('customers', { ...store.get('customers', 'cust_a')!, email: 'new@example.com' }));
  assert.equal(store.findBy('customers', 'email', 'old@example.com').length, 0);
  assert.equal(store.findOneBy('customers', 'email', 'new@example.com')?.id, 'cust_a');
  await store.transact((tx) => tx.delete('customers', 'cust_a'));
  assert.equal(store.findBy('customers', 'email', 'new@example.com').length, 0);
  await store.close();
});

test('records are frozen, so a change cannot bypass transact', async () => {
  const store = await Store.open(tmpFile());
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  assert.throws(() => {
    (store.get('customers', 'cust_a') as { email: string }).email = 'x';
  }, TypeError);
  await store.close();
});

test('a change that throws leaves memory and disk untouched', async () => {
  const file = tmpFile();
  const store = await Store.open(file);
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  const before = fs.readFileSync(file, 'utf8');
  await assert.rejects(
    store.transact((tx) => {
      tx.put('customers', customer('cust_b'));
      throw new Error('refused');
    }),
    /refused/,
  );
  assert.equal(store.get('customers', 'cust_b'), undefined);
  assert.equal(fs.readFileSync(file, 'utf8'), before);
  await store.close();
});

test('a failed disk write rejects every waiting caller and rolls memory back', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-store-'));
  const file = path.join(dir, 'db.json');
  const store = await Store.open(file);
  await store.transact((tx) => tx.put('customers', customer('cust_a')));
  // steno writes a temp file beside the data file, then renames it: a directory in the way
  // of that temp file makes the write fail, as a full or read-only disk would.
  fs.mkdirSync(path.join(dir, '.db.json.tmp'));
  const results = await Promise.allSettled([
    store.transact((tx) => tx.put('customers', customer('cust_b'))),
    store.transact((tx) => tx.put('customers', { ...store.get('customers', 'cust_a')!, name: 'Changed' })),
  ]);
  assert.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreWriteError));
  assert.equal(store.get('customers', 'cust_b'), undefined);
  assert.equal(store.get('customers', 'cust_a')?.name, null);
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).collections.customers.map((c: Customer) => c.id), ['cust_a']);
  fs.rmdirSync(path.join(dir, '.db.json.tmp'));
  await store.transact((tx) => tx.put('customers', customer('cust_c')));
  assert.ok(store.get('customers', 'cust_c'));
  await store.close();
});

test('a corrupt or half-written data file is refused and left untouched', async () => {
  for (const text of ['{"version":1,"collections":{"customers":[{"id":"cust_a"', '', 'null', '{"collections":{}}', '{"version":1,"collections":{"customers":[1]}}']) {
    const file = tmpFile();
    fs.writeFileSync(file, text);
    await assert.rejects(Store.open(file), StoreCorruptError, `accepted ${JSON.stringify(text)}`);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.equal(fs.existsSync(`${file}.lock`), false, 'lock released after refusing');
  }
});

test('a second store on the same file is refused while the first is open', async () => {
  const file = tmpFile();
  const first = await Store.open(file);
  await assert.rejects(Store.open(file), StoreLockedError);
  await first.close();
  const second = await Store.open(file);
  await second.close();
});

test('a lock left by a dead process is taken over', async () => {
  const file = tmpFile();
  fs.writeFileSync(`${file}.lock`, '999999999');
  const store = await Store.open(file);
  assert.equal(fs.readFileSync(`${file}.lock`, 'utf8'), String(process.pid));
  await store.close();
  assert.equal(fs.existsSync(`${file}.lock`), false);
});

test('DEMO_ALLOWED_ORIGINS added on a later start reach a store seeded earlier', async () => {
  const { seedDemo, ensureDemoOrigins, demoMerchant } = await import('../../server/seed/demo.js');
  const store = await Store.open(tmpFile());
  await seedDemo(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: [], now: Date.now() });
  assert.deepEqual(demoMerchant(store)!.settings.allowed_origins, ['http://127.0.0.1:8787']);
  await seedDemo(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: ['http://127.0.0.1:5173'], now: Date.now() });
  await ensureDemoOrigins(store, { publicUrl: 'http://127.0.0.1:8787', allowedOrigins: ['http://127.0.0.1:5173'] });
  assert.deepEqual(demoMerchant(store)!.settings.allowed_origins, ['http://127.0.0.1:8787', 'http://127.0.0.1:5173']);
  await store.close();
});
