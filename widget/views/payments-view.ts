import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { day, money } from '../i18n.js';
import type { OverviewResponse, PortalTransaction } from '../../contract/portal.js';
import type { TransactionStatus } from '../../contract/values.js';
import type { PortalElement } from '../portal-element.js';
import { renderEmpty } from './states.js';

export const txStatus = (s: TransactionStatus) =>
  ({
    paid: msg('Paid'),
    refunded: msg('Refunded'),
    partialRefund: msg('Partly refunded'),
    pending: msg('Pending'),
    failed: msg('Failed'),
    void: msg('Void'),
    chargedBack: msg('Charged back'),
  })[s];

/** Label/value pairs describing a payment: shown in the sheet, on the receipt and copied as text. */
export const txRows = (p: PortalElement, t: PortalTransaction): [string, string][] => [
  [msg('Order ID'), t.order_id],
  [msg('Transaction ID'), t.id],
  [msg('Amount'), money(t.amount_paid || t.amount, t.currency, p.loc)],
  [msg('Date'), day(t.created_at, p.loc)],
  [msg('Product'), t.product_name ?? ''],
];

export function renderPayments(p: PortalElement, _o: OverviewResponse, items: PortalTransaction[]) {
  const open = (tx?: PortalTransaction) => p.openSheet({ tx, step: tx ? 'details' : 'support' });
  return html`<section class="stack" aria-labelledby="pay-title">
    <h3 id="pay-title">${msg('Payments')}</h3>
    ${items.length
      ? html`<table part="table" aria-labelledby="pay-title">
          <thead>
            <tr>
              <th>${msg('Date')}</th>
              <th>${msg('Amount')}</th>
              <th>${msg('Status')}</th>
              <th>${msg('Order ID')}</th>
              <th><span class="sr">${msg('Details')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (t) => html`<tr>
                <td>${day(t.created_at, p.loc)}</td>
                <td>${money(t.amount_paid || t.amount, t.currency, p.loc)}</td>
                <td>${txStatus(t.status)}</td>
                <td id=${`o-${t.id}`}>${t.order_id}</td>
                <td><button part="button" aria-describedby=${`o-${t.id}`} @click=${() => open(t)}>${msg('Details')}</button></td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : renderEmpty(msg('No payments yet.'))}
    ${p.problem && !p.sheet ? html`<p role="alert" class="err">${p.problem}</p>` : nothing}
    <div><button part="button" @click=${() => open()}>${msg('Contact support')}</button></div>
  </section>`;
}
