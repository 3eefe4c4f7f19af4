import { createRoute } from '@hono/zod-openapi';
import { BillingUpdate } from '../../../contract/portal.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { BillingAnswer, jsonBody, ok, portalErrors } from './schemas.js';

export const portalBilling = createRouter();

portalBilling.openapi(
  createRoute({
    method: 'patch',
    path: '/',
    summary: 'Update my billing details; a new email is confirmed by a link sent to it',
    security: [{ WidgetToken: [] }],
    request: jsonBody(BillingUpdate),
    responses: { ...ok(BillingAnswer, 'The customer after the update (a new email shows as pending_email)'), ...portalErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.updateBilling(callerOf(c), c.req.valid('json')), 200),
);
