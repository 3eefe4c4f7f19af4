import { newId } from '../ids.js';
import type { StoreReader } from '../store/interface.js';
import type { Merchant, Product } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { notFound } from './errors.js';
import { inScope, type Scope } from './scope.js';

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

export async function getProduct(deps: DomainDeps, scope: Scope, id: string): Promise<Product> {
  const p = await deps.store.get('products', id);
  if (!p || !inScope(scope, p)) throw notFound('Product');
  return p;
}

export async function searchProducts(deps: DomainDeps, scope: Scope, filter: { status?: Product['status'] }): Promise<Product[]> {
  return (await deps.store.findBy('products', 'merchant_id', scope.merchantId))
    .filter((p) => inScope(scope, p) && (!filter.status || p.status === filter.status))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}

/** Products a customer of this merchant may switch to: the allow-list, or every active recurring product. */
export async function switchablePlans(r: StoreReader, merchant: Merchant, scope: Scope): Promise<Product[]> {
  if (!merchant.settings.allow_plan_switch) return [];
  const allow = merchant.settings.switchable_product_ids;
  return (await r.findBy('products', 'merchant_id', merchant.id))
    .filter((p) => p.mode === scope.mode && p.status === 'active' && p.billing_type === 'recurring')
    .filter((p) => allow.length === 0 || allow.includes(p.id));
}
