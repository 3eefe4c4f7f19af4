import { createRoute } from '@hono/zod-openapi';
import { createRouter, portalErrorResponses, AnyObject } from '../router.js';
import { listCustomerSubscriptions } from '../../domain/subscriptions.js';
import { switchablePlans } from '../../domain/plans.js';
import { portalCustomer, portalMerchant, portalProduct, portalSubscription } from '../../wire/portal.js';
import type { OverviewResponse } from '../../../widget/portal-api.js';

export const overview = createRouter();

overview.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: "Everything the portal's first screen shows, in one request",
    security: [{ WidgetToken: [] }],
    responses: { 200: { description: 'Customer, merchant, subscriptions and plans', content: { 'application/json': { schema: AnyObject } } }, ...portalErrorResponses },
  }),
  (c) => {
    const { store } = c.var.deps;
    const scope = c.var.scope as typeof c.var.scope & { customerId: string };
    const customer = store.get('customers', scope.customerId)!;
    const subs = listCustomerSubscriptions(c.var.deps, scope).sort((a, b) => b.created_at.localeCompare(a.created_at));
    const body: OverviewResponse = {
      customer: portalCustomer(customer),
      merchant: portalMerchant(c.var.merchant),
      subscriptions: subs.map((s) => portalSubscription(store, s)),
      plans: switchablePlans(store, c.var.merchant, scope).map(portalProduct),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  },
);

