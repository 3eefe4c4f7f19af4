import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { Tx } from '../store/interface.js';
import type { Mode, Subscription, WebhookEndpoint, WebhookEvent } from '../store/schema.js';
import { wireSubscription } from '../wire/subscription.js';
import { subscriptionView } from './views.js';

export interface EventInput {
  merchantId: string;
  mode: Mode;
  eventType: string;
  object: unknown;
}

const endpointsOf = (tx: Tx, merchantId: string) => tx.findBy('webhook_endpoints', 'merchant_id', merchantId);

/**
 * Writes a webhook event into the outbox, plus one pending delivery per matching endpoint, in
 * the caller's transaction: the change and its event reach the disk together or not at all.
 */
export async function recordEvent(tx: Tx, input: EventInput, now: number, endpoints?: WebhookEndpoint[]): Promise<WebhookEvent> {
  const event = await tx.put('webhook_events', {
    id: newId('evt'),
    merchant_id: input.merchantId,
    mode: input.mode,
    eventType: input.eventType,
    object: input.object,
    created_at: iso(now),
  });
  for (const endpoint of endpoints ?? (await endpointsOf(tx, input.merchantId))) {
    if (endpoint.mode !== input.mode || endpoint.status !== 'active') continue;
    if (endpoint.events.length > 0 && !endpoint.events.includes(input.eventType)) continue;
    await tx.put('webhook_deliveries', {
      id: newId('dlv'),
      merchant_id: input.merchantId,
      event_id: event.id,
      endpoint_id: endpoint.id,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_status: null,
      last_error: null,
      log: [],
      created_at: now,
      updated_at: now,
    });
  }
  return event;
}

/** Saves a subscription's new state and records the event it causes, in the caller's transaction. */
export async function saveSubscription(tx: Tx, subscription: Subscription, eventType: string, now: number): Promise<Subscription> {
  const saved = await tx.put('subscriptions', subscription);
  // Asked together: on PostgreSQL they share one round trip.
  const [view, endpoints] = await Promise.all([subscriptionView(tx, saved), endpointsOf(tx, saved.merchant_id)]);
  await recordEvent(tx, { merchantId: saved.merchant_id, mode: saved.mode, eventType, object: wireSubscription(view) }, now, endpoints);
  return saved;
}
