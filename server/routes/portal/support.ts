import { createRoute } from '@hono/zod-openapi';
import { SupportRequest } from '../../../contract/portal.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { ReferenceAnswer, created, jsonBody, requestErrors } from './schemas.js';

export const portalSupport = createRouter();

portalSupport.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: "Write to the merchant's support (mailed to them, and sent as a support.requested webhook)",
    security: [{ WidgetToken: [] }],
    request: jsonBody(SupportRequest),
    responses: { ...created(ReferenceAnswer, 'The request reference (a retry within minutes answers with the same one)'), ...requestErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.support(callerOf(c), c.req.valid('json')), 201),
);
