import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { money } from '../i18n.js';
import type { PortalProduct } from '../../contract/portal.js';
import type { SubscriptionStatus } from '../../contract/values.js';

/** "€9.99 per month" in the element's locale and the product's currency. */
export function price(product: PortalProduct, lang: string, units = 1) {
  const p = money(product.price * units, product.currency, lang);
  switch (product.billing_period) {
    case 'every-month':
      return msg(str`${p} per month`);
    case 'every-three-months':
      return msg(str`${p} every 3 months`);
    case 'every-six-months':
      return msg(str`${p} every 6 months`);
    case 'every-year':
      return msg(str`${p} per year`);
    default:
      return p;
  }
}

const tone: Partial<Record<SubscriptionStatus, string>> = {
  active: 'ok',
  trialing: 'ok',
  scheduled_cancel: 'warn',
  paused: 'warn',
  past_due: 'bad',
  unpaid: 'bad',
};

export function statusBadge(status: SubscriptionStatus) {
  const label = {
    active: msg('Active'),
    trialing: msg('Trial'),
    scheduled_cancel: msg('Ending'),
    paused: msg('Paused'),
    canceled: msg('Canceled'),
    past_due: msg('Past due'),
    unpaid: msg('Unpaid'),
    expired: msg('Expired'),
  }[status];
  return html`<span part="badge" class=${tone[status] ?? ''}>${label}</span>`;
}
