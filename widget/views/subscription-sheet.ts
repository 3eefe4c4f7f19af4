import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { emit } from '../events.js';
import { day } from '../i18n.js';
import { LIMITS, type CancelMode, type CancelReason } from '../../contract/values.js';
import type { PortalElement, Sheet } from '../portal-element.js';
import { renderChangeStep } from './change-flow.js';
import { back, formValues, sheetFrame } from './sheet-frame.js';
import { resumeSubscription } from './subscriptions-view.js';

export type SubscriptionStep = 'menu' | 'cancel' | 'confirm' | 'pause' | 'switch' | 'units' | 'preview';

export const reasons = (): [CancelReason, string][] => [
  ['too_expensive', msg('It is too expensive')],
  ['missing_features', msg('It is missing features I need')],
  ['switched_service', msg('I switched to another service')],
  ['unused', msg("I don't use it enough")],
  ['customer_service', msg('Customer service was not good enough')],
  ['too_complex', msg('It is too complicated')],
  ['low_quality', msg('The quality was not good enough')],
  ['other', msg('Other reason')],
];

const live = (s: Sheet['sub']) => s!.status === 'active' || s!.status === 'trialing';

async function cancel(p: PortalElement, sheet: Sheet) {
  const sub = sheet.sub!;
  const { mode, reason, comment } = sheet.data as { mode: CancelMode; reason: CancelReason; comment: string };
  if (!emit(p, 'creem-request-cancel', { subscription: sub, mode, reason }, true)) return p.closeSheet();
  const body = { mode, reason, ...(comment ? { comment } : {}) };
  const r = await p.act(() => p.client.cancel(sub.id, body));
  if (!r) return;
  p.replace(r.subscription);
  p.closeSheet();
  p.say(
    r.subscription.status === 'canceled'
      ? msg(str`${sub.product.name} is canceled.`)
      : msg(str`${sub.product.name} will end on ${day(r.subscription.current_period_end_date, p.loc)}.`),
  );
  emit(p, 'creem-subscription-canceled', { subscription: r.subscription });
}

async function pause(p: PortalElement, sheet: Sheet) {
  const sub = sheet.sub!;
  if (!emit(p, 'creem-request-pause', { subscription: sub }, true)) return p.closeSheet();
  const r = await p.act(() => p.client.pause(sub.id));
  if (!r) return;
  p.replace(r.subscription);
  p.closeSheet();
  p.say(msg(str`${sub.product.name} is paused.`));
  emit(p, 'creem-subscription-paused', { subscription: r.subscription });
}

function menu(p: PortalElement, sheet: Sheet) {
  const sub = sheet.sub!;
  const s = p.overview.value!.merchant.settings;
  const go = (step: SubscriptionStep) => () => p.openSheet({ sub, step });
  const plans = p.overview.value!.plans.some((x) => x.id !== sub.product.id);
  return html`<p>${sub.product.name}</p>
    ${s.allow_plan_switch && plans && live(sub) ? html`<button part="button" @click=${go('switch')}>${msg('Switch plan')}</button>` : nothing}
    ${s.allow_units_change && live(sub) ? html`<button part="button" @click=${go('units')}>${msg('Change quantity')}</button>` : nothing}
    ${s.allow_pause && live(sub) ? html`<button part="button" @click=${go('pause')}>${msg('Pause subscription')}</button>` : nothing}
    ${sub.status === 'paused' || sub.status === 'scheduled_cancel'
      ? html`<button part="button" ?disabled=${p.busy} @click=${() => resumeSubscription(p, sub)}>
          ${sub.status === 'paused' ? msg('Resume subscription') : msg('Keep my subscription')}
        </button>`
      : nothing}
    ${sub.status !== 'scheduled_cancel' || s.cancel_modes.includes('immediate')
      ? html`<button part="button" @click=${go('cancel')}>${msg('Cancel subscription')}</button>`
      : nothing}`;
}

function survey(p: PortalElement, sheet: Sheet) {
  const sub = sheet.sub!;
  const s = p.overview.value!.merchant.settings;
  const prev = (sheet.data ?? {}) as Record<string, string>;
  const modes = s.cancel_modes.filter((m) => m === 'immediate' || sub.status !== 'scheduled_cancel');
  const submit = (e: Event) => p.openSheet({ sub, step: 'confirm', data: formValues(e) });
  return html`<form @submit=${submit}>
    <fieldset>
      <legend>${msg('Why are you canceling?')}</legend>
      ${reasons().map(
        ([value, label], i) =>
          html`<label><input type="radio" name="reason" .value=${value} required ?checked=${prev.reason ? prev.reason === value : !i} />${label}</label>`,
      )}
    </fieldset>
    <label>${msg('Anything else you would like to tell us? (optional)')}<textarea name="comment" maxlength=${LIMITS.cancelComment} .value=${prev.comment ?? ''}></textarea></label>
    <fieldset>
      <legend>${msg('When should it end?')}</legend>
      ${modes.map(
        (m, i) =>
          html`<label><input type="radio" name="mode" .value=${m} required ?checked=${prev.mode ? prev.mode === m : !i} />${m === 'scheduled'
              ? msg(str`At the end of the billing period (${day(sub.current_period_end_date, p.loc)})`)
              : msg('Immediately')}</label>`,
      )}
    </fieldset>
    ${s.allow_pause && live(sub)
      ? html`<div class="banner stack">
          <p>${msg('Need a break instead? Pause your subscription and resume whenever you like.')}</p>
          <div><button part="button" type="button" @click=${() => p.openSheet({ sub, step: 'pause' })}>${msg('Pause instead')}</button></div>
        </div>`
      : nothing}
    <div class="row">
      <button part="button" class="primary">${msg('Continue')}</button>
      ${back(p, () => p.openSheet({ sub, step: 'menu' }))}
    </div>
  </form>`;
}

function confirm(p: PortalElement, sheet: Sheet) {
  const sub = sheet.sub!;
  const end = day(sub.current_period_end_date, p.loc);
  const name = sub.product.name;
  return html`<p>
      ${sheet.data!.mode === 'immediate'
        ? msg(str`Your ${name} subscription ends now and you lose access immediately. You will not be charged again.`)
        : msg(str`Your ${name} subscription ends on ${end}. You keep access until then and will not be charged again.`)}
    </p>
    <div class="row">
      <button part="button" class="danger" ?disabled=${p.busy} @click=${() => cancel(p, sheet)}>${msg('Confirm cancellation')}</button>
      ${back(p, () => p.openSheet({ ...sheet, step: 'cancel' }))}
    </div>`;
}

function pauseStep(p: PortalElement, sheet: Sheet) {
  return html`<p>${msg('While paused you will not be charged. You can resume at any time.')}</p>
    <div class="row">
      <button part="button" class="primary" ?disabled=${p.busy} @click=${() => pause(p, sheet)}>${msg('Pause subscription')}</button>
      ${back(p, () => p.openSheet({ sub: sheet.sub, step: 'menu' }))}
    </div>`;
}

export function renderSubscriptionSheet(p: PortalElement, sheet: Sheet) {
  const titles: Record<SubscriptionStep, string> = {
    menu: msg('Manage subscription'),
    cancel: msg('Cancel subscription'),
    confirm: msg('Confirm cancellation'),
    pause: msg('Pause subscription'),
    switch: msg('Switch plan'),
    units: msg('Change quantity'),
    preview: msg('Review change'),
  };
  const step = sheet.step as SubscriptionStep;
  const body =
    step === 'cancel'
      ? survey(p, sheet)
      : step === 'confirm'
        ? confirm(p, sheet)
        : step === 'pause'
          ? pauseStep(p, sheet)
          : step === 'menu'
            ? menu(p, sheet)
            : renderChangeStep(p, sheet);
  return sheetFrame(p, titles[step], body);
}
