/**
 * Reads by id as the store grows: GET /v1/subscriptions?subscription_id=… (auth, scope check,
 * wire shape with product, customer and last transaction expanded) against a store holding 1k
 * and then 10k subscriptions. Run: node --import tsx bench/store-reads.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createTestApp, DEMO_KEY } from '../test/support/server.js';
import { newId } from '../server/ids.js';
import { iso } from '../server/clock.js';
import { demoMerchant } from '../server/seed/demo.js';
import { newCustomer } from '../server/domain/customers.js';

export interface ReadResult {
  subscriptions: number;
  requests: number;
  median_us: number;
  p99_us: number;
  per_second: number;
  store_get_ns: number;
}

async function measure(size: number, requests: number): Promise<ReadResult> {
  const t = await createTestApp();
  try {
    const { store } = t.deps;
    const merchant = (await demoMerchant({ store }))!;
    const product = (await store.findBy('products', 'merchant_id', merchant.id))[0];
    const at = iso(t.clock.now);
    const ids: string[] = [];
    await store.transact(async (tx) => {
      for (let i = await tx.count('subscriptions'); i < size; i++) {
        const owned = { merchant_id: merchant.id, mode: 'test' as const, created_at: at };
        const customer = await tx.put('customers', newCustomer({ ...owned, email: `bench${i}@example.com`, name: `Bench ${i}`, country: 'DE' }));
        const sub = await tx.put('subscriptions', {
          ...owned, id: newId('sub'), customer_id: customer.id, product_id: product.id, status: 'active',
          items: [{ id: newId('sitem'), product_id: product.id, price_id: product.price_id, units: 1, created_at: at, updated_at: at }],
          current_period_start_date: at, current_period_end_date: iso(t.clock.now + 30 * 86_400_000), next_transaction_date: null,
          last_transaction_id: null, last_transaction_date: null, trial_end_date: null, canceled_at: null, scheduled_action: null,
          cancel_reason: null, cancel_comment: null, updated_at: at,
        });
        ids.push(sub.id);
      }
    });
    const get = (id: string) => t.app.request(`/v1/subscriptions?subscription_id=${id}`, { headers: { 'x-api-key': DEMO_KEY } });
    for (let i = 0; i < 1500; i++) await (await get(ids[i % ids.length])).text();
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const id = ids[(i * 7919) % ids.length];
      const t0 = performance.now();
      const res = await get(id);
      await res.text();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`GET ${id} → ${res.status}`);
    }
    const total = performance.now() - started;
    times.sort((a, b) => a - b);
    const g0 = process.hrtime.bigint();
    const loops = 200_000;
    for (let i = 0; i < loops; i++) await store.get('subscriptions', ids[i % ids.length]);
    const storeNs = Number(process.hrtime.bigint() - g0) / loops;
    return {
      subscriptions: await store.count('subscriptions'),
      requests,
      median_us: Math.round(times[Math.floor(times.length / 2)] * 1000),
      p99_us: Math.round(times[Math.floor(times.length * 0.99)] * 1000),
      per_second: Math.round(requests / (total / 1000)),
      store_get_ns: Math.round(storeNs),
    };
  } finally {
    await t.close();
  }
}

export async function run(requests = 3000): Promise<ReadResult[]> {
  return [await measure(1_000, requests), await measure(10_000, requests)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await run();
  console.table(results);
  const [small, large] = results;
  console.log(`median 10k / 1k = ${(large.median_us / small.median_us).toFixed(2)}×`);
}
