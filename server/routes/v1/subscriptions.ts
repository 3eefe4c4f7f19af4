import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { SUBSCRIPTION_STATUSES } from '../../../contract/values.js';
import { badRequest } from '../../errors.js';
import { cancelSubscription, findSubscription, pauseSubscription, resumeSubscription, searchSubscriptions, viewSubscriptions } from '../../domain/subscriptions.js';
import { changeSubscription } from '../../domain/subscription-changes.js';
import { paginate } from '../../domain/pagination.js';
import { wireSubscription } from '../../wire/subscription.js';
import { Id, IdempotencyHeaders, PageQuery, SubscriptionEntity, json, jsonBody, listOf, pageOf, v1Errors } from './schemas.js';

export const subscriptions = createRouter();

const SubscriptionId = Id('subscription');
const Params = z.object({ id: SubscriptionId });
const UpdateBehavior = z.enum(['proration-charge-immediately', 'proration-charge', 'proration-none']);
const Status = z.enum(SUBSCRIPTION_STATUSES);
const one = json(SubscriptionEntity, 'The subscription');

subscriptions.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Subscriptions'],
    summary: 'Retrieve a subscription',
    request: { query: z.object({ subscription_id: SubscriptionId }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => c.json(wireSubscription(await findSubscription(c.var.deps, c.var.scope, c.req.valid('query').subscription_id)), 200),
);

subscriptions.openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Subscriptions'],
    summary: 'Search subscriptions, newest first',
    request: {
      query: PageQuery.extend({ status: Status.optional(), customer_id: Id('customer').optional(), product_id: Id('product').optional() }),
    },
    responses: { ...json(listOf(SubscriptionEntity, 'SubscriptionListEntity'), 'A page of subscriptions'), ...v1Errors },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const found = await searchSubscriptions(c.var.deps, c.var.scope, { status: q.status, customerId: q.customer_id, productId: q.product_id });
    const page = paginate(found, pageOf(q));
    return c.json({ items: (await viewSubscriptions(c.var.deps, page.items)).map(wireSubscription), pagination: page.pagination }, 200);
  },
);

subscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    tags: ['Subscriptions'],
    summary: 'Cancel a subscription (now, or at period end)',
    description: "Without `mode`, the merchant's default cancel mode applies. `onExecute: pause` pauses instead of canceling at period end.",
    request: {
      params: Params,
      headers: IdempotencyHeaders,
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z.object({ mode: z.enum(['immediate', 'scheduled']).optional(), onExecute: z.enum(['cancel', 'pause']).optional() }).strict(),
          },
        },
      },
    },
    responses: { ...json(SubscriptionEntity, 'The subscription after the cancel'), ...v1Errors },
  }),
  async (c) => {
    const sub = await cancelSubscription(c.var.deps, c.var.scope, c.req.valid('param').id, c.req.valid('json') ?? {});
    return c.json(wireSubscription(sub), 200);
  },
);

subscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/pause',
    tags: ['Subscriptions'],
    summary: 'Pause an active or trialing subscription: no charges while paused',
    request: { params: Params, headers: IdempotencyHeaders },
    responses: { ...json(SubscriptionEntity, 'The paused subscription'), ...v1Errors },
  }),
  async (c) => {
    const sub = await pauseSubscription(c.var.deps, c.var.scope, c.req.valid('param').id);
    return c.json(wireSubscription(sub), 200);
  },
);

subscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/resume',
    tags: ['Subscriptions'],
    summary: 'Resume a paused subscription, or undo a scheduled cancel',
    request: { params: Params, headers: IdempotencyHeaders },
    responses: { ...json(SubscriptionEntity, 'The active subscription'), ...v1Errors },
  }),
  async (c) => {
    const sub = await resumeSubscription(c.var.deps, c.var.scope, c.req.valid('param').id);
    return c.json(wireSubscription(sub), 200);
  },
);

subscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/upgrade',
    tags: ['Subscriptions'],
    summary: 'Switch a subscription to another product, prorated',
    description: "Without `update_behavior`, the merchant's setting applies. A positive difference is charged now; a negative one is refunded against the last payment.",
    request: {
      params: Params,
      headers: IdempotencyHeaders,
      body: jsonBody(z.object({ product_id: Id('product'), update_behavior: UpdateBehavior.optional() }).strict()),
    },
    responses: { ...json(SubscriptionEntity, 'The subscription on its new product'), ...v1Errors },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { subscription } = await changeSubscription(c.var.deps, c.var.scope, c.req.valid('param').id, {
      productId: body.product_id,
      behavior: body.update_behavior,
    });
    return c.json(wireSubscription(subscription), 200);
  },
);

const ItemUpdate = z
  .object({
    id: Id('subscription item').optional(),
    product_id: Id('product').optional(),
    price_id: Id('price').optional(),
    units: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

subscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}',
    tags: ['Subscriptions'],
    summary: "Update a subscription's item (units or product), prorated",
    request: {
      params: Params,
      headers: IdempotencyHeaders,
      body: jsonBody(z.object({ items: z.array(ItemUpdate).min(1).max(1).optional(), update_behavior: UpdateBehavior.optional() }).strict()),
    },
    responses: { ...json(SubscriptionEntity, 'The updated subscription'), ...v1Errors },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const item = body.items?.[0];
    if (!item) throw badRequest('items: give the one item to update.');
    const { subscription } = await changeSubscription(c.var.deps, c.var.scope, id, {
      itemId: item.id,
      productId: item.product_id,
      priceId: item.price_id,
      units: item.units,
      behavior: body.update_behavior,
    });
    return c.json(wireSubscription(subscription), 200);
  },
);
