import type { Store } from '../store/store.js';
import type { Merchant, Product } from '../store/schema.js';
import type { Scope } from './scope.js';

/** Products a customer of this merchant may switch to: the allow-list, or every active recurring product. */
export function switchablePlans(store: Pick<Store, 'findBy'>, merchant: Merchant, scope: Scope): Product[] {
  if (!merchant.settings.allow_plan_switch) return [];
  const allow = merchant.settings.switchable_product_ids;
  return store
    .findBy('products', 'merchant_id', merchant.id)
    .filter((p) => p.mode === scope.mode && p.status === 'active' && p.billing_type === 'recurring')
    .filter((p) => allow.length === 0 || allow.includes(p.id));
}
