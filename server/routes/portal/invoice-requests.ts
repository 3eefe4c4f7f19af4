import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requestInvoice } from '../../domain/customer-requests.js';
import type { ReferenceResponse } from '../../../widget/portal-api.js';
import { customerScope, referenceResponses } from './customer-scope.js';
import { line, paragraph, TransactionId } from './fields.js';

export const portalInvoiceRequests = createRouter();

portalInvoiceRequests.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: 'Ask the merchant for a company invoice for one of my payments',
    security: [{ WidgetToken: [] }],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({ transaction_id: TransactionId, company_name: line(200), address: paragraph(500), tax_id: line(40).optional() })
              .strict(),
          },
        },
      },
    },
    responses: referenceResponses,
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { request } = await requestInvoice(c.var.deps, customerScope(c.var.scope), {
      transactionId: body.transaction_id,
      companyName: body.company_name,
      address: body.address,
      taxId: body.tax_id,
    });
    const answer: ReferenceResponse = { reference: request.reference };
    return c.json(answer, 201);
  },
);
