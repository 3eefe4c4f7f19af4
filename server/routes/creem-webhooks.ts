import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, ErrorSchema } from './router.js';
import { notFound } from '../errors.js';

/** `POST /webhooks/creem`: Creem's webhooks to a companion server, so its cached reads follow changes made elsewhere. */
export const creemWebhooks = createRouter();

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

creemWebhooks.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: "Creem's webhooks (companion mode, with CREEM_WEBHOOK_SECRET)",
    description: 'Verified with Creem\u2019s SDK verifier (Standard Webhooks headers, else `creem-signature`). A valid event drops the cached reads of the customers it names.',
    security: [],
    responses: {
      200: { description: 'Received', content: { 'application/json': { schema: z.object({ received: z.literal(true) }).openapi('CreemWebhookReceived') } } },
      400: error('Not a Creem event'),
      401: error('Missing, invalid or stale signature: nothing changed'),
      404: error('No receiver: not in companion mode, or CREEM_WEBHOOK_SECRET is unset'),
    },
  }),
  async (c) => {
    const receiver = c.var.deps.companion?.receiveWebhook;
    if (!receiver) throw notFound('Webhook receiver');
    const received = await receiver(await c.req.text(), c.req.raw.headers);
    c.var.deps.log.info('creem webhook', { request_id: c.var.requestId, event_id: received.id, event_type: received.eventType, customers: received.customers.length });
    return c.json({ received: true as const }, 200);
  },
);
