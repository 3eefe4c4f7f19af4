import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { Store, Tx } from '../store/store.js';
import type { Mode, WebhookEvent } from '../store/schema.js';

export interface EventInput {
  merchantId: string;
  mode: Mode;
  eventType: string;
  object: unknown;
}

/**
 * Writes a webhook event into the outbox, plus one pending delivery per matching endpoint, in
 * the caller's transaction: the change and its event reach the disk together or not at all.
 */
export function recordEvent(tx: Tx, store: Pick<Store, 'findBy'>, input: EventInput, now: number): WebhookEvent {
  const event = tx.put('webhook_events', {
    id: newId('evt'),
    merchant_id: input.merchantId,
    mode: input.mode,
    eventType: input.eventType,
    object: input.object,
    created_at: iso(now),
  });
  for (const endpoint of store.findBy('webhook_endpoints', 'merchant_id', input.merchantId)) {
    if (endpoint.mode !== input.mode || endpoint.status !== 'active') continue;
    if (endpoint.events.length > 0 && !endpoint.events.includes(input.eventType)) continue;
    tx.put('webhook_deliveries', {
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
