import type { StoreReader } from '../store/interface.js';
import type { Customer, CustomerRequest, Order, Product, Refund, Subscription, Transaction } from '../store/schema.js';

/**
 * A record together with the records its wire format expands (a subscription's product and
 * customer, a refund's transaction…). The domain loads them; the wire modules only format, so no
 * route ever reads the store to answer.
 */
export interface SubscriptionView {
  subscription: Subscription;
  product: Product | undefined;
  customer: Customer | undefined;
  lastTransaction: Transaction | undefined;
}

export async function subscriptionView(r: StoreReader, subscription: Subscription): Promise<SubscriptionView> {
  const [product, customer, lastTransaction] = await Promise.all([
    r.get('products', subscription.product_id),
    r.get('customers', subscription.customer_id),
    subscription.last_transaction_id ? r.get('transactions', subscription.last_transaction_id) : undefined,
  ]);
  return { subscription, product, customer, lastTransaction };
}

export const subscriptionViews = (r: StoreReader, subs: Subscription[]) => Promise.all(subs.map((s) => subscriptionView(r, s)));

export interface RefundView {
  refund: Refund;
  transaction: Transaction;
}

export async function refundView(r: StoreReader, refund: Refund): Promise<RefundView> {
  const transaction = await r.get('transactions', refund.transaction_id);
  if (!transaction) throw new Error(`Refund ${refund.id} has no transaction ${refund.transaction_id}`);
  return { refund, transaction };
}

export interface OrderView {
  order: Order;
  transaction: Transaction | undefined;
}

export const orderView = async (r: StoreReader, order: Order): Promise<OrderView> => ({
  order,
  transaction: order.transaction_id ? await r.get('transactions', order.transaction_id) : undefined,
});

/** A payment as the customer sees it: with its product's name and the latest refund request on it. */
export interface PaymentView {
  transaction: Transaction;
  productName: string | null;
  refundRequest: CustomerRequest | undefined;
}

export async function paymentView(r: StoreReader, transaction: Transaction): Promise<PaymentView> {
  const [product, requests] = await Promise.all([r.get('products', transaction.product_id), r.findBy('customer_requests', 'transaction_id', transaction.id)]);
  return { transaction, productName: product?.name ?? null, refundRequest: requests.filter((q) => q.kind === 'refund').at(-1) };
}
