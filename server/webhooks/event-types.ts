/** Creem's event types, as its SDK's closed `WebhookEventType` enum lists them. */
export const CREEM_EVENT_TYPES = [
  'checkout.completed',
  'refund.created',
  'dispute.created',
  'subscription.active',
  'subscription.trialing',
  'subscription.canceled',
  'subscription.scheduled_cancel',
  'subscription.paid',
  'subscription.expired',
  'subscription.unpaid',
  'subscription.update',
  'subscription.past_due',
  'subscription.paused',
  'customer_credits.exhausted',
  'credits.granted',
  'credits.consumed',
  'credits.auto_recharged',
] as const;

/**
 * Ours: what customers ask for, or tell, in the portal. Opt-in by name, because Creem's SDK has a closed
 * enum and would refuse to parse an endpoint or pending event carrying them.
 */
export const PORTAL_EVENT_TYPES = ['support.requested', 'invoice.requested', 'refund.requested', 'cancellation.feedback'] as const;

export const WEBHOOK_EVENT_TYPES = [...CREEM_EVENT_TYPES, ...PORTAL_EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
