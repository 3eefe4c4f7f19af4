import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../router.js';
import { issuePortalLink } from '../../auth/issue.js';
import { LINK_CODE_TTL_MS } from '../../auth/sign-in-codes.js';

/** `POST /v1/customers/billing`: Creem's customer portal link, here a single-use link to our hosted portal. */
export const billingLinks = createRouter();

billingLinks.openapi(
  createRoute({
    method: 'post',
    path: '/billing',
    summary: 'Generate a customer portal link',
    description: `A single-use link (valid ${LINK_CODE_TTL_MS / 60_000} minutes) that signs the customer in to the hosted portal. Opening it changes nothing; the customer confirms with one click.`,
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ customer_id: z.string().min(1).max(64) }).openapi('CreateCustomerPortalLinkRequestEntity') } },
      },
    },
    responses: {
      200: {
        description: 'The link',
        content: { 'application/json': { schema: z.object({ customer_portal_link: z.string() }).openapi('CustomerLinksEntity') } },
      },
      ...errorResponses,
    },
  }),
  async (c) => {
    const link = await issuePortalLink(c.var.deps, c.var.scope, c.req.valid('json').customer_id);
    c.header('Cache-Control', 'no-store');
    return c.json({ customer_portal_link: link }, 200);
  },
);
