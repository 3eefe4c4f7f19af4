import { notFound } from '../errors.js';
import type { Transaction } from '../store/schema.js';
import { inScope, type Scope } from './scope.js';
import type { DomainDeps } from './subscriptions.js';

export function getTransaction(deps: DomainDeps, scope: Scope, id: string): Transaction {
  const t = deps.store.get('transactions', id);
  if (!inScope(scope, t)) throw notFound('Transaction');
  return t!;
}

export interface TransactionFilter {
  customerId?: string;
  orderId?: string;
  productId?: string;
}

/** Newest first. Starts from the narrowest index the filter allows, so a customer's history never scans the whole merchant. */
export function searchTransactions(deps: DomainDeps, scope: Scope, f: TransactionFilter): Transaction[] {
  const { store } = deps;
  const base = f.orderId
    ? store.findBy('transactions', 'order_id', f.orderId)
    : f.customerId
      ? store.findBy('transactions', 'customer_id', f.customerId)
      : store.findBy('transactions', 'merchant_id', scope.merchantId);
  return base
    .filter(
      (t) =>
        inScope(scope, t) &&
        (!f.customerId || t.customer_id === f.customerId) &&
        (!f.orderId || t.order_id === f.orderId) &&
        (!f.productId || t.product_id === f.productId),
    )
    .sort((a, b) => b.created_at - a.created_at || a.id.localeCompare(b.id));
}
