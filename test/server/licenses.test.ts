import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdkError, sdkHarnessPerFile } from '../support/sdk.js';
import { call } from '../support/server.js';
import { openForm, postForm } from './signin-helpers.js';
import { newProduct } from '../../server/domain/products.js';
import { iso } from '../../server/clock.js';

/*
 * License keys: a product with Creem's licenseKey feature (set in Creem's dashboard; here put into
 * the store as the seed would) sells one with every purchase; the merchant's app activates it per
 * device, validates it, and frees a device, through Creem's SDK.
 */
const sdk = sdkHarnessPerFile();
const DAY = 24 * 60 * 60 * 1000;

async function licensedProduct(activationLimit: number | null, validDays: number | null) {
  const merchant = (await sdk.t.deps.store.all('merchants'))[0]!;
  const product = newProduct({
    merchant_id: merchant.id,
    mode: 'test',
    name: 'Desktop app',
    description: 'Lifetime license.',
    price: 4900,
    currency: 'EUR',
    billing_type: 'onetime',
    billing_period: 'once',
    license: { activation_limit: activationLimit, valid_days: validDays },
    created_at: iso(sdk.t.clock.now),
  });
  return sdk.t.deps.store.transact((tx) => tx.put('products', product));
}

async function buy(productId: string, email: string) {
  const checkout = await sdk.creem.checkouts.create({ productId, successUrl: 'http://127.0.0.1:3000/ok' });
  const path = new URL(checkout.checkoutUrl!).pathname;
  const res = await postForm(sdk.t, path, await openForm(sdk.t, path), { card: '4242424242424242', expiry: '12/40', cvc: '123', email });
  assert.equal(res.status, 303);
  return sdk.creem.checkouts.retrieve(checkout.id);
}

test('a purchase comes with a license key; it activates on up to its limit of devices, validates there, and a freed device makes room', async () => {
  const product = await licensedProduct(2, null);
  assert.equal((await sdk.creem.products.get(product.id)).features?.[0]?.type, 'licenseKey');
  const checkout = await buy(product.id, 'licensee@example.com');
  const key = checkout.licenseKeys?.[0]?.key;
  assert.match(key ?? '', /^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
  assert.equal(checkout.licenseKeys?.[0]?.status, 'inactive');
  const customerId = (checkout.customer as { id: string }).id;
  assert.deepEqual((await sdk.creem.customers.listLicenses(customerId)).items.map((l) => l.key), [key]);

  const laptop = await sdk.creem.licenses.activate({ key: key!, instanceName: 'laptop' });
  assert.equal(laptop.status, 'active');
  assert.equal(laptop.activation, 1);
  assert.equal(laptop.instance?.name, 'laptop');
  const desktop = await sdk.creem.licenses.activate({ key: key!.toLowerCase(), instanceName: 'desktop' });
  assert.equal(desktop.activation, 2);
  const third = await sdkError(sdk.creem.licenses.activate({ key: key!, instanceName: 'third' }));
  assert.equal(third.statusCode, 403);
  assert.match(third.body, /2 of 2 devices/);

  assert.equal((await sdk.creem.licenses.validate({ key: key!, instanceId: laptop.instance!.id })).instance?.status, 'active');
  const freed = await sdk.creem.licenses.deactivate({ key: key!, instanceId: laptop.instance!.id });
  assert.equal(freed.activation, 1);
  assert.equal(freed.instance?.status, 'deactivated');
  assert.equal((await sdkError(sdk.creem.licenses.validate({ key: key!, instanceId: laptop.instance!.id }))).statusCode, 403);
  assert.equal((await sdk.creem.licenses.activate({ key: key!, instanceName: 'third' })).activation, 2);
  const instances = await sdk.creem.licenses.listInstances(laptop.id);
  assert.deepEqual(instances.result.items.map((i) => `${i.name}:${i.status}`).sort(), ['desktop:active', 'laptop:deactivated', 'third:active']);
});

test('a license past its days is expired: it activates and validates nowhere; an unknown or another merchant’s key is a 404', async () => {
  const product = await licensedProduct(null, 30);
  const key = (await buy(product.id, 'expiring@example.com')).licenseKeys![0]!.key;
  const phone = await sdk.creem.licenses.activate({ key, instanceName: 'phone' });
  sdk.t.clock.advance(31 * DAY);
  assert.equal((await sdkError(sdk.creem.licenses.validate({ key, instanceId: phone.instance!.id }))).statusCode, 403);
  assert.equal((await sdkError(sdk.creem.licenses.activate({ key, instanceName: 'tablet' }))).statusCode, 403);
  assert.equal((await sdkError(sdk.creem.licenses.activate({ key: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', instanceName: 'x' }))).statusCode, 404);
  const live = await call(sdk.t, 'POST', '/v1/licenses/activate', { key: 'creem_live_not_a_real_key_0000000000', body: { key, instance_name: 'x' } });
  assert.ok(live.status === 403 || live.status === 404, `another key: ${live.status}`);
  const noLicense = await buy((await sdk.t.deps.store.all('products')).find((p) => p.status === 'active' && !p.license && p.billing_type === 'recurring')!.id, 'plain@example.com');
  assert.equal(noLicense.licenseKeys, undefined, 'a product without the feature sells no key');
});

test('an activation retried with its Idempotency-Key activates once and answers the key again; the stored answer holds no key', async () => {
  const product = await licensedProduct(5, null);
  const key = (await buy(product.id, 'retry@example.com')).licenseKeys![0]!.key;
  const first = await call(sdk.t, 'POST', '/v1/licenses/activate', { headers: { 'idempotency-key': 'act-1' }, body: { key, instance_name: 'ci' } });
  const again = await call(sdk.t, 'POST', '/v1/licenses/activate', { headers: { 'idempotency-key': 'act-1' }, body: { key, instance_name: 'ci' } });
  assert.equal(first.status, 200);
  assert.deepEqual(again.json, first.json);
  assert.equal(again.json.key, key);
  assert.equal(first.json.activation, 1);
  const records = (await sdk.t.deps.store.all('idempotency')).map((r) => JSON.stringify(r));
  assert.ok(records.some((r) => r.includes('$key_of')), 'the answer was kept, with a pointer');
  assert.ok(!records.some((r) => r.includes(key)), 'and without the key');
});
