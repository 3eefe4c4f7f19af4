import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { COLLECTIONS, type CollectionName } from '../../server/store/schema.js';

/**
 * The PostgreSQL that tests use: TEST_DATABASE_URL (the test runner creates a database of its own
 * per run, and drops it after), else the machine's local server's `test` database.
 */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** TEST_STORE=postgres: the server suite runs on PostgreSQL instead of a lowdb file. */
export const onPostgres = process.env.TEST_STORE === 'postgres';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function withClient<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A schema of its own in the test database (a store's whole world), and a way to drop it. */
export function freshSchema(prefix = 't'): { url: string; schema: string; drop(): Promise<void> } {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    url: testDatabaseUrl(),
    schema,
    drop: () => withClient((c) => c.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`)).then(() => undefined),
  };
}

/** Every record in `schema`, per collection, in insertion order: read straight from the tables. */
export function tablesOf(schema: string): Promise<{ collections: Record<CollectionName, any[]> }> {
  return withClient(async (c) => {
    const collections = {} as Record<CollectionName, any[]>;
    for (const name of COLLECTIONS) collections[name] = (await c.query(`SELECT doc FROM ${ident(schema)}.${ident(name)} ORDER BY seq`)).rows.map((r) => r.doc);
    return { collections };
  });
}

/** Runs SQL against the test database (tests that look under the store, or break it on purpose). */
export function sql<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return withClient(async (c) => (await c.query(text, values)).rows as T[]);
}
