import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, AnyObject } from '../router.js';
import { badRequest, notFound } from '../../errors.js';
import { inScope } from '../../domain/scope.js';
import { wireCustomer } from '../../wire/customer.js';

export const customers = createRouter();

customers.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'Retrieve a customer by id or email',
    request: {
      query: z.object({
        customer_id: z.string().max(64).optional(),
        email: z.string().max(320).optional(),
      }),
    },
    responses: { 200: { description: 'The customer', content: { 'application/json': { schema: AnyObject } } }, ...errorResponses },
  }),
  (c) => {
    const { customer_id, email } = c.req.valid('query');
    const { store } = c.var.deps;
    const scope = c.var.scope;
    if (!customer_id && !email) throw badRequest('customer_id or email is required');
    const found = customer_id
      ? store.get('customers', customer_id)
      : store.findBy('customers', 'email', email!.toLowerCase()).find((x) => inScope(scope, x));
    if (!found || !inScope(scope, found)) throw notFound('Customer');
    return c.json(wireCustomer(found), 200);
  },
);
