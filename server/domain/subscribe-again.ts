import { isEnded } from '../../contract/values.js';
import type { Merchant, Product, Subscription } from '../store/schema.js';
import { conflict, invalid, notFound } from './errors.js';
import { seatLimits } from './portal-actions.js';
import { REDIRECT_PARAMS } from './checkouts.js';

export interface SubscribeInput {
  productId: string;
  units?: number;
  returnUrl: string;
}

/** Tags a checkout the portal started, so the merchant's webhooks can tell it from their own. */
export const PORTAL_CHECKOUT_METADATA = { source: 'creem-portal' } as const;

/**
 * Whether a customer may start a new subscription from the portal, the same rules in both modes:
 * only to one of the plans on offer, only once every subscription they had has ended (a live one
 * is changed, not doubled), within the merchant's seat limits, and coming back only to a page on
 * one of the merchant's allowed origins. Returns the checked product and return page (as the
 * customer left it, without an earlier checkout's redirect parameters).
 */
export function checkSubscribe(merchant: Merchant, plans: Product[], subscriptions: Subscription[], input: SubscribeInput): { product: Product; units: number; returnUrl: string } {
  const product = plans.find((p) => p.id === input.productId);
  if (!product) throw notFound('Plan');
  if (subscriptions.some((s) => !isEnded(s.status))) throw conflict('You already have a subscription: change its plan instead of starting another.');
  const units = input.units ?? 1;
  const { min, max } = seatLimits(merchant);
  if (units < min || units > max) throw invalid(`Choose between ${min} and ${max} seats.`);
  let url: URL;
  try {
    url = new URL(input.returnUrl);
  } catch {
    throw invalid('return_url must be an absolute URL.');
  }
  if (!/^https?:$/.test(url.protocol) || !merchant.settings.allowed_origins.includes(url.origin))
    throw invalid(`return_url: ${url.origin} is not among the merchant's allowed origins.`);
  url.hash = '';
  // An earlier checkout's redirect parameters would pile up (Creem appends, it does not replace).
  for (const p of REDIRECT_PARAMS) url.searchParams.delete(p);
  return { product, units, returnUrl: url.href };
}
