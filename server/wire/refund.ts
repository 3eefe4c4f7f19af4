import type { RefundView } from '../domain/views.js';
import { wireTransaction } from './transaction.js';

/** Creem's RefundEntity: the transaction expanded, the rest by id; `created_at` in epoch ms as Creem sends it. */
export function wireRefund({ refund: r, transaction }: RefundView) {
  return {
    id: r.id,
    mode: r.mode,
    object: 'refund',
    status: r.status,
    refund_amount: r.refund_amount,
    refund_currency: r.refund_currency,
    reason: r.reason,
    transaction: wireTransaction(transaction),
    order: r.order_id,
    ...(r.subscription_id ? { subscription: r.subscription_id } : {}),
    customer: r.customer_id,
    created_at: Date.parse(r.created_at),
  };
}

export type WireRefund = ReturnType<typeof wireRefund>;
