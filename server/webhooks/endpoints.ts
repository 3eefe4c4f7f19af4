import { conflict, invalid, notFound } from '../domain/errors.js';
import { iso, type Clock } from '../clock.js';
import { newId } from '../ids.js';
import { inScope, type Scope } from '../domain/scope.js';
import type { Store, StoreReader } from '../store/interface.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../store/schema.js';
import { assertPublicUrl, UnsafeWebhookUrlError, type GuardOptions } from './address-guard.js';
import { CREEM_EVENT_TYPES } from './event-types.js';
import { deliveryHeaders, newWebhookSecret } from './sign.js';
import { webhookEventBody } from '../wire/webhook.js';

/**
 * The rules for a merchant's webhook endpoints: registration, the `cli` pending feed and its
 * acknowledgements, and replay. Plain functions over the store; routes only validate and shape.
 */
export interface WebhookDeps {
  store: Store;
  clock: Clock;
  guard: GuardOptions;
}

const MAX_ENDPOINTS = 20;
const MAX_LOG = 20;

export async function getEndpoint(r: StoreReader, scope: Scope, id: string): Promise<WebhookEndpoint> {
  const e = await r.get('webhook_endpoints', id);
  if (!e || !inScope(scope, e)) throw notFound('Webhook');
  return e;
}

/** The merchant's endpoints in this mode, oldest first. */
export async function listEndpoints(r: StoreReader, scope: Scope): Promise<WebhookEndpoint[]> {
  return (await r.findBy('webhook_endpoints', 'merchant_id', scope.merchantId)).filter((e) => inScope(scope, e));
}

/** Does this endpoint take this event? The same matching the outbox applies when recording. */
export function endpointWants(e: WebhookEndpoint, ev: WebhookEvent): boolean {
  return e.mode === ev.mode && e.status === 'active' && (e.events.length === 0 || e.events.includes(ev.eventType));
}

async function checkUrl(deps: WebhookDeps, raw: string): Promise<string> {
  const url = new URL(raw);
  if (url.username || url.password) throw invalid('url: must not carry a user name or password; authenticate deliveries by their signature.');
  try {
    await assertPublicUrl(url, deps.guard);
  } catch (e) {
    if (e instanceof UnsafeWebhookUrlError) throw invalid(`url: refused, ${e.message}.`);
    throw e;
  }
  return url.href;
}

export interface CreateEndpointInput {
  url?: string;
  delivery_mode?: 'http' | 'cli';
  name?: string;
  events?: string[];
}

export async function createEndpoint(deps: WebhookDeps, scope: Scope, input: CreateEndpointInput): Promise<WebhookEndpoint> {
  const mode = input.delivery_mode ?? 'http';
  let url = '';
  if (mode === 'http') {
    if (!input.url) throw invalid('url: required when delivery_mode is http');
    url = await checkUrl(deps, input.url);
  }
  const now = iso(deps.clock());
  return deps.store.transact(async (tx) => {
    if ((await listEndpoints(tx, scope)).length >= MAX_ENDPOINTS) throw conflict(`At most ${MAX_ENDPOINTS} webhook endpoints per mode; delete one first.`);
    return tx.put('webhook_endpoints', {
      id: newId('wh'),
      merchant_id: scope.merchantId,
      mode: scope.mode,
      url,
      name: input.name ?? null,
      delivery_mode: mode,
      secret: newWebhookSecret(),
      // Omitted = every Creem event; our portal events are opt-in (see event-types.ts).
      events: input.events ?? [...CREEM_EVENT_TYPES],
      status: 'active',
      created_at: now,
      updated_at: now,
    });
  });
}

export interface UpdateEndpointInput {
  url?: string;
  name?: string | null;
  status?: 'enabled' | 'disabled';
  events?: string[];
}

/** Only the fields given change. */
export async function updateEndpoint(deps: WebhookDeps, scope: Scope, id: string, input: UpdateEndpointInput): Promise<WebhookEndpoint> {
  const current = await getEndpoint(deps.store, scope, id);
  let url: string | undefined;
  if (input.url !== undefined) {
    if (current.delivery_mode === 'cli') throw invalid('url: a cli endpoint has no url; its events wait in the pending feed.');
    url = await checkUrl(deps, input.url);
  }
  const now = iso(deps.clock());
  return deps.store.transact(async (tx) => {
    const latest = await getEndpoint(tx, scope, id);
    return tx.put('webhook_endpoints', {
      ...latest,
      ...(url !== undefined ? { url } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.status !== undefined ? { status: input.status === 'enabled' ? ('active' as const) : ('disabled' as const) } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      updated_at: now,
    });
  });
}

/** Removes the endpoint and its delivery history; events stay (other endpoints may have them). */
export function deleteEndpoint(deps: WebhookDeps, scope: Scope, id: string): Promise<WebhookEndpoint> {
  return deps.store.transact(async (tx) => {
    const endpoint = await getEndpoint(tx, scope, id);
    for (const d of await tx.findBy('webhook_deliveries', 'endpoint_id', id)) await tx.delete('webhook_deliveries', d.id);
    await tx.delete('webhook_endpoints', id);
    return endpoint;
  });
}

async function cliEndpoint(r: StoreReader, scope: Scope, id: string): Promise<WebhookEndpoint> {
  const endpoint = await getEndpoint(r, scope, id);
  if (endpoint.delivery_mode !== 'cli') {
    throw invalid(`Webhook ${id} delivers over HTTP; the pending-events feed is only for delivery_mode cli endpoints.`);
  }
  return endpoint;
}

export interface PendingEvent {
  event: WebhookEvent;
  body: string;
  headers: Record<string, string>;
}

/** Unacknowledged events of a cli endpoint, oldest first, each signed now as a delivery would be. */
export async function listPendingEvents(deps: WebhookDeps, scope: Scope, id: string, limit: number): Promise<PendingEvent[]> {
  const endpoint = await cliEndpoint(deps.store, scope, id);
  const now = deps.clock();
  const pending = (await deps.store.findBy('webhook_deliveries', 'endpoint_id', id))
    .filter((d) => d.status === 'pending')
    .sort((a, b) => a.created_at - b.created_at)
    .slice(0, limit);
  const events = await Promise.all(pending.map((d) => deps.store.get('webhook_events', d.event_id)));
  return events.flatMap((event) => {
    if (!event) return [];
    const body = webhookEventBody(event);
    return [{ event, body, headers: deliveryHeaders({ secret: endpoint.secret, eventId: event.id, body, now }) }];
  });
}

async function deliveryOf(r: StoreReader, endpointId: string, eventId: string): Promise<WebhookDelivery | undefined> {
  return (await r.findBy('webhook_deliveries', 'endpoint_id', endpointId)).find((d) => d.event_id === eventId);
}

/** Records what the local server answered; any 2xx is a success. The event leaves the feed either way. */
export async function acknowledgeEvent(
  deps: WebhookDeps,
  scope: Scope,
  id: string,
  eventId: string,
  input: { status_code: number; response_body?: string },
): Promise<{ delivery: WebhookDelivery; success: boolean }> {
  await cliEndpoint(deps.store, scope, id);
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const d = await deliveryOf(tx, id, eventId);
    if (!d) throw notFound('Pending event');
    if (d.status !== 'pending') throw conflict(`Event ${eventId} was already acknowledged for webhook ${id} (${d.status}).`);
    const success = input.status_code >= 200 && input.status_code < 300;
    const error = success ? null : (input.response_body ?? '').slice(0, 200) || `HTTP ${input.status_code}`;
    const delivery = await tx.put('webhook_deliveries', {
      ...d,
      status: success ? 'delivered' : 'failed',
      attempts: d.attempts + 1,
      last_status: input.status_code,
      last_error: error,
      log: [...d.log, { at: now, status: input.status_code, error, ms: 0 }].slice(-MAX_LOG),
      updated_at: now,
    });
    return { delivery, success };
  });
}

/**
 * Replays an event with its original id (so receivers that already saw it can drop it) to every
 * enabled endpoint that takes it, or to one named endpoint. Each gets a fresh retry budget.
 */
export function resendEvent(deps: WebhookDeps, scope: Scope, eventId: string, webhookId?: string): Promise<{ event: WebhookEvent; deliveries: WebhookDelivery[] }> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const event = await tx.get('webhook_events', eventId);
    if (!event || !inScope(scope, event)) throw notFound('Webhook event');
    const targets = webhookId ? [await getEndpoint(tx, scope, webhookId)] : await listEndpoints(tx, scope);
    const wanting = targets.filter((e) => endpointWants(e, event));
    if (wanting.length === 0) {
      throw conflict(webhookId ? `Webhook ${webhookId} is disabled or does not take ${event.eventType} events.` : `No enabled webhook endpoint takes ${event.eventType} events.`);
    }
    const deliveries: WebhookDelivery[] = [];
    for (const endpoint of wanting) {
      const before = await deliveryOf(tx, endpoint.id, eventId);
      deliveries.push(await tx.put('webhook_deliveries', {
        id: before?.id ?? newId('dlv'),
        merchant_id: scope.merchantId,
        event_id: eventId,
        endpoint_id: endpoint.id,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_status: before?.last_status ?? null,
        last_error: before?.last_error ?? null,
        log: before?.log ?? [],
        created_at: before?.created_at ?? now,
        updated_at: now,
      }));
    }
    return { event, deliveries };
  });
}

export interface DeliveryView {
  delivery: WebhookDelivery;
  eventType: string | null;
}

/** The delivery history of one endpoint, newest first, with each event's type. */
export async function listDeliveries(store: Store, scope: Scope, id: string, limit: number): Promise<DeliveryView[]> {
  await getEndpoint(store, scope, id);
  const deliveries = (await store.findBy('webhook_deliveries', 'endpoint_id', id)).sort((a, b) => b.created_at - a.created_at).slice(0, limit);
  const events = await Promise.all(deliveries.map((d) => store.get('webhook_events', d.event_id)));
  return deliveries.map((delivery, i) => ({ delivery, eventType: events[i]?.eventType ?? null }));
}

/** For the merchant API: one endpoint, or every endpoint, of the caller. */
export const findEndpoint = (deps: Pick<WebhookDeps, 'store'>, scope: Scope, id: string) => getEndpoint(deps.store, scope, id);
export const endpointsOf = (deps: Pick<WebhookDeps, 'store'>, scope: Scope) => listEndpoints(deps.store, scope);
export const deliveriesOf = (deps: Pick<WebhookDeps, 'store'>, scope: Scope, id: string, limit: number) => listDeliveries(deps.store, scope, id, limit);
