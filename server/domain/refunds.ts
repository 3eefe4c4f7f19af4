import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { Tx } from '../store/interface.js';
import type { Refund, Transaction } from '../store/schema.js';
import { wireRefund } from '../wire/refund.js';
import type { DomainDeps } from './deps.js';
import { conflict, invalid, notFound } from './errors.js';
import { recordEvent } from './events.js';
import { inScope, type Scope } from './scope.js';
import type { RefundView } from './views.js';

export type RefundReason = Refund['reason'];

export interface RefundInput {
  transactionId: string;
  /** Cents; omitted = everything still refundable. */
  amount?: number;
  reason: RefundReason;
}

/** What the customer paid (tax included) and has not had back yet. */
export const refundableAmount = (t: Transaction) => Math.max(0, t.amount_paid - t.refunded_amount);

/** Throws why `amount` cannot be refunded from `t`; returns the amount to refund. */
export function checkRefund(t: Transaction, amount: number | undefined): number {
  if (t.status === 'refunded') throw conflict(`Transaction ${t.id} is already fully refunded.`);
  if (t.status !== 'paid' && t.status !== 'partialRefund') throw conflict(`Transaction ${t.id} is ${t.status}; only paid transactions can be refunded.`);
  const left = refundableAmount(t);
  if (left <= 0) throw conflict(`Transaction ${t.id} has nothing left to refund.`);
  const value = amount ?? left;
  if (value > left) throw invalid(`amount: ${value} is more than the ${left} still refundable on transaction ${t.id}.`);
  return value;
}

/**
 * Writes a refund of a checked `amount` against `t` in the caller's commit: the transaction becomes
 * `partialRefund` or `refunded`, and `refund.created` goes to the outbox with it.
 */
export async function applyRefund(tx: Tx, t: Transaction, amount: number, reason: RefundReason, now: number): Promise<RefundView> {
  const refunded = t.refunded_amount + amount;
  const transaction = await tx.put('transactions', { ...t, refunded_amount: refunded, status: refunded >= t.amount_paid ? 'refunded' : 'partialRefund' });
  const refund = await tx.put('refunds', {
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
  const view = { refund, transaction };
  await recordEvent(tx, { merchantId: t.merchant_id, mode: t.mode, eventType: 'refund.created', object: wireRefund(view) }, now);
  return view;
}

/** Refunds a transaction in full (no amount) or in part. */
export function createRefund(deps: DomainDeps, scope: Scope, input: RefundInput): Promise<RefundView> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const t = await tx.get('transactions', input.transactionId);
    if (!t || !inScope(scope, t)) throw notFound('Transaction');
    return applyRefund(tx, t, checkRefund(t, input.amount), input.reason, now);
  });
}
