import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../support/server.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const ROUTES: [string, string, string][] = [
  ['get', '/v1/customers', 'CustomerEntity'],
  ['get', '/v1/customers/list', 'CustomerListEntity'],
  ['patch', '/v1/customers', 'CustomerEntity'],
  ['get', '/v1/customers/{id}/subscriptions', 'SubscriptionListEntity'],
  ['get', '/v1/customers/{id}/orders', 'OrderListEntity'],
  ['get', '/v1/subscriptions', 'SubscriptionEntity'],
  ['get', '/v1/subscriptions/search', 'SubscriptionListEntity'],
  ['post', '/v1/subscriptions/{id}/cancel', 'SubscriptionEntity'],
  ['post', '/v1/subscriptions/{id}/pause', 'SubscriptionEntity'],
  ['post', '/v1/subscriptions/{id}/resume', 'SubscriptionEntity'],
  ['post', '/v1/subscriptions/{id}/upgrade', 'SubscriptionEntity'],
  ['post', '/v1/subscriptions/{id}', 'SubscriptionEntity'],
  ['get', '/v1/transactions', 'TransactionEntity'],
  ['get', '/v1/transactions/search', 'TransactionListEntity'],
  ['post', '/v1/refunds', 'RefundEntity'],
  ['get', '/v1/products', 'ProductEntity'],
  ['get', '/v1/products/{id}', 'ProductEntity'],
  ['get', '/v1/products/search', 'ProductListEntity'],
];

test('/openapi.json describes every merchant route with its request and response schemas', async () => {
  const res = await t.app.request('/openapi.json');
  assert.equal(res.status, 200);
  const doc = await res.json();
  for (const [method, path, schema] of ROUTES) {
    const op = doc.paths[path]?.[method];
    assert.ok(op, `${method.toUpperCase()} ${path} is documented`);
    assert.equal(op.responses['200'].content['application/json'].schema.$ref, `#/components/schemas/${schema}`, `${method} ${path}`);
    assert.ok(op.responses['404'] && op.responses['400'], `${method} ${path} documents its errors`);
    if (method === 'post') assert.ok(op.parameters?.some((p: { name: string }) => p.name === 'idempotency-key'), `${path} documents Idempotency-Key`);
  }
  const sub = doc.components.schemas.SubscriptionEntity;
  assert.ok(sub.properties.current_period_end_date && sub.properties.items);
  assert.deepEqual(doc.paths['/v1/subscriptions/{id}/cancel'].post.requestBody.content['application/json'].schema.properties.mode.enum, ['immediate', 'scheduled']);
});

test('/docs serves Swagger UI with its assets from this server, not a CDN', async () => {
  const page = await t.app.request('/docs');
  assert.equal(page.status, 200);
  const html = await page.text();
  const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 3);
  for (const url of assets) {
    assert.ok(url.startsWith('/docs/assets/'), `${url} is served locally`);
    const res = await t.app.request(url);
    assert.equal(res.status, 200, url);
    const body = await res.text();
    // Swagger UI itself, and our one-line script that starts it on /openapi.json.
    if (url.includes('swagger-ui-dist')) assert.ok(body.length > 10_000, `${url} has content`);
    else assert.match(body, /url: '\/openapi\.json'/);
  }
  assert.doesNotMatch(html, /https?:\/\//);
  assert.equal((await t.app.request('/docs/assets/swagger-ui-dist/package.json')).status, 404);
});
