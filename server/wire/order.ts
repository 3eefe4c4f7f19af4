import type { OrderView } from '../domain/views.js';

/** Creem's OrderEntity; the tax and paid amounts come from the order's transaction. */
export function wireOrder({ order: o, transaction: t }: OrderView) {
  const tax = t?.tax_amount ?? 0;
  const discount = t?.discount_amount ?? 0;
  return {
    id: o.id,
    mode: o.mode,
    object: 'order',
    customer: o.customer_id,
    product: o.product_id,
    transaction: o.transaction_id,
    amount: o.amount,
    sub_total: o.amount,
    tax_amount: tax,
    discount_amount: discount,
    amount_due: o.amount + tax - discount,
    amount_paid: o.status === 'paid' ? (t?.amount_paid ?? o.amount + tax - discount) : 0,
    currency: o.currency,
    status: o.status,
    type: o.type,
    created_at: o.created_at,
    updated_at: o.updated_at,
  };
}

export type WireOrder = ReturnType<typeof wireOrder>;
