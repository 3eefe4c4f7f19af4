import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreWriteError, type Store } from '../../server/store/interface.js';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { COLLECTIONS, SCHEMA_VERSION, type Customer, type WebhookEvent } from '../../server/store/schema.js';
import { newCustomer } from '../../server/domain/customers.js';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'creem-store-file-')), 'db.json');

const customer = (id: string, n: number): Customer =>
  newCustomer({
    id,
    merchant_id: 'mer_1',
    mode: 'test',
    email: `${id}@example.com`,
    name: `Näme ${n} “quoted” \\ ${'x'.repeat(n % 7)}`,
    metadata: { n, even: n % 2 === 0, note: n % 3 ? null : 'emoji 🎉' },
    created_at: '2026-01-01T00:00:00.000Z',
  });

const event = (id: string, n: number): WebhookEvent => ({
  id,
  merchant_id: 'mer_1',
  mode: 'test',
  eventType: 'subscription.update',
  object: { n },
  created_at: '2026-01-01T00:00:00.000Z',
});

/** What the file must hold: JSON.stringify of every collection as the store lists it. */
const expectedText = async (store: Store) =>
  JSON.stringify({ version: SCHEMA_VERSION, collections: Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await store.all(c)]))) });

// Deterministic pseudo-random sequence, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test('the data file is exactly JSON.stringify of the records, in insertion order, through updates, deletes and refusals', async () => {
  const file = tmpFile();
  const store = await LowdbStore.open(file);
  const random = rng(7);
  // A plain Map is the reference for order: replaced records keep their place, new ones go last.
  const reference = new Map<string, Customer>();
  for (let round = 0; round < 60; round++) {
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        store.transact(async (tx) => {
          for (let k = 0; k < 10; k++) {
            const n = Math.floor(random() * 700);
            const id = `cust_${n}`;
            if (random() < 0.15 && reference.has(id)) {
              await tx.delete('customers', id);
              reference.delete(id);
            } else {
              const record = customer(id, round * 100 + w * 10 + k);
              await tx.put('customers', record);
              reference.set(id, record);
            }
          }
          await tx.put('webhook_events', event(`evt_${round}_${w}`, round));
        }),
      ),
    );
    // A change that throws after writing is undone and never reaches the file.
    await assert.rejects(
      store.transact(async (tx) => {
        await tx.put('customers', customer('cust_refused', round));
        await tx.put('customers', customer([...reference.keys()][0] ?? 'cust_0', 999));
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal(fs.readFileSync(file, 'utf8'), await expectedText(store), `round ${round}`);
  }
  assert.deepEqual(await store.all('customers'), [...reference.values()]);
  assert.ok(reference.size > 300, 'the run spans many blocks');
  await store.close();

  const again = await LowdbStore.open(file);
  assert.deepEqual(
    (await again.all('customers')).map((c) => c.id),
    [...reference.keys()],
  );
  assert.equal(await again.count('webhook_events'), 60 * 8);
  await again.close();
});

test('after a failed disk write the next commit writes every record again, including the rolled-back blocks', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-store-file-'));
  const file = path.join(dir, 'db.json');
  const store = await LowdbStore.open(file);
  await store.transact(async (tx) => {
    for (let i = 0; i < 300; i++) await tx.put('customers', customer(`cust_${i}`, i));
  });
  fs.mkdirSync(path.join(dir, '.db.json.tmp'));
  await assert.rejects(
    store.transact(async (tx) => {
      await tx.put('customers', { ...(await tx.get('customers', 'cust_5'))!, name: 'lost' });
      await tx.put('customers', customer('cust_new', 1));
    }),
    StoreWriteError,
  );
  fs.rmdirSync(path.join(dir, '.db.json.tmp'));
  await store.transact(async (tx) => await tx.put('customers', { ...(await tx.get('customers', 'cust_299'))!, name: 'kept' }));
  const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(fs.readFileSync(file, 'utf8'), await expectedText(store));
  assert.equal(onDisk.collections.customers.length, 300);
  assert.equal(onDisk.collections.customers[5].name, customer('cust_5', 5).name);
  assert.equal(onDisk.collections.customers[299].name, 'kept');
  await store.close();
});

test('emptying whole runs of records (and the collection) keeps the file valid and in order', async () => {
  const file = tmpFile();
  const store = await LowdbStore.open(file);
  await store.transact(async (tx) => {
    for (let i = 0; i < 400; i++) await tx.put('customers', customer(`cust_${i}`, i));
  });
  await store.transact(async (tx) => {
    for (let i = 0; i < 400; i++) if (i < 260 || (i > 300 && i < 390)) await tx.delete('customers', `cust_${i}`);
  });
  await store.transact(async (tx) => await tx.put('customers', customer('cust_late', 1)));
  assert.equal(fs.readFileSync(file, 'utf8'), await expectedText(store));
  assert.deepEqual(
    JSON.parse(fs.readFileSync(file, 'utf8')).collections.customers.map((c: Customer) => c.id),
    [...Array.from({ length: 41 }, (_, i) => `cust_${260 + i}`), ...Array.from({ length: 10 }, (_, i) => `cust_${390 + i}`), 'cust_late'],
  );
  await store.transact(async (tx) => {
    for (const c of await store.all('customers')) await tx.delete('customers', c.id);
  });
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).collections.customers, []);
  await store.close();
});
