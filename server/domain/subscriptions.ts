import { notFound } from '../errors.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import type { PausedBy, Subscription } from '../store/schema.js';
import { wireSubscription } from '../wire/subscription.js';
import { recordEvent } from './events.js';
import { inScope, type Scope } from './scope.js';
import * as rules from './subscription-rules.js';

export interface DomainDeps {
  store: Store;
  clock: Clock;
}

export function getSubscription(deps: DomainDeps, scope: Scope, id: string): Subscription {
  const sub = deps.store.get('subscriptions', id);
  if (!inScope(scope, sub)) throw notFound('Subscription');
  return sub!;
}

export function listCustomerSubscriptions(deps: DomainDeps, scope: Scope & { customerId: string }): Subscription[] {
  return deps.store.findBy('subscriptions', 'customer_id', scope.customerId).filter((s) => inScope(scope, s));
}

export interface SubscriptionFilter {
  customerId?: string;
  productId?: string;
  status?: Subscription['status'];
}

/** The merchant's subscriptions, newest first; a customer filter starts from that customer's index. */
export function searchSubscriptions(deps: DomainDeps, scope: Scope, f: SubscriptionFilter = {}): Subscription[] {
  const base = f.customerId
    ? deps.store.findBy('subscriptions', 'customer_id', f.customerId)
    : deps.store.findBy('subscriptions', 'merchant_id', scope.merchantId);
  return base
    .filter((s) => inScope(scope, s) && (!f.productId || s.product_id === f.productId) && (!f.status || s.status === f.status))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}

export { previewSubscriptionChange, changeSubscription, type ChangeInput, type ChangePreview } from './subscription-changes.js';

/**
 * Runs one state-machine transition and records its event in the same commit. The rule runs
 * inside the transaction against the current record, so of many concurrent requests only the
 * first valid transition happens; the rest see the new state and get a 409.
 */
async function transition(
  deps: DomainDeps,
  scope: Scope,
  id: string,
  step: (sub: Subscription, now: number) => rules.Transition,
): Promise<Subscription> {
  const now = deps.clock();
  return deps.store.transact((tx) => {
    const current = getSubscription(deps, scope, id);
    const { subscription, eventType } = step(current, now);
    const saved = tx.put('subscriptions', subscription);
    recordEvent(tx, deps.store, { merchantId: saved.merchant_id, mode: saved.mode, eventType, object: wireSubscription(deps.store, saved) }, now);
    return saved;
  });
}

export interface CancelInput {
  mode?: 'immediate' | 'scheduled';
  onExecute?: 'cancel' | 'pause';
  reason?: string | null;
  comment?: string | null;
}

export function cancelSubscription(deps: DomainDeps, scope: Scope, id: string, input: CancelInput): Promise<Subscription> {
  const merchant = deps.store.get('merchants', scope.merchantId);
  const mode = input.mode ?? merchant?.settings.default_cancel_mode ?? 'scheduled';
  return transition(deps, scope, id, (sub, now) =>
    rules.cancel(sub, { mode, onExecute: input.onExecute ?? 'cancel', reason: input.reason, comment: input.comment }, now),
  );
}

/** `by`: who asks — the merchant API (default) or the customer in the portal; see rules.pause/resume. */
export const pauseSubscription = (deps: DomainDeps, scope: Scope, id: string, by: PausedBy = 'merchant') =>
  transition(deps, scope, id, (sub, now) => rules.pause(sub, now, by));
export const resumeSubscription = (deps: DomainDeps, scope: Scope, id: string, by: PausedBy = 'merchant') =>
  transition(deps, scope, id, (sub, now) => rules.resume(sub, now, by));
