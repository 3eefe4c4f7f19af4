import type { Product } from '../store/schema.js';

/** Creem's ProductEntity. `description` is a required string there, so a missing one is sent as "". */
export function wireProduct(p: Product) {
  return {
    id: p.id,
    mode: p.mode,
    object: 'product',
    name: p.name,
    description: p.description ?? '',
    ...(p.image_url ? { image_url: p.image_url } : {}),
    price: p.price,
    currency: p.currency,
    billing_type: p.billing_type,
    billing_period: p.billing_period,
    trial_period_days: p.trial_period_days ?? null,
    ...(p.license ? { features: [{ id: `feat_${p.id}`, type: 'licenseKey' as const, description: 'License key' }] } : {}),
    status: p.status,
    tax_mode: p.tax_mode,
    tax_category: p.tax_category,
    default_success_url: p.default_success_url,
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}

export type WireProduct = ReturnType<typeof wireProduct>;
