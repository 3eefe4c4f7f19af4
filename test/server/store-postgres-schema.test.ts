import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PostgresStore, UNINDEXED } from '../../server/store/postgres/postgres-store.js';
import { COLLECTIONS, indexedFields, type CollectionName } from '../../server/store/schema.js';
import { freshSchema, sql } from '../support/postgres.js';

/*
 * The migrations and the store's own idea of its tables stay in step: every field the store finds
 * records by (INDEXES) is a generated column with an index (but those in UNINDEXED), and the
 * migrations make nothing the store does not use.
 */

const ENGINE_DIR = path.resolve(import.meta.dirname, '../../server/store/postgres');
/** The PostgreSQL engine's code, where a table or column outside the collections must be named to be used. */
const engineSource = fs
  .readdirSync(ENGINE_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(ENGINE_DIR, f), 'utf8'))
  .join('\n');

test('a freshly migrated schema has a generated, indexed column for every INDEXES field, and no table or column the store does not know', { timeout: 30_000 }, async (t) => {
  const db = freshSchema('shape');
  t.after(() => db.drop());
  const store = await PostgresStore.open({ url: db.url, schema: db.schema, poolSize: 1 });
  await store.close();
  const columns = await sql<{ table_name: string; column_name: string; is_generated: string; generation_expression: string | null }>(
    'SELECT table_name, column_name, is_generated, generation_expression FROM information_schema.columns WHERE table_schema = $1',
    [db.schema],
  );
  const indexes = await sql<{ tablename: string; indexdef: string }>('SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1', [db.schema]);
  const tables = new Set(columns.map((c) => c.table_name));
  const collections = new Set<string>(COLLECTIONS);
  let checked = 0;

  for (const c of COLLECTIONS) {
    const own = columns.filter((col) => col.table_name === c);
    assert.ok(tables.has(c), `table ${c}`);
    for (const base of ['id', 'seq', 'doc']) assert.ok(own.some((col) => col.column_name === base), `${c}.${base}`);
    for (const field of indexedFields(c as CollectionName)) {
      const col = own.find((x) => x.column_name === field);
      assert.ok(col, `${c}.${field} is a column`);
      assert.equal(col.is_generated, 'ALWAYS', `${c}.${field} is generated`);
      assert.match(col.generation_expression ?? '', new RegExp(`doc ->> '${field}'::text`), `${c}.${field} is generated from doc ->> '${field}'`);
      // The lookup's own index: the field first, then seq for its insertion order; none where a write
      // would pay for it on every change.
      const indexed = indexes.some((i) => i.tablename === c && new RegExp(`\\(${field}, seq\\)$`).test(i.indexdef));
      const wanted = !UNINDEXED[c]?.includes(field);
      assert.equal(indexed, wanted, `${wanted ? 'an' : 'no'} index on ${c} (${field}, seq)`);
      checked++;
    }
    for (const col of own) {
      const known = ['id', 'seq', 'doc'].includes(col.column_name) || indexedFields(c as CollectionName).includes(col.column_name) || engineSource.includes(col.column_name);
      assert.ok(known, `${c}.${col.column_name} is neither a store field nor used by the engine`);
    }
  }
  for (const name of tables) {
    if (collections.has(name) || name === 'schema_migrations') continue;
    // Tables outside the collections (coordination, the dev outbox) are the engine's own.
    assert.match(engineSource, new RegExp(`\\b${name}\\b`), `table ${name} is used by the engine`);
    for (const col of columns.filter((x) => x.table_name === name)) assert.ok(engineSource.includes(col.column_name), `${name}.${col.column_name} is used by the engine`);
  }
  t.diagnostic(`${COLLECTIONS.length} collections, ${checked} indexed fields, ${tables.size} tables`);
});
