import { z } from '@hono/zod-openapi';
import { ErrorSchema, errorResponses } from '../router.js';

/**
 * Zod schemas of Creem's wire objects, for the OpenAPI document and for typing handlers. Field
 * names, enums and optionality follow the `creem` SDK's `$inboundSchema`s (what it accepts).
 */

const Mode = z.enum(['test', 'prod']);
const IsoDate = z.string().openapi({ format: 'date-time' });
const Cents = z.number().int().openapi({ description: 'Integer cents: 1000 = 10.00' });

export const Id = (what: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, `must be a ${what} id`);

/** An http(s) URL a merchant gives us to send someone to (never javascript:, data: or relative). */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048);

/**
 * A field Creem's API takes that this server does not model: refused by name rather than ignored,
 * since silently dropping it would sell or do something else than the merchant asked.
 */
export const Refused = (field: string) =>
  z
    .unknown()
    .refine((v) => v === undefined, `${field} is not supported by this server`)
    .optional()
    .openapi({ description: 'Creem takes it; this server refuses it.', deprecated: true });

export const Metadata = z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]));

export const CustomerEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    country: z.string().nullable(),
    metadata: Metadata,
    external_id: z.string().nullable().optional(),
    created_at: IsoDate,
    updated_at: IsoDate,
  })
  .openapi('CustomerEntity');

export const ProductEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    name: z.string(),
    description: z.string(),
    image_url: z.string().optional(),
    price: Cents,
    currency: z.enum(['EUR', 'USD']),
    billing_type: z.enum(['recurring', 'onetime']),
    billing_period: z.enum(['every-month', 'every-three-months', 'every-six-months', 'every-year', 'once']),
    trial_period_days: z.number().int().nullable(),
    features: z.array(z.object({ id: z.string(), type: z.enum(['licenseKey']), description: z.string() })).optional(),
    status: z.enum(['active', 'archived']),
    tax_mode: z.enum(['inclusive', 'exclusive']),
    tax_category: z.string(),
    default_success_url: z.string().nullable(),
    created_at: IsoDate,
    updated_at: IsoDate,
  })
  .openapi('ProductEntity');

export const TransactionEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    amount: Cents,
    amount_paid: Cents,
    discount_amount: Cents,
    currency: z.string(),
    type: z.enum(['payment', 'invoice']),
    tax_country: z.string().nullable(),
    tax_amount: Cents,
    status: z.enum(['paid', 'refunded', 'partialRefund', 'pending', 'failed', 'void', 'chargedBack']),
    refunded_amount: Cents,
    order: z.string(),
    subscription: z.string().nullable(),
    customer: z.string(),
    description: z.string().optional(),
    period_start: z.number().int().optional().openapi({ description: 'Epoch milliseconds' }),
    period_end: z.number().int().optional().openapi({ description: 'Epoch milliseconds' }),
    created_at: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('TransactionEntity');

export const SubscriptionEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    product: z.union([ProductEntity, z.string()]),
    customer: z.union([CustomerEntity, z.string()]),
    items: z.array(
      z.object({ id: z.string(), mode: Mode, object: z.string(), product_id: z.string(), price_id: z.string(), units: z.number().int() }),
    ),
    collection_method: z.string(),
    status: z.enum(['active', 'trialing', 'scheduled_cancel', 'paused', 'canceled', 'past_due', 'unpaid', 'expired']),
    last_transaction_id: z.string().optional(),
    last_transaction: TransactionEntity.optional(),
    last_transaction_date: IsoDate.optional(),
    next_transaction_date: IsoDate.optional(),
    current_period_start_date: IsoDate,
    current_period_end_date: IsoDate,
    canceled_at: IsoDate.nullable(),
    metadata: Metadata.openapi({ description: "Free-form data from the checkout that started the subscription (e.g. an integration's `referenceId`)." }),
    created_at: IsoDate,
    updated_at: IsoDate,
  })
  .openapi('SubscriptionEntity');

export const OrderEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    customer: z.string(),
    product: z.string(),
    transaction: z.string().nullable().openapi({ description: 'Null for a trial’s order: nothing is charged until the trial ends.' }),
    amount: Cents,
    sub_total: Cents,
    tax_amount: Cents,
    discount_amount: Cents,
    amount_due: Cents,
    amount_paid: Cents,
    currency: z.string(),
    status: z.enum(['pending', 'paid']),
    type: z.enum(['recurring', 'onetime']),
    created_at: IsoDate,
    updated_at: IsoDate,
  })
  .openapi('OrderEntity');

export const DiscountEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    status: z.enum(['active', 'expired', 'deleted']),
    name: z.string(),
    code: z.string(),
    type: z.enum(['percentage', 'fixed']),
    amount: Cents.optional(),
    currency: z.string().optional(),
    percentage: z.number().optional(),
    expiry_date: IsoDate.optional(),
    max_redemptions: z.number().int().optional(),
    duration: z.enum(['once', 'repeating', 'forever']),
    duration_in_months: z.number().int().optional(),
    applies_to_products: z.array(z.string()),
    redeem_count: z.number().int(),
  })
  .openapi('DiscountEntity');

export const LicenseInstanceEntity = z
  .object({ id: z.string(), mode: Mode, object: z.string(), name: z.string(), status: z.enum(['active', 'deactivated']), created_at: IsoDate })
  .openapi('LicenseInstanceEntity');

export const LicenseEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    product_id: z.string(),
    status: z.enum(['inactive', 'active', 'expired', 'disabled']),
    key: z.string(),
    activation: z.number().int(),
    activation_limit: z.number().int().nullable(),
    expires_at: IsoDate.nullable(),
    created_at: IsoDate,
    instance: LicenseInstanceEntity.nullable(),
  })
  .openapi('LicenseEntity');

export const CheckoutEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    status: z.enum(['pending', 'processing', 'completed', 'expired']),
    request_id: z.string().optional(),
    product: z.union([ProductEntity, z.string()]),
    units: z.number().int(),
    order: OrderEntity.optional(),
    subscription: z.union([SubscriptionEntity, z.string()]).optional(),
    customer: z.union([CustomerEntity, z.string()]).optional(),
    checkout_url: z.string().openapi({ description: "This server's hosted test checkout page" }),
    success_url: z.string().nullable(),
    metadata: Metadata,
    discount: DiscountEntity.optional(),
    license_keys: z.array(LicenseEntity).optional(),
  })
  .openapi('CheckoutEntity');

export const RefundEntity = z
  .object({
    id: z.string(),
    mode: Mode,
    object: z.string(),
    status: z.enum(['pending', 'succeeded', 'canceled', 'failed']),
    refund_amount: Cents,
    refund_currency: z.string(),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'other']),
    transaction: TransactionEntity,
    order: z.string(),
    subscription: z.string().optional(),
    customer: z.string(),
    created_at: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('RefundEntity');

export const PaginationEntity = z
  .object({
    total_records: z.number().int(),
    total_pages: z.number().int(),
    current_page: z.number().int(),
    next_page: z.number().int().nullable(),
    prev_page: z.number().int().nullable(),
  })
  .openapi('PaginationEntity');

export const listOf = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item), pagination: PaginationEntity }).openapi(name);

/** `page_number` from 1, `page_size` 1–100 (Creem's SDK sends 10 or 50 by default). */
export const PageQuery = z.object({
  page_number: z.coerce.number().int().min(1).max(1_000_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(10),
});

export const pageOf = (q: { page_number: number; page_size: number }) => ({ page: q.page_number, size: q.page_size });

const errorContent = { 'application/json': { schema: ErrorSchema } };
/** Every error a merchant API route may answer, each in Creem's error body. */
export const v1Errors = {
  ...errorResponses,
  409: { description: 'Not allowed in the current state', content: errorContent },
  413: { description: 'Body too large', content: errorContent },
  415: { description: 'Body is not JSON', content: errorContent },
  422: { description: 'Idempotency-Key reused with a different request', content: errorContent },
} as const;

export function json<T extends z.ZodType>(schema: T, description: string): { 200: { description: string; content: { 'application/json': { schema: T } } } } {
  return { 200: { description, content: { 'application/json': { schema } } } };
}

export function jsonBody<T extends z.ZodType>(schema: T): { required: true; content: { 'application/json': { schema: T } } } {
  return { required: true, content: { 'application/json': { schema } } };
}

/** Documented on every POST; the idempotency middleware does the work. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'Same key + same body within 24 h replays the first answer; same key + another body → 422.' }),
});
