import type { Tx } from '../store/interface.js';
import type { MerchantSettings, Refund, Subscription, SubscriptionStatus, Transaction } from '../store/schema.js';
import { conflict, forbidden, notFound } from './errors.js';
import { saveSubscription } from './events.js';
import { isPeriodPayment } from './payments.js';
import { applyRefund, checkRefund, refundableAmount } from './refunds.js';
import { cancel, type Transition } from './subscription-rules.js';
import { customerTransaction, localParty, putRequest, tellMerchant, type CustomerScope, type Filed, type RequestDeps } from './customer-requests.js';

const DAY_MS = 86_400_000;

export type RefundDecision = { outcome: 'refund' | 'request'; amount: number };

/**
 * The merchant's refund policy for a customer's request: within `auto_refund_days` of a period
 * payment the money goes back at once; later it becomes a request the merchant decides on, when the
 * merchant takes requests at all. A proration charge (a mid-period plan or seat change) is never
 * refunded automatically: what it paid for is still in use, and a later downgrade refunds from it,
 * so it always goes to the merchant. Only a fully paid payment qualifies; anything else has been
 * settled already.
 */
export function decideRefund(policy: MerchantSettings['refund'], t: Transaction, now: number): RefundDecision {
  if (t.status !== 'paid') {
    const why = t.status === 'refunded' || t.status === 'partialRefund' ? 'has already been refunded' : `is ${t.status}, not paid`;
    throw conflict(`Payment ${t.id} ${why}; it cannot be refunded here.`);
  }
  const amount = refundableAmount(t);
  if (amount === 0) throw conflict(`Payment ${t.id} has nothing left to refund.`);
  const automatic = isPeriodPayment(t) && policy.auto_refund_days > 0 && now - t.created_at <= policy.auto_refund_days * DAY_MS;
  if (automatic) return { outcome: 'refund', amount };
  if (policy.allow_requests) return { outcome: 'request', amount };
  if (!isPeriodPayment(t)) throw forbidden('A charge for a plan or seat change is not refunded automatically; please contact support.');
  throw forbidden(
    policy.auto_refund_days > 0
      ? `Refunds are only available within ${policy.auto_refund_days} days of a payment.`
      : 'Refunds cannot be requested here; please contact support.',
  );
}

export interface RefundRequestInput {
  transactionId: string;
  reason: string;
  comment?: string;
}

export interface RefundFiled extends Filed {
  outcome: 'refunded' | 'pending';
  amount: number;
  /** The subscription the refund ended: its current period's payment came back, so access ends now. */
  canceled: Subscription | null;
}

/** States in which a subscription is still running on the period a payment paid for. */
const RUNNING: SubscriptionStatus[] = ['active', 'trialing', 'scheduled_cancel', 'paused'];

/**
 * When `t` is the payment for the current period of a running subscription, the cancel a full
 * refund of it causes (checked before anything is written); otherwise null.
 */
async function cancelForRefund(tx: Tx, t: Transaction, now: number): Promise<Transition | null> {
  const sub = t.subscription_id ? await tx.get('subscriptions', t.subscription_id) : undefined;
  if (!sub || !paidCurrentPeriod(t, sub)) return null;
  return cancel(sub, { mode: 'immediate', onExecute: 'cancel' }, now);
}

const refundReason = (reason: string): Refund['reason'] => (reason === 'duplicate' ? 'duplicate' : 'requested_by_customer');

/**
 * A customer's refund request, decided by the merchant's policy. The decision, the refund (when
 * automatic), the request record and its event are one commit, so a retried or concurrent request
 * finds the first one and is refused instead of a second refund. An automatic refund of the current
 * period's payment also cancels the subscription at once, in the same commit: the customer has
 * their money back, so the period it paid for ends.
 */
export async function requestRefund(deps: RequestDeps, scope: CustomerScope, input: RefundRequestInput): Promise<RefundFiled> {
  const now = deps.clock();
  const party = await localParty(deps, scope);
  const filed = await deps.store.transact(async (tx): Promise<RefundFiled> => {
    const t = await customerTransaction(tx, scope, input.transactionId);
    const merchant = await tx.get('merchants', scope.merchantId);
    if (!merchant) throw notFound('Merchant');
    await refuseOpenRequest(tx, t.id);
    const decision = decideRefund(merchant.settings.refund, t, now);
    const fields = refundFields(input, t, decision);
    if (decision.outcome === 'refund') {
      const amount = checkRefund(t, decision.amount);
      const ending = await cancelForRefund(tx, t, now);
      if (ending) fields.canceled_subscription = ending.subscription.id;
      await applyRefund(tx, t, amount, refundReason(input.reason), now);
      const canceled = ending ? await saveSubscription(tx, ending.subscription, ending.eventType, now) : null;
      const request = await putRequest(tx, scope, { kind: 'refund', transactionId: t.id, status: 'refunded', fields }, party.customer, now);
      return { request, replayed: false, outcome: 'refunded', amount, canceled };
    }
    const request = await putRequest(tx, scope, { kind: 'refund', transactionId: t.id, status: 'pending', fields }, party.customer, now);
    return { request, replayed: false, outcome: 'pending', amount: decision.amount, canceled: null };
  });
  // Only a pending request needs the merchant to act; an automatic refund is already done.
  if (filed.outcome === 'pending') await tellMerchant(deps, party, filed.request, await deps.store.get('transactions', input.transactionId));
  return filed;
}

/** One refund request per payment at a time: a second one while the first waits is refused. */
export async function refuseOpenRequest(tx: Tx, transactionId: string): Promise<void> {
  const open = (await tx.findBy('customer_requests', 'transaction_id', transactionId)).find((r) => r.kind === 'refund' && r.status === 'pending');
  if (open) throw conflict(`A refund request for this payment is already waiting for an answer (${open.reference}).`);
}

/** What the merchant is told of a refund request. */
export function refundFields(input: RefundRequestInput, t: Transaction, decision: RefundDecision): Record<string, string> {
  // In English, like the rest of the merchant's mail; Intl writes the amount (never digits and a code glued together).
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency: t.currency }).format(decision.amount / 100);
  const fields: Record<string, string> = { reason: input.reason, amount };
  if (input.comment) fields.comment = input.comment;
  return fields;
}

/** True when `t` paid for the period `sub` is in now: refunding it ends that period. */
export function paidCurrentPeriod(t: Transaction, sub: Subscription): boolean {
  return !!t.subscription_id && isPeriodPayment(t) && t.period_start !== null && RUNNING.includes(sub.status) && t.period_start >= Date.parse(sub.current_period_start_date);
}
