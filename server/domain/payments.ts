import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { Tx } from '../store/interface.js';
import type { Customer, Order, PaymentKind, Product, Subscription, Transaction } from '../store/schema.js';

/** Sales tax added on top of the price (tax-exclusive), the same flat rate the demo history uses. */
export const TAX_RATE = 0.2;
export const taxOn = (amount: number) => Math.round(amount * TAX_RATE);
/** A signed amount before tax → the same with tax added, as it is charged or refunded. */
export const grossOf = (net: number) => Math.sign(net) * (Math.abs(net) + taxOn(Math.abs(net)));

export interface PaymentInput {
  subscription: Subscription;
  product: Product;
  customer: Customer | undefined;
  /** Cents before tax and discount. */
  amount: number;
  /** Cents off `amount` (a discount code), before tax. */
  discount?: number;
  periodStart: number;
  periodEnd: number;
  description: string;
  now: number;
  /** A whole period (renewals) or a mid-period change; default `period`. */
  kind?: PaymentKind;
}

/** A payment for a whole period; records from before `kind` existed are period payments. */
export const isPeriodPayment = (t: Transaction) => (t.kind ?? 'period') === 'period';

/** An order of `product` for `owner`, paid (every charge succeeds here); a trial's has no transaction. */
export function putOrder(
  tx: Tx,
  owner: Pick<Order, 'merchant_id' | 'mode' | 'customer_id'>,
  product: Product,
  order: Pick<Order, 'id' | 'transaction_id' | 'amount' | 'type'>,
  now: number,
): Promise<Order> {
  const { merchant_id, mode, customer_id } = owner;
  return tx.put('orders', { ...order, merchant_id, mode, customer_id, product_id: product.id, currency: product.currency, status: 'paid', created_at: iso(now), updated_at: iso(now) });
}

/**
 * Writes a paid transaction and its order (what the customer bought) in the caller's commit. There
 * is no real card network here: every charge succeeds, which is what a test-mode merchant expects.
 */
export async function recordPayment(tx: Tx, input: PaymentInput): Promise<Transaction> {
  const { subscription: sub, product, amount, now } = input;
  const discount = input.discount ?? 0;
  const tax = taxOn(amount - discount);
  const transactionId = newId('tran');
  const orderId = newId('ord');
  await putOrder(tx, sub, product, { id: orderId, transaction_id: transactionId, amount, type: 'recurring' }, now);
  return tx.put('transactions', {
    id: transactionId,
    merchant_id: sub.merchant_id,
    mode: sub.mode,
    customer_id: sub.customer_id,
    subscription_id: sub.id,
    product_id: product.id,
    order_id: orderId,
    amount,
    amount_paid: amount - discount + tax,
    discount_amount: discount,
    tax_amount: tax,
    tax_country: input.customer?.country ?? null,
    refunded_amount: 0,
    currency: product.currency,
    status: 'paid',
    type: 'invoice',
    description: input.description,
    kind: input.kind ?? 'period',
    period_start: input.periodStart,
    period_end: input.periodEnd,
    created_at: now,
  });
}
