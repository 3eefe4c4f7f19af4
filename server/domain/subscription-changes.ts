import { ApiError, badRequest, notFound } from '../errors.js';
import { iso } from '../clock.js';
import type { Merchant, Product, Subscription, Transaction } from '../store/schema.js';
import type { Tx } from '../store/store.js';
import { wireSubscription } from '../wire/subscription.js';
import { recordEvent } from './events.js';
import { inScope, type Scope } from './scope.js';
import { prorate, type Proration, type UpdateBehavior } from './proration.js';
import { grossOf, recordPayment, taxOn, TAX_RATE } from './payments.js';
import { applyRefund, refundableAmount } from './refunds.js';
import { getSubscription, type DomainDeps } from './subscriptions.js';
import type { ChangePreview as WireChangePreview } from '../../widget/portal-api.js';

export interface ChangeInput {
  productId?: string;
  units?: number;
  behavior?: UpdateBehavior;
}

/** The portal's preview (widget/portal-api.ts), with the product as the stored record. */
export type ChangePreview = Omit<WireChangePreview, 'product'> & { product: Product };

interface Plan {
  sub: Subscription;
  oldProduct: Product;
  product: Product;
  units: number;
  proration: Proration;
}

/** The money a plan moves today, as previewed and as settled: the two are computed here, once. */
interface Money {
  charge: number;
  credit: number;
  net: number;
  tax: number;
  /** With tax; positive is charged, negative is refunded to the card. */
  total: number;
  /** Where a refund comes from, newest payment first. */
  refunds: { payment: Transaction; amount: number }[];
}

/**
 * What a downgrade may refund from: this subscription's payments for the CURRENT period (the period
 * payment and this period's proration charges, `period_start` ≥ the period start), as far as they
 * are still unrefunded. Money paid for earlier periods, or already given back (e.g. a refunded
 * upgrade charge), is not there to credit again.
 */
function currentPeriodPayments(deps: DomainDeps, sub: Subscription): Transaction[] {
  const start = Date.parse(sub.current_period_start_date);
  return deps.store
    .findBy('transactions', 'subscription_id', sub.id)
    .filter((t) => (t.status === 'paid' || t.status === 'partialRefund') && t.period_start !== null && t.period_start >= start && refundableAmount(t) > 0)
    .sort((a, b) => b.created_at - a.created_at || b.id.localeCompare(a.id));
}

/**
 * A charge is the proration plus tax. A downgrade refunds the proration credit plus its tax share,
 * capped at what the current period's payments still hold; the part beyond the cap is not owed
 * (it was never paid, or has been refunded already), so it is dropped, not kept as a credit.
 */
function moneyToday(deps: DomainDeps, plan: Plan): Money {
  const { charge, credit, net } = plan.proration;
  if (net >= 0) return { charge, credit, net, tax: taxOn(net), total: grossOf(net), refunds: [] };
  let owed = -grossOf(net);
  const refunds: Money['refunds'] = [];
  for (const payment of currentPeriodPayments(deps, plan.sub)) {
    if (owed === 0) break;
    const amount = Math.min(owed, refundableAmount(payment));
    refunds.push({ payment, amount });
    owed -= amount;
  }
  if (owed === 0) return { charge, credit, net, tax: -taxOn(-net), total: grossOf(net), refunds };
  // Capped: split the refundable total back into price and tax, and show the credit that really moves.
  const refunded = refunds.reduce((sum, r) => sum + r.amount, 0);
  const netAbs = Math.round(refunded / (1 + TAX_RATE));
  const neg = (x: number) => (x === 0 ? 0 : -x); // no -0 in the answer
  return { charge, credit: charge + netAbs, net: neg(netAbs), tax: neg(refunded - netAbs), total: neg(refunded), refunds };
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
  const money = moneyToday(deps, plan);
  return {
    currency: plan.product.currency,
    charge_today: money.charge,
    credit_today: money.credit,
    net_today: money.net,
    tax_today: money.tax,
    total_today: money.total,
    next_charge_amount: plan.product.price * plan.units,
    next_charge_total: grossOf(plan.product.price * plan.units),
    next_charge_date: sub.next_transaction_date ?? (sub.status === 'trialing' ? sub.current_period_end_date : null),
    product: plan.product,
    units: plan.units,
  };
}

/** Moves the money `moneyToday` previewed: a charge now, or refunds of the difference from this period's payments. */
function settle(tx: Tx, deps: DomainDeps, plan: Plan, now: number): { transaction: Transaction | null; sub: Subscription } {
  const { sub, product } = plan;
  const money = moneyToday(deps, plan);
  if (money.net > 0) {
    const customer = deps.store.get('customers', sub.customer_id);
    const label = `${plan.oldProduct.name} × ${sub.items[0]?.units ?? 1} → ${product.name} × ${plan.units}`;
    const t = recordPayment(tx, {
      subscription: sub,
      product,
      customer,
      amount: money.net,
      periodStart: now,
      periodEnd: Date.parse(sub.current_period_end_date),
      description: `Proration: ${label}`,
      now,
      kind: 'proration',
    });
    return { transaction: t, sub: { ...sub, last_transaction_id: t.id, last_transaction_date: iso(now) } };
  }
  let first: Transaction | null = null;
  for (const { payment, amount } of money.refunds) {
    const { transaction } = applyRefund(tx, deps.store, payment, amount, 'other', now);
    first ??= transaction;
  }
  return { transaction: first, sub };
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
