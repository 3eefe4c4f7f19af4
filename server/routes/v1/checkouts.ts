import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { checkoutView, createCheckout, findCheckout } from '../../domain/checkouts.js';
import { wireCheckout } from '../../wire/checkout.js';
import { CheckoutEntity, HttpUrl, Id, IdempotencyHeaders, Metadata, Refused, json, jsonBody, v1Errors } from './schemas.js';

export const checkouts = createRouter();


const CreateCheckout = z
  .object({
    product_id: Id('product'),
    units: z.number().int().min(1).max(1000).optional(),
    request_id: z.string().min(1).max(255).optional(),
    success_url: HttpUrl.optional(),
    customer: z
      .object({ id: Id('customer').optional(), email: z.string().trim().max(320).email().optional(), name: z.string().max(200).optional() })
      .strict()
      .refine((c) => !(c.id && c.email), 'customer: give an id or an email, not both')
      .optional(),
    metadata: Metadata.refine((m) => Object.keys(m).length <= 50, 'at most 50 keys').optional(),
    discount_code: z.string().trim().min(1).max(64).optional(),
    affiliate_code: Refused('affiliate_code'),
    custom_price: Refused('custom_price'),
    custom_fields: Refused('custom_fields'),
    custom_field: Refused('custom_field'),
  })
  .strict()
  .openapi('CreateCheckoutRequest');

checkouts.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Checkouts'],
    summary: 'Create a checkout session; its checkout_url opens the hosted test checkout page',
    request: { headers: IdempotencyHeaders, body: jsonBody(CreateCheckout) },
    responses: { ...json(CheckoutEntity, 'The pending checkout'), ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const { deps, scope } = c.var;
    const checkout = await createCheckout(
      deps,
      scope,
      { productId: b.product_id, units: b.units ?? 1, requestId: b.request_id, successUrl: b.success_url, customer: b.customer, metadata: b.metadata, discountCode: b.discount_code },
      c.req.header('x-api-key')!,
    );
    return c.json(wireCheckout(await checkoutView(deps.store, checkout), deps.urls.checkout(checkout.id)), 200);
  },
);

checkouts.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Checkouts'],
    summary: 'Retrieve a checkout by `checkout_id`',
    request: { query: z.object({ checkout_id: Id('checkout') }) },
    responses: { ...json(CheckoutEntity, 'The checkout; once paid with its order, subscription and customer'), ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    const checkout = await findCheckout(deps, scope, c.req.valid('query').checkout_id);
    return c.json(wireCheckout(await checkoutView(deps.store, checkout), deps.urls.checkout(checkout.id)), 200);
  },
);
