import { iso } from '../clock.js';
import type { CancelMode, PausedBy, Subscription, SubscriptionStatus } from '../store/schema.js';
import { conflict, forbidden } from './errors.js';

/**
 * The subscription state machine as pure functions: each takes a subscription and the time and
 * returns the next subscription plus the webhook event it causes, or throws a conflict naming
 * the refused transition. The table is in docs/domain.md.
 */
export interface Transition {
  subscription: Subscription;
  eventType: string;
}

const CANCELABLE_NOW: SubscriptionStatus[] = ['active', 'trialing', 'past_due', 'unpaid', 'paused', 'scheduled_cancel'];
const SCHEDULABLE: SubscriptionStatus[] = ['active', 'trialing'];

function refuse(sub: Subscription, action: string): never {
  if (sub.status === 'canceled' || sub.status === 'expired') throw conflict(`Subscription ${sub.id} is ${sub.status}; it cannot ${action}.`);
  throw conflict(`Subscription ${sub.id} is ${sub.status}; it cannot ${action} from that state.`);
}

export interface CancelOptions {
  mode: CancelMode;
  onExecute: 'cancel' | 'pause';
  reason?: string | null;
  comment?: string | null;
}

export function cancel(sub: Subscription, opts: CancelOptions, now: number): Transition {
  const at = iso(now);
  const base = { ...sub, updated_at: at, cancel_reason: opts.reason ?? sub.cancel_reason, cancel_comment: opts.comment ?? sub.cancel_comment };
  if (opts.mode === 'immediate') {
    if (!CANCELABLE_NOW.includes(sub.status)) refuse(sub, 'be canceled');
    return {
      subscription: { ...base, status: 'canceled', canceled_at: at, scheduled_action: null, next_transaction_date: null },
      eventType: 'subscription.canceled',
    };
  }
  if (!SCHEDULABLE.includes(sub.status)) {
    if (sub.status === 'scheduled_cancel') throw conflict(`Subscription ${sub.id} is already scheduled to cancel at ${sub.current_period_end_date}.`);
    refuse(sub, 'be scheduled to cancel');
  }
  return {
    subscription: { ...base, status: 'scheduled_cancel', scheduled_action: opts.onExecute, next_transaction_date: null },
    eventType: 'subscription.scheduled_cancel',
  };
}

/** Pauses now; `by` records who did, so the portal can tell a customer's pause from the merchant's. */
export function pause(sub: Subscription, now: number, by: PausedBy = 'merchant'): Transition {
  if (sub.status !== 'active' && sub.status !== 'trialing') refuse(sub, 'be paused');
  return {
    subscription: { ...sub, status: 'paused', paused_by: by, next_transaction_date: null, updated_at: iso(now) },
    eventType: 'subscription.paused',
  };
}

/**
 * Resumes a paused subscription, or undoes a scheduled cancel keeping the current period. A
 * customer (`by: 'customer'`, the portal) may undo their own pause and any scheduled cancel, but
 * not a pause the merchant made (or one of unknown origin): that is the merchant's call.
 */
export function resume(sub: Subscription, now: number, by: PausedBy = 'merchant'): Transition {
  if (sub.status !== 'paused' && sub.status !== 'scheduled_cancel') refuse(sub, 'be resumed');
  if (by === 'customer' && sub.status === 'paused' && sub.paused_by !== 'customer') {
    throw forbidden(`Subscription ${sub.id} was paused by the merchant; please contact support to resume it.`);
  }
  return {
    subscription: {
      ...sub,
      status: 'active',
      paused_by: null,
      scheduled_action: null,
      canceled_at: null,
      next_transaction_date: sub.current_period_end_date,
      updated_at: iso(now),
    },
    eventType: 'subscription.active',
  };
}

/** At period end a scheduled cancel takes effect: canceled, or paused when the merchant asked `onExecute: pause`. */
export function endScheduledCancel(sub: Subscription, now: number): Transition {
  if (sub.status !== 'scheduled_cancel') refuse(sub, 'end a scheduled cancel');
  if (sub.scheduled_action === 'pause') {
    return {
      // Only the merchant API can schedule a pause-at-period-end, so the merchant paused it.
      subscription: { ...sub, status: 'paused', paused_by: 'merchant', scheduled_action: null, next_transaction_date: null, updated_at: iso(now) },
      eventType: 'subscription.paused',
    };
  }
  return {
    subscription: { ...sub, status: 'canceled', scheduled_action: null, canceled_at: sub.current_period_end_date, next_transaction_date: null, updated_at: iso(now) },
    eventType: 'subscription.canceled',
  };
}
