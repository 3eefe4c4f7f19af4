import { html, nothing } from 'lit';
import { msg, str } from '../localize.js';
import type { BillingUpdate, PortalCustomer, PortalMerchant } from '../../contract/portal.js';
import { LIMITS, type BillingField } from '../../contract/values.js';
import { safeUrl } from '../api.js';
import type { ViewState } from '../portal-types.js';
import { countryCode, countryField, countryName, type CountryData } from './country-field.js';
import { formValues } from './sheet-frame.js';

export interface BillingProps extends ViewState {
  customer: PortalCustomer;
  merchant: PortalMerchant;
  saveBilling(update: BillingUpdate): void;
  /** Opens the payment provider's own page (card on file, and the details that cannot change here). */
  manageBilling(): void;
  /** A link the browser would not open on its own (a blocked pop-up): shown for the customer to follow. */
  manageUrl?: string;
  /** The country chosen in the form and not saved yet: the hints follow it. */
  draftCountry?: string;
  /** The country codes and hints, once fetched. */
  countries?: CountryData;
  pickCountry(code: string): void;
}

/** What the form changed, and only that ("" clears a field); fields shown read-only are never sent. */
function changes(c: PortalCustomer, f: Record<string, string>, editable: readonly BillingField[], locale: string, data?: CountryData): BillingUpdate {
  const update: BillingUpdate = {};
  const may = (field: BillingField) => editable.includes(field);
  if (may('name') && f.name !== (c.name ?? '')) update.name = f.name;
  if (may('email') && f.email !== c.email && f.email !== c.pending_email) update.email = f.email;
  const country = may('country') && countryCode(f.country, locale, data);
  if (country && country !== c.country) update.country = country;
  if (may('tax_id') && f.tax_id !== (c.tax_id ?? '')) update.tax_id = f.tax_id || null;
  const address = { line1: f.line1, line2: f.line2 || null, city: f.city, postal_code: f.postal_code, state: f.state || null };
  if (may('address') && JSON.stringify(address) !== JSON.stringify(c.address ?? { line1: '', line2: null, city: '', postal_code: '', state: null }))
    update.address = address;
  return update;
}

const oneLine = (a: PortalCustomer['address']) => (a ? [a.line1, a.line2, `${a.postal_code} ${a.city}`.trim(), a.state].filter(Boolean).join(', ') : '');

type InputOptions = { type?: string; required?: boolean; auto?: string; example?: string };

export function renderBilling(p: BillingProps) {
  const c = p.customer;
  const a = c.address;
  const card = c.payment_method;
  const update = safeUrl(p.merchant.update_payment_method_url);
  const { editable, manage_link: manage } = p.merchant.settings.billing;
  const may = (field: BillingField) => editable.includes(field);
  const fixed = (label: string, value: string | null | undefined) => (value ? html`<div class="fixed"><dt>${label}</dt><dd>${value}</dd></div>` : nothing);
  const hints = p.countries?.hints[p.draftCountry ?? c.country ?? ''];
  // An example follows the field, outside its label: it describes the field rather than naming it.
  const input = (label: string, name: string, value: string | null | undefined, max: number, o: InputOptions = {}) =>
    html`<div>
      <label
        >${label}<input
          name=${name}
          type=${o.type ?? 'text'}
          ?required=${!!o.required}
          autocomplete=${o.auto ?? 'off'}
          maxlength=${max}
          aria-describedby=${o.example ? `${name}-hint` : nothing}
          .value=${value ?? ''}
      /></label>
      ${o.example ? html`<small id="${name}-hint" class="muted">${msg(str`For example: ${o.example}`)}</small>` : nothing}
    </div>`;
  return html`<section class="stack" aria-labelledby="bill-title">
    <h3 id="bill-title">${msg('Billing details')}</h3>
    <form @submit=${(e: Event) => p.saveBilling(changes(c, formValues(e), editable, p.locale, p.countries))}>
      <div class="cols">
        ${may('name') ? input(msg('Name'), 'name', c.name, LIMITS.customerName, { auto: 'name' }) : nothing}
        ${may('email') ? input(msg('Email'), 'email', c.email, LIMITS.email, { type: 'email', required: true, auto: 'email' }) : nothing}
        ${may('country') ? html`<div>${countryField(c.country, p.locale, p.countries, p.pickCountry)}</div>` : nothing}
        ${may('address')
          ? html`${input(msg('Address'), 'line1', a?.line1, LIMITS.addressLine, { auto: 'address-line1' })}
            ${input(msg('Address line 2 (optional)'), 'line2', a?.line2, LIMITS.addressLine, { auto: 'address-line2' })}
            ${input(msg('Postal code'), 'postal_code', a?.postal_code, LIMITS.postalCode, { auto: 'postal-code', example: hints?.[0] })}
            ${input(msg('City'), 'city', a?.city, LIMITS.city, { auto: 'address-level2' })}
            ${input(msg('State or region (optional)'), 'state', a?.state, LIMITS.state, { auto: 'address-level1' })}`
          : nothing}
        ${may('tax_id') ? input(msg('Tax ID (optional)'), 'tax_id', c.tax_id, LIMITS.taxId, { example: hints?.[1] }) : nothing}
      </div>
      ${editable.length < 5
        ? html`<dl class="fixed-list">
              ${may('email') ? nothing : fixed(msg('Email'), c.email)} ${may('address') ? nothing : fixed(msg('Address'), oneLine(a))}
              ${may('country') ? nothing : fixed(msg('Country'), countryName(c.country, p.locale))}
              ${may('tax_id') ? nothing : fixed(msg('Tax ID (optional)'), c.tax_id)}
            </dl>
            ${manage ? html`<p class="muted">${msg("Your email, address, tax ID and card are changed on the payment provider's page.")}</p>` : nothing}`
        : nothing}
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
    ${manage
      ? html`<div class="row">
          <button part="button" type="button" ?disabled=${p.busy} @click=${() => p.manageBilling()}>${msg('Manage payment details')}</button>
          ${p.manageUrl ? html`<a href=${p.manageUrl} target="_blank" rel="noopener noreferrer">${msg('Open the payment page')}</a>` : nothing}
        </div>`
      : nothing}
  </section>`;
}
