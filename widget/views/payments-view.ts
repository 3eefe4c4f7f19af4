import { html, nothing } from 'lit';
import { msg } from '../localize.js';
import type { PortalTransaction } from '../../contract/portal.js';
import { day, money } from '../i18n.js';
import type { PaymentSheet, ViewState } from '../portal-types.js';
import { txStatus } from './format.js';
import { renderEmpty } from './states.js';

export interface PaymentsProps extends ViewState {
  transactions: PortalTransaction[];
  open(sheet: PaymentSheet): void;
}

export function renderPayments(p: PaymentsProps) {
  const items = p.transactions;
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
                <td>${day(t.created_at, p.locale)}</td>
                <td>${money(t.amount_paid || t.amount, t.currency, p.locale)}</td>
                <td>${txStatus(t.status)}</td>
                <td id=${`o-${t.id}`}>${t.order_id}</td>
                <td><button part="button" aria-describedby=${`o-${t.id}`} @click=${() => p.open({ step: 'details', tx: t })}>${msg('Details')}</button></td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : renderEmpty(msg('No payments yet.'))}
    ${p.problem ? html`<p role="alert" class="err">${p.problem}</p>` : nothing}
    <div><button part="button" @click=${() => p.open({ step: 'support' })}>${msg('Contact support')}</button></div>
  </section>`;
}
