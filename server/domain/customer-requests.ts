import { ApiError, notFound } from '../errors.js';
import { iso } from '../clock.js';
import { newId, newReference } from '../ids.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../log.js';
import type { Customer, CustomerRequest, Merchant, Transaction } from '../store/schema.js';
import type { Tx } from '../store/store.js';
import { html } from '../pages/html.js';
import { recordEvent } from './events.js';
import { inScope, type Scope } from './scope.js';
import type { DomainDeps } from './subscriptions.js';

/**
 * What a customer asks the merchant for from the portal: support, an invoice, a refund. Each is a
 * `customer_requests` record plus a webhook event (see portal-events.md) written in one commit,
 * then a mail to the merchant's support address.
 */
export interface RequestDeps extends DomainDeps {
  mailer: Mailer;
  log: Logger;
}

export type CustomerScope = Scope & { customerId: string };

/** A retry of the same request within this window answers with the first one instead of a duplicate. */
export const REPLAY_WINDOW_MS = 10 * 60_000;

/**
 * Each support or invoice request mails the merchant, so a customer (or a stolen token) gets a
 * small budget of them per window; beyond it the answer is 429 and nothing is stored or sent.
 */
export const REQUEST_BUDGET = 5;
export const REQUEST_BUDGET_WINDOW_MS = 10 * 60_000;

const PREFIX: Record<CustomerRequest['kind'], string> = { support: 'SUP', invoice: 'INV', refund: 'REF' };
export const REQUEST_EVENT: Record<CustomerRequest['kind'], string> = {
  support: 'support.requested',
  invoice: 'invoice.requested',
  refund: 'refund.requested',
};

export function customerTransaction(deps: DomainDeps, scope: CustomerScope, id: string): Transaction {
  const t = deps.store.get('transactions', id);
  if (!inScope(scope, t)) throw notFound('Transaction');
  return t!;
}

export function listCustomerTransactions(deps: DomainDeps, scope: CustomerScope): Transaction[] {
  return deps.store
    .findBy('transactions', 'customer_id', scope.customerId)
    .filter((t) => inScope(scope, t))
    .sort((a, b) => b.created_at - a.created_at);
}

export interface Filed {
  request: CustomerRequest;
  /** True when this answered a retry with the request filed before; nothing new was stored or sent. */
  replayed: boolean;
}

/** The webhook object for a request: what the merchant's backend needs to act on it. */
export function wireCustomerRequest(store: DomainDeps['store'], r: CustomerRequest) {
  const customer = store.get('customers', r.customer_id);
  return {
    id: r.id,
    object: 'customer_request',
    mode: r.mode,
    kind: r.kind,
    reference: r.reference,
    status: r.status,
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name } : { id: r.customer_id },
    transaction_id: r.transaction_id,
    fields: r.fields,
    created_at: r.created_at,
  };
}

/** Stores a request and its event; call inside `store.transact`, after every check. */
export function putRequest(
  tx: Tx,
  deps: DomainDeps,
  scope: CustomerScope,
  input: { kind: CustomerRequest['kind']; transactionId: string | null; status: CustomerRequest['status']; fields: Record<string, string> },
  now: number,
): CustomerRequest {
  const request = tx.put('customer_requests', {
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
  recordEvent(tx, deps.store, { merchantId: scope.merchantId, mode: scope.mode, eventType: REQUEST_EVENT[input.kind], object: wireCustomerRequest(deps.store, request) }, now);
  return request;
}

/** Throws 429 (with Retry-After: when the oldest counted request leaves the window) once the budget is spent. */
function checkBudget(deps: DomainDeps, scope: CustomerScope, now: number): void {
  const recent = deps.store
    .findBy('customer_requests', 'customer_id', scope.customerId)
    .filter((r) => inScope(scope, r) && (r.kind === 'support' || r.kind === 'invoice') && now - Date.parse(r.created_at) < REQUEST_BUDGET_WINDOW_MS)
    .map((r) => Date.parse(r.created_at))
    .sort((a, b) => a - b);
  if (recent.length < REQUEST_BUDGET) return;
  const freeAt = recent[recent.length - REQUEST_BUDGET] + REQUEST_BUDGET_WINDOW_MS;
  const seconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
  throw new ApiError(429, [`Too many support and invoice requests in a short time; please try again in ${Math.ceil(seconds / 60)} minute(s).`], {
    'Retry-After': String(seconds),
  });
}

/** The same open request from the same customer a moment ago: a retried POST, not a new question. */
function findReplay(deps: DomainDeps, scope: CustomerScope, kind: CustomerRequest['kind'], transactionId: string | null, fields: Record<string, string>, now: number) {
  const same = JSON.stringify(fields);
  return deps.store
    .findBy('customer_requests', 'customer_id', scope.customerId)
    .find(
      (r) =>
        inScope(scope, r) &&
        r.kind === kind &&
        r.transaction_id === transactionId &&
        r.status === 'open' &&
        now - Date.parse(r.created_at) <= REPLAY_WINDOW_MS &&
        JSON.stringify(r.fields) === same,
    );
}

async function file(
  deps: RequestDeps,
  scope: CustomerScope,
  kind: 'support' | 'invoice',
  transactionId: string | null,
  fields: Record<string, string>,
): Promise<Filed> {
  const now = deps.clock();
  const filed = await deps.store.transact((tx): Filed => {
    if (transactionId !== null) customerTransaction(deps, scope, transactionId);
    const earlier = findReplay(deps, scope, kind, transactionId, fields, now);
    if (earlier) return { request: earlier, replayed: true };
    checkBudget(deps, scope, now);
    return { request: putRequest(tx, deps, scope, { kind, transactionId, status: 'open', fields }, now), replayed: false };
  });
  if (!filed.replayed) await mailMerchant(deps, filed.request);
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

export function requestInvoice(deps: RequestDeps, scope: CustomerScope, input: InvoiceInput): Promise<Filed> {
  const t = customerTransaction(deps, scope, input.transactionId);
  if (!INVOICEABLE.includes(t.status)) throw new ApiError(409, [`Payment ${t.id} is ${t.status}; an invoice is only issued for a completed payment.`]);
  const fields: Record<string, string> = { company_name: input.companyName, address: input.address };
  if (input.taxId) fields.tax_id = input.taxId;
  return file(deps, scope, 'invoice', t.id, fields);
}

// --- mail to the merchant -------------------------------------------------------------------

const TITLE: Record<CustomerRequest['kind'], string> = { support: 'Support request', invoice: 'Invoice request', refund: 'Refund request' };
const LABEL: Record<string, string> = {
  subject: 'Subject',
  message: 'Message',
  company_name: 'Company',
  address: 'Address',
  tax_id: 'Tax ID',
  reason: 'Reason',
  comment: 'Comment',
  amount: 'Amount',
};

export function requestMail(merchant: Merchant, customer: Customer, r: CustomerRequest, t: Transaction | undefined) {
  const who = customer.name ? `${customer.name} <${customer.email}>` : customer.email;
  const rows: [string, string][] = [
    ['Reference', r.reference],
    ['Customer', `${who} (${customer.id})`],
    ...(t ? ([['Payment', `${t.id} · order ${t.order_id} · ${(t.amount_paid / 100).toFixed(2)} ${t.currency}`]] as [string, string][]) : []),
    ...Object.entries(r.fields).map(([k, v]): [string, string] => [LABEL[k] ?? k, v]),
  ];
  // The subject line is a header: customer text in it is kept to one short line.
  const topic = r.fields.subject ? `: ${r.fields.subject.replace(/[\r\n]+/g, ' ').slice(0, 120)}` : '';
  const subject = `[${r.reference}] ${TITLE[r.kind]} from ${customer.name ?? customer.email}${topic}`;
  const intro = `${TITLE[r.kind]} from a customer of ${merchant.settings.brand.name}, sent from the customer portal.`;
  const outro = 'Reply to this email to answer the customer.';
  const text = [intro, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', outro].join('\n');
  // Everything a customer typed is plain text here: the `html` tag escapes every value.
  const body = html`<p>${intro}</p>
<table>
${rows.map(([k, v]) => html`<tr><th align="left" valign="top">${k}</th><td style="white-space:pre-wrap">${v}</td></tr>
`)}</table>
<p>${outro}</p>`;
  return { subject, text, html: body.value };
}

/**
 * Tells the merchant by mail. The request and its webhook event are already on disk, so a mail
 * failure is logged rather than turned into an error the customer would retry into a duplicate.
 */
export async function mailMerchant(deps: RequestDeps, r: CustomerRequest): Promise<void> {
  const merchant = deps.store.get('merchants', r.merchant_id);
  const customer = deps.store.get('customers', r.customer_id);
  const to = merchant?.settings.support_email;
  if (!merchant || !customer || !to) return;
  const t = r.transaction_id ? deps.store.get('transactions', r.transaction_id) : undefined;
  try {
    await deps.mailer.send({ to, ...requestMail(merchant, customer, r, t), replyTo: customer.email });
  } catch (e) {
    deps.log.error('request mail failed', { reference: r.reference, error: e instanceof Error ? e.message : String(e) });
  }
}
