import { createRoute } from '@hono/zod-openapi';
import { InvoiceRequest } from '../../../contract/portal.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { ReferenceAnswer, created, jsonBody, requestErrors } from './schemas.js';

export const portalInvoiceRequests = createRouter();

portalInvoiceRequests.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: 'Ask the merchant for a company invoice for one of my payments',
    security: [{ WidgetToken: [] }],
    request: jsonBody(InvoiceRequest),
    responses: { ...created(ReferenceAnswer, 'The request reference (a retry within minutes answers with the same one)'), ...requestErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.invoice(callerOf(c), c.req.valid('json')), 201),
);
