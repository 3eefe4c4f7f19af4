import type { CustomerEntity, ProductEntity, SubscriptionEntity, TransactionEntity } from 'creem/models/components';
import { BILLING_PERIODS, CURRENCIES, SUBSCRIPTION_STATUSES, TRANSACTION_STATUSES } from '../../contract/values.js';
import type { Customer, Merchant, Product, Subscription, SubscriptionNote, Transaction } from '../store/schema.js';
import { addPeriod } from '../domain/periods.js';

/**
 * Creem's objects, as the SDK returns them, in the shape of this server's records: the same rules
 * (state machine, proration, refund policy) and the same wire formatting then serve companion mode.
 * Fields Creem does not have are left empty; what only this server knows (who paused, the cancel
 * reason) comes from its own notes.
 */
const iso = (d: Date | undefined | null) => (d ? d.toISOString() : null);
const pick = <T extends string>(values: readonly T[], v: string, fallback: T): T => ((values as readonly string[]).includes(v) ? (v as T) : fallback);
const idOf = (x: { id: string } | string) => (typeof x === 'string' ? x : x.id);

export function customerRecord(c: CustomerEntity, merchant: Merchant): Customer {
  return {
    id: c.id,
    merchant_id: merchant.id,
    mode: c.mode === 'prod' ? 'prod' : 'test',
    email: c.email.toLowerCase(),
    name: c.name ?? null,
    country: c.country ?? null,
    address: null,
    tax_id: null,
    locale: null,
    metadata: (c.metadata ?? {}) as Customer['metadata'],
    payment_method: null,
    pending_email: null,
    external_id: c.externalId ?? null,
    created_at: iso(c.createdAt)!,
    updated_at: iso(c.updatedAt)!,
  };
}

export function productRecord(p: ProductEntity, merchant: Merchant): Product {
  return {
    id: p.id,
    merchant_id: merchant.id,
    mode: p.mode === 'prod' ? 'prod' : 'test',
    name: p.name,
    description: p.description || null,
    price: p.price,
    currency: pick(CURRENCIES, p.currency.toUpperCase(), 'USD'),
    billing_type: p.billingType === 'onetime' ? 'onetime' : 'recurring',
    billing_period: pick(BILLING_PERIODS, p.billingPeriod, 'every-month'),
    // Creem's product has no price id; a seat change names the subscription item instead.
    price_id: '',
    status: p.status === 'archived' ? 'archived' : 'active',
    tax_mode: p.taxMode === 'inclusive' ? 'inclusive' : 'exclusive',
    tax_category: p.taxCategory,
    image_url: p.imageUrl ?? null,
    default_success_url: p.defaultSuccessUrl ?? null,
    created_at: iso(p.createdAt)!,
    updated_at: iso(p.updatedAt)!,
  };
}

export function subscriptionRecord(s: SubscriptionEntity, merchant: Merchant, note: SubscriptionNote | undefined): Subscription {
  const productId = idOf(s.product);
  const start = iso(s.currentPeriodStartDate) ?? iso(s.createdAt)!;
  const end = iso(s.currentPeriodEndDate) ?? start;
  const status = pick(SUBSCRIPTION_STATUSES, s.status, 'active');
  return {
    id: s.id,
    merchant_id: merchant.id,
    mode: s.mode === 'prod' ? 'prod' : 'test',
    customer_id: idOf(s.customer),
    product_id: productId,
    status,
    items: (s.items ?? []).map((i) => ({
      id: i.id,
      product_id: i.productId ?? productId,
      price_id: i.priceId ?? '',
      units: i.units ?? 1,
      created_at: iso(s.createdAt)!,
      updated_at: iso(s.updatedAt)!,
    })),
    current_period_start_date: start,
    current_period_end_date: end,
    next_transaction_date: iso(s.nextTransactionDate),
    last_transaction_id: s.lastTransactionId ?? null,
    last_transaction_date: iso(s.lastTransactionDate),
    trial_end_date: status === 'trialing' ? end : null,
    canceled_at: iso(s.canceledAt),
    scheduled_action: status === 'scheduled_cancel' ? 'cancel' : null,
    // Creem does not say who paused: only a pause made here by the customer is theirs to undo.
    paused_by: status === 'paused' && note?.paused_by === 'customer' ? 'customer' : 'merchant',
    cancel_reason: note?.cancel_reason ?? null,
    cancel_comment: note?.cancel_comment ?? null,
    metadata: (s.metadata ?? {}) as Subscription['metadata'],
    created_at: iso(s.createdAt)!,
    updated_at: iso(s.updatedAt)!,
  };
}

/**
 * A payment. Creem does not mark a mid-period change charge; a payment that covers less than a
 * whole billing period of its subscription's product is one (the refund policy treats it apart).
 */
export function transactionRecord(t: TransactionEntity, merchant: Merchant, productOf: (subscriptionId: string) => Product | undefined): Transaction {
  const product = t.subscription ? productOf(t.subscription) : undefined;
  const whole = product && t.periodStart !== undefined && t.periodEnd !== undefined ? addPeriod(t.periodStart, product.billing_period) <= t.periodEnd + 60_000 : true;
  return {
    id: t.id,
    merchant_id: merchant.id,
    mode: t.mode === 'prod' ? 'prod' : 'test',
    customer_id: t.customer ?? '',
    subscription_id: t.subscription ?? null,
    product_id: product?.id ?? '',
    order_id: t.order ?? '',
    amount: t.amount,
    amount_paid: t.amountPaid ?? t.amount,
    discount_amount: t.discountAmount ?? 0,
    tax_amount: t.taxAmount ?? 0,
    tax_country: t.taxCountry ?? null,
    refunded_amount: t.refundedAmount ?? 0,
    currency: pick(CURRENCIES, t.currency.toUpperCase(), 'USD'),
    status: pick(TRANSACTION_STATUSES, t.status, 'pending'),
    type: t.type === 'payment' ? 'payment' : 'invoice',
    description: t.description ?? null,
    kind: whole ? 'period' : 'proration',
    period_start: t.periodStart ?? null,
    period_end: t.periodEnd ?? null,
    created_at: t.createdAt,
  };
}
