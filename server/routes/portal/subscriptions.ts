import { createRoute, z } from '@hono/zod-openapi';
import { CancelRequest, ChangeRequest } from '../../../contract/portal.js';
import { LIMITS } from '../../../contract/values.js';
import { createRouter } from '../router.js';
import { callerOf } from './customer-scope.js';
import { ChangeAnswer, Preview, SubscriptionAnswer, jsonBody, ok, portalErrors } from './schemas.js';

export const portalSubscriptions = createRouter();

const Params = z.object({ id: z.string().min(1).max(LIMITS.id) });
const auth = [{ WidgetToken: [] }];

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    summary: 'Cancel one of my subscriptions, now or at period end, with a reason',
    security: auth,
    request: { params: Params, ...jsonBody(CancelRequest) },
    responses: { ...ok(SubscriptionAnswer, 'The subscription after the cancel'), ...portalErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.cancel(callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/pause',
    summary: 'Pause one of my subscriptions (when the merchant allows it)',
    security: auth,
    request: { params: Params },
    responses: { ...ok(SubscriptionAnswer, 'The subscription after the pause'), ...portalErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.pause(callerOf(c), c.req.valid('param').id), 200),
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/resume',
    summary: 'Resume a subscription I paused, or undo a scheduled cancel (a pause made by the merchant gets 403)',
    security: auth,
    request: { params: Params },
    responses: { ...ok(SubscriptionAnswer, 'The subscription after the resume'), ...portalErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.resume(callerOf(c), c.req.valid('param').id), 200),
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/preview',
    summary: 'What a plan or seat change would cost today and from the next period (changes nothing)',
    security: auth,
    request: { params: Params, ...jsonBody(ChangeRequest) },
    responses: { ...ok(Preview, 'The proration preview'), ...portalErrors },
  }),
  async (c) => {
    const body = await c.var.deps.portal.preview(callerOf(c), c.req.valid('param').id, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  },
);

portalSubscriptions.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/change',
    summary: 'Switch plan and/or seats now, charging or crediting the proration shown by /preview',
    security: auth,
    request: { params: Params, ...jsonBody(ChangeRequest) },
    responses: { ...ok(ChangeAnswer, 'The subscription after the change, and the payment or refund it caused'), ...portalErrors },
  }),
  async (c) => c.json(await c.var.deps.portal.change(callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
);
