import type { WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../store/schema.js';

/** Creem's WebhookEntity. The secret is included only where Creem returns it (on create). */
export function wireWebhookEndpoint(e: WebhookEndpoint, opts: { withSecret?: boolean } = {}) {
  return {
    id: e.id,
    mode: e.mode,
    object: 'webhook' as const,
    store_id: e.merchant_id,
    // `?? …`: endpoints stored before these fields existed.
    name: e.name ?? null,
    url: e.url,
    delivery_mode: e.delivery_mode ?? 'http',
    // Stored as 'active' because the outbox (domain/events.ts) matches on it; Creem says 'enabled'.
    status: e.status === 'active' ? ('enabled' as const) : ('disabled' as const),
    events: e.events,
    ...(opts.withSecret ? { secret: e.secret } : {}),
    created_at: e.created_at,
    updated_at: e.updated_at,
  };
}

/**
 * The delivered envelope, as Creem sends it: `created_at` in epoch milliseconds; `object` is the
 * record as it was when the change happened (product and customer already expanded).
 */
export function wireWebhookEvent(ev: WebhookEvent) {
  return { id: ev.id, eventType: ev.eventType, created_at: Date.parse(ev.created_at), object: ev.object };
}

/** The exact body bytes of every delivery of this event; stable, so retries carry the same body. */
export const webhookEventBody = (ev: WebhookEvent) => JSON.stringify(wireWebhookEvent(ev));

/** One item of Creem's pending-events feed (cli endpoints). */
export function wirePendingEvent(ev: WebhookEvent, body: string, headers: Record<string, string>) {
  return { id: ev.id, object: 'webhook_event' as const, event_type: ev.eventType, created_at: ev.created_at, body, headers };
}

/** A delivery with its attempt log, for the merchant's delivery history. */
export function wireWebhookDelivery(d: WebhookDelivery, eventType: string | null) {
  return {
    id: d.id,
    object: 'webhook_delivery' as const,
    event_id: d.event_id,
    event_type: eventType,
    webhook_id: d.endpoint_id,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === 'pending' ? new Date(d.next_attempt_at).toISOString() : null,
    last_status: d.last_status,
    last_error: d.last_error,
    log: d.log.map((l) => ({ at: new Date(l.at).toISOString(), status: l.status, error: l.error, duration_ms: l.ms })),
    created_at: new Date(d.created_at).toISOString(),
    updated_at: new Date(d.updated_at).toISOString(),
  };
}
