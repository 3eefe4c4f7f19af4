import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { badRequest } from '../../errors.js';
import { findCustomerByEmail, getCustomer, listCustomerOrders, listCustomers, updateCustomer } from '../../domain/customers.js';
import { listCustomerSubscriptions } from '../../domain/subscriptions.js';
import { paginate } from '../../domain/pagination.js';
import { wireCustomer } from '../../wire/customer.js';
import { wireOrder } from '../../wire/order.js';
import { wireSubscription } from '../../wire/subscription.js';
import { CustomerEntity, Id, Metadata, OrderEntity, PageQuery, SubscriptionEntity, json, jsonBody, listOf, pageOf, v1Errors } from './schemas.js';

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
  (c) => {
    const { customer_id, email } = c.req.valid('query');
    if (!customer_id && !email) throw badRequest('customer_id or email is required');
    const found = customer_id ? getCustomer(c.var.deps, c.var.scope, customer_id) : findCustomerByEmail(c.var.deps, c.var.scope, email!);
    return c.json(wireCustomer(found), 200);
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
  (c) => {
    const page = paginate(listCustomers(c.var.deps, c.var.scope), pageOf(c.req.valid('query')));
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
            metadata: Metadata.refine((m) => Object.keys(m).length <= 50, 'at most 50 keys').optional(),
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
  (c) => {
    const { deps, scope } = c.var;
    const customer = getCustomer(deps, scope, c.req.valid('param').id);
    const subs = listCustomerSubscriptions(deps, { ...scope, customerId: customer.id }).sort((a, b) => b.created_at.localeCompare(a.created_at));
    const page = paginate(subs, pageOf(c.req.valid('query')));
    return c.json({ items: page.items.map((s) => wireSubscription(deps.store, s)), pagination: page.pagination }, 200);
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
  (c) => {
    const { deps, scope } = c.var;
    const page = paginate(listCustomerOrders(deps, scope, c.req.valid('param').id), pageOf(c.req.valid('query')));
    return c.json({ items: page.items.map((o) => wireOrder(deps.store, o)), pagination: page.pagination }, 200);
  },
);
