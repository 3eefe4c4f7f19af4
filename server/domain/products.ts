import { newId } from '../ids.js';
import type { StoreReader } from '../store/interface.js';
import type { Merchant, Product } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { iso } from '../clock.js';
import { conflict, invalid, notFound } from './errors.js';
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
    trial_period_days: null,
    updated_at: fields.created_at,
    ...fields,
  };
}

export async function getProduct(deps: Pick<DomainDeps, 'store'> | { store: StoreReader }, scope: Scope, id: string): Promise<Product> {
  const p = await deps.store.get('products', id);
  if (!p || !inScope(scope, p)) throw notFound('Product');
  return p;
}

export async function searchProducts(deps: DomainDeps, scope: Scope, filter: { status?: Product['status'] }): Promise<Product[]> {
  return (await deps.store.findBy('products', 'merchant_id', scope.merchantId))
    .filter((p) => inScope(scope, p) && (!filter.status || p.status === filter.status))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}

/** The plans offered to this merchant's customers (to switch to, or to subscribe again): the allow-list, or every active recurring product. */
export async function offeredPlans(r: StoreReader, merchant: Merchant, scope: Scope): Promise<Product[]> {
  const allow = merchant.settings.switchable_product_ids;
  return (await r.findBy('products', 'merchant_id', merchant.id))
    .filter((p) => p.mode === scope.mode && p.status === 'active' && p.billing_type === 'recurring')
    .filter((p) => allow.length === 0 || allow.includes(p.id));
}

export interface ProductInput {
  name: string;
  description: string | null;
  price: number;
  currency: Product['currency'];
  billingType: Product['billing_type'];
  billingPeriod: Product['billing_period'];
  taxMode?: Product['tax_mode'];
  taxCategory?: string;
  imageUrl?: string | null;
  defaultSuccessUrl?: string | null;
  trialPeriodDays?: number | null;
}

/** What sets a product's terms of sale: fixed once somebody subscribed on them. */
const TERMS = ['currency', 'billing_type', 'billing_period'] as const;

function checkTerms(p: Pick<Product, 'billing_type' | 'billing_period' | 'trial_period_days'>) {
  if (p.billing_type === 'onetime' && p.billing_period !== 'once') throw invalid('billing_period: a one-time product is billed once');
  if (p.billing_type === 'recurring' && p.billing_period === 'once') throw invalid('billing_period: a recurring product needs a billing period');
  if (p.billing_type === 'onetime' && p.trial_period_days) throw invalid('trial_period_days: only recurring products have trials');
}

export function createProduct(deps: DomainDeps, scope: Scope, input: ProductInput): Promise<Product> {
  const now = iso(deps.clock());
  const product = newProduct({
    merchant_id: scope.merchantId,
    mode: scope.mode,
    name: input.name,
    description: input.description,
    price: input.price,
    currency: input.currency,
    billing_type: input.billingType,
    billing_period: input.billingPeriod,
    tax_mode: input.taxMode ?? 'exclusive',
    tax_category: input.taxCategory ?? 'saas',
    image_url: input.imageUrl ?? null,
    default_success_url: input.defaultSuccessUrl ?? null,
    trial_period_days: input.trialPeriodDays ?? null,
    created_at: now,
  });
  checkTerms(product);
  return deps.store.transact((tx) => tx.put('products', product));
}

export type ProductUpdate = Partial<ProductInput>;

/**
 * Changes what the merchant asked for. Name, description, images, price and tax apply from the
 * next charge; currency and billing are the terms existing subscriptions were sold on, so they
 * change only while the product has none.
 */
export function updateProduct(deps: DomainDeps, scope: Scope, id: string, input: ProductUpdate): Promise<Product> {
  const now = iso(deps.clock());
  return deps.store.transact(async (tx) => {
    const current = await getProduct({ store: tx }, scope, id);
    const next: Product = {
      ...current,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.price !== undefined ? { price: input.price } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.billingType !== undefined ? { billing_type: input.billingType } : {}),
      ...(input.billingPeriod !== undefined ? { billing_period: input.billingPeriod } : {}),
      ...(input.billingType === 'onetime' && input.billingPeriod === undefined ? { billing_period: 'once' as const } : {}),
      ...(input.taxMode !== undefined ? { tax_mode: input.taxMode } : {}),
      ...(input.taxCategory !== undefined ? { tax_category: input.taxCategory } : {}),
      ...(input.imageUrl !== undefined ? { image_url: input.imageUrl } : {}),
      ...(input.defaultSuccessUrl !== undefined ? { default_success_url: input.defaultSuccessUrl } : {}),
      ...(input.trialPeriodDays !== undefined ? { trial_period_days: input.trialPeriodDays } : {}),
      updated_at: now,
    };
    checkTerms(next);
    const changedTerms = TERMS.filter((k) => next[k] !== current[k]);
    if (changedTerms.length > 0) {
      const sold = (await tx.findBy('subscriptions', 'merchant_id', scope.merchantId)).some((s) => s.product_id === id);
      if (sold) throw conflict(`${changedTerms.join(', ')} cannot change: customers subscribed on these terms. Create a new product instead.`);
    }
    return tx.put('products', next);
  });
}

/** Archived: no longer sold or offered to switch to; existing subscriptions go on. Archiving twice changes nothing. */
export function archiveProduct(deps: DomainDeps, scope: Scope, id: string): Promise<Product> {
  const now = iso(deps.clock());
  return deps.store.transact(async (tx) => {
    const current = await getProduct({ store: tx }, scope, id);
    if (current.status === 'archived') return current;
    return tx.put('products', { ...current, status: 'archived', updated_at: now });
  });
}
