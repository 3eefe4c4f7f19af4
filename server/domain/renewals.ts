import { iso } from '../clock.js';
import type { Tx } from '../store/interface.js';
import type { Subscription } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { saveSubscription } from './events.js';
import { addPeriod } from './periods.js';
import { recordPayment } from './payments.js';
import { endScheduledCancel } from './subscription-rules.js';
import { afterPayment, amountOff, covers } from './discounts.js';

/** A server that was off for a long time catches up at most this many periods per subscription per run. */
const MAX_CATCH_UP = 36;
const ROLLING: Subscription['status'][] = ['active', 'trialing', 'scheduled_cancel'];

const due = (s: Subscription, now: number) => Date.parse(s.current_period_end_date) <= now;

/** Renews one active/trialing subscription for every period that has ended, one paid transaction each. */
async function renew(tx: Tx, sub: Subscription, now: number): Promise<boolean> {
  const product = await tx.get('products', sub.product_id);
  if (!product) return false;
  const customer = await tx.get('customers', sub.customer_id);
  const units = sub.items[0]?.units ?? 1;
  let current = sub;
  for (let i = 0; i < MAX_CATCH_UP && due(current, now); i++) {
    const start = Date.parse(current.current_period_end_date);
    const end = addPeriod(start, product.billing_period);
    // A one-time product has no next period: leave it alone rather than loop.
    if (end <= start) return i > 0;
    const amount = product.price * units;
    // A discount from the checkout, while it lasts (its terms are kept on the subscription).
    const d = current.discount;
    const t = await recordPayment(tx, {
      subscription: current,
      product,
      customer,
      amount,
      discount: covers(d, start) ? amountOff(d, amount) : 0,
      periodStart: start,
      periodEnd: end,
      description: `${product.name} × ${units}`,
      now,
    });
    const next: Subscription = {
      ...current,
      status: 'active',
      current_period_start_date: iso(start),
      current_period_end_date: iso(end),
      next_transaction_date: iso(end),
      last_transaction_id: t.id,
      last_transaction_date: iso(now),
      discount: afterPayment(d, start, product.billing_period),
      updated_at: iso(now),
    };
    current = await saveSubscription(tx, next, 'subscription.paid', now);
  }
  return current !== sub;
}

/**
 * Processes every subscription whose period has ended by `nowMs`: active and trialing ones renew
 * with a new paid transaction, scheduled cancels become canceled (or paused). Paused, canceled,
 * past_due and unpaid ones are left as they are. Returns how many subscriptions changed.
 */
export async function rollOverDue(deps: DomainDeps, nowMs: number): Promise<number> {
  const candidates: string[] = [];
  for (const status of ROLLING) for (const s of await deps.store.findBy('subscriptions', 'status', status)) if (due(s, nowMs)) candidates.push(s.id);
  // One commit per subscription (a bad record cannot block the others); group commit writes them together.
  const results = await Promise.allSettled(
    candidates.map((id) =>
      deps.store.transact(async (tx) => {
        // Re-read inside the commit: a request may have changed it since the scan.
        const sub = await tx.get('subscriptions', id);
        if (!sub || !due(sub, nowMs)) return false;
        if (sub.status === 'active' || sub.status === 'trialing') return renew(tx, sub, nowMs);
        if (sub.status !== 'scheduled_cancel') return false;
        const { subscription, eventType } = endScheduledCancel(sub, nowMs);
        await saveSubscription(tx, subscription, eventType, nowMs);
        return true;
      }),
    ),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.filter((r) => r.status === 'fulfilled' && r.value).length;
}
