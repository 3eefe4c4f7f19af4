import type { Merchant } from '../store/schema.js';
import type { DomainDeps } from './deps.js';

/** The merchant by id, or undefined: sign-in pages show a neutral page for an unknown one. */
export const findMerchant = (deps: DomainDeps, id: string): Promise<Merchant | undefined> => deps.store.get('merchants', id);
