import { forbidden, notFound } from '../errors.js';
import type { Merchant } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { switchablePlans } from './plans.js';
import { getSubscription, type ChangeInput, type DomainDeps } from './subscriptions.js';
import type { CustomerScope } from './customer-requests.js';

/**
 * What a merchant lets customers do themselves in the portal. The merchant API is not bound by
 * these settings; they only narrow what a widget token may ask for.
 */
export function checkPauseAllowed(merchant: Merchant): void {
  if (!merchant.settings.allow_pause) throw forbidden(`${merchant.settings.brand.name} does not let subscriptions be paused here.`);
}

/** A plan switch only to an offered plan, a units change only where the merchant allows it. */
export function checkChangeAllowed(deps: DomainDeps & { store: Store }, merchant: Merchant, scope: CustomerScope, id: string, input: ChangeInput): void {
  const sub = getSubscription(deps, scope, id);
  const units = sub.items[0]?.units ?? 1;
  if (input.productId !== undefined && input.productId !== sub.product_id) {
    if (!merchant.settings.allow_plan_switch) throw forbidden(`${merchant.settings.brand.name} does not let plans be switched here.`);
    if (!switchablePlans(deps.store, merchant, scope).some((p) => p.id === input.productId)) throw notFound('Plan');
  }
  if (input.units !== undefined && input.units !== units && !merchant.settings.allow_units_change) {
    throw forbidden(`${merchant.settings.brand.name} does not let the number of seats be changed here.`);
  }
}
