import { html, nothing } from 'lit';
import { msg, str } from '../localize.js';
import type { ChangePreview, ChangeRequest, PortalProduct, PortalSubscription } from '../../contract/portal.js';
import { day, money } from '../i18n.js';
import type { SheetStep, SubscriptionSheet, ViewState } from '../portal-types.js';
import { price } from './format.js';
import { back, formValues } from './sheet-frame.js';

export interface ChangeFlowProps extends ViewState {
  /** Products the customer may switch to. */
  plans: PortalProduct[];
  /** The seats the merchant lets a customer choose. */
  seats: { min: number; max: number };
  open(sheet: SubscriptionSheet): void;
  preview(sub: PortalSubscription, change: ChangeRequest, from: 'switch' | 'units'): void;
  change(sub: PortalSubscription, change: ChangeRequest, preview: ChangePreview): void;
}

const buttons = (p: ChangeFlowProps, sub: PortalSubscription) =>
  html`<div class="row">
    <button part="button" class="primary" ?disabled=${p.busy}>${msg('Preview change')}</button>${back(() => p.open({ step: 'menu', sub }))}
  </div>`;

export function renderSwitch(p: ChangeFlowProps, sheet: SheetStep<'switch'>) {
  const { sub } = sheet;
  // The current plan is checked but disabled, so a form nobody touched carries no plan: ask, send nothing.
  const submit = (e: Event) => {
    const plan = formValues(e).plan;
    if (plan) p.preview(sub, { product_id: plan }, 'switch');
    else p.open({ ...sheet, unchosen: true });
  };
  return html`<form @submit=${submit}>
    <fieldset aria-describedby=${sheet.unchosen ? 'plan-hint' : nothing}>
      <legend>${msg('Choose a plan')}</legend>
      ${p.plans.map((plan) => {
        const current = plan.id === sub.product.id;
        return html`<label
          ><input type="radio" name="plan" .value=${plan.id} ?checked=${current} ?disabled=${current} /><span
            >${plan.name} · ${price(plan, p.locale)}${current ? html` <span class="muted">(${msg('current plan')})</span>` : nothing}</span
          ></label
        >`;
      })}
    </fieldset>
    ${sheet.unchosen ? html`<p id="plan-hint" role="alert" class="err">${msg('Choose the plan to switch to.')}</p>` : nothing}
    ${buttons(p, sub)}
  </form>`;
}

export function renderUnits(p: ChangeFlowProps, { sub }: SheetStep<'units'>) {
  const submit = (e: Event) => p.preview(sub, { units: Number(formValues(e).units) }, 'units');
  return html`<form @submit=${submit}>
    <label>${msg('Quantity')}<input name="units" type="number" min=${p.seats.min} max=${p.seats.max} required .value=${String(sub.units)} /></label>
    ${buttons(p, sub)}
  </form>`;
}

export function renderPreview(p: ChangeFlowProps, { sub, change, preview: pv, from }: SheetStep<'preview'>) {
  const m = (c: number) => money(c, pv.currency, p.locale);
  return html`<dl>
      <dt>${msg('New plan')}</dt>
      <dd>${pv.product.name} · ${price(pv.product, p.locale, pv.units)}</dd>
      <dt>${msg('Quantity')}</dt>
      <dd>${pv.units}</dd>
      <dt>${msg('Charged today')}</dt>
      <dd>${m(pv.charge_today)}</dd>
      <dt>${msg('Credited today')}</dt>
      <dd>${m(pv.credit_today)}</dd>
      <dt>${msg('Tax')}</dt>
      <dd>${m(pv.tax_today)}</dd>
      <dt>${msg('Next charge')}</dt>
      <dd>${pv.next_charge_date ? msg(str`${m(pv.next_charge_total)} on ${day(pv.next_charge_date, p.locale)}`) : m(pv.next_charge_total)}</dd>
    </dl>
    <p>
      ${pv.total_today > 0
        ? msg(str`You will be charged ${m(pv.total_today)} today.`)
        : pv.total_today < 0
          ? msg(str`${m(-pv.total_today)} will be refunded to your payment method.`)
          : msg('Nothing is charged today.')}
    </p>
    <div class="row">
      <button part="button" class="primary" ?disabled=${p.busy} @click=${() => p.change(sub, change, pv)}>${msg('Confirm change')}</button>
      ${back(() => p.open({ step: from, sub }))}
    </div>`;
}
