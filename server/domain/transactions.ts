import type { Transaction } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { notFound } from './errors.js';
import { inScope, type Scope } from './scope.js';

export async function getTransaction(deps: DomainDeps, scope: Scope, id: string): Promise<Transaction> {
  const t = await deps.store.get('transactions', id);
  if (!t || !inScope(scope, t)) throw notFound('Transaction');
  return t;
}

export interface TransactionFilter {
  customerId?: string;
  orderId?: string;
  productId?: string;
}

/** Newest first. Starts from the narrowest index the filter allows, so a customer's history never scans the whole merchant. */
export async function searchTransactions(deps: DomainDeps, scope: Scope, f: TransactionFilter): Promise<Transaction[]> {
  const { store } = deps;
  const base = f.orderId
    ? await store.findBy('transactions', 'order_id', f.orderId)
    : f.customerId
      ? await store.findBy('transactions', 'customer_id', f.customerId)
      : await store.findBy('transactions', 'merchant_id', scope.merchantId);
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
