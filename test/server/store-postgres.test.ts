import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../server/store/interface.js';
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
