import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, AnyObject } from '../router.js';
import { cancelSubscription, getSubscription } from '../../domain/subscriptions.js';
import { wireSubscription } from '../../wire/subscription.js';

export const subscriptions = createRouter();

const SubscriptionId = z.string().min(1).max(64);

subscriptions.openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'Retrieve a subscription',
    request: { query: z.object({ subscription_id: SubscriptionId }) },
    responses: { 200: { description: 'The subscription', content: { 'application/json': { schema: AnyObject } } }, ...errorResponses },
  }),
  (c) => {
    const { subscription_id } = c.req.valid('query');
    const sub = getSubscription(c.var.deps, c.var.scope, subscription_id);
    return c.json(wireSubscription(c.var.deps.store, sub), 200);
  },
);

subscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    summary: 'Cancel a subscription (now, or at period end)',
    request: {
      params: z.object({ id: SubscriptionId }),
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z
              .object({
                mode: z.enum(['immediate', 'scheduled']).optional(),
                onExecute: z.enum(['cancel', 'pause']).optional(),
              })
              .strict(),
          },
        },
      },
    },
    responses: { 200: { description: 'The subscription after the cancel', content: { 'application/json': { schema: AnyObject } } }, ...errorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sub = await cancelSubscription(c.var.deps, c.var.scope, id, body);
    return c.json(wireSubscription(c.var.deps.store, sub), 200);
  },
);
