import type { Customer } from '../store/schema.js';

/** Creem's CustomerEntity. */
export function wireCustomer(c: Customer) {
  return {
    id: c.id,
    mode: c.mode,
    object: 'customer',
    email: c.email,
    name: c.name,
    country: c.country,
    metadata: c.metadata,
    ...(c.external_id !== undefined ? { external_id: c.external_id } : {}),
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

export type WireCustomer = ReturnType<typeof wireCustomer>;
