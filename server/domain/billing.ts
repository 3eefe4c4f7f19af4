import { ApiError, notFound } from '../errors.js';
import { iso } from '../clock.js';
import type { Address, Customer, Merchant } from '../store/schema.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../log.js';
import type { CustomerScope } from './customer-requests.js';
import { changedMail, changeRequestedMail, confirmNewAddressMail } from '../mail/email-change-mails.js';
import type { RenderedMail } from '../mail/templates.js';
import { matchLocale } from '../mail/messages.js';
import type { DomainDeps } from './subscriptions.js';
import {
  checkEmailChangeRate,
  issueEmailChange,
  maskEmail,
  retireEmailChanges,
  EMAIL_CANCEL_TTL_MS,
  EMAIL_CHANGE_TTL_MS,
  type ConfirmedChange,
  type IssuedChange,
} from './email-change.js';

export interface BillingDeps extends DomainDeps {
  mailer: Mailer;
  log: Logger;
  config: { publicUrl: string };
}

/** The old address's "this wasn't me" link. */
export const emailCancelUrl = (publicUrl: string, code: string) => `${publicUrl}/portal/email/cancel/${code}`;

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
  const { customer, previous, codes } = await deps.store.transact((tx) => {
    const current = deps.store.get('customers', scope.customerId);
    if (!current || current.merchant_id !== scope.merchantId || current.mode !== scope.mode) throw notFound('Customer');
    const before = current!;
    const email = input.email?.toLowerCase();
    const changesEmail = email !== undefined && email !== before.email.toLowerCase();
    if (changesEmail) checkEmailChangeRate(deps.store, before.id, now);

    let pending = before.pending_email;
    let issued: IssuedChange | null = null;
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
    return { customer: tx.put('customers', next), previous: before, codes: issued };
  });
  if (codes) return mailEmailChange(deps, previous, customer, codes, confirmUrl(codes.confirm));
  return customer;
}

/**
 * The old address is told first, with its cancel link: if that mail cannot go out, the change is
 * called off rather than left to proceed unseen. Then the new address gets its confirmation link.
 * Both links are credentials: `sensitive` keeps them out of the data file.
 */
async function mailEmailChange(deps: BillingDeps, before: Customer, customer: Customer, codes: IssuedChange, confirmUrl: string): Promise<Customer> {
  const merchant = deps.store.get('merchants', customer.merchant_id);
  if (!merchant) return customer;
  const hours = EMAIL_CHANGE_TTL_MS / 3_600_000;
  const locale = matchLocale(customer.locale);
  const notice = changeRequestedMail({ locale, merchant, hours: EMAIL_CANCEL_TTL_MS / 3_600_000, masked: maskEmail(customer.pending_email!), url: emailCancelUrl(deps.config.publicUrl, codes.cancel) });
  try {
    await send(deps, merchant, before.email, notice);
  } catch (e) {
    deps.log.error('email change notice failed', { customer_id: customer.id, error: e instanceof Error ? e.message : String(e) });
    await deps.store.transact((tx) => {
      const now = deps.clock();
      retireEmailChanges(tx, deps.store, customer.id, now);
      const current = deps.store.get('customers', customer.id);
      if (current && current.pending_email === customer.pending_email) tx.put('customers', { ...current, pending_email: null, updated_at: iso(now) });
    });
    throw new ApiError(503, ['The email change could not be started because a notice could not be sent. Please try again in a moment.']);
  }
  try {
    await send(deps, merchant, customer.pending_email!, confirmNewAddressMail({ locale, merchant, hours, url: confirmUrl }));
  } catch (e) {
    // The change is saved as pending; asking again sends a new link.
    deps.log.error('email change mail failed', { customer_id: customer.id, error: e instanceof Error ? e.message : String(e) });
    throw new ApiError(503, ['The confirmation email could not be sent. Please try again in a moment.']);
  }
  return customer;
}

/** After a confirmed change: the old address learns of it and gets the undo link. A failure is logged; the change stands. */
export async function mailEmailChanged(deps: BillingDeps, change: ConfirmedChange): Promise<void> {
  const merchant = deps.store.get('merchants', change.customer.merchant_id);
  if (!merchant) return;
  const mail = changedMail({ locale: matchLocale(change.customer.locale), merchant, hours: EMAIL_CANCEL_TTL_MS / 3_600_000, masked: maskEmail(change.customer.email), url: emailCancelUrl(deps.config.publicUrl, change.cancel) });
  try {
    await send(deps, merchant, change.previous, mail);
  } catch (e) {
    deps.log.error('email changed notice failed', { customer_id: change.customer.id, error: e instanceof Error ? e.message : String(e) });
  }
}

function send(deps: BillingDeps, merchant: Merchant, to: string, mail: RenderedMail) {
  return deps.mailer.send({ to, ...mail, fromName: merchant.settings.brand.name, replyTo: merchant.settings.support_email ?? undefined, sensitive: true });
}
