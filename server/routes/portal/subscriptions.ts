import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, portalErrorResponses, AnyObject } from '../router.js';
import { forbidden } from '../../errors.js';
import { cancelSubscription } from '../../domain/subscriptions.js';
import { portalSubscription } from '../../wire/portal.js';
import type { SubscriptionResponse } from '../../../widget/portal-api.js';

export const portalSubscriptions = createRouter();

const Params = z.object({ id: z.string().min(1).max(64) });
const CANCEL_REASONS = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
] as const;

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    summary: 'Cancel one of my subscriptions, now or at period end, with a reason',
    security: [{ WidgetToken: [] }],
    request: {
      params: Params,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                mode: z.enum(['immediate', 'scheduled']),
                reason: z.enum(CANCEL_REASONS),
                comment: z.string().trim().max(1000).optional(),
              })
              .strict(),
          },
        },
      },
    },
    responses: { 200: { description: 'The subscription after the cancel', content: { 'application/json': { schema: AnyObject } } }, ...portalErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (!c.var.merchant.settings.cancel_modes.includes(body.mode)) {
      throw forbidden(`${c.var.merchant.settings.brand.name} does not offer "${body.mode}" cancellation here.`);
    }
    const sub = await cancelSubscription(c.var.deps, c.var.scope, id, {
      mode: body.mode,
      onExecute: 'cancel',
      reason: body.reason,
      comment: body.comment ?? null,
    });
    const answer: SubscriptionResponse = { subscription: portalSubscription(c.var.deps.store, sub) };
    return c.json(answer, 200);
  },
);
