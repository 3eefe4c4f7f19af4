import type { Product, Subscription, Transaction } from '../store/schema.js';
import type { CustomerRequest } from '../store/schema.js';
import { claimRequest, putRequest, settleRequest, tellMerchant, type CustomerScope, type RequestParty } from '../domain/customer-requests.js';
import { decideRefund, paidCurrentPeriod, refundFields, refuseOpenRequest, type RefundRequestInput } from '../domain/refund-policy.js';
import { DomainError, notFound } from '../domain/errors.js';
import type { CompanionDeps } from './deps.js';

export interface UpstreamRefund {
  request: CustomerRequest;
  outcome: 'refunded' | 'pending';
  amount: number;
  canceled: { subscription: Subscription; product: Product } | null;
}

/**
 * A refund request in companion mode, under the same policy as standalone: within the merchant's
 * window Creem refunds the payment at once (and a refund of the current period's payment cancels
 * the subscription now); otherwise — or when Creem refuses — it becomes a request to the merchant,
 * mailed and sent by webhook. The request is claimed in this store before Creem is asked, so two
 * requests for one payment cannot both reach Creem.
 */
export async function requestRefundUpstream(
  deps: CompanionDeps,
  scope: CustomerScope,
  party: RequestParty,
  t: Transaction,
  input: RefundRequestInput,
  ownSubscription: (id: string) => Promise<{ subscription: Subscription; product: Product }>,
): Promise<UpstreamRefund> {
  const { account, store } = deps;
  const now = deps.clock();
  const decision = decideRefund(party.merchant.settings.refund, t, now);
  const fields = refundFields(input, t, decision);

  if (decision.outcome === 'request') {
    const request = await store.transact(async (tx) => {
      await refuseOpenRequest(tx, t.id);
      return putRequest(tx, scope, { kind: 'refund', transactionId: t.id, status: 'pending', fields }, party.customer, now);
    });
    await tellMerchant(deps, party, request, t);
    return { request, outcome: 'pending', amount: decision.amount, canceled: null };
  }

  const claim = await store.transact(async (tx) => {
    await refuseOpenRequest(tx, t.id);
    return claimRequest(tx, scope, { kind: 'refund', transactionId: t.id, fields }, now);
  });
  try {
    await account.writes.write(
      'Transaction',
      (o) => account.client.transactions.refund({ transactionId: t.id }, o),
      async () => {
        const after = await account.transactionNow(t.id);
        return after.status === 'refunded' || after.refunded_amount > t.refunded_amount ? { status: 'succeeded' as const } : undefined;
      },
    );
  } catch (e) {
    // Creem said no to the refund itself (a DomainError: 400/404/409): the merchant decides instead.
    if (!(e instanceof DomainError)) {
      // Creem did not answer, and the payment is not refunded: no claim is left to block a retry.
      await store.transact((tx) => tx.delete('customer_requests', claim.id));
      throw e;
    }
    const request = await store.transact((tx) => settleRequest(tx, claim, 'pending', { ...fields, note: 'Creem did not refund it automatically' }, party.customer, deps.clock()));
    await tellMerchant(deps, party, request, t);
    return { request, outcome: 'pending', amount: decision.amount, canceled: null };
  }

  // The customer has their money back, so the period it paid for ends now.
  let canceled: UpstreamRefund['canceled'] = null;
  if (t.subscription_id) {
    const sub = await ownSubscription(t.subscription_id).catch((e: unknown) => {
      if (e instanceof DomainError && e.kind === 'not_found') return undefined;
      throw e;
    });
    if (sub && paidCurrentPeriod(t, sub.subscription) && sub.subscription.status !== 'canceled') {
      const entity = await account.writes.write('Subscription', (o) => account.client.subscriptions.cancel(sub.subscription.id, { mode: 'immediate', onExecute: 'cancel' }, o));
      const after = await account.withProduct(entity, await store.get('subscription_notes', entity.id));
      canceled = { subscription: after.subscription, product: after.product ?? sub.product };
      fields.canceled_subscription = sub.subscription.id;
    }
  }
  const request = await store.transact((tx) => settleRequest(tx, claim, 'refunded', fields, party.customer, deps.clock()));
  if (!request) throw notFound('Refund request');
  return { request, outcome: 'refunded', amount: decision.amount, canceled };
}
