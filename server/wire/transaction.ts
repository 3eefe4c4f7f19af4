import type { Transaction } from '../store/schema.js';

/** Creem's TransactionEntity. The SDK refuses `null` for description and period dates, so those are left out instead. */
export function wireTransaction(t: Transaction) {
  return {
    id: t.id,
    mode: t.mode,
    object: 'transaction',
    amount: t.amount,
    amount_paid: t.amount_paid,
    discount_amount: t.discount_amount,
    currency: t.currency,
    type: t.type,
    tax_country: t.tax_country,
    tax_amount: t.tax_amount,
    status: t.status,
    refunded_amount: t.refunded_amount,
    order: t.order_id,
    subscription: t.subscription_id,
    customer: t.customer_id,
    ...(t.description !== null ? { description: t.description } : {}),
    ...(t.period_start !== null ? { period_start: t.period_start } : {}),
    ...(t.period_end !== null ? { period_end: t.period_end } : {}),
    created_at: t.created_at,
  };
}

export type WireTransaction = ReturnType<typeof wireTransaction>;
