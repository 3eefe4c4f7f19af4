import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { badRequest } from '../../errors.js';
import { createDiscount, deleteDiscount, discountStatus, findDiscount, searchDiscounts } from '../../domain/discounts.js';
import { paginate } from '../../domain/pagination.js';
import { wireDiscount } from '../../wire/discount.js';
import { DiscountEntity, Id, IdempotencyHeaders, PageQuery, json, jsonBody, listOf, pageOf, v1Errors } from './schemas.js';

export const discounts = createRouter();

const one = json(DiscountEntity, 'The discount');

const CreateDiscount = z
  .object({
    name: z.string().trim().min(1).max(200),
    code: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
      .optional()
      .openapi({ description: 'Generated when left out.' }),
    type: z.enum(['percentage', 'fixed']),
    amount: z.number().int().min(1).max(100_000_000).optional().openapi({ description: 'Fixed: cents off.' }),
    currency: z.enum(['EUR', 'USD']).optional(),
    percentage: z.number().int().min(1).max(100).optional(),
    expiry_date: z.iso.datetime({ offset: true }).optional(),
    max_redemptions: z.number().int().min(1).max(1_000_000).optional(),
    duration: z.enum(['once', 'repeating', 'forever']),
    duration_in_months: z.number().int().min(1).max(120).optional(),
    applies_to_products: z.array(Id('product')).max(100),
  })
  .strict()
  .openapi('CreateDiscountRequestEntity');

discounts.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Discounts'],
    summary: 'Create a discount code',
    request: { headers: IdempotencyHeaders, body: jsonBody(CreateDiscount) },
    responses: { ...json(DiscountEntity, 'The new discount'), ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const { deps, scope } = c.var;
    const d = await createDiscount(deps, scope, {
      name: b.name,
      code: b.code,
      type: b.type,
      amount: b.amount,
      currency: b.currency,
      percentage: b.percentage,
      expiryDate: b.expiry_date ? new Date(b.expiry_date).toISOString() : undefined,
      maxRedemptions: b.max_redemptions,
      duration: b.duration,
      durationInMonths: b.duration_in_months,
      appliesToProducts: b.applies_to_products,
    });
    return c.json(wireDiscount(d, deps.clock()), 200);
  },
);

discounts.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Discounts'],
    summary: 'Retrieve a discount by `discount_id` or `discount_code`',
    request: { query: z.object({ discount_id: Id('discount').optional(), discount_code: z.string().trim().min(1).max(64).optional() }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => {
    const q = c.req.valid('query');
    if (!q.discount_id && !q.discount_code) throw badRequest('discount_id or discount_code is required');
    const { deps, scope } = c.var;
    return c.json(wireDiscount(await findDiscount(deps.store, scope, { id: q.discount_id, code: q.discount_code }), deps.clock()), 200);
  },
);

discounts.openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Discounts'],
    summary: 'List discounts, newest first',
    request: { query: PageQuery.extend({ product_id: Id('product').optional(), status: z.enum(['active', 'expired', 'deleted']).optional() }) },
    responses: { ...json(listOf(DiscountEntity, 'DiscountListEntity'), 'A page of discounts'), ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    const q = c.req.valid('query');
    const now = deps.clock();
    const found = (await searchDiscounts(deps, scope, q.status === 'deleted')).filter(
      (d) => (!q.product_id || d.applies_to_products.length === 0 || d.applies_to_products.includes(q.product_id)) && (!q.status || discountStatus(d, now) === q.status),
    );
    const page = paginate(found, pageOf(q));
    return c.json({ items: page.items.map((d) => wireDiscount(d, deps.clock())), pagination: page.pagination }, 200);
  },
);

discounts.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/delete',
    tags: ['Discounts'],
    summary: 'Delete a discount: no longer redeemable; subscriptions that took it keep it',
    request: { params: z.object({ id: Id('discount') }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    return c.json(wireDiscount(await deleteDiscount(deps, scope, c.req.valid('param').id), deps.clock()), 200);
  },
);
