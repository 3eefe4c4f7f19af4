import { newId, sha256 } from '../../server/ids.js';
import { iso } from '../../server/clock.js';
import { addPeriod } from '../../server/domain/periods.js';
import { demoMerchant } from '../../server/seed/demo.js';
import { newCustomer } from '../../server/domain/customers.js';
import { newProduct } from '../../server/domain/products.js';
import type { Mode } from '../../server/store/schema.js';
import type { TestApp } from '../support/server.js';

const DAY = 86_400_000;

export interface World {
  merchantId: string;
  key: string;
  customerId: string;
  productId: string;
  subscriptionId: string;
  transactionId: string;
  orderId: string;
}

/**
 * Adds, in one commit, an API key plus a customer, product, subscription and paid transaction in
 * `mode` for a merchant (a new one when `merchantId` is not given). Used to prove that one key
 * never reaches another merchant's or another mode's objects.
 */
export async function addWorld(t: TestApp, opts: { mode: Mode; merchantId?: string; name?: string }): Promise<World> {
  const { store } = t.deps;
  const now = t.clock.now;
  const key = `${opts.mode === 'test' ? 'creem_test_' : 'creem_'}${newId('key').replace(/_/g, '')}`;
  const base = (await demoMerchant({ store }))!;
  return store.transact(async (tx) => {
    const merchantId =
      opts.merchantId ??
      (await tx.put('merchants', { ...base, id: newId('mer'), name: opts.name ?? 'Other Co', settings: { ...base.settings, allowed_origins: [] } })).id;
    await tx.put('api_keys', { id: newId('key'), merchant_id: merchantId, mode: opts.mode, hash: sha256(key), hint: key.slice(0, 12), created_at: iso(now) });
    const owned = { merchant_id: merchantId, mode: opts.mode, created_at: iso(now - 10 * DAY) };
    const product = await tx.put('products', newProduct({ ...owned, name: `Plan ${opts.mode}`, price: 1500, currency: 'USD', billing_period: 'every-month' }));
    // The same address as a demo customer, on purpose: lookups by email must stay inside the scope.
    const customer = await tx.put('customers', newCustomer({ ...owned, email: 'ada@example.com', name: 'Ada Elsewhere', country: 'GB' }));
    const start = now - 10 * DAY;
    const end = addPeriod(start, 'every-month');
    const subscriptionId = newId('sub');
    const transactionId = newId('tran');
    const orderId = newId('ord');
    await tx.put('orders', { ...owned, id: orderId, customer_id: customer.id, product_id: product.id, transaction_id: transactionId, amount: 1500, currency: 'USD', status: 'paid', type: 'recurring', updated_at: owned.created_at });
    await tx.put('transactions', {
      id: transactionId,
      merchant_id: merchantId,
      mode: opts.mode,
      customer_id: customer.id,
      subscription_id: subscriptionId,
      product_id: product.id,
      order_id: orderId,
      amount: 1500,
      amount_paid: 1800,
      discount_amount: 0,
      tax_amount: 300,
      tax_country: 'GB',
      refunded_amount: 0,
      currency: 'USD',
      status: 'paid',
      type: 'invoice',
      description: null,
      period_start: start,
      period_end: end,
      created_at: start,
    });
    await tx.put('subscriptions', {
      ...owned,
      id: subscriptionId,
      customer_id: customer.id,
      product_id: product.id,
      status: 'active',
      items: [{ id: newId('sitem'), product_id: product.id, price_id: product.price_id, units: 1, created_at: owned.created_at, updated_at: owned.created_at }],
      current_period_start_date: iso(start),
      current_period_end_date: iso(end),
      next_transaction_date: iso(end),
      last_transaction_id: transactionId,
      last_transaction_date: iso(start),
      trial_end_date: null,
      canceled_at: null,
      scheduled_action: null,
      cancel_reason: null,
      cancel_comment: null,
      updated_at: owned.created_at,
    });
    return { merchantId, key, customerId: customer.id, productId: product.id, subscriptionId, transactionId, orderId };
  });
}
