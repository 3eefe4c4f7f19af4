import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { call } from '../support/server.js';
import { companionToken, startCompanionPair, upstreamCustomer, type CompanionPair } from '../support/companion.js';

let pair: CompanionPair;
before(async () => {
  pair = await startCompanionPair();
});
after(() => pair.close());

test('companion mode: the overview shows the upstream customer, their subscriptions and payments, over a real HTTP hop', async () => {
  const ada = await upstreamCustomer(pair, 'ada@example.com');
  const token = await companionToken(pair, ada.id);
  const overview = await call(pair.t, 'GET', '/portal/api/overview', { key: null, token });
  assert.equal(overview.status, 200, overview.text);
  assert.equal(overview.json.customer.email, 'ada@example.com');
  const upstreamSubs = await pair.creem.customers.listSubscriptions(ada.id, 1, 100);
  assert.deepEqual(overview.json.subscriptions.map((s: { id: string }) => s.id).sort(), upstreamSubs.items.map((s) => s.id).sort());
  const paths = (await pair.proxy.log()).map((l) => `${l.method} ${l.path.split('?')[0]}`);
  assert.ok(paths.includes('GET /v1/customers/' + ada.id + '/subscriptions'), paths.join('\n'));
});
