import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoreUnavailableError, StoreWriteError, type Store } from '../../server/store/interface.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { storeSuite } from '../support/store-suite.js';
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
