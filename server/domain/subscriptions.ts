import type { StoreReader, Tx } from '../store/interface.js';
import type { PausedBy, Subscription } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { notFound } from './errors.js';
import { saveSubscription } from './events.js';
import { inScope, type Scope } from './scope.js';
import { subscriptionView, subscriptionViews, type SubscriptionView } from './views.js';
import * as rules from './subscription-rules.js';

export async function getSubscription(r: StoreReader, scope: Scope, id: string): Promise<Subscription> {
  const sub = await r.get('subscriptions', id);
  if (!sub || !inScope(scope, sub)) throw notFound('Subscription');
  return sub;
}

export const findSubscription = async (deps: DomainDeps, scope: Scope, id: string): Promise<SubscriptionView> =>
  subscriptionView(deps.store, await getSubscription(deps.store, scope, id));

const newestFirst = (a: Subscription, b: Subscription) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id);

/** One customer's subscriptions, newest first. */
export async function listCustomerSubscriptions(r: StoreReader, scope: Scope & { customerId: string }): Promise<Subscription[]> {
  return (await r.findBy('subscriptions', 'customer_id', scope.customerId)).filter((s) => inScope(scope, s)).sort(newestFirst);
}

export interface SubscriptionFilter {
  customerId?: string;
  productId?: string;
  status?: Subscription['status'];
}

/** The merchant's subscriptions, newest first; a customer filter starts from that customer's index. */
export async function searchSubscriptions(deps: DomainDeps, scope: Scope, f: SubscriptionFilter = {}): Promise<Subscription[]> {
  const base = f.customerId
    ? await deps.store.findBy('subscriptions', 'customer_id', f.customerId)
    : await deps.store.findBy('subscriptions', 'merchant_id', scope.merchantId);
  return base.filter((s) => inScope(scope, s) && (!f.productId || s.product_id === f.productId) && (!f.status || s.status === f.status)).sort(newestFirst);
}

/** Subscriptions with what their wire format expands; for one page of a list. */
export const viewSubscriptions = (deps: DomainDeps, subs: Subscription[]) => subscriptionViews(deps.store, subs);

/**
 * Runs one state-machine transition and records its event in the same commit. The rule runs
 * inside the transaction against the current record, so of many concurrent requests only the
 * first valid transition happens; the rest see the new state and are refused.
 */
async function transition(
  deps: DomainDeps,
  scope: Scope,
  id: string,
  step: (sub: Subscription, now: number) => rules.Transition,
  alsoInCommit?: AlsoInCommit,
): Promise<SubscriptionView> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const { subscription, eventType } = step(await getSubscription(tx, scope, id), now);
    const view = await subscriptionView(tx, await saveSubscription(tx, subscription, eventType, now));
    await alsoInCommit?.(tx, view, now);
    return view;
  });
}

/** More to write in the same commit as a transition (e.g. the cancel survey's event). */
export type AlsoInCommit = (tx: Tx, saved: SubscriptionView, now: number) => Promise<void>;

export interface CancelInput {
  mode?: 'immediate' | 'scheduled';
  onExecute?: 'cancel' | 'pause';
  reason?: string | null;
  comment?: string | null;
}

export async function cancelSubscription(deps: DomainDeps, scope: Scope, id: string, input: CancelInput, alsoInCommit?: AlsoInCommit): Promise<SubscriptionView> {
  // The merchant's default only matters when the caller did not say.
  const mode = input.mode ?? (await deps.store.get('merchants', scope.merchantId))?.settings.default_cancel_mode ?? 'scheduled';
  return transition(
    deps,
    scope,
    id,
    (sub, now) => rules.cancel(sub, { mode, onExecute: input.onExecute ?? 'cancel', reason: input.reason, comment: input.comment }, now),
    alsoInCommit,
  );
}

/** `by`: who asks — the merchant API (default) or the customer in the portal; see rules.pause/resume. */
export const pauseSubscription = (deps: DomainDeps, scope: Scope, id: string, by: PausedBy = 'merchant') =>
  transition(deps, scope, id, (sub, now) => rules.pause(sub, now, by));
export const resumeSubscription = (deps: DomainDeps, scope: Scope, id: string, by: PausedBy = 'merchant') =>
  transition(deps, scope, id, (sub, now) => rules.resume(sub, now, by));

/** A customer's subscriptions for the merchant API: the customer must be the merchant's. */
export async function listSubscriptionsOf(deps: DomainDeps, scope: Scope, customerId: string): Promise<Subscription[]> {
  const customer = await deps.store.get('customers', customerId);
  if (!customer || !inScope(scope, customer)) throw notFound('Customer');
  return listCustomerSubscriptions(deps.store, { ...scope, customerId: customer.id });
}
