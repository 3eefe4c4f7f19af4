import type { Store } from '../store/interface.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../store/schema.js';
import { retryDelayMs } from './backoff.js';

const MAX_LOG = 20;

export interface Outcome {
  status: number | null;
  error: string | null;
  ms: number;
}

export type OutcomeKind = 'delivered' | 'retrying' | 'gaveUp';

/** Pending HTTP deliveries due by `now`, oldest due first; cli deliveries wait for an ack, a disabled endpoint keeps its own. */
export async function dueDeliveries(store: Store, now: number, limit: number): Promise<WebhookDelivery[]> {
  const pending = (await store.findBy('webhook_deliveries', 'status', 'pending')).filter((d) => d.next_attempt_at <= now);
  const endpoints = await Promise.all(pending.map((d) => store.get('webhook_endpoints', d.endpoint_id)));
  return pending
    .filter((_, i) => endpoints[i] !== undefined && endpoints[i]!.delivery_mode !== 'cli' && endpoints[i]!.status === 'active')
    .sort((a, b) => a.next_attempt_at - b.next_attempt_at)
    .slice(0, limit);
}

/** What an attempt sends: the endpoint and the event, as they are now. */
export async function deliveryTarget(store: Store, d: WebhookDelivery): Promise<{ endpoint: WebhookEndpoint; event: WebhookEvent } | null> {
  const [endpoint, event] = await Promise.all([store.get('webhook_endpoints', d.endpoint_id), store.get('webhook_events', d.event_id)]);
  return endpoint && event ? { endpoint, event } : null;
}

/** Writes one attempt's outcome and schedules the next. A delivery changed meanwhile (acked, replayed, endpoint deleted) is left alone. */
export function recordOutcome(store: Store, d: WebhookDelivery, outcome: Outcome, now: number, random: () => number): Promise<OutcomeKind | null> {
  return store.transact(async (tx) => {
    const current = await tx.get('webhook_deliveries', d.id);
    if (!current || current.status !== 'pending' || current.updated_at !== d.updated_at) return null;
    const attempts = current.attempts + 1;
    const ok = outcome.error === null;
    const delay = ok ? null : retryDelayMs(attempts, random);
    await tx.put('webhook_deliveries', {
      ...current,
      status: ok ? 'delivered' : delay === null ? 'failed' : 'pending',
      attempts,
      next_attempt_at: delay === null ? current.next_attempt_at : now + delay,
      last_status: outcome.status,
      last_error: outcome.error,
      log: [...current.log, { at: now, ...outcome }].slice(-MAX_LOG),
      updated_at: now,
    });
    return ok ? 'delivered' : delay === null ? 'gaveUp' : 'retrying';
  });
}
