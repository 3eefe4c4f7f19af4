import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { archiveProduct, createProduct, getProduct, searchProducts, updateProduct } from '../../domain/products.js';
import { paginate } from '../../domain/pagination.js';
import { wireProduct } from '../../wire/product.js';
import { HttpUrl, Id, IdempotencyHeaders, PageQuery, ProductEntity, Refused, json, jsonBody, listOf, pageOf, v1Errors } from './schemas.js';

export const products = createRouter();

const one = json(ProductEntity, 'The product');

const Name = z.string().trim().min(1).max(200);
const Description = z.string().max(5000);

/** 0 (free) or at least one whole unit of the currency, as Creem's API asks. */
const Price = z
  .number()
  .int()
  .min(0)
  .max(100_000_000)
  .refine((n) => n === 0 || n >= 100, 'must be 0 or at least 100 (cents)');
const Currency = z.enum(['EUR', 'USD']);
const BillingType = z.enum(['recurring', 'onetime']);
const BillingPeriod = z.enum(['every-month', 'every-three-months', 'every-six-months', 'every-year', 'once']);
const TaxMode = z.enum(['inclusive', 'exclusive']);
const TaxCategory = z.enum(['saas', 'digital-goods-service', 'ebooks']);
const TrialDays = z.number().int().min(1).max(365);

/** Creem's product fields this server does not model (custom fields, metered prices, …). */
const UNSUPPORTED = ['image_urls', 'recurring_interval', 'recurring_interval_count', 'business_net_pricing', 'pay_what_you_want', 'suggested_price', 'trial_price', 'custom_fields', 'custom_field', 'usage_prices', 'features'] as const;
const unsupported = Object.fromEntries(UNSUPPORTED.map((k) => [k, Refused(k)])) as Record<(typeof UNSUPPORTED)[number], ReturnType<typeof Refused>>;

/** The request's fields in the domain's names (create and update share them; create requires some). */
const productFields = (b: z.infer<typeof UpdateProduct> & { tax_category?: string }) => ({
  name: b.name,
  description: b.description,
  price: b.price,
  currency: b.currency,
  billingType: b.billing_type,
  billingPeriod: b.billing_period,
  taxMode: b.tax_mode,
  taxCategory: b.tax_category,
  imageUrl: b.image_url,
  defaultSuccessUrl: b.default_success_url,
  trialPeriodDays: b.trial_period_days,
});

const CreateProduct = z
  .object({
    name: Name,
    description: Description,
    image_url: HttpUrl.optional(),
    price: Price,
    currency: Currency,
    billing_type: BillingType,
    billing_period: BillingPeriod.optional().openapi({ description: 'Required for recurring products; `once` (or nothing) for one-time ones.' }),
    tax_mode: TaxMode.optional(),
    tax_category: TaxCategory.optional(),
    default_success_url: HttpUrl.optional(),
    trial_period_days: TrialDays.optional(),
    // Creem's SDK always sends it; there are no abandoned carts to recover offline.
    abandoned_cart_recovery_enabled: z.boolean().optional(),
    ...unsupported,
  })
  .strict()
  .openapi('CreateProductRequestEntity');

const UpdateProduct = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    image_url: HttpUrl.optional(),
    default_success_url: HttpUrl.optional(),
    price: Price.optional(),
    currency: Currency.optional(),
    billing_type: BillingType.optional(),
    billing_period: BillingPeriod.optional(),
    tax_mode: TaxMode.optional(),
    trial_period_days: TrialDays.nullable().optional(),
    ...unsupported,
  })
  .strict()
  .openapi('UpdateProductRequestEntity');

products.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Products'],
    summary: 'Create a product',
    request: { headers: IdempotencyHeaders, body: jsonBody(CreateProduct) },
    responses: { ...json(ProductEntity, 'The new product'), ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const product = await createProduct(c.var.deps, c.var.scope, {
      ...productFields(b),
      name: b.name,
      description: b.description,
      price: b.price,
      currency: b.currency,
      billingType: b.billing_type,
      billingPeriod: b.billing_period ?? (b.billing_type === 'onetime' ? 'once' : 'every-month'),
    });
    return c.json(wireProduct(product), 200);
  },
);

products.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Products'],
    summary: 'Retrieve a product by `product_id`',
    request: { query: z.object({ product_id: Id('product') }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => c.json(wireProduct(await getProduct(c.var.deps, c.var.scope, c.req.valid('query').product_id)), 200),
);

// Registered before `/{id}` so "search" is never read as an id.
products.openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Products'],
    summary: 'List products, newest first',
    request: { query: PageQuery.extend({ status: z.enum(['active', 'archived']).optional() }) },
    responses: { ...json(listOf(ProductEntity, 'ProductListEntity'), 'A page of products'), ...v1Errors },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = paginate(await searchProducts(c.var.deps, c.var.scope, { status: q.status }), pageOf(q));
    return c.json({ items: page.items.map(wireProduct), pagination: page.pagination }, 200);
  },
);

products.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Products'],
    summary: 'Retrieve a product',
    request: { params: z.object({ id: Id('product') }) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => c.json(wireProduct(await getProduct(c.var.deps, c.var.scope, c.req.valid('param').id)), 200),
);

products.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['Products'],
    summary: 'Update a product (currency and billing only while nobody is subscribed to it)',
    request: { params: z.object({ id: Id('product') }), body: jsonBody(UpdateProduct) },
    responses: { ...json(ProductEntity, 'The product after the update'), ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const product = await updateProduct(c.var.deps, c.var.scope, c.req.valid('param').id, productFields(b));
    return c.json(wireProduct(product), 200);
  },
);

products.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags: ['Products'],
    summary: 'Archive a product: no longer sold; its subscriptions go on',
    request: { params: z.object({ id: Id('product') }) },
    responses: { ...json(ProductEntity, 'The archived product'), ...v1Errors },
  }),
  async (c) => c.json(wireProduct(await archiveProduct(c.var.deps, c.var.scope, c.req.valid('param').id)), 200),
);
