import { createTestApp, DEMO_KEY, type TestApp } from './server.js';
import { demoMerchant } from '../../server/seed/demo.js';
import { newId, sha256, type IdPrefix } from '../../server/ids.js';
import { mintToken } from '../../server/auth/widget-token.js';
import { COLLECTIONS, type CollectionName } from '../../server/store/schema.js';

export const RIVAL_KEY = 'creem_test_rival_merchant_key_0123456789';
/** The demo merchant's live key: it must never see the test-mode objects (and vice versa). */
export const DEMO_LIVE_KEY = 'creem_demo_live_key_0123456789abcdef';
export const RIVAL_ORIGIN = 'http://127.0.0.1:9';

/** Ids of objects the caller must not reach, next to the caller's own. */
export interface WorldIds {
  own: { customers: string[]; subscriptions: string[]; transactions: string[]; orders: string[]; products: string[] };
  /** The demo merchant's other test-mode customers' objects (reachable by the API key, not by Ada's token). */
  otherCustomer: { customers: string[]; subscriptions: string[]; transactions: string[]; orders: string[] };
  /** Another merchant's objects, in test mode. */
  rival: { customers: string[]; subscriptions: string[]; transactions: string[]; orders: string[]; products: string[] };
  /** The demo merchant's own objects in live (prod) mode. */
  live: { customers: string[]; subscriptions: string[]; transactions: string[]; orders: string[]; products: string[] };
}

export interface FuzzWorld {
  t: TestApp;
  merchantId: string;
  rivalMerchantId: string;
  /** The customer the widget token is for (Ada Lovelace). */
  customerId: string;
  rivalCustomerId: string;
  ids: WorldIds;
  /** A fresh widget token for Ada (minted directly with the app's keys; no HTTP round trip). */
  token(): Promise<string>;
  rivalToken(): Promise<string>;
  liveToken(): Promise<string>;
}

const OWNED: CollectionName[] = ['products', 'customers', 'subscriptions', 'transactions', 'orders'];

/**
 * The demo app plus the neighbours an attacker would aim at: a rival merchant with a copy of the
 * demo data, and live-mode copies of the demo merchant's data. Every copy gets fresh ids.
 */
export async function createFuzzWorld(): Promise<FuzzWorld> {
  const t = await createTestApp();
  const store = t.deps.store;
  const demo = (await demoMerchant({ store }))!;
  const rivalId = newId('mer');

  const cloneInto = async (merchantId: string, mode: 'test' | 'prod') => {
    const map = new Map<string, string>();
    const records: { c: CollectionName; r: Record<string, unknown> }[] = [];
    for (const c of OWNED) {
      for (const r of await store.all(c) as unknown as Record<string, unknown>[]) {
        if (r.merchant_id === demo.id && r.mode === 'test') records.push({ c, r });
      }
    }
    const fresh = (old: string) => {
      if (!map.has(old)) map.set(old, newId(old.slice(0, old.indexOf('_')) as IdPrefix));
      return map.get(old)!;
    };
    const rewrite = (v: unknown): unknown => {
      if (typeof v === 'string') return /^(cust|prod|pprice|sub|sitem|tran|ord)_[A-Za-z0-9]{22}$/.test(v) ? fresh(v) : v;
      if (Array.isArray(v)) return v.map(rewrite);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
      return v;
    };
    const out: { c: CollectionName; r: Record<string, unknown> }[] = [];
    for (const { c, r } of records) {
      const copy = rewrite(r) as Record<string, unknown>;
      copy.merchant_id = merchantId;
      copy.mode = mode;
      if (c === 'customers') copy.email = mode === 'prod' ? String(r.email) : `rival-${String(r.email)}`;
      out.push({ c, r: copy });
    }
    return out;
  };

  const rivalRecords = await cloneInto(rivalId, 'test');
  const liveRecords = await cloneInto(demo.id, 'prod');
  await store.transact(async (tx) => {
    await tx.put('merchants', {
      ...demo,
      id: rivalId,
      name: 'Rival Ltd',
      settings: { ...demo.settings, allowed_origins: [RIVAL_ORIGIN], brand: { ...demo.settings.brand, name: 'Rival Ltd' } },
    });
    await tx.put('api_keys', { id: newId('key'), merchant_id: rivalId, mode: 'test', hash: sha256(RIVAL_KEY), hint: RIVAL_KEY.slice(0, 15), created_at: demo.created_at });
    await tx.put('api_keys', { id: newId('key'), merchant_id: demo.id, mode: 'prod', hash: sha256(DEMO_LIVE_KEY), hint: DEMO_LIVE_KEY.slice(0, 15), created_at: demo.created_at });
    for (const { c, r } of [...rivalRecords, ...liveRecords]) await tx.put(c as 'customers', r as never);
  });

  const ada = (await store.findBy('customers', 'email', 'ada@example.com')).find((c) => c.merchant_id === demo.id && c.mode === 'test')!;
  const liveAda = (await store.findBy('customers', 'email', 'ada@example.com')).find((c) => c.mode === 'prod')!;
  const rivalAda = (await store.findBy('customers', 'email', 'rival-ada@example.com'))[0]!;
  const idsOf = async (merchantId: string, mode: string, keep: (r: { customer_id?: string; id: string }) => boolean) => {
    const pick = async (c: CollectionName) =>
      (await store.all(c) as unknown as { id: string; merchant_id: string; mode: string; customer_id?: string }[])
        .filter((r) => r.merchant_id === merchantId && r.mode === mode && keep(r))
        .map((r) => r.id);
    return {
      customers: await pick('customers'),
      subscriptions: await pick('subscriptions'),
      transactions: await pick('transactions'),
      orders: await pick('orders'),
      products: await pick('products'),
    };
  };
  const mine = (r: { customer_id?: string; id: string }) => r.id === ada.id || r.customer_id === ada.id || r.customer_id === undefined;
  const ids: WorldIds = {
    own: await idsOf(demo.id, 'test', mine),
    otherCustomer: await idsOf(demo.id, 'test', (r) => r.customer_id !== undefined ? r.customer_id !== ada.id : r.id.startsWith('cust_') && r.id !== ada.id),
    rival: await idsOf(rivalId, 'test', () => true),
    live: await idsOf(demo.id, 'prod', () => true),
  };
  // Customers have no customer_id: keep "own" to Ada only.
  ids.own.customers = [ada.id];

  const mint = (merchantId: string, mode: 'test' | 'prod', customerId: string) => async () =>
    (await mintToken(t.deps.keys, t.deps.config.publicUrl, { merchantId, mode, customerId }, t.clock.now)).token;

  return {
    t,
    merchantId: demo.id,
    rivalMerchantId: rivalId,
    customerId: ada.id,
    rivalCustomerId: rivalAda.id,
    ids,
    token: mint(demo.id, 'test', ada.id),
    rivalToken: mint(rivalId, 'test', rivalAda.id),
    liveToken: mint(demo.id, 'prod', liveAda.id),
  };
}

/** Everything the store holds, in memory, as one string: equal strings mean nothing changed. */
export async function memoryImage(t: TestApp): Promise<string> {
  return JSON.stringify(await Promise.all(COLLECTIONS.map((c) => t.deps.store.all(c))));
}

export { DEMO_KEY };
