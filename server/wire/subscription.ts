import type { SubscriptionView } from '../domain/views.js';
import { wireCustomer } from './customer.js';
import { wireProduct } from './product.js';
import { wireTransaction } from './transaction.js';

/**
 * Creem's SubscriptionEntity with `product`, `customer` and `last_transaction` expanded, as Creem
 * answers. Optional dates are left out rather than sent as null: the SDK refuses null there.
 */
export function wireSubscription({ subscription: s, product, customer, lastTransaction: last }: SubscriptionView) {
  return {
    id: s.id,
    mode: s.mode,
    object: 'subscription',
    product: product ? wireProduct(product) : s.product_id,
    customer: customer ? wireCustomer(customer) : s.customer_id,
    items: s.items.map((i) => ({
      id: i.id,
      mode: s.mode,
      object: 'subscription_item',
      product_id: i.product_id,
      price_id: i.price_id,
      units: i.units,
    })),
    collection_method: 'charge_automatically',
    status: s.status,
    ...(s.last_transaction_id ? { last_transaction_id: s.last_transaction_id } : {}),
    ...(last ? { last_transaction: wireTransaction(last) } : {}),
    ...(s.last_transaction_date ? { last_transaction_date: s.last_transaction_date } : {}),
    ...(s.next_transaction_date ? { next_transaction_date: s.next_transaction_date } : {}),
    current_period_start_date: s.current_period_start_date,
    current_period_end_date: s.current_period_end_date,
    canceled_at: s.canceled_at,
    // Integrations find their own user through it (`metadata.referenceId`); records from before it have none.
    metadata: s.metadata ?? {},
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

export type WireSubscription = ReturnType<typeof wireSubscription>;
