import { newId } from '../server/ids.js';
import { iso } from '../server/clock.js';
import type { Store } from '../server/store/interface.js';
import type { Customer, Product, Subscription } from '../server/store/schema.js';
import { demoMerchant } from '../server/seed/demo.js';
import { newCustomer } from '../server/domain/customers.js';

const DAY = 86_400_000;

/** A customer of the demo merchant shaped like the seeded ones, so records are realistic in size. */
export function benchCustomer(merchantId: string, n: number, now: number): Customer {
  const at = iso(now - 30 * DAY);
  return newCustomer({
    merchant_id: merchantId,
    mode: 'test',
    email: `bench-${n}@example.com`,
    name: `Bench Customer ${n}`,
    country: 'DE',
    payment_method: { brand: 'visa', last4: '4242', exp_month: 8, exp_year: 2029 },
    created_at: at,
  });
}

/** An active monthly subscription mid-period, the state cancel+resume cycles through. */
export function benchSubscription(customer: Customer, product: Product, now: number, i = 0): Subscription {
  const start = now - 10 * DAY - i * 1000;
  const created = iso(start - 60 * DAY);
  return {
    id: newId('sub'),
    merchant_id: customer.merchant_id,
    mode: customer.mode,
    customer_id: customer.id,
    product_id: product.id,
    status: 'active',
    items: [{ id: newId('sitem'), product_id: product.id, price_id: product.price_id, units: 1, created_at: created, updated_at: created }],
    current_period_start_date: iso(start),
    current_period_end_date: iso(start + 30 * DAY),
    next_transaction_date: iso(start + 30 * DAY),
    last_transaction_id: null,
    last_transaction_date: null,
    trial_end_date: null,
    canceled_at: null,
    scheduled_action: null,
    cancel_reason: null,
    cancel_comment: null,
    created_at: created,
    updated_at: created,
  };
}

export interface BulkSeed {
  customerIds: string[];
  subscriptionIds: string[];
}

/**
 * Adds `count` active subscriptions to the demo merchant, `perCustomer` to a customer, through
 * the store's own transaction (so indices and the file are exactly what the server would hold).
 */
export async function seedBulk(store: Store, opts: { count: number; perCustomer: number; now: number }): Promise<BulkSeed> {
  const merchant = await demoMerchant({ store });
  if (!merchant) throw new Error('seedBulk needs the demo merchant: run seedDemo first');
  const products = (await store.findBy('products', 'merchant_id', merchant.id)).filter((p) => p.mode === 'test' && p.billing_type === 'recurring');
  const customerIds: string[] = [];
  const subscriptionIds: string[] = [];
  // Chunks keep any one synchronous change (and its undo list) bounded.
  const CHUNK = 5000;
  for (let done = 0; done < opts.count; done += CHUNK) {
    await store.transact(async (tx) => {
      let customer: Customer | undefined;
      for (let i = done; i < Math.min(opts.count, done + CHUNK); i++) {
        if (!customer || i % opts.perCustomer === 0) {
          customer = await tx.put('customers', benchCustomer(merchant.id, customerIds.length, opts.now));
          customerIds.push(customer.id);
        }
        const sub = await tx.put('subscriptions', benchSubscription(customer!, products[i % products.length], opts.now, i));
        subscriptionIds.push(sub.id);
      }
    });
  }
  return { customerIds, subscriptionIds };
}
