import { randomBytes } from 'node:crypto';
import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { Checkout, License, Product } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { forbidden, notFound } from './errors.js';
import { inScope, type Scope } from './scope.js';
import { getCustomer } from './customers.js';

const DAY = 24 * 60 * 60 * 1000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Five groups of five unambiguous letters and digits: 125 bits, easy to read out and type. */
function newKey(): string {
  const bytes = randomBytes(25);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** The license a purchase of `product` comes with, in the checkout's commit; none when it has no license feature. */
export async function issueLicense(tx: Tx, c: Checkout, product: Product, customerId: string, now: number): Promise<License | undefined> {
  if (!product.license) return undefined;
  return tx.put('licenses', {
    id: newId('lic'),
    merchant_id: c.merchant_id,
    mode: c.mode,
    product_id: product.id,
    customer_id: customerId,
    checkout_id: c.id,
    key: newKey(),
    status: 'inactive',
    activation_limit: product.license.activation_limit,
    expires_at: product.license.valid_days ? iso(now + product.license.valid_days * DAY) : null,
    instances: [],
    created_at: iso(now),
    updated_at: iso(now),
  });
}

export const activeInstances = (l: License) => l.instances.filter((i) => i.status === 'active').length;

/** As the API shows it: a license past its date is expired, whatever it was. */
export const licenseStatus = (l: License, now: number): License['status'] | 'expired' => (l.expires_at && Date.parse(l.expires_at) <= now ? 'expired' : l.status);

/** A key of the merchant's, else the same 404 as a key that does not exist. */
async function byKey(r: StoreReader, scope: Scope, key: string): Promise<License> {
  const l = (await r.findBy('licenses', 'key', key.trim().toUpperCase())).find((x) => inScope({ merchantId: scope.merchantId, mode: scope.mode }, x));
  if (!l) throw notFound('License');
  return l;
}

function usable(l: License, now: number) {
  const status = licenseStatus(l, now);
  if (status === 'expired') throw forbidden('The license has expired.');
  if (status === 'disabled') throw forbidden('The license is disabled.');
}

/** A new device on the key; refused past the activation limit. Answers the license with that instance. */
export function activateLicense(deps: DomainDeps, scope: Scope, key: string, instanceName: string): Promise<{ license: License; instanceId: string }> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const l = await byKey(tx, scope, key);
    usable(l, now);
    if (l.activation_limit !== null && activeInstances(l) >= l.activation_limit) throw forbidden(`The license is active on ${l.activation_limit} of ${l.activation_limit} devices; deactivate one first.`);
    const instance = { id: newId('lins'), name: instanceName, status: 'active' as const, created_at: iso(now) };
    const license = await tx.put('licenses', { ...l, status: 'active', instances: [...l.instances, instance], updated_at: iso(now) });
    return { license, instanceId: instance.id };
  });
}

/** Whether the key is good on that device: the license with its instance, or a refusal saying why. */
export async function validateLicense(deps: DomainDeps, scope: Scope, key: string, instanceId: string): Promise<License> {
  const l = await byKey(deps.store, scope, key);
  usable(l, deps.clock());
  const instance = l.instances.find((i) => i.id === instanceId);
  if (!instance) throw notFound('License instance');
  if (instance.status !== 'active') throw forbidden('This device was deactivated.');
  return l;
}

/** Frees the device's activation; deactivating twice changes nothing more. */
export function deactivateLicense(deps: DomainDeps, scope: Scope, key: string, instanceId: string): Promise<License> {
  const now = iso(deps.clock());
  return deps.store.transact(async (tx) => {
    const l = await byKey(tx, scope, key);
    const instance = l.instances.find((i) => i.id === instanceId);
    if (!instance) throw notFound('License instance');
    if (instance.status === 'deactivated') return l;
    const instances = l.instances.map((i) => (i.id === instanceId ? { ...i, status: 'deactivated' as const } : i));
    const status = instances.some((i) => i.status === 'active') ? 'active' : 'inactive';
    return tx.put('licenses', { ...l, instances, status: l.status === 'disabled' ? 'disabled' : status, updated_at: now });
  });
}

export async function customerLicenses(deps: DomainDeps, scope: Scope, customerId: string): Promise<License[]> {
  const customer = await getCustomer(deps.store, scope, customerId);
  return (await deps.store.findBy('licenses', 'customer_id', customer.id)).filter((l) => inScope({ merchantId: scope.merchantId, mode: scope.mode }, l));
}

export async function findLicense(deps: DomainDeps, scope: Scope, id: string): Promise<License> {
  const l = await deps.store.get('licenses', id);
  if (!l || !inScope({ merchantId: scope.merchantId, mode: scope.mode }, l)) throw notFound('License');
  return l;
}
