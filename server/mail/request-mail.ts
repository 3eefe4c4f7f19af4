import { html } from '../pages/html.js';
import type { Customer, CustomerRequest, Merchant, Transaction } from '../store/schema.js';
import type { RenderedMail } from './templates.js';

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

/** An amount as Intl writes it in English ("€12.34"), never digits and a code glued together. */
const money = (cents: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);

/** The mail that tells a merchant's support what a customer asked for (in English: it goes to the merchant). */
export function requestMail(merchant: Merchant, customer: Pick<Customer, 'id' | 'email' | 'name'>, r: CustomerRequest, t: Transaction | undefined): RenderedMail {
  const who = customer.name ? `${customer.name} <${customer.email}>` : customer.email;
  const rows: [string, string][] = [
    ['Reference', r.reference],
    ['Customer', `${who} (${customer.id})`],
    ...(t ? ([['Payment', `${t.id} · order ${t.order_id} · ${money(t.amount_paid, t.currency)}`]] as [string, string][]) : []),
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

/** Why a customer canceled, for the merchant's support (Creem's API has no place for the reason). */
export function cancelFeedbackMail(input: {
  merchant: Merchant;
  customer: Pick<Customer, 'id' | 'email' | 'name'>;
  subscriptionId: string;
  productName: string;
  mode: string;
  reason: string;
  comment: string | null;
}): RenderedMail {
  const who = input.customer.name ? `${input.customer.name} <${input.customer.email}>` : input.customer.email;
  const when = input.mode === 'immediate' ? 'now' : 'at the end of the billing period';
  const rows: [string, string][] = [
    ['Customer', `${who} (${input.customer.id})`],
    ['Subscription', `${input.productName} (${input.subscriptionId})`],
    ['Ends', when],
    ['Reason', input.reason],
    ...(input.comment ? ([['Comment', input.comment]] as [string, string][]) : []),
  ];
  const subject = `Cancellation: ${input.productName} by ${input.customer.name ?? input.customer.email}`;
  const intro = `A customer of ${input.merchant.settings.brand.name} canceled from the customer portal.`;
  const text = [intro, '', ...rows.map(([k, v]) => `${k}: ${v}`)].join('\n');
  const body = html`<p>${intro}</p>
<table>
${rows.map(([k, v]) => html`<tr><th align="left" valign="top">${k}</th><td style="white-space:pre-wrap">${v}</td></tr>
`)}</table>`;
  return { subject, text, html: body.value };
}
