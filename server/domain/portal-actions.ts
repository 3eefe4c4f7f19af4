import type { Merchant } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { forbidden, invalid, notFound } from './errors.js';
import { localParty, type CustomerScope, type RequestDeps } from './customer-requests.js';
import { mailCancelFeedback, recordCancelFeedback, type CancelFeedback } from './cancel-feedback.js';
import { offeredPlans } from './products.js';
import { cancelSubscription, getSubscription, pauseSubscription, resumeSubscription } from './subscriptions.js';
import { changeSubscription, previewSubscriptionChange, type ChangeInput } from './subscription-changes.js';
import type { CancelMode } from '../store/schema.js';
import { LIMITS } from '../../contract/values.js';

/**
 * What a customer may do to their own subscriptions in the portal: the same rules as the merchant
 * API, narrowed by what the merchant lets customers do themselves (cancel modes, pause, plan and
 * seat changes). The merchant API is not bound by these settings.
 */
export function checkCancelAllowed(merchant: Merchant, mode: CancelMode): void {
  if (!merchant.settings.cancel_modes.includes(mode)) throw forbidden(`${merchant.settings.brand.name} does not offer "${mode}" cancellation here.`);
}

/** Cancels as the survey asked; the answer is also kept for the merchant (event in the same commit, and a mail). */
export async function cancelAsCustomer(
  deps: RequestDeps,
  merchant: Merchant,
  scope: CustomerScope,
  id: string,
  input: { mode: CancelMode; reason: string; comment?: string | null },
) {
  checkCancelAllowed(merchant, input.mode);
  const party = await localParty(deps, scope);
  let feedback: CancelFeedback | undefined;
  const view = await cancelSubscription(deps, scope, id, { mode: input.mode, onExecute: 'cancel', reason: input.reason, comment: input.comment ?? null }, async (tx, saved, now) => {
    feedback = { subscriptionId: saved.subscription.id, productName: saved.product?.name ?? '', mode: input.mode, reason: input.reason, comment: input.comment ?? null };
    await recordCancelFeedback(tx, scope, party, feedback, now);
  });
  if (feedback) await mailCancelFeedback(deps, party, feedback);
  return view;
}

export function pauseAsCustomer(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string) {
  if (!merchant.settings.allow_pause) throw forbidden(`${merchant.settings.brand.name} does not let subscriptions be paused here.`);
  return pauseSubscription(deps, scope, id, 'customer');
}

/** Resumes the customer's own pause, or undoes a scheduled cancel; a merchant's pause stays the merchant's. */
export const resumeAsCustomer = (deps: DomainDeps, scope: CustomerScope, id: string) => resumeSubscription(deps, scope, id, 'customer');

/** The seats a customer may choose: the merchant's limits, else 1 up to the portal's maximum. */
export const seatLimits = (merchant: Merchant) => merchant.settings.units_limits ?? { min: 1, max: LIMITS.maxUnits };

/** A plan switch only to an offered plan, a seat change only where the merchant allows it and within its limits. */
async function checkChangeAllowed(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string, input: ChangeInput): Promise<void> {
  const sub = await getSubscription(deps.store, scope, id);
  const units = sub.items[0]?.units ?? 1;
  if (input.productId !== undefined && input.productId !== sub.product_id) {
    if (!merchant.settings.allow_plan_switch) throw forbidden(`${merchant.settings.brand.name} does not let plans be switched here.`);
    if (!(await offeredPlans(deps.store, merchant, scope)).some((p) => p.id === input.productId)) throw notFound('Plan');
  }
  if (input.units !== undefined && input.units !== units) {
    if (!merchant.settings.allow_units_change) throw forbidden(`${merchant.settings.brand.name} does not let the number of seats be changed here.`);
    const { min, max } = seatLimits(merchant);
    if (input.units < min || input.units > max) throw invalid(`Choose between ${min} and ${max} seats.`);
  }
}

export type CustomerChange = Pick<ChangeInput, 'productId' | 'units'>;

export async function previewAsCustomer(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string, input: CustomerChange) {
  await checkChangeAllowed(deps, merchant, scope, id, input);
  return previewSubscriptionChange(deps, scope, id, input);
}

export async function changeAsCustomer(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string, input: CustomerChange) {
  await checkChangeAllowed(deps, merchant, scope, id, input);
  return changeSubscription(deps, scope, id, input);
}
