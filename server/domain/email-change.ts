import { ApiError } from '../errors.js';
import { iso } from '../clock.js';
import { checkSignInCode, consumeSignInCode, createSignInCode } from '../auth/sign-in-codes.js';
import type { Customer, SignInCode } from '../store/schema.js';
import type { Store, Tx } from '../store/store.js';
import type { DomainDeps } from './subscriptions.js';

/**
 * A new email address takes effect only after its owner follows a single-use link sent to it, so
 * a stolen widget token cannot redirect a customer's sign-in mails. The codes are the sign-in
 * engineer's single-use codes (kind `email_change`, only the hash stored, the address in `data`).
 */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;
/** Confirmation mails a customer may trigger per hour: each one goes to an address they typed. */
export const EMAIL_CHANGES_PER_HOUR = 5;
const KINDS = ['email_change'] as const;

function codesOf(store: Pick<Store, 'findBy'>, customerId: string): SignInCode[] {
  return store.findBy('sign_in_codes', 'customer_id', customerId).filter((c) => c.kind === 'email_change');
}

/** Throws 429 before anything is written when the customer has asked for too many links lately. */
export function checkEmailChangeRate(store: Pick<Store, 'findBy'>, customerId: string, now: number): void {
  const recent = codesOf(store, customerId).filter((c) => now - c.created_at < 60 * 60_000).length;
  if (recent >= EMAIL_CHANGES_PER_HOUR) {
    throw new ApiError(429, ['Too many email changes in the last hour; try again later.'], { 'Retry-After': '3600' });
  }
}

/** Retires every unused link of this customer, when the pending change is called off. */
export function retireEmailChanges(tx: Tx, store: Pick<Store, 'findBy'>, customerId: string, now: number): void {
  for (const c of codesOf(store, customerId)) if (c.used_at === null) tx.put('sign_in_codes', { ...c, used_at: now });
}

/** Stores a new link for `email` (older ones stop working) and returns the plain code for the mail. */
export function issueEmailChange(tx: Tx, store: Pick<Store, 'findBy'>, customer: Customer, email: string, now: number): string {
  return createSignInCode(
    tx,
    store,
    { merchantId: customer.merchant_id, mode: customer.mode, customerId: customer.id, kind: 'email_change', ttlMs: EMAIL_CHANGE_TTL_MS, data: email },
    now,
  );
}

export interface PendingChange {
  code: SignInCode;
  customer: Customer;
}

/** The live change a code stands for, or null when it is unknown, used, expired or superseded. Spends nothing. */
export function findEmailChange(store: Pick<Store, 'findOneBy' | 'get'>, code: string, now: number): PendingChange | null {
  const check = checkSignInCode(store, code, KINDS, now);
  if (!check.ok) return null;
  const customer = store.get('customers', check.record.customer_id);
  if (!customer || customer.pending_email === null || customer.pending_email !== check.record.data) return null;
  return { code: check.record, customer };
}

/** Applies the change a code stands for, once; a second confirm of the same code gets 404. */
export function confirmEmailChange(deps: DomainDeps, code: string): Promise<Customer> {
  const now = deps.clock();
  return deps.store.transact((tx) => {
    const live = findEmailChange(deps.store, code, now);
    if (!live) throw new ApiError(404, ['This confirmation link is invalid, expired or already used.']);
    const email = live.customer.pending_email!;
    const taken = deps.store
      .findBy('customers', 'email', email)
      .some((c) => c.id !== live.customer.id && c.merchant_id === live.customer.merchant_id && c.mode === live.customer.mode);
    if (taken) throw new ApiError(409, [`${email} is already used by another account with this merchant.`]);
    consumeSignInCode(tx, deps.store, code, KINDS, now);
    return tx.put('customers', { ...live.customer, email, pending_email: null, updated_at: iso(now) });
  });
}
