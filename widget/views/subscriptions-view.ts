import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { day, fromNow } from '../i18n.js';
import type { OverviewResponse, PortalSubscription } from '../../contract/portal.js';
import type { PortalElement } from '../portal-element.js';
import { emit } from '../events.js';
import { renderEmpty } from './states.js';
import { price, statusBadge } from './format.js';

/** Resume a paused subscription or undo a scheduled cancel. */
export async function resumeSubscription(p: PortalElement, sub: PortalSubscription) {
  const r = await p.act(() => p.client.resume(sub.id));
  if (!r) return;
  p.replace(r.subscription);
  p.closeSheet();
  p.say(msg(str`${sub.product.name} is active again.`));
  emit(p, 'creem-subscription-resumed', { subscription: r.subscription });
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

function item(p: PortalElement, sub: PortalSubscription) {
  const done = sub.status === 'canceled' || sub.status === 'expired';
  const name = `name-${sub.id}`;
  return html`<li part="item" class="card">
    <div class="row">
      <h3 id=${name} class="grow">${sub.product.name}</h3>
      ${statusBadge(sub.status)}
    </div>
    <p>
      ${price(sub.product, p.loc, sub.units)}${sub.units > 1
        ? html` <span class="muted">(${msg(str`Quantity: ${sub.units}`)})</span>`
        : nothing}
    </p>
    <p class="muted">${details(sub, p.loc)}</p>
    ${sub.status === 'scheduled_cancel'
      ? html`<div class="banner row">
          <span class="grow">${msg(str`Your subscription ends on ${day(sub.current_period_end_date, p.loc)}. You keep access until then.`)}</span>
          <button part="button" class="primary" ?disabled=${p.busy} @click=${() => resumeSubscription(p, sub)}>
            ${msg('Keep my subscription')}
          </button>
        </div>`
      : sub.status === 'paused'
        ? html`<div>
            <button part="button" class="primary" ?disabled=${p.busy} @click=${() => resumeSubscription(p, sub)}>
              ${msg('Resume subscription')}
            </button>
          </div>`
        : nothing}
    ${done
      ? nothing
      : html`<div>
          <button part="button" aria-describedby=${name} @click=${() => p.openSheet({ sub, step: 'menu' })}>
            ${msg('Manage subscription')}
          </button>
        </div>`}
  </li>`;
}

export function renderSubscriptions(p: PortalElement, o: OverviewResponse) {
  return html`<section class="stack" aria-labelledby="subs-title">
    <h3 id="subs-title">${msg('Subscriptions')}</h3>
    ${p.problem && !p.sheet ? html`<p role="alert" class="err">${p.problem}</p>` : nothing}
    ${o.subscriptions.length
      ? html`<ul part="list">
          ${o.subscriptions.map((s) => item(p, s))}
        </ul>`
      : renderEmpty(msg('You have no subscriptions yet.'))}
  </section>`;
}
