import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { Store, Tx } from '../store/store.js';
import type { Refund, Transaction } from '../store/schema.js';
import { wireRefund } from '../wire/refund.js';
import { recordEvent } from './events.js';
import { inScope, type Scope } from './scope.js';
import type { DomainDeps } from './subscriptions.js';

export type RefundReason = Refund['reason'];

export interface RefundInput {
  transactionId: string;
  /** Cents; omitted = everything still refundable. */
  amount?: number;
  reason: RefundReason;
}

/** What the customer paid (tax included) and has not had back yet. */
export const refundableAmount = (t: Transaction) => Math.max(0, t.amount_paid - t.refunded_amount);

/** Throws the 4xx that explains why `amount` cannot be refunded from `t`; returns the amount to refund. */
export function checkRefund(t: Transaction, amount: number | undefined): number {
  if (t.status === 'refunded') throw new ApiError(409, [`Transaction ${t.id} is already fully refunded.`]);
  if (t.status !== 'paid' && t.status !== 'partialRefund') throw new ApiError(409, [`Transaction ${t.id} is ${t.status}; only paid transactions can be refunded.`]);
  const left = refundableAmount(t);
  if (left <= 0) throw new ApiError(409, [`Transaction ${t.id} has nothing left to refund.`]);
  const value = amount ?? left;
  if (value > left) throw new ApiError(400, [`amount: ${value} is more than the ${left} still refundable on transaction ${t.id}.`]);
  return value;
}

/**
 * Writes a refund of a checked `amount` against `t` in the caller's commit: the transaction becomes
 * `partialRefund` or `refunded`, and `refund.created` goes to the outbox with it.
 */
export function applyRefund(tx: Tx, store: Pick<Store, 'get' | 'findBy'>, t: Transaction, amount: number, reason: RefundReason, now: number) {
  const refunded = t.refunded_amount + amount;
  const transaction = tx.put('transactions', { ...t, refunded_amount: refunded, status: refunded >= t.amount_paid ? 'refunded' : 'partialRefund' });
  const refund = tx.put('refunds', {
    id: newId('ref'),
    merchant_id: t.merchant_id,
    mode: t.mode,
    transaction_id: t.id,
    customer_id: t.customer_id,
    subscription_id: t.subscription_id,
    order_id: t.order_id,
    refund_amount: amount,
    refund_currency: t.currency,
    reason,
    status: 'succeeded',
    created_at: iso(now),
  });
  recordEvent(tx, store, { merchantId: t.merchant_id, mode: t.mode, eventType: 'refund.created', object: wireRefund(store, refund) }, now);
  return { refund, transaction };
}

/** Refunds a transaction in full (no amount) or in part. */
export function createRefund(deps: DomainDeps, scope: Scope, input: RefundInput): Promise<{ refund: Refund; transaction: Transaction }> {
  const now = deps.clock();
  return deps.store.transact((tx) => {
    const t = deps.store.get('transactions', input.transactionId);
    if (!inScope(scope, t)) throw notFound('Transaction');
    const amount = checkRefund(t!, input.amount);
    return applyRefund(tx, deps.store, t!, amount, input.reason, now);
  });
}
