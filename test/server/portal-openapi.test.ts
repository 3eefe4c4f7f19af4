import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, customerByEmail, tokenFor, type TestApp } from '../support/server.js';
import * as contract from '../../contract/portal.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Schema = { $ref?: string; type?: string; properties?: Record<string, unknown>; additionalProperties?: unknown };

test('/openapi.json gives every portal API route a real response schema, never a bare object', async () => {
  const doc = await (await t.app.request('/openapi.json')).json();
  const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);
  const portal = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>).filter(([p]) =>
    p.startsWith('/portal/api/'),
  );
  assert.ok(portal.length >= 12, `portal routes documented: ${portal.length}`);
  let checked = 0;
  for (const [path, ops] of portal) {
    for (const [method, op] of Object.entries(ops)) {
      const success = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
      assert.ok(success.length > 0, `${method} ${path} documents its success`);
      for (const [code, response] of success) {
        const schema = response.content?.['application/json']?.schema;
        assert.ok(schema, `${method} ${path} ${code} has a JSON schema`);
        const body = resolve(schema);
        assert.ok(body.properties && Object.keys(body.properties).length > 0, `${method} ${path} ${code} lists its fields`);
        checked++;
      }
      assert.ok(op.responses['401'] || path.includes('magic-link') || path.includes('session/exchange'), `${method} ${path} documents a refused token`);
    }
  }
  assert.ok(checked >= 12);
  assert.deepEqual(Object.keys(resolve(doc.paths['/portal/api/overview'].get.responses['200'].content['application/json'].schema).properties!).sort(), [
    'customer',
    'merchant',
    'plans',
    'subscriptions',
  ]);
});

test('what the portal API answers parses with the contract schemas the document shows', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  const token = await tokenFor(t, ada.id);
  const get = async (path: string) => (await t.app.request(`/portal/api${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const overview = contract.OverviewResponse.strict().parse(await get('/overview'));
  assert.ok(overview.subscriptions.length > 0);
  const payments = contract.TransactionsResponse.parse(await get('/transactions'));
  assert.ok(payments.items.length > 0);
});
