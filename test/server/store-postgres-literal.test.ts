import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import pg from 'pg';
import { inline, quote } from '../../server/store/postgres/sql-literal.js';
import { testDatabaseUrl } from '../support/postgres.js';

// Quotes, backslashes, dollar signs, comment starts and non-ASCII: everything a literal must survive.
const tricky = fc.string({ unit: fc.oneof(fc.constantFrom("'", '\\', '$', '-', ';', '"', 'é', '😀', '\n'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) });

test('[postgres] a quoted literal is what pg escapeLiteral gives, for any string', () => {
  fc.assert(fc.property(fc.oneof(tricky, fc.string()), (s) => assert.equal(quote(s), pg.escapeLiteral(s))), { numRuns: 2000 });
});

test('[postgres] a statement with its values inlined reads back exactly those values', async () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    for (const standard of ['on', 'off']) {
      // Each literal must mean the same whatever the server's setting for backslashes.
      await client.query(`SET standard_conforming_strings = ${standard}`);
      const samples = fc.sample(tricky.filter((s) => !s.includes('\0')), { numRuns: 200, seed: 7 });
      samples.push(`it's`, '\\', `\\'`, `'); DROP TABLE x; --`, '$1', JSON.stringify({ note: `a "quoted" \\ path's` }));
      const r = await client.query<{ v: string[]; n: string; neg: string }>(inline('SELECT $1::text[] AS v, $2::int AS n, 5-$3 AS neg', [samples, -3, -1]));
      assert.deepEqual(r.rows[0]!.v, samples, `standard_conforming_strings=${standard}`);
      assert.equal(Number(r.rows[0]!.n), -3);
      assert.equal(Number(r.rows[0]!.neg), 6);
    }
  } finally {
    await client.end();
  }
});
