import { msg, str } from '../localize.js';
import type { PortalProduct, PortalTransaction } from '../../contract/portal.js';
import type { CancelReason, RefundReason, SubscriptionStatus, TransactionStatus } from '../../contract/values.js';
import { day, money, plural } from '../i18n.js';

/** The words for the contract's values, in the active catalog. */

/** "€9.99 per month" in the element's locale and the product's currency. */
export function price(product: PortalProduct, locale: string, units = 1) {
  const p = money(product.price * units, product.currency, locale);
  switch (product.billing_period) {
    case 'every-month':
      return msg(str`${p} per month`);
    case 'every-three-months':
    case 'every-six-months':
      return plural(locale, product.billing_period === 'every-three-months' ? 3 : 6, { one: '{1} every month', other: '{1} every {0} months' }, p);
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

/** A status badge's words and its tone class ('' for none). */
export function statusBadge(status: SubscriptionStatus): [label: string, tone: string] {
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
  return [label, tone[status] ?? ''];
}

/** The cancel survey's answers (also offered as refund reasons). */
export const cancelReasons = (): [CancelReason, string][] => [
  ['too_expensive', msg('It is too expensive')],
  ['missing_features', msg('It is missing features I need')],
  ['switched_service', msg('I switched to another service')],
  ['unused', msg("I don't use it enough")],
  ['customer_service', msg('Customer service was not good enough')],
  ['too_complex', msg('It is too complicated')],
  ['low_quality', msg('The quality was not good enough')],
  ['other', msg('Other reason')],
];

/** Why a customer asks for a refund: two only a payment can have, then the cancel reasons. */
export const refundReasons = (): [RefundReason, string][] => [
  ['duplicate', msg('I was charged twice')],
  ['not_as_described', msg('It was not as described')],
  ...cancelReasons(),
];

export const txStatus = (s: TransactionStatus) =>
  ({
    paid: msg('Paid'),
    refunded: msg('Refunded'),
    partialRefund: msg('Partly refunded'),
    pending: msg('Pending'),
    failed: msg('Failed'),
    void: msg('Void'),
    chargedBack: msg('Charged back'),
  })[s];

/** Label/value pairs describing a payment: shown in the sheet, on the receipt and copied as text. */
export const txRows = (t: PortalTransaction, locale: string): [string, string][] => [
  [msg('Order ID'), t.order_id],
  [msg('Transaction ID'), t.id],
  [msg('Amount'), money(t.amount_paid || t.amount, t.currency, locale)],
  [msg('Date'), day(t.created_at, locale)],
  [msg('Product'), t.product_name ?? ''],
];
