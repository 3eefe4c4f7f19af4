import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { createRefund } from '../../domain/refunds.js';
import { wireRefund } from '../../wire/refund.js';
import { Id, IdempotencyHeaders, RefundEntity, json, jsonBody, v1Errors } from './schemas.js';

export const refunds = createRouter();

refunds.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Refunds'],
    summary: 'Refund a transaction in full, or in part with `amount`',
    description: 'The transaction becomes `refunded`, or `partialRefund` while some of it is left. Refunding more than is left is refused.',
    request: {
      headers: IdempotencyHeaders,
      body: jsonBody(
        z
          .object({
            transaction_id: Id('transaction'),
            amount: z.number().int().min(1).max(100_000_000).optional().openapi({ description: 'Cents; omitted = everything still refundable' }),
            reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'other']).optional(),
          })
          .strict(),
      ),
    },
    responses: { ...json(RefundEntity, 'The refund'), ...v1Errors },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const refund = await createRefund(c.var.deps, c.var.scope, {
      transactionId: body.transaction_id,
      amount: body.amount,
      reason: body.reason ?? 'requested_by_customer',
    });
    return c.json(wireRefund(refund), 200);
  },
);
