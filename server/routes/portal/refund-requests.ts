import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, portalErrorResponses, AnyObject } from '../router.js';
import { requestRefund } from '../../domain/refund-policy.js';
import type { RefundRequestResponse } from '../../../widget/portal-api.js';
import { portalSubscription } from '../../wire/portal.js';
import { customerScope, portalWriteErrors } from './customer-scope.js';
import { paragraph, REFUND_REASONS, TransactionId } from './fields.js';

export const portalRefundRequests = createRouter();

portalRefundRequests.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: "Ask for a refund of one of my payments, decided by the merchant's refund policy",
    description:
      'Within the merchant\'s auto-refund window a period payment is refunded at once (outcome "refunded"); when that payment paid for the current period of a running subscription, the subscription is canceled at once too (returned as `canceled_subscription`, sent as subscription.canceled). A charge for a plan or seat change, or a payment past the window, waits for the merchant when the merchant takes requests (outcome "pending", mailed and sent as a refund.requested webhook); otherwise 403. A second request while one is pending, or for a refunded payment, gets 409.',
    security: [{ WidgetToken: [] }],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ transaction_id: TransactionId, reason: z.enum(REFUND_REASONS), comment: paragraph(1000).optional() }).strict(),
          },
        },
      },
    },
    responses: {
      201: { description: 'What happened: refunded now, or pending with the merchant', content: { 'application/json': { schema: AnyObject } } },
      ...portalErrorResponses,
      ...portalWriteErrors,
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const filed = await requestRefund(c.var.deps, customerScope(c.var.scope), {
      transactionId: body.transaction_id,
      reason: body.reason,
      comment: body.comment,
    });
    const answer: RefundRequestResponse = {
      reference: filed.request.reference,
      outcome: filed.outcome,
      refund_amount: filed.amount,
      canceled_subscription: filed.canceled ? portalSubscription(c.var.deps.store, filed.canceled) : null,
    };
    return c.json(answer, 201);
  },
);
