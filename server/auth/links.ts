import type { AppDeps } from '../env.js';
import type { Customer, Merchant } from '../store/schema.js';
import { checkSignInCode, type CodeCheck, type CodeKind } from './sign-in-codes.js';

export interface LinkLookup {
  check: CodeCheck;
  /** Whose link it is, even when used or expired: the page can offer that merchant's sign-in. */
  merchant: Merchant | undefined;
  customer: Customer | undefined;
}

/** What a link's code stands for, without spending it (mail scanners and link previews open links). */
export async function lookupLink(deps: Pick<AppDeps, 'store' | 'clock' | 'customers'>, code: string, kinds: readonly CodeKind[]): Promise<LinkLookup> {
  const check = await checkSignInCode(deps.store, code, kinds, deps.clock());
  const merchant = check.record && (await deps.store.get('merchants', check.record.merchant_id));
  const customer = merchant && check.record ? await deps.customers.byId(merchant, check.record.mode, check.record.customer_id).catch(() => undefined) : undefined;
  return { check, merchant, customer };
}
