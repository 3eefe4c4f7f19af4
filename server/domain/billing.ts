import { ApiError, notFound } from '../errors.js';
import { iso } from '../clock.js';
import type { Address, Customer } from '../store/schema.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../log.js';
import type { CustomerScope } from './customer-requests.js';
import { brandedMail } from '../mail/templates.js';
import type { DomainDeps } from './subscriptions.js';
import { checkEmailChangeRate, issueEmailChange, retireEmailChanges, EMAIL_CHANGE_TTL_MS } from './email-change.js';

export interface BillingDeps extends DomainDeps {
  mailer: Mailer;
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
export async function updateBilling(deps: BillingDeps, scope: CustomerScope, input: BillingInput, confirmUrl: (code: string) => string): Promise<Customer> {
  const now = deps.clock();
  const { customer, code } = await deps.store.transact((tx) => {
    const current = deps.store.get('customers', scope.customerId);
    if (!current || current.merchant_id !== scope.merchantId || current.mode !== scope.mode) throw notFound('Customer');
    const before = current!;
    const email = input.email?.toLowerCase();
    const changesEmail = email !== undefined && email !== before.email.toLowerCase();
    if (changesEmail) checkEmailChangeRate(deps.store, before.id, now);

    let pending = before.pending_email;
    let issued: string | null = null;
    if (changesEmail) {
      pending = email;
      issued = issueEmailChange(tx, deps.store, before, email, now);
    } else if (email !== undefined && pending !== null) {
      retireEmailChanges(tx, deps.store, before.id, now);
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
    return { customer: tx.put('customers', next), code: issued };
  });
  if (code) await mailConfirmation(deps, customer, confirmUrl(code));
  return customer;
}

async function mailConfirmation(deps: BillingDeps, customer: Customer, url: string): Promise<void> {
  const merchant = deps.store.get('merchants', customer.merchant_id);
  if (!merchant) return;
  const brand = merchant.settings.brand.name;
  // English only for now: these texts are not in the sign-in mail catalogue yet.
  const mail = brandedMail({
    locale: 'en',
    merchant,
    subject: `Confirm your new email address for ${brand}`,
    paragraphs: [
      `Someone asked to use this address for the ${brand} account of ${customer.email}.`,
      `Confirm it within ${EMAIL_CHANGE_TTL_MS / 3_600_000} hours; until then the account keeps its current address.`,
    ],
    button: { label: 'Confirm new address', url },
    footnotes: ['If this was not you, ignore this email: nothing changes.'],
  });
  try {
    // The link signs a change in: keep it out of the data file, like every sign-in mail.
    await deps.mailer.send({ to: customer.pending_email!, ...mail, sensitive: true });
  } catch (e) {
    // The change is saved as pending; asking again sends a new link.
    deps.log.error('email change mail failed', { customer_id: customer.id, error: e instanceof Error ? e.message : String(e) });
    throw new ApiError(503, ['The confirmation email could not be sent. Please try again in a moment.']);
  }
}
