import type { Merchant } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { forbidden, notFound } from './errors.js';
import type { CustomerScope } from './customer-requests.js';
import { switchablePlans } from './products.js';
import { cancelSubscription, getSubscription, pauseSubscription, resumeSubscription } from './subscriptions.js';
import { changeSubscription, previewSubscriptionChange, type ChangeInput } from './subscription-changes.js';
import type { CancelMode } from '../store/schema.js';

/**
 * What a customer may do to their own subscriptions in the portal: the same rules as the merchant
 * API, narrowed by what the merchant lets customers do themselves (cancel modes, pause, plan and
 * seat changes). The merchant API is not bound by these settings.
 */
export async function cancelAsCustomer(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string, input: { mode: CancelMode; reason: string; comment?: string | null }) {
  if (!merchant.settings.cancel_modes.includes(input.mode)) throw forbidden(`${merchant.settings.brand.name} does not offer "${input.mode}" cancellation here.`);
  return cancelSubscription(deps, scope, id, { mode: input.mode, onExecute: 'cancel', reason: input.reason, comment: input.comment ?? null });
}

export function pauseAsCustomer(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string) {
  if (!merchant.settings.allow_pause) throw forbidden(`${merchant.settings.brand.name} does not let subscriptions be paused here.`);
  return pauseSubscription(deps, scope, id, 'customer');
}

/** Resumes the customer's own pause, or undoes a scheduled cancel; a merchant's pause stays the merchant's. */
export const resumeAsCustomer = (deps: DomainDeps, scope: CustomerScope, id: string) => resumeSubscription(deps, scope, id, 'customer');

/** A plan switch only to an offered plan, a seat change only where the merchant allows it. */
async function checkChangeAllowed(deps: DomainDeps, merchant: Merchant, scope: CustomerScope, id: string, input: ChangeInput): Promise<void> {
  const sub = await getSubscription(deps.store, scope, id);
  const units = sub.items[0]?.units ?? 1;
  if (input.productId !== undefined && input.productId !== sub.product_id) {
    if (!merchant.settings.allow_plan_switch) throw forbidden(`${merchant.settings.brand.name} does not let plans be switched here.`);
    if (!(await switchablePlans(deps.store, merchant, scope)).some((p) => p.id === input.productId)) throw notFound('Plan');
  }
  if (input.units !== undefined && input.units !== units && !merchant.settings.allow_units_change) {
    throw forbidden(`${merchant.settings.brand.name} does not let the number of seats be changed here.`);
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
