import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { Product } from '../store/schema.js';
import { inScope, type Scope } from './scope.js';
import type { DomainDeps } from './subscriptions.js';

/** A new active, recurring, tax-exclusive product record with its own price id. */
export function newProduct(
  fields: Pick<Product, 'merchant_id' | 'mode' | 'name' | 'price' | 'currency' | 'billing_period' | 'created_at'> & Partial<Product>,
): Product {
  return {
    id: newId('prod'),
    description: null,
    billing_type: 'recurring',
    price_id: newId('pprice'),
    status: 'active',
    tax_mode: 'exclusive',
    tax_category: 'saas',
    image_url: null,
    default_success_url: null,
    updated_at: fields.created_at,
    ...fields,
  };
}

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
