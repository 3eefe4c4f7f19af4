import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { emit } from '../events.js';
import { money } from '../i18n.js';
import type { InvoiceRequest, PortalTransaction, RefundRequest } from '../../contract/portal.js';
import { LIMITS } from '../../contract/values.js';
import type { PortalElement, Sheet } from '../portal-element.js';
import { txRows, txStatus } from './payments-view.js';
import { back, formValues, sheetFrame } from './sheet-frame.js';
import { reasons } from './subscription-sheet.js';

export type PaymentStep = 'details' | 'receipt' | 'invoice' | 'refund' | 'support' | 'done';

/** Show an outcome in the sheet and announce it. */
function done(p: PortalElement, sheet: Sheet, text: string) {
  p.openSheet({ ...sheet, step: 'done', data: { text } });
  p.say(text);
}

async function copyDetails(p: PortalElement, sheet: Sheet) {
  const text = txRows(p, sheet.tx!)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  await p.act(() => navigator.clipboard.writeText(text));
  if (!p.problem) p.say(msg('Payment details copied.'));
}

async function send(p: PortalElement, sheet: Sheet, e: Event) {
  const f = formValues(e);
  const tx = sheet.tx;
  const txId = tx ? { transaction_id: tx.id } : {};
  if (sheet.step === 'invoice') {
    const body: InvoiceRequest = { transaction_id: tx!.id, company_name: f.company_name, address: f.address, ...(f.tax_id ? { tax_id: f.tax_id } : {}) };
    const r = await p.act(() => p.client.requestInvoice(body));
    if (!r) return;
    emit(p, 'creem-invoice-requested', r);
    done(p, sheet, msg(str`Invoice requested. Reference: ${r.reference}`));
  } else if (sheet.step === 'support') {
    const r = await p.act(() => p.client.support({ ...txId, subject: f.subject, message: f.message }));
    if (!r) return;
    emit(p, 'creem-support-requested', r);
    done(p, sheet, msg(str`Message sent. Your reference number is ${r.reference}.`));
  } else {
    if (!emit(p, 'creem-request-refund', { transaction: tx! }, true)) return p.closeSheet();
    const body = { ...txId, reason: f.reason, ...(f.comment ? { comment: f.comment } : {}) } as RefundRequest;
    const r = await p.act(() => p.client.requestRefund(body));
    if (!r) return;
    tx!.refund_request = { reference: r.reference, status: r.outcome };
    if (r.outcome === 'refunded') tx!.status = 'refunded';
    emit(p, 'creem-refund-requested', { ...r, transaction_id: tx!.id });
    const ended = r.canceled_subscription;
    if (ended) {
      p.replace(ended);
      emit(p, 'creem-subscription-canceled', { subscription: ended });
    }
    done(
      p,
      sheet,
      r.outcome === 'refunded'
        ? msg(str`Refunded ${money(r.refund_amount, tx!.currency, p.loc)}. It can take 5 to 10 days to show on your statement.`) +
            (ended ? ` ${msg(str`${ended.product.name} is canceled.`)}` : '')
        : msg(str`Your request ${r.reference} was sent to ${p.overview.value!.merchant.name}. You will get an answer by email.`),
    );
  }
}

/** A text field as long as the portal API lets it be. */
const field = (label: string, name: string, max: number, required = true, long = false) =>
  html`<label
    >${label}${long
      ? html`<textarea name=${name} ?required=${required} maxlength=${max}></textarea>`
      : html`<input name=${name} ?required=${required} maxlength=${max} />`}</label
  >`;

export function renderPaymentSheet(p: PortalElement, sheet: Sheet) {
  const tx = sheet.tx;
  const step = sheet.step as PaymentStep;
  const go = (s: PaymentStep) => () => p.openSheet({ tx, step: s });
  const toDetails = tx ? back(p, go('details')) : nothing;
  const submit = (e: Event) => send(p, sheet, e);
  const sendBtn = html`<div class="row"><button part="button" class="primary" ?disabled=${p.busy}>${msg('Send request')}</button>${toDetails}</div>`;
  const rows = tx ? txRows(p, tx) : [];
  const dl = html`<dl>
    ${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
    ${tx ? html`<dt>${msg('Status')}</dt><dd>${txStatus(tx.status)}</dd>` : nothing}
  </dl>`;
  const refund = p.overview.value!.merchant.settings.refund;
  const bodies: Record<PaymentStep, () => unknown> = {
    details: () => html`${dl}
      ${tx!.refund_request ? html`<p>${msg(str`Refund request ${tx!.refund_request.reference}: ${txStatus(tx!.refund_request.status === 'refunded' ? 'refunded' : 'pending')}`)}</p>` : nothing}
      <div class="row">
        <button part="button" @click=${() => copyDetails(p, sheet)}>${msg('Copy details')}</button>
        <button part="button" @click=${go('receipt')}>${msg('View receipt')}</button>
        <button part="button" @click=${go('invoice')}>${msg('Request invoice')}</button>
        ${refund.allow_requests && tx!.status === 'paid' && !tx!.refund_request
          ? html`<button part="button" @click=${go('refund')}>${msg('Request refund')}</button>`
          : nothing}
        <button part="button" @click=${go('support')}>${msg('Contact support')}</button>
      </div>`,
    receipt: () => html`<p>${p.overview.value!.merchant.name}</p>
      ${dl}
      <dl><dt>${msg('Tax')}</dt><dd>${money(tx!.tax_amount, tx!.currency, p.loc)}</dd></dl>
      <div class="row"><button part="button" class="primary" @click=${() => print()}>${msg('Print')}</button>${toDetails}</div>`,
    invoice: () => html`<form @submit=${submit}>
      ${field(msg('Company name'), 'company_name', LIMITS.invoiceCompanyName)} ${field(msg('Address'), 'address', LIMITS.invoiceAddress, true, true)}
      ${field(msg('Tax ID (optional)'), 'tax_id', LIMITS.taxId, false)} ${sendBtn}
    </form>`,
    refund: () => html`<form @submit=${submit}>
      <label
        >${msg('Reason')}<select name="reason">
          <option value="duplicate">${msg('I was charged twice')}</option>
          <option value="not_as_described">${msg('It was not as described')}</option>
          ${reasons().map(([v, l]) => html`<option .value=${v}>${l}</option>`)}
        </select></label
      >
      ${field(msg('Comment (optional)'), 'comment', LIMITS.refundComment, false, true)}
      ${paysCurrentPeriod(p, tx!) ? html`<p>${msg('If this payment is refunded at once, the subscription it paid for ends now.')}</p>` : nothing} ${sendBtn}
    </form>`,
    support: () => html`<form @submit=${submit}>
      ${tx ? html`<p>${msg(str`About order ${tx.order_id}`)}</p>` : nothing} ${field(msg('Subject'), 'subject', LIMITS.supportSubject)}
      ${field(msg('Message'), 'message', LIMITS.supportMessage, true, true)} ${sendBtn}
    </form>`,
    done: () => html`<p>${(sheet.data as { text: string }).text}</p>
      <div><button part="button" @click=${() => p.closeSheet()}>${msg('Done')}</button></div>`,
  };
  const titles: Record<PaymentStep, string> = {
    details: msg('Payment details'),
    receipt: msg('Receipt'),
    invoice: msg('Request invoice'),
    refund: msg('Request refund'),
    support: msg('Contact support'),
    done: msg('Request sent'),
  };
  return sheetFrame(p, titles[step], bodies[step]() as ReturnType<typeof html>);
}

/** A refund of this payment would end the running subscription it paid the current period of. */
function paysCurrentPeriod(p: PortalElement, tx: PortalTransaction): boolean {
  const sub = p.overview.value?.subscriptions.find((s) => s.id === tx.subscription_id);
  return !!sub && sub.status !== 'canceled' && sub.status !== 'expired' && (tx.period_end ?? 0) > Date.now();
}
