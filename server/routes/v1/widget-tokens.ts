import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../router.js';
import { badRequest, notFound } from '../../errors.js';
import { inScope } from '../../domain/scope.js';
import { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, mintToken } from '../../auth/widget-token.js';
import { revokeCustomerTokens, tokenGeneration } from '../../auth/revocations.js';
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
    const { store, keys, config, clock } = c.var.deps;
    const customer = store.get('customers', body.customer_id);
    if (!customer || !inScope(c.var.scope, customer)) throw notFound('Customer');
    const outside = (body.allowed_origins ?? []).filter((o) => !c.var.merchant.settings.allowed_origins.includes(o));
    if (outside.length > 0) throw badRequest(`allowed_origins: ${outside.join(', ')} is not among the merchant's allowed origins`);
    const { token, expiresAt } = await mintToken(
      keys,
      config.publicUrl,
      {
        merchantId: c.var.merchant.id,
        mode: c.var.mode,
        customerId: customer.id,
        allowedOrigins: body.allowed_origins,
        ttlSeconds: body.ttl_seconds,
        generation: tokenGeneration(store, c.var.merchant.id, customer.id),
      },
      clock(),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expires_at: iso(expiresAt), customer_id: customer.id }, 201);
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
    const { customer_id } = c.req.valid('json');
    const { store, clock } = c.var.deps;
    const customer = store.get('customers', customer_id);
    if (!customer || !inScope(c.var.scope, customer)) throw notFound('Customer');
    const now = clock();
    await store.transact((tx) => revokeCustomerTokens(tx, store, customer.merchant_id, customer.id, now));
    return c.json({ customer_id: customer.id, revoked_before: iso(now) }, 200);
  },
);
