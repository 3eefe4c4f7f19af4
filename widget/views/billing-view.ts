import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { BillingUpdate, PortalCustomer, PortalMerchant } from '../../contract/portal.js';
import { LIMITS } from '../../contract/values.js';
import { safeUrl } from '../api.js';
import type { ViewState } from '../portal-types.js';
import { formValues } from './sheet-frame.js';

export interface BillingProps extends ViewState {
  customer: PortalCustomer;
  merchant: PortalMerchant;
  saveBilling(update: BillingUpdate): void;
}

/** What the form changed, and only that ("" clears a field). */
function changes(c: PortalCustomer, f: Record<string, string>): BillingUpdate {
  const update: BillingUpdate = {};
  if (f.name !== (c.name ?? '')) update.name = f.name;
  if (f.email !== c.email && f.email !== c.pending_email) update.email = f.email;
  if (f.country && f.country.toUpperCase() !== c.country) update.country = f.country.toUpperCase();
  if (f.tax_id !== (c.tax_id ?? '')) update.tax_id = f.tax_id || null;
  const address = { line1: f.line1, line2: f.line2 || null, city: f.city, postal_code: f.postal_code, state: f.state || null };
  if (JSON.stringify(address) !== JSON.stringify(c.address ?? { line1: '', line2: null, city: '', postal_code: '', state: null }))
    update.address = address;
  return update;
}

type InputOptions = { type?: string; required?: boolean; auto?: string; pattern?: string };

export function renderBilling(p: BillingProps) {
  const c = p.customer;
  const a = c.address;
  const card = c.payment_method;
  const update = safeUrl(p.merchant.update_payment_method_url);
  const input = (label: string, name: string, value: string | null | undefined, max: number, o: InputOptions = {}) =>
    html`<label
      >${label}<input
        name=${name}
        type=${o.type ?? 'text'}
        ?required=${!!o.required}
        autocomplete=${o.auto ?? 'off'}
        pattern=${o.pattern ?? '.*'}
        maxlength=${max}
        .value=${value ?? ''}
    /></label>`;
  return html`<section class="stack" aria-labelledby="bill-title">
    <h3 id="bill-title">${msg('Billing details')}</h3>
    <form @submit=${(e: Event) => p.saveBilling(changes(c, formValues(e)))}>
      <div class="cols">
        ${input(msg('Name'), 'name', c.name, LIMITS.customerName, { auto: 'name' })}
        ${input(msg('Email'), 'email', c.email, LIMITS.email, { type: 'email', required: true, auto: 'email' })}
        ${input(msg('Address'), 'line1', a?.line1, LIMITS.addressLine, { auto: 'address-line1' })}
        ${input(msg('Address line 2 (optional)'), 'line2', a?.line2, LIMITS.addressLine, { auto: 'address-line2' })}
        ${input(msg('Postal code'), 'postal_code', a?.postal_code, LIMITS.postalCode, { auto: 'postal-code' })}
        ${input(msg('City'), 'city', a?.city, LIMITS.city, { auto: 'address-level2' })}
        ${input(msg('State or region (optional)'), 'state', a?.state, LIMITS.state, { auto: 'address-level1' })}
        ${input(msg('Country code (2 letters)'), 'country', c.country, 2, { auto: 'country', pattern: '[A-Za-z]{2}' })}
        ${input(msg('Tax ID (optional)'), 'tax_id', c.tax_id, LIMITS.taxId)}
      </div>
      ${c.pending_email ? html`<p class="muted">${msg(str`Confirmation sent to ${c.pending_email}. Your email changes once you confirm.`)}</p>` : nothing}
      ${p.problem ? html`<p role="alert" class="err">${p.problem}</p>` : nothing}
      <div><button part="button" class="primary" ?disabled=${p.busy}>${msg('Save')}</button></div>
    </form>
    <h3>${msg('Payment method')}</h3>
    <p>
      ${card
        ? msg(str`${card.brand} ending in ${card.last4}, expires ${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`)
        : msg('No card on file.')}
    </p>
    ${update
      ? html`<div><a part="button" class="btn" href=${update} target="_blank" rel="noopener noreferrer">${msg('Update payment method')}</a></div>`
      : nothing}
  </section>`;
}
