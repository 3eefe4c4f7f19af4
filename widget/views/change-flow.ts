import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { emit } from '../events.js';
import { day, money } from '../i18n.js';
import type { ChangePreview, ChangeRequest } from '../../contract/portal.js';
import { LIMITS } from '../../contract/values.js';
import type { PortalElement, Sheet } from '../portal-element.js';
import { price } from './format.js';
import { back, formValues } from './sheet-frame.js';


/** Ask the server what the change costs today and next time, then show it for confirmation. */
async function preview(p: PortalElement, sheet: Sheet, change: ChangeRequest) {
  const r = await p.act(() => p.client.preview(sheet.sub!.id, change));
  if (r) p.openSheet({ sub: sheet.sub, step: 'preview', data: { change, preview: r, from: sheet.step } });
}

async function change(p: PortalElement, sheet: Sheet) {
  const { change, preview } = sheet.data as { change: ChangeRequest; preview: ChangePreview };
  const sub = sheet.sub!;
  if (!emit(p, 'creem-request-change', { subscription: sub, preview }, true)) return p.closeSheet();
  const r = await p.act(() => p.client.change(sub.id, change));
  if (!r) return;
  p.replace(r.subscription);
  p.closeSheet();
  p.say(msg('Your subscription was updated.'));
  emit(p, 'creem-subscription-changed', { subscription: r.subscription, transaction: r.transaction });
}

export function renderChangeStep(p: PortalElement, sheet: Sheet) {
  const sub = sheet.sub!;
  const cancelBtn = back(p, () => p.openSheet({ sub, step: 'menu' }));
  if (sheet.step === 'switch') {
    const plans = p.overview.value!.plans;
    // The current plan is checked but disabled, so a form nobody touched carries no plan: ask, send nothing.
    const submit = (e: Event) => {
      const plan = formValues(e).plan;
      if (plan) return preview(p, sheet, { product_id: plan });
      p.sheet = { ...sheet, data: { unchosen: true } };
      p.requestUpdate();
    };
    const unchosen = !!sheet.data?.unchosen;
    return html`<form @submit=${submit}>
      <fieldset aria-describedby=${unchosen ? 'plan-hint' : nothing}>
        <legend>${msg('Choose a plan')}</legend>
        ${plans.map(
          (plan) =>
            html`<label><input type="radio" name="plan" .value=${plan.id} ?checked=${plan.id === sub.product.id} ?disabled=${plan.id === sub.product.id} /><span
                >${plan.name} · ${price(plan, p.loc)}${plan.id === sub.product.id ? html` <span class="muted">(${msg('current plan')})</span>` : nothing}</span
              ></label>`,
        )}
      </fieldset>
      ${unchosen ? html`<p id="plan-hint" role="alert" class="err">${msg('Choose the plan to switch to.')}</p>` : nothing}
      <div class="row"><button part="button" class="primary" ?disabled=${p.busy}>${msg('Preview change')}</button>${cancelBtn}</div>
    </form>`;
  }
  if (sheet.step === 'units') {
    return html`<form @submit=${(e: Event) => preview(p, sheet, { units: Number(formValues(e).units) })}>
      <label>${msg('Quantity')}<input name="units" type="number" min="1" max=${LIMITS.maxUnits} required .value=${String(sub.units)} /></label>
      <div class="row"><button part="button" class="primary" ?disabled=${p.busy}>${msg('Preview change')}</button>${cancelBtn}</div>
    </form>`;
  }
  const { preview: pv, from } = sheet.data as { preview: ChangePreview; from: string };
  const m = (c: number) => money(c, pv.currency, p.loc);
  return html`<dl>
      <dt>${msg('New plan')}</dt>
      <dd>${pv.product.name} · ${price(pv.product, p.loc, pv.units)}</dd>
      <dt>${msg('Quantity')}</dt>
      <dd>${pv.units}</dd>
      <dt>${msg('Charged today')}</dt>
      <dd>${m(pv.charge_today)}</dd>
      <dt>${msg('Credited today')}</dt>
      <dd>${m(pv.credit_today)}</dd>
      <dt>${msg('Tax')}</dt>
      <dd>${m(pv.tax_today)}</dd>
      <dt>${msg('Next charge')}</dt>
      <dd>${pv.next_charge_date ? msg(str`${m(pv.next_charge_total)} on ${day(pv.next_charge_date, p.loc)}`) : m(pv.next_charge_total)}</dd>
    </dl>
    <p>
      ${pv.total_today > 0
        ? msg(str`You will be charged ${m(pv.total_today)} today.`)
        : pv.total_today < 0
          ? msg(str`${m(-pv.total_today)} will be refunded to your payment method.`)
          : msg('Nothing is charged today.')}
    </p>
    <div class="row">
      <button part="button" class="primary" ?disabled=${p.busy} @click=${() => change(p, sheet)}>${msg('Confirm change')}</button>
      ${back(p, () => p.openSheet({ sub, step: from as Sheet['step'] }))}
    </div>`;
}
