import { ApiError, badRequest, notFound } from '../errors.js';
import { iso } from '../clock.js';
import type { Merchant, Product, Subscription, Transaction } from '../store/schema.js';
import type { Tx } from '../store/store.js';
import { wireSubscription } from '../wire/subscription.js';
import { recordEvent } from './events.js';
import { inScope, type Scope } from './scope.js';
import { prorate, type Proration, type UpdateBehavior } from './proration.js';
import { grossOf, recordCredit, recordPayment, taxOn } from './payments.js';
import { applyRefund, refundableAmount } from './refunds.js';
import { getSubscription, type DomainDeps } from './subscriptions.js';

export interface ChangeInput {
  productId?: string;
  units?: number;
  behavior?: UpdateBehavior;
}

export interface ChangePreview {
  currency: Product['currency'];
  charge_today: number;
  credit_today: number;
  net_today: number;
  tax_today: number;
  total_today: number;
  next_charge_amount: number;
  next_charge_total: number;
  next_charge_date: string | null;
  product: Product;
  units: number;
}

interface Plan {
  sub: Subscription;
  oldProduct: Product;
  product: Product;
  units: number;
  proration: Proration;
}

/** Checks a plan/units change against the rules and prices it; throws the 4xx that explains a refusal. */
function planChange(deps: DomainDeps, merchant: Merchant | undefined, scope: Scope, sub: Subscription, input: ChangeInput, now: number): Plan {
  if (sub.status !== 'active' && sub.status !== 'trialing') {
    throw new ApiError(409, [`Subscription ${sub.id} is ${sub.status}; only active or trialing subscriptions can change plan or units.`]);
  }
  if (input.productId === undefined && input.units === undefined) throw badRequest('Give a product_id or units to change.');
  const oldProduct = deps.store.get('products', sub.product_id);
  if (!oldProduct) throw notFound('Product');
  const item = sub.items[0];
  const oldUnits = item?.units ?? 1;
  let product = oldProduct;
  if (input.productId !== undefined && input.productId !== oldProduct.id) {
    const next = deps.store.get('products', input.productId);
    // The scope check ignores the customer: products belong to the merchant, not to one customer.
    if (!next || !inScope({ merchantId: scope.merchantId, mode: scope.mode }, next)) throw notFound('Product');
    if (next.billing_type !== 'recurring') throw badRequest(`Product ${next.id} is not a subscription product.`);
    if (next.status !== 'active') throw badRequest(`Product ${next.id} is archived.`);
    if (next.currency !== oldProduct.currency) throw badRequest(`Product ${next.id} is billed in ${next.currency}; this subscription is billed in ${oldProduct.currency}.`);
    product = next;
  }
  const units = input.units ?? oldUnits;
  if (!Number.isInteger(units) || units < 1) throw badRequest('units must be a whole number of at least 1.');
  if (product.id === oldProduct.id && units === oldUnits) throw badRequest(`Subscription ${sub.id} already has this product and ${units} unit(s).`);
  const behavior = input.behavior ?? merchant?.settings.update_behavior ?? 'proration-charge-immediately';
  // A trial has been paid for by no one: nothing to credit, nothing to charge until it ends.
  const proration = prorate({
    oldPrice: oldProduct.price,
    oldUnits,
    newPrice: product.price,
    newUnits: units,
    periodStartMs: Date.parse(sub.current_period_start_date),
    periodEndMs: Date.parse(sub.current_period_end_date),
    nowMs: now,
    behavior: sub.status === 'trialing' ? 'proration-none' : behavior,
  });
  return { sub, oldProduct, product, units, proration };
}

/** What a change would cost today and from the next period, without changing anything. */
export function previewSubscriptionChange(deps: DomainDeps, scope: Scope, id: string, input: ChangeInput): ChangePreview {
  const sub = getSubscription(deps, scope, id);
  const plan = planChange(deps, deps.store.get('merchants', scope.merchantId), scope, sub, input, deps.clock());
  return {
    currency: plan.product.currency,
    charge_today: plan.proration.charge,
    credit_today: plan.proration.credit,
    net_today: plan.proration.net,
    tax_today: Math.sign(plan.proration.net) * taxOn(Math.abs(plan.proration.net)),
    total_today: grossOf(plan.proration.net),
    next_charge_amount: plan.product.price * plan.units,
    next_charge_total: grossOf(plan.product.price * plan.units),
    next_charge_date: sub.next_transaction_date ?? (sub.status === 'trialing' ? sub.current_period_end_date : null),
    product: plan.product,
    units: plan.units,
  };
}

/** Moves the money a change causes: a charge now, or a refund of the difference (or a credit when nothing can be refunded). */
function settle(tx: Tx, deps: DomainDeps, plan: Plan, now: number): { transaction: Transaction | null; sub: Subscription } {
  const { sub, product, proration } = plan;
  const customer = deps.store.get('customers', sub.customer_id);
  const base = { subscription: sub, product, customer, periodStart: now, periodEnd: Date.parse(sub.current_period_end_date), now };
  const label = `${plan.oldProduct.name} × ${sub.items[0]?.units ?? 1} → ${product.name} × ${plan.units}`;
  if (proration.net > 0) {
    const t = recordPayment(tx, { ...base, amount: proration.net, description: `Proration: ${label}` });
    return { transaction: t, sub: { ...sub, last_transaction_id: t.id, last_transaction_date: iso(now) } };
  }
  if (proration.net < 0) {
    // Refund the difference and its tax share (payments were taken with tax) from this
    // subscription's payments, newest first; what no payment can absorb becomes a credit.
    let owed = -grossOf(proration.net);
    let first: Transaction | null = null;
    const payments = deps.store
      .findBy('transactions', 'subscription_id', sub.id)
      .filter((t) => (t.status === 'paid' || t.status === 'partialRefund') && refundableAmount(t) > 0)
      .sort((a, b) => b.created_at - a.created_at);
    for (const payment of payments) {
      if (owed === 0) break;
      const amount = Math.min(owed, refundableAmount(payment));
      const { transaction } = applyRefund(tx, deps.store, payment, amount, 'other', now);
      first ??= transaction;
      owed -= amount;
    }
    if (owed > 0) first ??= recordCredit(tx, { ...base, amount: owed, description: `Credit: ${label}` });
    return { transaction: first, sub };
  }
  return { transaction: null, sub };
}

/** Changes plan and/or units now, settles the proration, and emits `subscription.update` in the same commit. */
export function changeSubscription(deps: DomainDeps, scope: Scope, id: string, input: ChangeInput): Promise<{ subscription: Subscription; transaction: Transaction | null }> {
  const now = deps.clock();
  return deps.store.transact((tx) => {
    const current = getSubscription(deps, scope, id);
    const plan = planChange(deps, deps.store.get('merchants', scope.merchantId), scope, current, input, now);
    const { transaction, sub } = settle(tx, deps, plan, now);
    const item = sub.items[0];
    const items = item
      ? [{ ...item, product_id: plan.product.id, price_id: plan.product.price_id, units: plan.units, updated_at: iso(now) }, ...sub.items.slice(1)]
      : sub.items;
    const subscription = tx.put('subscriptions', { ...sub, product_id: plan.product.id, items, updated_at: iso(now) });
    recordEvent(
      tx,
      deps.store,
      { merchantId: subscription.merchant_id, mode: subscription.mode, eventType: 'subscription.update', object: wireSubscription(deps.store, subscription) },
      now,
    );
    return { subscription, transaction };
  });
}
