import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requestSupport } from '../../domain/customer-requests.js';
import type { ReferenceResponse } from '../../../widget/portal-api.js';
import { customerScope, referenceResponses } from './customer-scope.js';
import { line, paragraph, TransactionId } from './fields.js';

export const portalSupport = createRouter();

portalSupport.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: "Write to the merchant's support (mailed to them, and sent as a support.requested webhook)",
    security: [{ WidgetToken: [] }],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ subject: line(200), message: paragraph(5000), transaction_id: TransactionId.optional() }).strict(),
          },
        },
      },
    },
    responses: referenceResponses,
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { request } = await requestSupport(c.var.deps, customerScope(c.var.scope), {
      subject: body.subject,
      message: body.message,
      transactionId: body.transaction_id,
    });
    const answer: ReferenceResponse = { reference: request.reference };
    return c.json(answer, 201);
  },
);
