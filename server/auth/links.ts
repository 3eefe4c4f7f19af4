import type { AppDeps } from '../env.js';
import type { Customer, Merchant } from '../store/schema.js';
import { maskEmail } from '../domain/email-change.js';
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

export interface SignInPreview {
  merchant: Merchant;
  customer: Customer;
  /** The address the code signs in as, masked (`a***@example.com`): enough to notice a stranger's account. */
  emailHint: string;
}

/**
 * Who a live sign-in code would sign in, without spending it: what the customer confirms before
 * Continue. A page elsewhere may send a visitor to a link for the attacker's own account (login
 * CSRF), and mail scanners run scripts; naming the account and waiting for a click stops both.
 */
export async function previewSignIn(deps: Pick<AppDeps, 'store' | 'clock' | 'customers'>, code: string): Promise<SignInPreview | undefined> {
  const { check, merchant, customer } = await lookupLink(deps, code, ['magic_link', 'portal_link']);
  if (!check.ok || !merchant || !customer) return undefined;
  return { merchant, customer, emailHint: maskEmail(customer.email) };
}
