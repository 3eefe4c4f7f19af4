import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, ErrorSchema } from '../router.js';
import type { AppEnv } from '../../env.js';
import { PORTAL_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from '../../webhooks/event-types.js';
import {
  acknowledgeEvent,
  createEndpoint,
  deleteEndpoint,
  deliveriesOf,
  endpointsOf,
  findEndpoint,
  listPendingEvents,
  resendEvent,
  updateEndpoint,
  type WebhookDeps,
} from '../../webhooks/endpoints.js';
import { paginate } from '../../domain/pagination.js';
import { wirePendingEvent, wireWebhookDelivery, wireWebhookEndpoint } from '../../wire/webhook.js';
import { HttpUrl, PageQuery, listOf, pageOf } from './schemas.js';

/** Webhook endpoints, as Creem's SDK (`creem.webhooks.*`) calls them, plus replay and delivery history. */
export const webhooks = createRouter();

const deps = (c: Context<AppEnv>): WebhookDeps => ({ ...c.var.deps, guard: { allowPrivate: c.var.deps.config.allowPrivateWebhooks } });

const Id = z.string().min(1).max(64);
const IdParams = z.object({ id: Id });
const EventType = z.enum(WEBHOOK_EVENT_TYPES);
const Events = z
  .array(EventType)
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)])
  .openapi({ description: `Event types to receive. Omitted on create: every Creem event type; ${PORTAL_EVENT_TYPES.join(', ')} are ours and opt-in by name.` });

const Name = z.string().trim().min(1).max(200);

const WebhookSchema = z
  .object({
    id: z.string(),
    mode: z.enum(['test', 'prod']),
    object: z.literal('webhook'),
    store_id: z.string(),
    name: z.string().nullable(),
    url: z.string(),
    delivery_mode: z.enum(['http', 'cli']),
    status: z.enum(['enabled', 'disabled']),
    events: z.array(z.string()),
    secret: z.string().optional().openapi({ description: 'Only in the create response.' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Webhook');
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const conflictResponse = json(ErrorSchema, 'Refused in the current state');
const webhookResponse = (description: string) => ({ 200: json(WebhookSchema, description), ...errorResponses });

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'get',
    path: '/',
    summary: 'List webhook endpoints',
    request: { query: PageQuery },
    responses: { 200: json(listOf(WebhookSchema, 'WebhookList'), 'One page of endpoints, oldest first'), ...errorResponses },
  }),
  async (c) => {
    const page = paginate(await endpointsOf(c.var.deps, c.var.scope), pageOf(c.req.valid('query')));
    return c.json({ items: page.items.map((e) => wireWebhookEndpoint(e)), pagination: page.pagination }, 200);
  },
);

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'post',
    path: '/',
    summary: 'Register a webhook endpoint',
    description:
      'The response carries the signing secret (`whsec_…`). Deliveries are signed with `creem-signature` and Standard Webhooks headers. Link-local and cloud metadata addresses are refused in every mode; outside development, private and loopback ones too.',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                url: HttpUrl.optional().openapi({ description: 'Required unless delivery_mode is cli.' }),
                delivery_mode: z.enum(['http', 'cli']).optional(),
                name: Name.optional(),
                events: Events.optional(),
              })
              .strict(),
          },
        },
      },
    },
    responses: webhookResponse('The new endpoint, with its secret'),
  }),
  async (c) => {
    const endpoint = await createEndpoint(deps(c), c.var.scope, c.req.valid('json'));
    return c.json(wireWebhookEndpoint(endpoint, { withSecret: true }), 200);
  },
);

webhooks.openapi(
  createRoute({ tags: ['Webhooks'], method: 'get', path: '/{id}', summary: 'Retrieve a webhook endpoint', request: { params: IdParams }, responses: webhookResponse('The endpoint') }),
  async (c) => c.json(wireWebhookEndpoint(await findEndpoint(c.var.deps, c.var.scope, c.req.valid('param').id)), 200),
);

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'patch',
    path: '/{id}',
    summary: 'Update a webhook endpoint (only the fields given)',
    request: {
      params: IdParams,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ url: HttpUrl.optional(), name: Name.nullable().optional(), status: z.enum(['enabled', 'disabled']).optional(), events: Events.optional() }).strict(),
          },
        },
      },
    },
    responses: webhookResponse('The endpoint after the change'),
  }),
  async (c) => {
    const endpoint = await updateEndpoint(deps(c), c.var.scope, c.req.valid('param').id, c.req.valid('json'));
    return c.json(wireWebhookEndpoint(endpoint), 200);
  },
);

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'delete',
    path: '/{id}',
    summary: 'Delete a webhook endpoint and its delivery history',
    request: { params: IdParams },
    responses: webhookResponse('The deleted endpoint'),
  }),
  async (c) => {
    const endpoint = await deleteEndpoint(deps(c), c.var.scope, c.req.valid('param').id);
    return c.json(wireWebhookEndpoint(endpoint), 200);
  },
);

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'get',
    path: '/{id}/secret',
    summary: 'Retrieve the signing secret of a webhook endpoint',
    request: { params: IdParams },
    responses: { 200: json(z.object({ secret: z.string() }).openapi('WebhookSecret'), 'The secret'), ...errorResponses },
  }),
  async (c) => c.json({ secret: (await findEndpoint(c.var.deps, c.var.scope, c.req.valid('param').id)).secret }, 200),
);

const PendingEventSchema = z
  .object({
    id: z.string(),
    object: z.literal('webhook_event'),
    event_type: z.string(),
    created_at: z.string(),
    body: z.string().openapi({ description: 'The exact request body; the signatures cover these bytes.' }),
    headers: z.record(z.string(), z.string()),
  })
  .openapi('WebhookPendingEvent');

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'get',
    path: '/{id}/events/pending',
    summary: 'List unacknowledged events of a cli endpoint, oldest first',
    description: 'Each item carries the body and freshly signed headers an HTTP delivery would send. Only for delivery_mode cli.',
    request: { params: IdParams, query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }) },
    responses: { 200: json(z.object({ items: z.array(PendingEventSchema) }).openapi('WebhookPendingEventList'), 'Pending events'), ...errorResponses },
  }),
  async (c) => {
    const pending = await listPendingEvents(deps(c), c.var.scope, c.req.valid('param').id, c.req.valid('query').limit);
    return c.json({ items: pending.map((p) => wirePendingEvent(p.event, p.body, p.headers)) }, 200);
  },
);

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'post',
    path: '/{id}/events/{event_id}/ack',
    summary: 'Acknowledge an event of a cli endpoint with the status your local server returned',
    request: {
      params: z.object({ id: Id, event_id: Id }),
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ status_code: z.number().int().min(100).max(599), response_body: z.string().max(10_000).optional() }).strict(),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ id: z.string(), object: z.literal('webhook_event_ack'), success: z.boolean() }).openapi('WebhookEventAck'), 'Recorded'),
      409: conflictResponse,
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id, event_id } = c.req.valid('param');
    const { success } = await acknowledgeEvent(deps(c), c.var.scope, id, event_id, c.req.valid('json'));
    return c.json({ id: event_id, object: 'webhook_event_ack' as const, success }, 200);
  },
);

const DeliverySchema = z
  .object({
    id: z.string(),
    object: z.literal('webhook_delivery'),
    event_id: z.string(),
    event_type: z.string().nullable(),
    webhook_id: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    log: z.array(z.object({ at: z.string(), status: z.number().int().nullable(), error: z.string().nullable(), duration_ms: z.number() })),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('WebhookDelivery');

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'get',
    path: '/{id}/deliveries',
    summary: 'Delivery history of a webhook endpoint, newest first (last 20 attempts each)',
    request: { params: IdParams, query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }) },
    responses: { 200: json(z.object({ items: z.array(DeliverySchema) }).openapi('WebhookDeliveryList'), 'Deliveries'), ...errorResponses },
  }),
  async (c) => {
    const views = await deliveriesOf(c.var.deps, c.var.scope, c.req.valid('param').id, c.req.valid('query').limit);
    return c.json({ items: views.map((v) => wireWebhookDelivery(v.delivery, v.eventType)) }, 200);
  },
);

webhooks.openapi(
  createRoute({
    tags: ['Webhooks'],
    method: 'post',
    path: '/events/{event_id}/resend',
    summary: 'Re-send an event, with the same id, to every enabled endpoint that takes it (or to one)',
    description: 'Receivers see the same `id` and `webhook-id` again, so one that already handled the event can drop it.',
    request: {
      params: z.object({ event_id: Id }),
      body: { required: false, content: { 'application/json': { schema: z.object({ webhook_id: Id.optional() }).strict() } } },
    },
    responses: {
      200: json(
        z.object({ id: z.string(), object: z.literal('webhook_event'), event_type: z.string(), deliveries: z.array(DeliverySchema) }).openapi('WebhookResend'),
        'The deliveries queued',
      ),
      409: conflictResponse,
      ...errorResponses,
    },
  }),
  async (c) => {
    const { event_id } = c.req.valid('param');
    const body = c.req.valid('json') ?? {};
    const { event, deliveries } = await resendEvent(deps(c), c.var.scope, event_id, body.webhook_id);
    return c.json(
      { id: event.id, object: 'webhook_event' as const, event_type: event.eventType, deliveries: deliveries.map((d) => wireWebhookDelivery(d, event.eventType)) },
      200,
    );
  },
);
