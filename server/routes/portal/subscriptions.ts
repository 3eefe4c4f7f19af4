import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, portalErrorResponses, AnyObject } from '../router.js';
import { forbidden } from '../../errors.js';
import {
  cancelSubscription,
  changeSubscription,
  pauseSubscription,
  previewSubscriptionChange,
  resumeSubscription,
} from '../../domain/subscriptions.js';
import { checkChangeAllowed, checkPauseAllowed } from '../../domain/portal-policy.js';
import { portalChangePreview, portalSubscription, portalTransaction } from '../../wire/portal.js';
import type { ChangePreview, ChangeResponse, SubscriptionResponse } from '../../../widget/portal-api.js';
import { customerScope, portalWriteErrors } from './customer-scope.js';
import { CANCEL_REASONS } from './fields.js';

export const portalSubscriptions = createRouter();

const Params = z.object({ id: z.string().min(1).max(64) });
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

const ChangeBody = z
  .object({
    product_id: z.string().min(1).max(64).optional(),
    units: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .refine((b) => b.product_id !== undefined || b.units !== undefined, 'Give a product_id or units to change.');

function changeInput(body: z.infer<typeof ChangeBody>) {
  return { productId: body.product_id, units: body.units };
}

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/pause',
    summary: 'Pause one of my subscriptions (when the merchant allows it)',
    security: [{ WidgetToken: [] }],
    request: { params: Params },
    responses: { 200: { description: 'The subscription after the pause', content: { 'application/json': { schema: AnyObject } } }, ...portalErrorResponses, ...portalWriteErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    checkPauseAllowed(c.var.merchant);
    const sub = await pauseSubscription(c.var.deps, customerScope(c.var.scope), id, 'customer');
    const answer: SubscriptionResponse = { subscription: portalSubscription(c.var.deps.store, sub) };
    return c.json(answer, 200);
  },
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/resume',
    summary: 'Resume a subscription I paused, or undo a scheduled cancel (a pause made by the merchant gets 403)',
    security: [{ WidgetToken: [] }],
    request: { params: Params },
    responses: { 200: { description: 'The subscription after the resume', content: { 'application/json': { schema: AnyObject } } }, ...portalErrorResponses, ...portalWriteErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const sub = await resumeSubscription(c.var.deps, customerScope(c.var.scope), id, 'customer');
    const answer: SubscriptionResponse = { subscription: portalSubscription(c.var.deps.store, sub) };
    return c.json(answer, 200);
  },
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/preview',
    summary: 'What a plan or seat change would cost today and from the next period (changes nothing)',
    security: [{ WidgetToken: [] }],
    request: { params: Params, body: { required: true, content: { 'application/json': { schema: ChangeBody } } } },
    responses: { 200: { description: 'The proration preview', content: { 'application/json': { schema: AnyObject } } }, ...portalErrorResponses, ...portalWriteErrors },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    const input = changeInput(c.req.valid('json'));
    const scope = customerScope(c.var.scope);
    checkChangeAllowed(c.var.deps, c.var.merchant, scope, id, input);
    const answer: ChangePreview = portalChangePreview(previewSubscriptionChange(c.var.deps, scope, id, input));
    c.header('Cache-Control', 'no-store');
    return c.json(answer, 200);
  },
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/change',
    summary: 'Switch plan and/or seats now, charging or crediting the proration shown by /preview',
    security: [{ WidgetToken: [] }],
    request: { params: Params, body: { required: true, content: { 'application/json': { schema: ChangeBody } } } },
    responses: {
      200: { description: 'The subscription after the change, and the payment or refund it caused', content: { 'application/json': { schema: AnyObject } } },
      ...portalErrorResponses,
      ...portalWriteErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const input = changeInput(c.req.valid('json'));
    const scope = customerScope(c.var.scope);
    checkChangeAllowed(c.var.deps, c.var.merchant, scope, id, input);
    const { subscription, transaction } = await changeSubscription(c.var.deps, scope, id, input);
    const { store } = c.var.deps;
    const answer: ChangeResponse = {
      subscription: portalSubscription(store, subscription),
      transaction: transaction ? portalTransaction(store, transaction) : null,
    };
    return c.json(answer, 200);
  },
);
