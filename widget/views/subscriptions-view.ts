import { html, nothing } from 'lit';
import { msg, str } from '../localize.js';
import type { PortalProduct, PortalSubscription } from '../../contract/portal.js';
import { isEnded } from '../../contract/values.js';
import { day, fromNow } from '../i18n.js';
import type { SubscriptionSheet, ViewState } from '../portal-types.js';
import { price, statusBadge } from './format.js';
import { renderEmpty } from './states.js';

export interface SubscriptionsProps extends ViewState {
  subscriptions: PortalSubscription[];
  open(sheet: SubscriptionSheet): void;
  resume(sub: PortalSubscription): void;
  /** The merchant's plans on offer. */
  plans: PortalProduct[];
  subscribe(plan: PortalProduct): void;
}

function details(sub: PortalSubscription, lang: string) {
  const end = day(sub.current_period_end_date, lang);
  switch (sub.status) {
    case 'trialing':
      return sub.trial_end_date ? msg(str`Trial ends ${fromNow(sub.trial_end_date, lang)} (${day(sub.trial_end_date, lang)})`) : '';
    case 'scheduled_cancel':
      return msg(str`Ends on ${end}`);
    case 'paused':
      return msg('Paused: no charges until you resume.');
    case 'canceled':
    case 'expired':
      return sub.canceled_at ? msg(str`Canceled on ${day(sub.canceled_at, lang)}`) : '';
    default:
      return sub.next_transaction_date ? msg(str`Next charge on ${day(sub.next_transaction_date, lang)}`) : '';
  }
}

function item(p: SubscriptionsProps, sub: PortalSubscription) {
  const done = isEnded(sub.status);
  const name = `name-${sub.id}`;
  // In the card's own template, not a nested one: a list of 50 clones 50 fewer templates.
  const [status, tone] = statusBadge(sub.status);
  return html`<li part="item" class="card">
    <div class="row">
      <h3 id=${name} class="grow">${sub.product.name}</h3>
      <span part="badge" class=${tone}>${status}</span>
    </div>
    <p>
      ${price(sub.product, p.locale, sub.units)}${sub.units > 1
        ? html` <span class="muted">(${msg(str`Quantity: ${sub.units}`)})</span>`
        : nothing}
    </p>
    <p class="muted">${details(sub, p.locale)}</p>
    ${sub.status === 'scheduled_cancel'
      ? html`<div class="banner row">
          <span class="grow">${msg(str`Your subscription ends on ${day(sub.current_period_end_date, p.locale)}. You keep access until then.`)}</span>
          <button part="button" class="primary" ?disabled=${p.busy} @click=${() => p.resume(sub)}>${msg('Keep my subscription')}</button>
        </div>`
      : sub.status === 'paused'
        ? html`<div>
            <button part="button" class="primary" ?disabled=${p.busy} @click=${() => p.resume(sub)}>${msg('Resume subscription')}</button>
          </div>`
        : nothing}
    ${done
      ? nothing
      : html`<div>
          <button part="button" aria-describedby=${name} @click=${() => p.open({ step: 'menu', sub })}>${msg('Manage subscription')}</button>
        </div>`}
  </li>`;
}

/** Once every subscription has ended (or there was none), the plans to start one with. */
function plans(p: SubscriptionsProps) {
  return html`<h3>${msg('Choose a plan')}</h3>
    ${p.subscriptions.length ? html`<p class="muted">${msg('All your subscriptions have ended. Choose a plan to subscribe again.')}</p>` : nothing}
    <ul part="list">
      ${p.plans.map(
        (plan) => html`<li part="item plan" class="card">
          <h3 id=${`plan-${plan.id}`}>${plan.name}</h3>
          <p>${price(plan, p.locale)}</p>
          ${plan.description ? html`<p class="muted">${plan.description}</p>` : nothing}
          <div>
            <button part="button" class="primary" aria-describedby=${`plan-${plan.id}`} ?disabled=${p.busy} @click=${() => p.subscribe(plan)}>${msg('Subscribe')}</button>
          </div>
        </li>`,
      )}
    </ul>`;
}

export function renderSubscriptions(p: SubscriptionsProps) {
  const offer = p.plans.length > 0 && p.subscriptions.every((s) => isEnded(s.status));
  return html`<section class="stack" aria-labelledby="subs-title">
      <h3 id="subs-title">${msg('Subscriptions')}</h3>
      ${p.problem ? html`<p role="alert" class="err">${p.problem}</p>` : nothing}
      ${p.subscriptions.length
        ? html`<ul part="list">
            ${p.subscriptions.map((s) => item(p, s))}
          </ul>`
        : renderEmpty(msg('You have no subscriptions yet.'))}
      ${offer ? plans(p) : nothing}
    </section>`;
}
