import { createRoute } from '@hono/zod-openapi';
import { createRouter, portalErrorResponses, AnyObject } from '../router.js';
import { listCustomerTransactions } from '../../domain/customer-requests.js';
import { portalTransaction } from '../../wire/portal.js';
import type { TransactionsResponse } from '../../../widget/portal-api.js';
import { customerScope } from './customer-scope.js';

export const portalTransactions = createRouter();

portalTransactions.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'My payments, newest first',
    security: [{ WidgetToken: [] }],
    responses: { 200: { description: 'Every payment of the signed-in customer', content: { 'application/json': { schema: AnyObject } } }, ...portalErrorResponses },
  }),
  (c) => {
    const { store } = c.var.deps;
    const items = listCustomerTransactions(c.var.deps, customerScope(c.var.scope)).map((t) => portalTransaction(store, t));
    const body: TransactionsResponse = { items };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  },
);
