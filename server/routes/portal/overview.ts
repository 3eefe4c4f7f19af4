import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { Overview, ok, portalErrors } from './schemas.js';

export const overview = createRouter();

overview.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: "Everything the portal's first screen shows, in one request",
    security: [{ WidgetToken: [] }],
    responses: { ...ok(Overview, 'Customer, merchant, subscriptions and plans'), ...portalErrors },
  }),
  async (c) => {
    const body = await c.var.deps.portal.overview(callerOf(c));
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  },
);
