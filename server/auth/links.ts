import type { DomainDeps } from '../domain/deps.js';
import type { Customer, Merchant } from '../store/schema.js';
import { checkSignInCode, type CodeCheck, type CodeKind } from './sign-in-codes.js';

export interface LinkLookup {
  check: CodeCheck;
  /** Whose link it is, even when used or expired: the page can offer that merchant's sign-in. */
  merchant: Merchant | undefined;
  customer: Customer | undefined;
}

/** What a link's code stands for, without spending it (mail scanners and link previews open links). */
export async function lookupLink(deps: DomainDeps, code: string, kinds: readonly CodeKind[]): Promise<LinkLookup> {
  const check = await checkSignInCode(deps.store, code, kinds, deps.clock());
  const [merchant, customer] = check.record
    ? await Promise.all([deps.store.get('merchants', check.record.merchant_id), deps.store.get('customers', check.record.customer_id)])
    : [undefined, undefined];
  return { check, merchant, customer };
}
