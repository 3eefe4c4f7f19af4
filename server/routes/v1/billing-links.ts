import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../router.js';
import { notFound } from '../../errors.js';
import { inScope } from '../../domain/scope.js';
import { createSignInCode, LINK_CODE_TTL_MS } from '../../auth/sign-in-codes.js';

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
    const { customer_id } = c.req.valid('json');
    const { store, clock, config } = c.var.deps;
    const customer = store.get('customers', customer_id);
    if (!customer || !inScope(c.var.scope, customer)) throw notFound('Customer');
    const now = clock();
    const code = await store.transact((tx) =>
      createSignInCode(
        tx,
        store,
        { merchantId: customer.merchant_id, mode: customer.mode, customerId: customer.id, kind: 'portal_link', ttlMs: LINK_CODE_TTL_MS },
        now,
      ),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ customer_portal_link: `${config.publicUrl}/portal/link/${code}` }, 200);
  },
);
