import { iso } from '../clock.js';
import type { Logger } from '../log.js';
import type { Address, Customer } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { notFound, unavailable } from './errors.js';
import type { Notifier } from './notifier.js';
import type { CustomerScope } from './customer-requests.js';
import { getCustomer, normalizeEmail } from './customers.js';
import { checkEmailChangeRate, issueEmailChange, retireEmailChanges, type ConfirmedChange, type IssuedChange } from './email-change.js';

export interface BillingDeps extends DomainDeps {
  notify: Notifier;
  log: Logger;
}

export interface BillingInput {
  name?: string | null;
  country?: string;
  address?: Address | null;
  taxId?: string | null;
  /** Starts a change by link; the address on file stays until the link is followed. */
  email?: string;
}

/**
 * Saves the customer's billing details. A new email only becomes `pending_email` and a link goes
 * to it; asking for the current address again cancels a pending change.
 */
export async function updateBilling(deps: BillingDeps, scope: CustomerScope, input: BillingInput): Promise<Customer> {
  const now = deps.clock();
  const { customer, previous, codes } = await deps.store.transact(async (tx) => {
    const before = await getCustomer(tx, scope, scope.customerId);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    const changesEmail = email !== undefined && email !== before.email.toLowerCase();
    if (changesEmail) await checkEmailChangeRate(tx, before.id, now);

    let pending = before.pending_email;
    let issued: IssuedChange | null = null;
    if (changesEmail) {
      pending = email;
      issued = await issueEmailChange(tx, before, email, now);
    } else if (email !== undefined && pending !== null) {
      await retireEmailChanges(tx, before.id, now);
      pending = null;
    }
    const next: Customer = {
      ...before,
      name: input.name === undefined ? before.name : input.name,
      country: input.country ?? before.country,
      address: input.address === undefined ? before.address : input.address,
      tax_id: input.taxId === undefined ? before.tax_id : input.taxId,
      pending_email: pending,
      updated_at: iso(now),
    };
    return { customer: await tx.put('customers', next), previous: before, codes: issued };
  });
  if (codes) await mailEmailChange(deps, previous, customer, codes);
  return customer;
}

/**
 * The old address is told first, with its cancel link: if that mail cannot go out, the change is
 * called off rather than left to proceed unseen. Then the new address gets its confirmation link.
 */
async function mailEmailChange(deps: BillingDeps, before: Customer, customer: Customer, codes: IssuedChange): Promise<void> {
  const merchant = await deps.store.get('merchants', customer.merchant_id);
  if (!merchant) throw notFound('Merchant');
  const newEmail = customer.pending_email!;
  try {
    await deps.notify.emailChangeRequested({ merchant, customer: before, newEmail, cancelCode: codes.cancel });
  } catch (e) {
    deps.log.error('email change notice failed', { customer_id: customer.id, error: e instanceof Error ? e.message : String(e) });
    await deps.store.transact(async (tx) => {
      const now = deps.clock();
      await retireEmailChanges(tx, customer.id, now);
      const current = await tx.get('customers', customer.id);
      if (current && current.pending_email === newEmail) await tx.put('customers', { ...current, pending_email: null, updated_at: iso(now) });
    });
    throw unavailable('The email change could not be started because a notice could not be sent. Please try again in a moment.');
  }
  try {
    await deps.notify.emailChangeConfirmation({ merchant, customer, newEmail, confirmCode: codes.confirm });
  } catch (e) {
    // The change is saved as pending; asking again sends a new link.
    deps.log.error('email change mail failed', { customer_id: customer.id, error: e instanceof Error ? e.message : String(e) });
    throw unavailable('The confirmation email could not be sent. Please try again in a moment.');
  }
}

/** After a confirmed change: the old address learns of it and gets the undo link. A failure is logged; the change stands. */
export async function mailEmailChanged(deps: BillingDeps, change: ConfirmedChange): Promise<void> {
  const merchant = await deps.store.get('merchants', change.customer.merchant_id);
  if (!merchant) return;
  try {
    await deps.notify.emailChanged({ merchant, customer: change.customer, previous: change.previous, cancelCode: change.cancel });
  } catch (e) {
    deps.log.error('email changed notice failed', { customer_id: change.customer.id, error: e instanceof Error ? e.message : String(e) });
  }
}
