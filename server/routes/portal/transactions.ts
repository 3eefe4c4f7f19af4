import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { Transactions, ok, portalErrors } from './schemas.js';

export const portalTransactions = createRouter();

portalTransactions.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'My payments, newest first',
    security: [{ WidgetToken: [] }],
    responses: { ...ok(Transactions, 'Every payment of the signed-in customer'), ...portalErrors },
  }),
  async (c) => {
    const body = await c.var.deps.portal.transactions(callerOf(c));
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  },
);
