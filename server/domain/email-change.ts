import { iso } from '../clock.js';
import { checkSignInCode, consumeSignInCode, createSignInCode } from '../auth/sign-in-codes.js';
import { revokeCustomerTokens } from '../auth/revocations.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { Customer, SignInCode } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { conflict, notFound, rateLimited } from './errors.js';

/**
 * A new email address takes effect only after its owner follows a single-use link sent to it, so
 * a stolen widget token cannot redirect a customer's sign-in mails unseen. The old address is told
 * at once and gets its own single-use "this wasn't me" link, which calls the change off — or, once
 * confirmed, undoes it — and signs out every token and session of the customer. The codes are the
 * sign-in single-use codes (only the hash stored): kind `email_change` (the new address in
 * `data`) and kind `email_change_cancel` (`{from, to}` in `data`).
 */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;
/** How long the old address may call off or undo a change. */
export const EMAIL_CANCEL_TTL_MS = 24 * 60 * 60_000;
/** Confirmation mails a customer may trigger per hour: each one goes to an address they typed. */
export const EMAIL_CHANGES_PER_HOUR = 5;
const KINDS = ['email_change'] as const;
const CANCEL_KINDS = ['email_change_cancel'] as const;

async function codesOf(r: StoreReader, customerId: string, kind: SignInCode['kind'] = 'email_change'): Promise<SignInCode[]> {
  return (await r.findBy('sign_in_codes', 'customer_id', customerId)).filter((c) => c.kind === kind);
}

/** `n***@example.com`: enough for the owner to recognise, not enough to hand out an address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/** Refuses before anything is written when the customer has asked for too many links lately. */
export async function checkEmailChangeRate(r: StoreReader, customerId: string, now: number): Promise<void> {
  const recent = (await codesOf(r, customerId)).filter((c) => now - c.created_at < 60 * 60_000).length;
  if (recent >= EMAIL_CHANGES_PER_HOUR) throw rateLimited('Too many email changes in the last hour; try again later.', 3600);
}

/** Retires every unused confirm and cancel link of this customer, when the pending change is called off. */
export async function retireEmailChanges(tx: Tx, customerId: string, now: number): Promise<void> {
  for (const kind of ['email_change', 'email_change_cancel'] as const) {
    for (const c of await codesOf(tx, customerId, kind)) if (c.used_at === null) await tx.put('sign_in_codes', { ...c, used_at: now });
  }
}

function issueCancel(tx: Tx, customer: Customer, from: string, to: string, now: number): Promise<string> {
  return createSignInCode(
    tx,
    { merchantId: customer.merchant_id, mode: customer.mode, customerId: customer.id, kind: 'email_change_cancel', ttlMs: EMAIL_CANCEL_TTL_MS, data: JSON.stringify({ from, to }) },
    now,
  );
}

export interface IssuedChange {
  /** For the link mailed to the new address. */
  confirm: string;
  /** For the "this wasn't me" link mailed to the old address. */
  cancel: string;
}

/** Stores new confirm and cancel links for `email` (older ones stop working) and returns the plain codes for the mails. */
export async function issueEmailChange(tx: Tx, customer: Customer, email: string, now: number): Promise<IssuedChange> {
  const confirm = await createSignInCode(
    tx,
    { merchantId: customer.merchant_id, mode: customer.mode, customerId: customer.id, kind: 'email_change', ttlMs: EMAIL_CHANGE_TTL_MS, data: email },
    now,
  );
  return { confirm, cancel: await issueCancel(tx, customer, customer.email, email, now) };
}

export interface PendingChange {
  code: SignInCode;
  customer: Customer;
  /** The address waiting to be confirmed. */
  newEmail: string;
}

/** The live change a code stands for, or null when it is unknown, used, expired or superseded. Spends nothing. */
export async function findEmailChange(r: StoreReader, code: string, now: number): Promise<PendingChange | null> {
  const check = await checkSignInCode(r, code, KINDS, now);
  if (!check.ok) return null;
  const customer = await r.get('customers', check.record.customer_id);
  if (!customer || customer.pending_email === null || customer.pending_email !== check.record.data) return null;
  return { code: check.record, customer, newEmail: customer.pending_email };
}

export interface ConfirmedChange {
  customer: Customer;
  /** The address the account had, which is told and may undo the change. */
  previous: string;
  /** For the undo link in that mail. */
  cancel: string;
}

const takenBy = async (r: StoreReader, email: string, customer: Customer) =>
  (await r.findBy('customers', 'email', email)).some((c) => c.id !== customer.id && c.merchant_id === customer.merchant_id && c.mode === customer.mode);

/**
 * Applies the change a code stands for, once; a second confirm of the same code is "not found".
 * Every outstanding token and session of the customer ends: whoever asked for the change with a
 * stolen token keeps nothing, and the owner signs in again with the new address.
 */
export function confirmEmailChange(deps: DomainDeps, code: string): Promise<ConfirmedChange> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const live = await findEmailChange(tx, code, now);
    if (!live) throw notFound('Email change');
    if (await takenBy(tx, live.newEmail, live.customer)) throw conflict(`${live.newEmail} is already used by another account with this merchant.`);
    await consumeSignInCode(tx, code, KINDS, now);
    const customer = await tx.put('customers', { ...live.customer, email: live.newEmail, pending_email: null, updated_at: iso(now) });
    await revokeCustomerTokens(tx, customer.merchant_id, customer.id, now);
    const cancel = await issueCancel(tx, customer, live.customer.email, live.newEmail, now);
    return { customer, previous: live.customer.email, cancel };
  });
}

export interface CancelableChange {
  code: SignInCode;
  customer: Customer;
  from: string;
  to: string;
  /** Already confirmed: cancelling puts the old address back. */
  applied: boolean;
}

function parseCancelData(data: string | null): { from: string; to: string } | null {
  try {
    const parsed = JSON.parse(data ?? '') as { from?: unknown; to?: unknown };
    return typeof parsed.from === 'string' && typeof parsed.to === 'string' ? { from: parsed.from, to: parsed.to } : null;
  } catch {
    return null;
  }
}

/** The change a cancel code can still stop or undo, or null. Spends nothing. */
export async function findEmailCancel(r: StoreReader, code: string, now: number): Promise<CancelableChange | null> {
  const check = await checkSignInCode(r, code, CANCEL_KINDS, now);
  if (!check.ok) return null;
  const data = parseCancelData(check.record.data);
  const customer = await r.get('customers', check.record.customer_id);
  if (!data || !customer) return null;
  if (customer.pending_email === data.to) return { code: check.record, customer, ...data, applied: false };
  if (customer.email === data.to) return { code: check.record, customer, ...data, applied: true };
  return null;
}

/**
 * "This wasn't me", from the old address: a pending change is called off (its confirmation link
 * dies), a confirmed one is undone, and every outstanding token, session and sign-in link of the
 * customer ends. The cancel link works once.
 */
export function cancelEmailChange(deps: DomainDeps, code: string): Promise<Customer> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const live = await findEmailCancel(tx, code, now);
    if (!live) throw notFound('Email change');
    // Undo only onto an address nobody else took meanwhile; the sign-out below happens either way.
    const taken = await takenBy(tx, live.from, live.customer);
    await consumeSignInCode(tx, code, CANCEL_KINDS, now);
    await retireEmailChanges(tx, live.customer.id, now);
    const customer = await tx.put('customers', {
      ...live.customer,
      email: live.applied && !taken ? live.from : live.customer.email,
      pending_email: null,
      updated_at: iso(now),
    });
    await revokeCustomerTokens(tx, customer.merchant_id, customer.id, now);
    return customer;
  });
}

/** For the confirm page: the change a code stands for, now. */
export const lookupEmailChange = (deps: DomainDeps, code: string) => findEmailChange(deps.store, code, deps.clock());
/** For the cancel page: the change a cancel code can still stop or undo, now. */
export const lookupEmailCancel = (deps: DomainDeps, code: string) => findEmailCancel(deps.store, code, deps.clock());
