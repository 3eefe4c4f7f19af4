import { html, nothing } from 'lit';
import { msg, str } from '../localize.js';
import type { PortalMerchant, PortalSubscription } from '../../contract/portal.js';
import { LIMITS } from '../../contract/values.js';
import { day } from '../i18n.js';
import type { CancelAnswers, SheetStep, SubscriptionSheet } from '../portal-types.js';
import { renderPreview, renderSwitch, renderUnits, type ChangeFlowProps } from './change-flow.js';
import { cancelReasons } from './format.js';
import { back, formValues, sheetFrame } from './sheet-frame.js';

export interface SubscriptionSheetProps extends ChangeFlowProps {
  sheet: SubscriptionSheet;
  settings: PortalMerchant['settings'];
  close(): void;
  resume(sub: PortalSubscription): void;
  pause(sub: PortalSubscription): void;
  cancel(sub: PortalSubscription, answers: CancelAnswers): void;
}

const live = (s: PortalSubscription) => s.status === 'active' || s.status === 'trialing';

function menu(p: SubscriptionSheetProps, { sub }: SheetStep<'menu'>) {
  const s = p.settings;
  const go = (step: 'cancel' | 'pause' | 'switch' | 'units') => () => p.open({ step, sub });
  const plans = p.plans.some((x) => x.id !== sub.product.id);
  return html`<p>${sub.product.name}</p>
    ${s.allow_plan_switch && plans && live(sub) ? html`<button part="button" @click=${go('switch')}>${msg('Switch plan')}</button>` : nothing}
    ${s.allow_units_change && live(sub) ? html`<button part="button" @click=${go('units')}>${msg('Change quantity')}</button>` : nothing}
    ${s.allow_pause && live(sub) ? html`<button part="button" @click=${go('pause')}>${msg('Pause subscription')}</button>` : nothing}
    ${sub.status === 'paused' || sub.status === 'scheduled_cancel'
      ? html`<button part="button" ?disabled=${p.busy} @click=${() => p.resume(sub)}>
          ${sub.status === 'paused' ? msg('Resume subscription') : msg('Keep my subscription')}
        </button>`
      : nothing}
    ${sub.status !== 'scheduled_cancel' || s.cancel_modes.includes('immediate')
      ? html`<button part="button" @click=${go('cancel')}>${msg('Cancel subscription')}</button>`
      : nothing}`;
}

function survey(p: SubscriptionSheetProps, { sub, answers }: SheetStep<'cancel'>) {
  const s = p.settings;
  const reasons = cancelReasons();
  const modes = s.cancel_modes.filter((m) => m === 'immediate' || sub.status !== 'scheduled_cancel');
  const submit = (e: Event) => {
    const f = formValues(e);
    // The radios hold only these values; the lookups give them their types.
    const reason = reasons.find(([r]) => r === f.reason)?.[0] ?? reasons[0][0];
    const mode = modes.find((m) => m === f.mode) ?? modes[0];
    p.open({ step: 'confirm', sub, answers: { reason, mode, comment: f.comment ?? '' } });
  };
  return html`<form @submit=${submit}>
    <fieldset>
      <legend>${msg('Why are you canceling?')}</legend>
      ${reasons.map(
        ([value, label], i) =>
          html`<label><input type="radio" name="reason" .value=${value} required ?checked=${answers ? answers.reason === value : !i} />${label}</label>`,
      )}
    </fieldset>
    <label
      >${msg('Anything else you would like to tell us? (optional)')}<textarea
        name="comment"
        maxlength=${LIMITS.cancelComment}
        .value=${answers?.comment ?? ''}
      ></textarea
    ></label>
    <fieldset>
      <legend>${msg('When should it end?')}</legend>
      ${modes.map(
        (m, i) =>
          html`<label><input type="radio" name="mode" .value=${m} required ?checked=${answers ? answers.mode === m : !i} />${m === 'scheduled'
              ? msg(str`At the end of the billing period (${day(sub.current_period_end_date, p.locale)})`)
              : msg('Immediately')}</label>`,
      )}
    </fieldset>
    ${s.allow_pause && live(sub)
      ? html`<div class="banner stack">
          <p>${msg('Need a break instead? Pause your subscription and resume whenever you like.')}</p>
          <div><button part="button" type="button" @click=${() => p.open({ step: 'pause', sub })}>${msg('Pause instead')}</button></div>
        </div>`
      : nothing}
    <div class="row">
      <button part="button" class="primary">${msg('Continue')}</button>
      ${back(() => p.open({ step: 'menu', sub }))}
    </div>
  </form>`;
}

function confirm(p: SubscriptionSheetProps, { sub, answers }: SheetStep<'confirm'>) {
  const end = day(sub.current_period_end_date, p.locale);
  const name = sub.product.name;
  return html`<p>
      ${answers.mode === 'immediate'
        ? msg(str`Your ${name} subscription ends now and you lose access immediately. You will not be charged again.`)
        : msg(str`Your ${name} subscription ends on ${end}. You keep access until then and will not be charged again.`)}
    </p>
    <div class="row">
      <button part="button" class="danger" ?disabled=${p.busy} @click=${() => p.cancel(sub, answers)}>${msg('Confirm cancellation')}</button>
      ${back(() => p.open({ step: 'cancel', sub, answers }))}
    </div>`;
}

function pauseStep(p: SubscriptionSheetProps, { sub }: SheetStep<'pause'>) {
  return html`<p>${msg('While paused you will not be charged. You can resume at any time.')}</p>
    <div class="row">
      <button part="button" class="primary" ?disabled=${p.busy} @click=${() => p.pause(sub)}>${msg('Pause subscription')}</button>
      ${back(() => p.open({ step: 'menu', sub }))}
    </div>`;
}

function body(p: SubscriptionSheetProps, sheet: SubscriptionSheet) {
  switch (sheet.step) {
    case 'menu':
      return menu(p, sheet);
    case 'cancel':
      return survey(p, sheet);
    case 'confirm':
      return confirm(p, sheet);
    case 'pause':
      return pauseStep(p, sheet);
    case 'switch':
      return renderSwitch(p, sheet);
    case 'units':
      return renderUnits(p, sheet);
    case 'preview':
      return renderPreview(p, sheet);
  }
}

export function renderSubscriptionSheet(p: SubscriptionSheetProps) {
  const titles: Record<SubscriptionSheet['step'], string> = {
    menu: msg('Manage subscription'),
    cancel: msg('Cancel subscription'),
    confirm: msg('Confirm cancellation'),
    pause: msg('Pause subscription'),
    switch: msg('Switch plan'),
    units: msg('Change quantity'),
    preview: msg('Review change'),
  };
  return sheetFrame(titles[p.sheet.step], body(p, p.sheet), p.problem, p.close);
}
