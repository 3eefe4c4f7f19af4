import { createRoute } from '@hono/zod-openapi';
import { BillingUpdate } from '../../../contract/portal.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { BillingAnswer, ManageLinkAnswer, jsonBody, ok, portalErrors } from './schemas.js';

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

portalBilling.openapi(
  createRoute({
    method: 'post',
    path: '/manage-link',
    summary: "A single-use link to the payment provider's own page for my card on file (when the merchant's backend offers one)",
    description: 'Offered when `merchant.settings.billing.manage_link` is true (companion mode: Creem\u2019s customer portal). Otherwise 403.',
    security: [{ WidgetToken: [] }],
    responses: { ...ok(ManageLinkAnswer, 'The link; open it at once, it is short-lived'), ...portalErrors },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await c.var.deps.portal.manageLink(callerOf(c)), 200);
  },
);
