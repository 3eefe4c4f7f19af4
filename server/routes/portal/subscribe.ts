import { createRoute } from '@hono/zod-openapi';
import { SubscribeRequest } from '../../../contract/portal.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { SubscribeAnswer, created, jsonBody, portalErrors } from './schemas.js';

export const portalSubscribe = createRouter();

portalSubscribe.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: 'Start a new subscription to an offered plan: a checkout to open, coming back to return_url once paid',
    description:
      'Only while every subscription of the customer has ended (409 otherwise), only for a plan in the overview\u2019s `plans` (404 otherwise), and only back to a page on one of the merchant\u2019s allowed origins (400 otherwise). Standalone: this server\u2019s hosted test checkout; companion: Creem\u2019s checkout. The new subscription shows in the overview once paid.',
    security: [{ WidgetToken: [] }],
    request: jsonBody(SubscribeRequest),
    responses: { ...created(SubscribeAnswer, 'The checkout to open'), ...portalErrors },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await c.var.deps.portal.subscribe(callerOf(c), c.req.valid('json')), 201);
  },
);
