import type { Customer, Merchant } from '../store/schema.js';
import type { DomainDeps } from './deps.js';

/** The merchant by id, or undefined: sign-in pages show a neutral page for an unknown one. */
export const findMerchant = (deps: DomainDeps, id: string): Promise<Merchant | undefined> => deps.store.get('merchants', id);

/** A customer by id without a scope: only for pages that already proved who they serve (a code, a session). */
export const findCustomerById = (deps: DomainDeps, id: string): Promise<Customer | undefined> => deps.store.get('customers', id);
