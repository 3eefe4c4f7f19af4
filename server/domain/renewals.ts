import { iso } from '../clock.js';
import type { Subscription } from '../store/schema.js';
import type { Tx } from '../store/store.js';
import { wireSubscription } from '../wire/subscription.js';
import { recordEvent } from './events.js';
import { addPeriod } from './periods.js';
import { recordPayment } from './payments.js';
import { endScheduledCancel } from './subscription-rules.js';
import type { DomainDeps } from './subscriptions.js';

/** A server that was off for a long time catches up at most this many periods per subscription per run. */
const MAX_CATCH_UP = 36;

const due = (s: Subscription, now: number) => Date.parse(s.current_period_end_date) <= now;

/** Renews one active/trialing subscription for every period that has ended, one paid transaction each. */
function renew(tx: Tx, deps: DomainDeps, sub: Subscription, now: number): boolean {
  const product = deps.store.get('products', sub.product_id);
  if (!product) return false;
  const customer = deps.store.get('customers', sub.customer_id);
  const units = sub.items[0]?.units ?? 1;
  let current = sub;
  for (let i = 0; i < MAX_CATCH_UP && due(current, now); i++) {
    const start = Date.parse(current.current_period_end_date);
    const end = addPeriod(start, product.billing_period);
    // A one-time product has no next period: leave it alone rather than loop.
    if (end <= start) return i > 0;
    const t = recordPayment(tx, {
      subscription: current,
      product,
      customer,
      amount: product.price * units,
      periodStart: start,
      periodEnd: end,
      description: `${product.name} × ${units}`,
      now,
    });
    current = tx.put('subscriptions', {
      ...current,
      status: 'active',
      current_period_start_date: iso(start),
      current_period_end_date: iso(end),
      next_transaction_date: iso(end),
      last_transaction_id: t.id,
      last_transaction_date: iso(now),
      updated_at: iso(now),
    });
    recordEvent(tx, deps.store, { merchantId: current.merchant_id, mode: current.mode, eventType: 'subscription.paid', object: wireSubscription(deps.store, current) }, now);
  }
  return current !== sub;
}

/**
 * Processes every subscription whose period has ended by `nowMs`: active and trialing ones renew
 * with a new paid transaction, scheduled cancels become canceled (or paused). Paused, canceled,
 * past_due and unpaid ones are left as they are. Returns how many subscriptions changed.
 */
export async function rollOverDue(deps: DomainDeps, nowMs: number): Promise<number> {
  const candidates = deps.store
    .all('subscriptions')
    .filter((s) => ['active', 'trialing', 'scheduled_cancel'].includes(s.status) && due(s, nowMs))
    .map((s) => s.id);
  // One commit per subscription (a bad record cannot block the others); group commit writes them together.
  const results = await Promise.allSettled(
    candidates.map((id) =>
      deps.store.transact((tx) => {
        // Re-read inside the commit: a request may have changed it since the scan.
        const sub = deps.store.get('subscriptions', id);
        if (!sub || !due(sub, nowMs)) return false;
        if (sub.status === 'active' || sub.status === 'trialing') return renew(tx, deps, sub, nowMs);
        if (sub.status !== 'scheduled_cancel') return false;
        const { subscription, eventType } = endScheduledCancel(sub, nowMs);
        const saved = tx.put('subscriptions', subscription);
        recordEvent(tx, deps.store, { merchantId: saved.merchant_id, mode: saved.mode, eventType, object: wireSubscription(deps.store, saved) }, nowMs);
        return true;
      }),
    ),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.filter((r) => r.status === 'fulfilled' && r.value).length;
}
