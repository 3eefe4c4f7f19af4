import type { Config } from '../config.js';
import type { Store } from './interface.js';
import { LowdbStore } from './lowdb/lowdb-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

/**
 * The one place that picks a store engine: PostgreSQL when DATABASE_URL is set, else lowdb at
 * DATA_FILE. Production skips the nested-transaction check (see NestingGuard): tests and
 * development runs have already caught that mistake.
 */
export function openStore(config: Pick<Config, 'dataFile' | 'database' | 'production'>): Promise<Store> {
  const db = config.database;
  const checkNesting = !config.production;
  return db ? PostgresStore.open({ url: db.url, schema: db.schema, poolSize: db.poolSize, checkNesting }) : LowdbStore.open(config.dataFile, { checkNesting });
}
