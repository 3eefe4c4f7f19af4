import { iso } from '../clock.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { Merchant, Product, Subscription, Transaction } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { conflict, invalid, notFound } from './errors.js';
import { saveSubscription } from './events.js';
import { inScope, type Scope } from './scope.js';
import { prorate, type Proration, type UpdateBehavior } from './proration.js';
import { grossOf, recordPayment, taxOn, TAX_RATE } from './payments.js';
import { applyRefund, refundableAmount } from './refunds.js';
import { getSubscription } from './subscriptions.js';
import { paymentView, subscriptionView, type PaymentView, type SubscriptionView } from './views.js';

export interface ChangeInput {
  productId?: string;
  /** Names the product by its price (`pprice_…`), as Creem's item update may. */
  priceId?: string;
  /** The subscription item to change; when given it must be the subscription's. */
  itemId?: string;
  units?: number;
  behavior?: UpdateBehavior;
}

/** A validated change: from what, to what, and its proration. */
export interface ChangePlan {
  sub: Subscription;
  oldProduct: Product;
  product: Product;
  units: number;
  proration: Proration;
}

/** What a change costs today and from the next period: the preview, and what settling it moves. */
export interface ChangeQuote {
  product: Product;
  units: number;
  /** Cents, before tax. */
  chargeToday: number;
  creditToday: number;
  netToday: number;
  taxToday: number;
  /** With tax; positive is charged, negative is refunded to the card. */
  totalToday: number;
  nextChargeAmount: number;
  nextChargeTotal: number;
  nextChargeDate: string | null;
  /** Where a refund comes from, newest payment first. */
  refunds: { payment: Transaction; amount: number }[];
}

/**
 * Checks a change of `sub` to `next` (or the same product) and `units`, and prorates it. Pure: the
 * companion backend runs it on what Creem's API returns, so its previews are these numbers too.
 */
export function planChange(sub: Subscription, oldProduct: Product, next: Product, units: number, behavior: UpdateBehavior, now: number): ChangePlan {
  if (sub.status !== 'active' && sub.status !== 'trialing') {
    throw conflict(`Subscription ${sub.id} is ${sub.status}; only active or trialing subscriptions can change plan or units.`);
  }
  if (next.id !== oldProduct.id) {
    if (next.billing_type !== 'recurring') throw invalid(`Product ${next.id} is not a subscription product.`);
    if (next.status !== 'active') throw invalid(`Product ${next.id} is archived.`);
    if (next.currency !== oldProduct.currency) throw invalid(`Product ${next.id} is billed in ${next.currency}; this subscription is billed in ${oldProduct.currency}.`);
  }
  if (!Number.isInteger(units) || units < 1) throw invalid('units must be a whole number of at least 1.');
  const oldUnits = sub.items[0]?.units ?? 1;
  if (next.id === oldProduct.id && units === oldUnits) throw invalid(`Subscription ${sub.id} already has this product and ${units} unit(s).`);
  const proration = prorate({
    oldPrice: oldProduct.price,
    oldUnits,
    newPrice: next.price,
    newUnits: units,
    periodStartMs: Date.parse(sub.current_period_start_date),
    periodEndMs: Date.parse(sub.current_period_end_date),
    nowMs: now,
    // A trial has been paid for by no one: nothing to credit, nothing to charge until it ends.
    behavior: sub.status === 'trialing' ? 'proration-none' : behavior,
  });
  return { sub, oldProduct, product: next, units, proration };
}

/**
 * What a downgrade may refund from: the subscription's payments for the CURRENT period (the period
 * payment and this period's proration charges, `period_start` ≥ the period start), as far as they
 * are still unrefunded. Money paid for earlier periods, or already given back, is not there to credit again.
 */
export function currentPeriodPayments(sub: Subscription, payments: Transaction[]): Transaction[] {
  const start = Date.parse(sub.current_period_start_date);
  return payments
    .filter((t) => (t.status === 'paid' || t.status === 'partialRefund') && t.period_start !== null && t.period_start >= start && refundableAmount(t) > 0)
    .sort((a, b) => b.created_at - a.created_at || b.id.localeCompare(a.id));
}

/**
 * A charge is the proration plus tax. A downgrade refunds the proration credit plus its tax share,
 * capped at what the current period's payments still hold; the part beyond the cap is not owed
 * (it was never paid, or has been refunded already), so it is dropped, not kept as a credit.
 */
export function quoteChange(plan: ChangePlan, payments: Transaction[]): ChangeQuote {
  const { sub, product, units } = plan;
  const { charge, credit, net } = plan.proration;
  const next = {
    product,
    units,
    nextChargeAmount: product.price * units,
    nextChargeTotal: grossOf(product.price * units),
    nextChargeDate: sub.next_transaction_date ?? (sub.status === 'trialing' ? sub.current_period_end_date : null),
  };
  if (net >= 0) return { ...next, chargeToday: charge, creditToday: credit, netToday: net, taxToday: taxOn(net), totalToday: grossOf(net), refunds: [] };
  let owed = -grossOf(net);
  const refunds: ChangeQuote['refunds'] = [];
  for (const payment of currentPeriodPayments(sub, payments)) {
    if (owed === 0) break;
    const amount = Math.min(owed, refundableAmount(payment));
    refunds.push({ payment, amount });
    owed -= amount;
  }
  if (owed === 0) return { ...next, chargeToday: charge, creditToday: credit, netToday: net, taxToday: -taxOn(-net), totalToday: grossOf(net), refunds };
  // Capped: split the refundable total back into price and tax, and show the credit that really moves.
  const refunded = refunds.reduce((sum, r) => sum + r.amount, 0);
  const netAbs = Math.round(refunded / (1 + TAX_RATE));
  const neg = (x: number) => (x === 0 ? 0 : -x); // no -0 in the answer
  return { ...next, chargeToday: charge, creditToday: charge + netAbs, netToday: neg(netAbs), taxToday: neg(refunded - netAbs), totalToday: neg(refunded), refunds };
}

/** The product a change names (by id or by price), or the current one. */
async function targetProduct(r: StoreReader, scope: Scope, current: Product, input: ChangeInput): Promise<Product> {
  let product = current;
  if (input.priceId !== undefined) {
    const byPrice = (await r.findBy('products', 'merchant_id', scope.merchantId)).find((p) => p.price_id === input.priceId && p.mode === scope.mode);
    if (!byPrice || (input.productId !== undefined && input.productId !== byPrice.id)) {
      throw invalid(`items.0.price_id: ${input.priceId} is not a price of ${input.productId ?? 'any product'}.`);
    }
    product = byPrice;
  } else if (input.productId !== undefined && input.productId !== current.id) {
    const next = await r.get('products', input.productId);
    // Products belong to the merchant, not to one customer: the scope check ignores the customer.
    if (!next || !inScope({ merchantId: scope.merchantId, mode: scope.mode }, next)) throw notFound('Product');
    product = next;
  }
  return product;
}

async function loadPlan(r: StoreReader, merchant: Merchant | undefined, scope: Scope, sub: Subscription, input: ChangeInput, now: number) {
  if (input.itemId !== undefined && input.itemId !== sub.items[0]?.id) throw invalid(`items.0.id: ${input.itemId} is not an item of subscription ${sub.id}.`);
  if (input.productId === undefined && input.priceId === undefined && input.units === undefined) throw invalid('Give a product_id or units to change.');
  const oldProduct = await r.get('products', sub.product_id);
  if (!oldProduct) throw notFound('Product');
  const product = await targetProduct(r, scope, oldProduct, input);
  const behavior = input.behavior ?? merchant?.settings.update_behavior ?? 'proration-charge-immediately';
  const plan = planChange(sub, oldProduct, product, input.units ?? sub.items[0]?.units ?? 1, behavior, now);
  return { plan, payments: await r.findBy('transactions', 'subscription_id', sub.id) };
}

/** What a change would cost today and from the next period, without changing anything. */
export async function previewSubscriptionChange(deps: DomainDeps, scope: Scope, id: string, input: ChangeInput): Promise<ChangeQuote> {
  const sub = await getSubscription(deps.store, scope, id);
  const { plan, payments } = await loadPlan(deps.store, await deps.store.get('merchants', scope.merchantId), scope, sub, input, deps.clock());
  return quoteChange(plan, payments);
}

/** Moves the money the quote shows: a charge now, or refunds of the difference from this period's payments. */
async function settle(tx: Tx, plan: ChangePlan, quote: ChangeQuote, now: number): Promise<{ transaction: Transaction | null; sub: Subscription }> {
  const { sub, product } = plan;
  if (quote.netToday > 0) {
    const label = `${plan.oldProduct.name} × ${sub.items[0]?.units ?? 1} → ${product.name} × ${plan.units}`;
    const t = await recordPayment(tx, {
      subscription: sub,
      product,
      customer: await tx.get('customers', sub.customer_id),
      amount: quote.netToday,
      periodStart: now,
      periodEnd: Date.parse(sub.current_period_end_date),
      description: `Proration: ${label}`,
      now,
      kind: 'proration',
    });
    return { transaction: t, sub: { ...sub, last_transaction_id: t.id, last_transaction_date: iso(now) } };
  }
  let first: Transaction | null = null;
  for (const { payment, amount } of quote.refunds) {
    const { transaction } = await applyRefund(tx, payment, amount, 'other', now);
    first ??= transaction;
  }
  return { transaction: first, sub };
}

export interface ChangeResult {
  subscription: SubscriptionView;
  /** The charge it made or the first refund it caused, if any money moved. */
  transaction: PaymentView | null;
}

/** Changes plan and/or units now, settles the proration, and emits `subscription.update` in the same commit. */
export async function changeSubscription(deps: DomainDeps, scope: Scope, id: string, input: ChangeInput): Promise<ChangeResult> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const current = await getSubscription(tx, scope, id);
    const { plan, payments } = await loadPlan(tx, await tx.get('merchants', scope.merchantId), scope, current, input, now);
    const { transaction, sub } = await settle(tx, plan, quoteChange(plan, payments), now);
    const item = sub.items[0];
    const items = item
      ? [{ ...item, product_id: plan.product.id, price_id: plan.product.price_id, units: plan.units, updated_at: iso(now) }, ...sub.items.slice(1)]
      : sub.items;
    const saved = await saveSubscription(tx, { ...sub, product_id: plan.product.id, items, updated_at: iso(now) }, 'subscription.update', now);
    return { subscription: await subscriptionView(tx, saved), transaction: transaction ? await paymentView(tx, transaction) : null };
  });
}
