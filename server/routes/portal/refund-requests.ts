import { createRoute } from '@hono/zod-openapi';
import { RefundRequest } from '../../../contract/portal.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { RefundAnswer, created, jsonBody, portalErrors } from './schemas.js';

export const portalRefundRequests = createRouter();

portalRefundRequests.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: "Ask for a refund of one of my payments, decided by the merchant's refund policy",
    description:
      'Within the merchant\'s auto-refund window a period payment is refunded at once (outcome "refunded"); when that payment paid for the current period of a running subscription, the subscription is canceled at once too (returned as `canceled_subscription`, sent as subscription.canceled). A charge for a plan or seat change, or a payment past the window, waits for the merchant when the merchant takes requests (outcome "pending", mailed and sent as a refund.requested webhook); otherwise 403. A second request while one is pending, or for a refunded payment, gets 409.',
    security: [{ WidgetToken: [] }],
    request: jsonBody(RefundRequest),
    responses: { ...created(RefundAnswer, 'What happened: refunded now, or pending with the merchant'), ...portalErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.refund(callerOf(c), c.req.valid('json')), 201),
);
