import { createRoute } from '@hono/zod-openapi';
import { acceptLanguages, closestLocale } from '../../../contract/locales.js';
import { LIMITS } from '../../../contract/values.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { Overview, ok, portalErrors } from './schemas.js';

export const overview = createRouter();

overview.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: "Everything the portal's first screen shows, in one request",
    description:
      'The `Accept-Language` header names the language the portal is shown in (the element sends its own); the customer\'s mails go out in the first tag a catalog speaks.',
    security: [{ WidgetToken: [] }],
    responses: { ...ok(Overview, 'Customer, merchant, subscriptions and plans'), ...portalErrors },
  }),
  async (c) => {
    const caller = callerOf(c);
    const body = await c.var.deps.portal.overview(caller);
    // The element says which language it shows (Accept-Language): the customer's mails follow it.
    const used = acceptLanguages(c.req.header('accept-language'))
      .filter((tag) => tag.length <= LIMITS.localeTag)
      .map(closestLocale)
      .find((l) => l);
    if (used) await c.var.deps.portal.rememberLocale(caller, used.tag);
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  },
);
