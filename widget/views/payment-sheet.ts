import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../localize.js';
import type { InvoiceRequest, PortalMerchant, PortalSubscription, PortalTransaction, RefundRequest, SupportRequest } from '../../contract/portal.js';
import { LIMITS } from '../../contract/values.js';
import { money } from '../i18n.js';
import type { PaymentSheet, SheetStep, ViewState } from '../portal-types.js';
import { refundReasons, txRows, txStatus } from './format.js';
import { back, formValues, sheetFrame } from './sheet-frame.js';

export interface PaymentSheetProps extends ViewState {
  sheet: PaymentSheet;
  merchant: PortalMerchant;
  subscriptions: PortalSubscription[];
  open(sheet: PaymentSheet): void;
  close(): void;
  copyDetails(tx: PortalTransaction): void;
  requestInvoice(tx: PortalTransaction, body: InvoiceRequest): void;
  contactSupport(tx: PortalTransaction | undefined, body: SupportRequest): void;
  requestRefund(tx: PortalTransaction, body: RefundRequest): void;
}

/** A text field as long as the portal API lets it be. */
const field = (label: string, name: string, max: number, required = true, long = false) =>
  html`<label
    >${label}${long
      ? html`<textarea name=${name} ?required=${required} maxlength=${max}></textarea>`
      : html`<input name=${name} ?required=${required} maxlength=${max} />`}</label
  >`;

const sendButton = (p: PaymentSheetProps, tx: PortalTransaction | undefined) =>
  html`<div class="row">
    <button part="button" class="primary" ?disabled=${p.busy}>${msg('Send request')}</button>${tx ? back(() => p.open({ step: 'details', tx })) : nothing}
  </div>`;

const facts = (p: PaymentSheetProps, tx: PortalTransaction) =>
  html`<dl>
    ${txRows(tx, p.locale).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
    <dt>${msg('Status')}</dt><dd>${txStatus(tx.status)}</dd>
  </dl>`;

/** A refund of this payment would end the running subscription it paid the current period of. */
function paysCurrentPeriod(p: PaymentSheetProps, tx: PortalTransaction): boolean {
  const sub = p.subscriptions.find((s) => s.id === tx.subscription_id);
  return !!sub && sub.status !== 'canceled' && sub.status !== 'expired' && (tx.period_end ?? 0) > Date.now();
}

function details(p: PaymentSheetProps, { tx }: SheetStep<'details'>) {
  const go = (step: 'receipt' | 'invoice' | 'refund' | 'support') => () => p.open({ step, tx });
  const request = tx.refund_request;
  return html`${facts(p, tx)}
    ${request ? html`<p>${msg(str`Refund request ${request.reference}: ${txStatus(request.status === 'refunded' ? 'refunded' : 'pending')}`)}</p>` : nothing}
    <div class="row">
      <button part="button" @click=${() => p.copyDetails(tx)}>${msg('Copy details')}</button>
      <button part="button" @click=${go('receipt')}>${msg('View receipt')}</button>
      <button part="button" @click=${go('invoice')}>${msg('Request invoice')}</button>
      ${p.merchant.settings.refund.allow_requests && tx.status === 'paid' && !request
        ? html`<button part="button" @click=${go('refund')}>${msg('Request refund')}</button>`
        : nothing}
      <button part="button" @click=${go('support')}>${msg('Contact support')}</button>
    </div>`;
}

const receipt = (p: PaymentSheetProps, { tx }: SheetStep<'receipt'>) =>
  html`<p>${p.merchant.name}</p>
    ${facts(p, tx)}
    <dl><dt>${msg('Tax')}</dt><dd>${money(tx.tax_amount, tx.currency, p.locale)}</dd></dl>
    <div class="row"><button part="button" class="primary" @click=${() => print()}>${msg('Print')}</button>${back(() => p.open({ step: 'details', tx }))}</div>`;

function invoice(p: PaymentSheetProps, { tx }: SheetStep<'invoice'>) {
  const submit = (e: Event) => {
    const f = formValues(e);
    p.requestInvoice(tx, { transaction_id: tx.id, company_name: f.company_name, address: f.address, ...(f.tax_id ? { tax_id: f.tax_id } : {}) });
  };
  return html`<form @submit=${submit}>
    ${field(msg('Company name'), 'company_name', LIMITS.invoiceCompanyName)} ${field(msg('Address'), 'address', LIMITS.invoiceAddress, true, true)}
    ${field(msg('Tax ID (optional)'), 'tax_id', LIMITS.taxId, false)} ${sendButton(p, tx)}
  </form>`;
}

function refund(p: PaymentSheetProps, { tx }: SheetStep<'refund'>) {
  const reasons = refundReasons();
  const submit = (e: Event) => {
    const f = formValues(e);
    // The select holds only these values; the lookup gives the answer its type.
    const reason = reasons.find(([r]) => r === f.reason)?.[0] ?? reasons[0][0];
    p.requestRefund(tx, { transaction_id: tx.id, reason, ...(f.comment ? { comment: f.comment } : {}) });
  };
  return html`<form @submit=${submit}>
    <label
      >${msg('Reason')}<select name="reason">
        ${reasons.map(([v, l]) => html`<option .value=${v}>${l}</option>`)}
      </select></label
    >
    ${field(msg('Comment (optional)'), 'comment', LIMITS.refundComment, false, true)}
    ${paysCurrentPeriod(p, tx) ? html`<p>${msg('If this payment is refunded at once, the subscription it paid for ends now.')}</p>` : nothing}
    ${sendButton(p, tx)}
  </form>`;
}

function support(p: PaymentSheetProps, { tx }: SheetStep<'support'>) {
  const submit = (e: Event) => {
    const f = formValues(e);
    p.contactSupport(tx, { ...(tx ? { transaction_id: tx.id } : {}), subject: f.subject, message: f.message });
  };
  return html`<form @submit=${submit}>
    ${tx ? html`<p>${msg(str`About order ${tx.order_id}`)}</p>` : nothing} ${field(msg('Subject'), 'subject', LIMITS.supportSubject)}
    ${field(msg('Message'), 'message', LIMITS.supportMessage, true, true)} ${sendButton(p, tx)}
  </form>`;
}

function body(p: PaymentSheetProps, sheet: PaymentSheet): TemplateResult {
  switch (sheet.step) {
    case 'details':
      return details(p, sheet);
    case 'receipt':
      return receipt(p, sheet);
    case 'invoice':
      return invoice(p, sheet);
    case 'refund':
      return refund(p, sheet);
    case 'support':
      return support(p, sheet);
    case 'done':
      return html`<p>${sheet.text}</p>
        <div><button part="button" @click=${p.close}>${msg('Done')}</button></div>`;
  }
}

export function renderPaymentSheet(p: PaymentSheetProps) {
  const titles: Record<PaymentSheet['step'], string> = {
    details: msg('Payment details'),
    receipt: msg('Receipt'),
    invoice: msg('Request invoice'),
    refund: msg('Request refund'),
    support: msg('Contact support'),
    done: msg('Request sent'),
  };
  return sheetFrame(titles[p.sheet.step], body(p, p.sheet), p.problem, p.close);
}
