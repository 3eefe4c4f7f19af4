import { notFound } from '../errors.js';
import type { Product } from '../store/schema.js';
import { inScope, type Scope } from './scope.js';
import type { DomainDeps } from './subscriptions.js';

export function getProduct(deps: DomainDeps, scope: Scope, id: string): Product {
  const p = deps.store.get('products', id);
  if (!inScope(scope, p)) throw notFound('Product');
  return p!;
}

export function searchProducts(deps: DomainDeps, scope: Scope, filter: { status?: Product['status'] }): Product[] {
  return deps.store
    .findBy('products', 'merchant_id', scope.merchantId)
    .filter((p) => inScope(scope, p) && (!filter.status || p.status === filter.status))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}
