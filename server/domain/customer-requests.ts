import { iso } from '../clock.js';
import { newId, newReference } from '../ids.js';
import type { Logger } from '../log.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { CustomerRequest, Transaction } from '../store/schema.js';
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

/** The webhook object for a request: what the merchant's backend needs to act on it. */
export async function wireCustomerRequest(r: StoreReader, q: CustomerRequest) {
  const customer = await r.get('customers', q.customer_id);
  return {
    id: q.id,
    object: 'customer_request',
    mode: q.mode,
    kind: q.kind,
    reference: q.reference,
    status: q.status,
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name } : { id: q.customer_id },
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
  await recordEvent(tx, { merchantId: scope.merchantId, mode: scope.mode, eventType: REQUEST_EVENT[input.kind], object: await wireCustomerRequest(tx, request) }, now);
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
  const same = JSON.stringify(fields);
  return requests.find(
    (r) =>
      inScope(scope, r) &&
      r.kind === kind &&
      r.transaction_id === transactionId &&
      r.status === 'open' &&
      now - Date.parse(r.created_at) <= REPLAY_WINDOW_MS &&
      JSON.stringify(r.fields) === same,
  );
}

async function file(deps: RequestDeps, scope: CustomerScope, kind: 'support' | 'invoice', transactionId: string | null, fields: Record<string, string>): Promise<Filed> {
  const now = deps.clock();
  const filed = await deps.store.transact(async (tx): Promise<Filed> => {
    if (transactionId !== null) await customerTransaction(tx, scope, transactionId);
    const requests = await tx.findBy('customer_requests', 'customer_id', scope.customerId);
    const earlier = findReplay(requests, scope, kind, transactionId, fields, now);
    if (earlier) return { request: earlier, replayed: true };
    checkBudget(requests, scope, now);
    return { request: await putRequest(tx, scope, { kind, transactionId, status: 'open', fields }, now), replayed: false };
  });
  if (!filed.replayed) await tellMerchant(deps, filed.request);
  return filed;
}

export interface SupportInput {
  subject: string;
  message: string;
  transactionId?: string;
}

export function requestSupport(deps: RequestDeps, scope: CustomerScope, input: SupportInput): Promise<Filed> {
  return file(deps, scope, 'support', input.transactionId ?? null, { subject: input.subject, message: input.message });
}

export interface InvoiceInput {
  transactionId: string;
  companyName: string;
  address: string;
  taxId?: string;
}

const INVOICEABLE: Transaction['status'][] = ['paid', 'partialRefund', 'refunded'];

export async function requestInvoice(deps: RequestDeps, scope: CustomerScope, input: InvoiceInput): Promise<Filed> {
  const t = await customerTransaction(deps.store, scope, input.transactionId);
  if (!INVOICEABLE.includes(t.status)) throw conflict(`Payment ${t.id} is ${t.status}; an invoice is only issued for a completed payment.`);
  const fields: Record<string, string> = { company_name: input.companyName, address: input.address };
  if (input.taxId) fields.tax_id = input.taxId;
  return file(deps, scope, 'invoice', t.id, fields);
}

/**
 * Tells the merchant by mail. The request and its webhook event are already on disk, so a mail
 * failure is logged rather than turned into an error the customer would retry into a duplicate.
 */
export async function tellMerchant(deps: RequestDeps, r: CustomerRequest): Promise<void> {
  const [merchant, customer, transaction] = await Promise.all([
    deps.store.get('merchants', r.merchant_id),
    deps.store.get('customers', r.customer_id),
    r.transaction_id ? deps.store.get('transactions', r.transaction_id) : undefined,
  ]);
  if (!merchant || !customer || !merchant.settings.support_email) return;
  try {
    await deps.notify.customerRequest({ merchant, customer, request: r, transaction });
  } catch (e) {
    deps.log.error('request mail failed', { reference: r.reference, error: e instanceof Error ? e.message : String(e) });
  }
}
