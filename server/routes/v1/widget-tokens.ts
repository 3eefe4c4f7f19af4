import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../router.js';
import { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS } from '../../auth/widget-token.js';
import { issueWidgetToken, revokeCustomer } from '../../auth/issue.js';
import { iso } from '../../clock.js';

export const widgetTokens = createRouter();

const Origin = z
  .string()
  .max(255)
  .regex(/^https?:\/\/[^/\s]+$/, 'must be an origin like https://app.example.com');

const TokenSchema = z
  .object({ token: z.string(), expires_at: z.string(), customer_id: z.string() })
  .openapi('WidgetToken');

const CustomerRef = z.object({ customer_id: z.string().min(1).max(64) }).strict();

widgetTokens.openapi(
  createRoute({
    method: 'post',
    path: '/',
    summary: 'Mint a short-lived token for <creem-portal>, for one customer',
    description: `Call from your backend with your API key; hand the token to the page. Default lifetime ${DEFAULT_TTL_SECONDS} s, at most ${MAX_TTL_SECONDS} s. With allowed_origins, the token works only from those pages (each must be among your allowed origins).`,
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: CustomerRef.extend({
              allowed_origins: z.array(Origin).max(20).optional(),
              ttl_seconds: z.number().int().min(60).max(MAX_TTL_SECONDS).optional(),
            }).strict(),
          },
        },
      },
    },
    responses: { 201: { description: 'The token', content: { 'application/json': { schema: TokenSchema } } }, ...errorResponses },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { token, expiresAt, customerId } = await issueWidgetToken(c.var.deps, c.var.merchant, c.var.mode, {
      customerId: body.customer_id,
      allowedOrigins: body.allowed_origins,
      ttlSeconds: body.ttl_seconds,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expires_at: iso(expiresAt), customer_id: customerId }, 201);
  },
);

widgetTokens.openapi(
  createRoute({
    method: 'post',
    path: '/revoke',
    summary: "Revoke every outstanding token of a customer (widget tokens, portal sessions, unused portal and magic links)",
    description: 'Tokens minted after this call work as usual.',
    request: { body: { required: true, content: { 'application/json': { schema: CustomerRef } } } },
    responses: {
      200: {
        description: 'Revoked',
        content: { 'application/json': { schema: z.object({ customer_id: z.string(), revoked_before: z.string() }).openapi('WidgetTokenRevocation') } },
      },
      ...errorResponses,
    },
  }),
  async (c) => {
    const { customerId, at } = await revokeCustomer(c.var.deps, c.var.scope, c.req.valid('json').customer_id);
    return c.json({ customer_id: customerId, revoked_before: iso(at) }, 200);
  },
);
