import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { badRequest } from '../../errors.js';
import { customerLicenses } from '../../domain/licenses.js';
import { wireLicense } from '../../wire/license.js';
import { createCustomer, findCustomer, listCustomerOrders, listCustomers, updateCustomer, viewOrders } from '../../domain/customers.js';
import { listSubscriptionsOf, viewSubscriptions } from '../../domain/subscriptions.js';
import { paginate } from '../../domain/pagination.js';
import { wireCustomer } from '../../wire/customer.js';
import { wireOrder } from '../../wire/order.js';
import { wireSubscription } from '../../wire/subscription.js';
import { CustomerEntity, Id, IdempotencyHeaders, LicenseEntity, Metadata, OrderEntity, PageQuery, SubscriptionEntity, json, jsonBody, listOf, pageOf, v1Errors } from './schemas.js';

export const customers = createRouter();

const Email = z.string().trim().max(320).email();

customers.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Customers'],
    summary: 'Retrieve a customer by id or email',
    request: { query: z.object({ customer_id: Id('customer').optional(), email: z.string().trim().min(1).max(320).optional() }) },
    responses: { ...json(CustomerEntity, 'The customer'), ...v1Errors },
  }),
  async (c) => {
    const { customer_id, email } = c.req.valid('query');
    if (!customer_id && !email) throw badRequest('customer_id or email is required');
    return c.json(wireCustomer(await findCustomer(c.var.deps, c.var.scope, { id: customer_id, email })), 200);
  },
);

const CustomerMetadata = Metadata.refine((m) => Object.keys(m).length <= 50, 'at most 50 keys');

customers.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Customers'],
    summary: 'Create a customer',
    request: {
      headers: IdempotencyHeaders,
      body: jsonBody(
        z
          .object({ email: Email, name: z.string().trim().min(1).max(200), metadata: CustomerMetadata.optional(), external_id: z.string().min(1).max(200).optional() })
          .strict()
          .openapi('CreateCustomerRequestEntity'),
      ),
    },
    responses: { ...json(CustomerEntity, 'The new customer'), ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    return c.json(wireCustomer(await createCustomer(c.var.deps, c.var.scope, { email: b.email, name: b.name, metadata: b.metadata, externalId: b.external_id })), 200);
  },
);

customers.openapi(
  createRoute({
    method: 'get',
    path: '/list',
    tags: ['Customers'],
    summary: 'List customers, newest first',
    request: { query: PageQuery },
    responses: { ...json(listOf(CustomerEntity, 'CustomerListEntity'), 'A page of customers'), ...v1Errors },
  }),
  async (c) => {
    const page = paginate(await listCustomers(c.var.deps, c.var.scope), pageOf(c.req.valid('query')));
    return c.json({ items: page.items.map(wireCustomer), pagination: page.pagination }, 200);
  },
);

customers.openapi(
  createRoute({
    method: 'patch',
    path: '/',
    tags: ['Customers'],
    summary: "Update a customer's name, email, metadata or external id",
    request: {
      body: jsonBody(
        z
          .object({
            customer_id: Id('customer'),
            name: z.string().trim().min(1).max(200).optional(),
            email: Email.optional(),
            metadata: CustomerMetadata.optional(),
            external_id: z.string().min(1).max(200).nullable().optional(),
          })
          .strict(),
      ),
    },
    responses: { ...json(CustomerEntity, 'The customer after the update'), ...v1Errors },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const updated = await updateCustomer(c.var.deps, c.var.scope, body.customer_id, {
      name: body.name,
      email: body.email,
      metadata: body.metadata,
      externalId: body.external_id,
    });
    return c.json(wireCustomer(updated), 200);
  },
);

customers.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/subscriptions',
    tags: ['Customers'],
    summary: "A customer's subscriptions, newest first",
    request: { params: z.object({ id: Id('customer') }), query: PageQuery },
    responses: { ...json(listOf(SubscriptionEntity, 'SubscriptionListEntity'), 'A page of subscriptions'), ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    const page = paginate(await listSubscriptionsOf(deps, scope, c.req.valid('param').id), pageOf(c.req.valid('query')));
    return c.json({ items: (await viewSubscriptions(deps, page.items)).map(wireSubscription), pagination: page.pagination }, 200);
  },
);

customers.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/orders',
    tags: ['Customers'],
    summary: "A customer's orders, newest first",
    request: { params: z.object({ id: Id('customer') }), query: PageQuery },
    responses: { ...json(listOf(OrderEntity, 'OrderListEntity'), 'A page of orders'), ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    const page = paginate(await listCustomerOrders(deps, scope, c.req.valid('param').id), pageOf(c.req.valid('query')));
    return c.json({ items: (await viewOrders(deps, page.items)).map(wireOrder), pagination: page.pagination }, 200);
  },
);

customers.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/licenses',
    tags: ['Customers'],
    summary: "A customer's license keys",
    request: { params: z.object({ id: Id('customer') }), query: PageQuery },
    responses: { ...json(listOf(LicenseEntity, 'LicenseListEntity'), 'A page of license keys'), ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    const page = paginate(await customerLicenses(deps, scope, c.req.valid('param').id), pageOf(c.req.valid('query')));
    return c.json({ items: page.items.map((l) => wireLicense(l, deps.clock())), pagination: page.pagination }, 200);
  },
);
