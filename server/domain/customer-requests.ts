import { iso } from '../clock.js';
import { newId, newReference } from '../ids.js';
import type { Logger } from '../log.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { Customer, CustomerRequest, Merchant, Transaction } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { conflict, notFound, rateLimited } from './errors.js';
import { recordEvent } from './events.js';
import type { Notifier } from './notifier.js';
import { inScope, type Scope } from './scope.js';

/**
 * What a customer asks the merchant for from the portal: support, an invoice, a refund. Each is a
 * `customer_requests` record plus a webhook event (see portal-events.md) written in one commit,
 * then a mail to the merchant's support address.
 */
export interface RequestDeps extends DomainDeps {
  notify: Notifier;
  log: Logger;
}

export type CustomerScope = Scope & { customerId: string };

/** A retry of the same request within this window answers with the first one instead of a duplicate. */
export const REPLAY_WINDOW_MS = 10 * 60_000;

/**
 * Each support or invoice request mails the merchant, so a customer (or a stolen token) gets a
 * small budget of them per window; beyond it the answer is "rate limited" and nothing is stored or sent.
 */
export const REQUEST_BUDGET = 5;
export const REQUEST_BUDGET_WINDOW_MS = 10 * 60_000;

const PREFIX: Record<CustomerRequest['kind'], string> = { support: 'SUP', invoice: 'INV', refund: 'REF' };
export const REQUEST_EVENT: Record<CustomerRequest['kind'], string> = {
  support: 'support.requested',
  invoice: 'invoice.requested',
  refund: 'refund.requested',
};

export async function customerTransaction(r: StoreReader, scope: CustomerScope, id: string): Promise<Transaction> {
  const t = await r.get('transactions', id);
  if (!t || !inScope(scope, t)) throw notFound('Transaction');
  return t;
}

/** The customer's payments, newest first. */
export async function listCustomerTransactions(r: StoreReader, scope: CustomerScope): Promise<Transaction[]> {
  return (await r.findBy('transactions', 'customer_id', scope.customerId)).filter((t) => inScope(scope, t)).sort((a, b) => b.created_at - a.created_at);
}

export interface Filed {
  request: CustomerRequest;
  /** True when this answered a retry with the request filed before; nothing new was stored or sent. */
  replayed: boolean;
}

/** Who a request is from and to: the merchant and the customer as whichever backend knows them. */
export interface RequestParty {
  merchant: Merchant;
  customer: Pick<Customer, 'id' | 'email' | 'name'>;
}

/** The webhook object for a request: what the merchant's backend needs to act on it. */
export function wireCustomerRequest(q: CustomerRequest, customer: RequestParty['customer']) {
  return {
    id: q.id,
    object: 'customer_request',
    mode: q.mode,
    kind: q.kind,
    reference: q.reference,
    status: q.status,
    customer: { id: customer.id, email: customer.email, name: customer.name },
    transaction_id: q.transaction_id,
    fields: q.fields,
    created_at: q.created_at,
  };
}

/** Stores a request and its event in the caller's transaction, after every check. */
export async function putRequest(
  tx: Tx,
  scope: CustomerScope,
  input: { kind: CustomerRequest['kind']; transactionId: string | null; status: CustomerRequest['status']; fields: Record<string, string> },
  customer: RequestParty['customer'],
  now: number,
): Promise<CustomerRequest> {
  const request = await tx.put('customer_requests', {
    id: newId('req'),
    merchant_id: scope.merchantId,
    mode: scope.mode,
    kind: input.kind,
    reference: newReference(PREFIX[input.kind]),
    customer_id: scope.customerId,
    transaction_id: input.transactionId,
    status: input.status,
    fields: input.fields,
    created_at: iso(now),
  });
  await recordEvent(tx, { merchantId: scope.merchantId, mode: scope.mode, eventType: REQUEST_EVENT[input.kind], object: wireCustomerRequest(request, customer) }, now);
  return request;
}

/**
 * Holds a request's place before something outside this store is asked to act on it (companion
 * mode: Creem refunds a payment): a concurrent request for the same payment then finds it and is
 * refused. Its event waits for `settleRequest`, once the outcome is known.
 */
export async function claimRequest(tx: Tx, scope: CustomerScope, input: { kind: CustomerRequest['kind']; transactionId: string | null; fields: Record<string, string> }, now: number) {
  return tx.put('customer_requests', {
    id: newId('req'),
    merchant_id: scope.merchantId,
    mode: scope.mode,
    kind: input.kind,
    reference: newReference(PREFIX[input.kind]),
    customer_id: scope.customerId,
    transaction_id: input.transactionId,
    status: 'pending',
    fields: input.fields,
    created_at: iso(now),
  });
}

/** A claimed request's outcome, and the event that tells the merchant of it, in one commit. */
export async function settleRequest(tx: Tx, claim: CustomerRequest, status: CustomerRequest['status'], fields: Record<string, string>, customer: RequestParty['customer'], now: number) {
  const request = await tx.put('customer_requests', { ...claim, status, fields });
  await recordEvent(tx, { merchantId: claim.merchant_id, mode: claim.mode, eventType: REQUEST_EVENT[claim.kind], object: wireCustomerRequest(request, customer) }, now);
  return request;
}

/** Refuses (with when to try again: as the oldest counted request leaves the window) once the budget is spent. */
function checkBudget(requests: CustomerRequest[], scope: CustomerScope, now: number): void {
  const recent = requests
    .filter((r) => inScope(scope, r) && (r.kind === 'support' || r.kind === 'invoice') && now - Date.parse(r.created_at) < REQUEST_BUDGET_WINDOW_MS)
    .map((r) => Date.parse(r.created_at))
    .sort((a, b) => a - b);
  if (recent.length < REQUEST_BUDGET) return;
  const freeAt = recent[recent.length - REQUEST_BUDGET] + REQUEST_BUDGET_WINDOW_MS;
  const seconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
  throw rateLimited(`Too many support and invoice requests in a short time; please try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
}

/** The same open request from the same customer a moment ago: a retried POST, not a new question. */
function findReplay(requests: CustomerRequest[], scope: CustomerScope, kind: CustomerRequest['kind'], transactionId: string | null, fields: Record<string, string>, now: number) {
  // Compared by key, not by serialisation: a store may keep an object's keys in an order of its own.
  const same = sameFields(fields);
  return requests.find(
    (r) =>
      inScope(scope, r) &&
      r.kind === kind &&
      r.transaction_id === transactionId &&
      r.status === 'open' &&
      now - Date.parse(r.created_at) <= REPLAY_WINDOW_MS &&
      same(r.fields),
  );
}

function sameFields(a: Record<string, string>) {
  const keys = Object.keys(a);
  return (b: Record<string, string>) => Object.keys(b).length === keys.length && keys.every((k) => b[k] === a[k]);
}

/**
 * Files a support or invoice request about `transaction` (already checked to be the customer's, by
 * whichever backend holds it). A retry within minutes answers with the first request; past the
 * budget it is refused; otherwise stored with its event, then mailed to the merchant.
 */
export async function fileRequest(
  deps: RequestDeps,
  scope: CustomerScope,
  party: RequestParty,
  kind: 'support' | 'invoice',
  transaction: Transaction | null,
  fields: Record<string, string>,
): Promise<Filed> {
  const now = deps.clock();
  const transactionId = transaction?.id ?? null;
  const filed = await deps.store.transact(async (tx): Promise<Filed> => {
    const requests = await tx.findBy('customer_requests', 'customer_id', scope.customerId);
    const earlier = findReplay(requests, scope, kind, transactionId, fields, now);
    if (earlier) return { request: earlier, replayed: true };
    checkBudget(requests, scope, now);
    return { request: await putRequest(tx, scope, { kind, transactionId, status: 'open', fields }, party.customer, now), replayed: false };
  });
  if (!filed.replayed) await tellMerchant(deps, party, filed.request, transaction ?? undefined);
  return filed;
}

export interface SupportInput {
  subject: string;
  message: string;
  transactionId?: string;
}

export const supportFields = (input: SupportInput) => ({ subject: input.subject, message: input.message });

/** The merchant and customer from this server's store (standalone mode). */
export async function localParty(deps: DomainDeps, scope: CustomerScope): Promise<RequestParty> {
  const [merchant, customer] = await Promise.all([deps.store.get('merchants', scope.merchantId), deps.store.get('customers', scope.customerId)]);
  if (!merchant || !customer || !inScope({ merchantId: scope.merchantId, mode: scope.mode }, customer)) throw notFound('Customer');
  return { merchant, customer };
}

export async function requestSupport(deps: RequestDeps, scope: CustomerScope, input: SupportInput): Promise<Filed> {
  const transaction = input.transactionId ? await customerTransaction(deps.store, scope, input.transactionId) : null;
  return fileRequest(deps, scope, await localParty(deps, scope), 'support', transaction, supportFields(input));
}

export interface InvoiceInput {
  transactionId: string;
  companyName: string;
  address: string;
  taxId?: string;
}

const INVOICEABLE: Transaction['status'][] = ['paid', 'partialRefund', 'refunded'];

/** The fields of an invoice request for `t`, refused for a payment that did not complete. */
export function invoiceFields(t: Transaction, input: InvoiceInput): Record<string, string> {
  if (!INVOICEABLE.includes(t.status)) throw conflict(`Payment ${t.id} is ${t.status}; an invoice is only issued for a completed payment.`);
  const fields: Record<string, string> = { company_name: input.companyName, address: input.address };
  if (input.taxId) fields.tax_id = input.taxId;
  return fields;
}

export async function requestInvoice(deps: RequestDeps, scope: CustomerScope, input: InvoiceInput): Promise<Filed> {
  const t = await customerTransaction(deps.store, scope, input.transactionId);
  return fileRequest(deps, scope, await localParty(deps, scope), 'invoice', t, invoiceFields(t, input));
}

/**
 * Tells the merchant by mail. The request and its webhook event are already on disk, so a mail
 * failure is logged rather than turned into an error the customer would retry into a duplicate.
 */
export async function tellMerchant(deps: RequestDeps, party: RequestParty, r: CustomerRequest, transaction: Transaction | undefined): Promise<void> {
  if (!party.merchant.settings.support_email) return;
  try {
    await deps.notify.customerRequest({ merchant: party.merchant, customer: party.customer, request: r, transaction });
  } catch (e) {
    deps.log.error('request mail failed', { reference: r.reference, error: e instanceof Error ? e.message : String(e) });
  }
}
