import { constructWebhookEvent, WebhookVerificationError } from 'creem/webhooks';
import { invalid, unauthenticated } from '../domain/errors.js';
import type { CreemAccount } from './creem-account.js';

export interface Received {
  id: string | undefined;
  eventType: string;
  /** The customers whose cached reads were dropped. */
  customers: string[];
}

const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined);

/** Every customer id an event's object names: its own, its subscription's, its transaction's. */
function customersIn(object: unknown): string[] {
  if (!object || typeof object !== 'object') return [];
  const o = object as Record<string, unknown>;
  const found = [idOf(o.customer), idOf((o.subscription as Record<string, unknown> | undefined)?.customer), idOf((o.transaction as Record<string, unknown> | undefined)?.customer)];
  if (o.object === 'customer') found.push(idOf(o));
  return [...new Set(found.filter((x): x is string => !!x && /^cust_[A-Za-z0-9]+$/.test(x)))];
}

/**
 * A webhook from Creem: its signature is checked with Creem's own verifier (Standard Webhooks
 * headers within 5 minutes, else `creem-signature` over the raw body); a bad or stale one changes
 * nothing. A valid one drops what is cached for the customers it names, so the next read is fresh.
 * Nothing else is done with it, which makes a replay harmless.
 */
export async function receiveCreemWebhook(account: CreemAccount, secret: string, payload: string, headers: Headers): Promise<Received> {
  let event;
  try {
    event = await constructWebhookEvent(payload, headers, { secret, toleranceInSeconds: 300 });
  } catch (e) {
    if (e instanceof WebhookVerificationError) throw unauthenticated('The webhook signature is missing, invalid or too old.');
    throw invalid('The webhook body is not a Creem event.');
  }
  if (typeof event.type !== 'string') throw invalid('The webhook body is not a Creem event.');
  const customers = customersIn(event.data);
  for (const c of customers) await account.forget(c);
  if (event.type.startsWith('product.') || event.type === 'checkout.completed') await account.forgetProducts();
  return { id: event.id, eventType: event.type, customers };
}
