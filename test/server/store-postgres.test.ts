import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoreUnavailableError, StoreWriteError, type Store, type Tx } from '../../server/store/interface.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { customer, storeSuite } from '../support/store-suite.js';
import { testDatabaseUrl } from '../support/postgres.js';

const url = testDatabaseUrl();

storeSuite('postgres', () => {
  const schema = `suite_${randomBytes(6).toString('hex')}`;
  return {
    open: () => PostgresStore.open({ url, schema, poolSize: 4 }),
    async reopen(store: Store) {
      await store.close();
      return PostgresStore.open({ url, schema, poolSize: 4 });
    },
    openAnother: () => PostgresStore.open({ url, schema, poolSize: 4 }),
    async cleanup() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
});

test('[postgres] a request still running when the store closes (the server is stopping) gets StoreUnavailableError, a 503', async () => {
  const schema = `closed_${randomBytes(6).toString('hex')}`;
  const store = await PostgresStore.open({ url, schema, poolSize: 2 });
  await store.close();
  await assert.rejects(store.get('customers', 'cust_x'), StoreUnavailableError);
  await assert.rejects(store.coordination.hit('k', { max: 1, windowMs: 1000 }, 0, true), StoreUnavailableError);
  await assert.rejects(store.transact((tx) => tx.put('customers', { id: 'cust_x' } as never)), StoreWriteError);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
});

/** A store in a schema of its own, for one test; dropped afterwards. */
async function withOwnStore(body: (store: PostgresStore) => Promise<void>, poolSize = 2) {
  const schema = `own_${randomBytes(6).toString('hex')}`;
  const store = await PostgresStore.open({ url, schema, poolSize });
  try {
    await body(store);
  } finally {
    await store.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  }
}

test('[postgres] a query the change started without awaiting fails: the transaction fails and keeps nothing, not even what was sent before', async () => {
  await withOwnStore(async (store) => {
    await assert.rejects(
      store.transact(async (tx) => {
        await tx.put('customers', customer('cust_a'));
        await tx.count('customers');
        // PostgreSQL's jsonb refuses U+0000: this write fails in the database, and nobody awaits it.
        void tx.put('customers', { ...customer('cust_b'), name: 'nul \u0000' });
        void tx.count('customers').catch(() => undefined);
      }),
    );
    assert.equal(await store.get('customers', 'cust_a'), undefined);
    assert.equal(await store.count('customers'), 0);
  });
});

test('[postgres] a tx used after its transaction ended is refused and reaches no other transaction', async () => {
  await withOwnStore(async (store) => {
    let leaked: Tx | undefined;
    await store.transact(async (tx) => {
      leaked = tx;
    });
    await assert.rejects(leaked!.put('customers', customer('cust_late')), /has ended/);
    await assert.rejects(leaked!.count('customers'), /has ended/);
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    assert.deepEqual((await store.all('customers')).map((c) => c.id), ['cust_a']);
  }, 1);
});
