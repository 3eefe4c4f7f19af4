import type { Logger } from '../log.js';
import type { Tx } from '../store/interface.js';
import type { CustomerScope, RequestParty } from './customer-requests.js';
import { recordEvent } from './events.js';
import type { Notifier } from './notifier.js';

/** Why a customer canceled, as the survey in the portal asked. */
export interface CancelFeedback {
  subscriptionId: string;
  productName: string;
  mode: 'immediate' | 'scheduled';
  reason: string;
  comment: string | null;
}

export const CANCEL_FEEDBACK_EVENT = 'cancellation.feedback';

/**
 * The survey's answer as an event for the merchant's webhooks, in the commit that records the
 * cancel (or, in companion mode, the note that keeps the reason): Creem's API has no field for it.
 */
export async function recordCancelFeedback(tx: Tx, scope: CustomerScope, party: RequestParty, f: CancelFeedback, now: number): Promise<void> {
  const object = {
    object: 'cancellation_feedback',
    mode: scope.mode,
    subscription_id: f.subscriptionId,
    product_name: f.productName,
    cancel_mode: f.mode,
    reason: f.reason,
    comment: f.comment,
    customer: { id: party.customer.id, email: party.customer.email, name: party.customer.name },
  };
  await recordEvent(tx, { merchantId: scope.merchantId, mode: scope.mode, eventType: CANCEL_FEEDBACK_EVENT, object }, now);
}

/** The same answer by mail to the merchant's support address; a failure is logged, the cancel stands. */
export async function mailCancelFeedback(deps: { notify: Notifier; log: Logger }, party: RequestParty, f: CancelFeedback): Promise<void> {
  try {
    await deps.notify.cancelFeedback({ merchant: party.merchant, customer: party.customer, ...f });
  } catch (e) {
    deps.log.error('cancel feedback mail failed', { subscription_id: f.subscriptionId, error: e instanceof Error ? e.message : String(e) });
  }
}
