import { z } from 'zod';
import {
  BILLING_FIELDS,
  BILLING_PERIODS,
  CANCEL_MODES,
  CANCEL_REASONS,
  CURRENCIES,
  LIMITS,
  REFUND_REASONS,
  REFUND_REQUEST_STATUSES,
  SUBSCRIPTION_STATUSES,
  TRANSACTION_STATUSES,
} from './values.js';
import { country, line, optionalLine, paragraph, prefixedId } from './text.js';

/**
 * The portal API's wire contract: every request and response between `<creem-portal>` and
 * `server/routes/portal/*`, as zod schemas with their types. The server validates with these and
 * documents them in its OpenAPI document; the element imports only the types (and `values.ts`),
 * so zod stays out of its bundle.
 *
 * Base: `${api-base}/portal/api`. Every call but sign-in sends `Authorization: Bearer <widget token>`.
 * Errors use Creem's body (`ApiErrorBody`). 401 means the token is missing, expired or revoked.
 */

const IsoDate = z.string().describe('ISO 8601 date-time');
const EpochMs = z.number().int().describe('Epoch milliseconds');
const Cents = z.number().int().describe('Integer cents: 1000 = 10.00');
const Currency = z.enum(CURRENCIES);

export const TransactionId = prefixedId('tran', 'transaction');

// --- responses -----------------------------------------------------------------------------

export const PortalProduct = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price: Cents,
  currency: Currency,
  billing_period: z.enum(BILLING_PERIODS),
});
export type PortalProduct = z.infer<typeof PortalProduct>;

export const PortalSubscription = z.object({
  id: z.string(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  product: PortalProduct,
  units: z.number().int(),
  current_period_start_date: IsoDate,
  current_period_end_date: IsoDate,
  next_transaction_date: IsoDate.nullable(),
  canceled_at: IsoDate.nullable(),
  trial_end_date: IsoDate.nullable(),
  created_at: IsoDate,
});
export type PortalSubscription = z.infer<typeof PortalSubscription>;

export const PortalAddress = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  postal_code: z.string(),
  state: z.string().nullable(),
});
export type PortalAddress = z.infer<typeof PortalAddress>;

export const PaymentMethod = z.object({ brand: z.string(), last4: z.string(), exp_month: z.number().int(), exp_year: z.number().int() });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PortalCustomer = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().nullable(),
  address: PortalAddress.nullable(),
  tax_id: z.string().nullable(),
  payment_method: PaymentMethod.nullable(),
  /** A new email address waiting for confirmation by link, if any. */
  pending_email: z.string().nullable(),
});
export type PortalCustomer = z.infer<typeof PortalCustomer>;

export const RefundPolicy = z.object({ auto_refund_days: z.number().int(), allow_requests: z.boolean() });

export const PortalMerchant = z.object({
  id: z.string(),
  name: z.string(),
  brand_color: z.string(),
  /** https: or data: URL, or null. */
  logo_url: z.string().nullable(),
  support_email: z.string().nullable(),
  /** https: URL where the customer updates the card on file, or null. */
  update_payment_method_url: z.string().nullable(),
  settings: z.object({
    cancel_modes: z.array(z.enum(CANCEL_MODES)),
    allow_pause: z.boolean(),
    allow_plan_switch: z.boolean(),
    allow_units_change: z.boolean(),
    /** The seats a customer may choose, inclusive. */
    units: z.object({ min: z.number().int(), max: z.number().int() }),
    refund: RefundPolicy,
    billing: z.object({
      /** The billing details the customer may change here; the others are shown read-only. */
      editable: z.array(z.enum(BILLING_FIELDS)),
      /** POST /billing/manage-link opens the payment provider's own page for the card on file (and what cannot change here). */
      manage_link: z.boolean(),
    }),
  }),
});
export type PortalMerchant = z.infer<typeof PortalMerchant>;

/** GET /overview — everything the first screen needs, in one request. */
export const OverviewResponse = z.object({
  customer: PortalCustomer,
  merchant: PortalMerchant,
  subscriptions: z.array(PortalSubscription),
  /** The merchant's plans on offer here (its allow-list, same mode): to switch to, or to subscribe again once every subscription has ended. */
  plans: z.array(PortalProduct),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

export const PortalTransaction = z.object({
  id: z.string(),
  order_id: z.string(),
  subscription_id: z.string().nullable(),
  product_name: z.string().nullable(),
  amount: Cents,
  amount_paid: Cents,
  tax_amount: Cents,
  refunded_amount: Cents,
  currency: Currency,
  status: z.enum(TRANSACTION_STATUSES),
  created_at: EpochMs,
  period_start: EpochMs.nullable(),
  period_end: EpochMs.nullable(),
  /** The latest refund request on this payment, if any. */
  refund_request: z.object({ reference: z.string(), status: z.enum(REFUND_REQUEST_STATUSES) }).nullable(),
});
export type PortalTransaction = z.infer<typeof PortalTransaction>;

/** GET /transactions */
export const TransactionsResponse = z.object({ items: z.array(PortalTransaction) });
export type TransactionsResponse = z.infer<typeof TransactionsResponse>;

/** POST /subscriptions/:id/preview — computed by the server's proration rules. */
export const ChangePreview = z.object({
  currency: Currency,
  /** Cents charged today for the rest of the period (0 if none). */
  charge_today: Cents,
  /** Cents credited today for the unused part of the old plan (0 if none). */
  credit_today: Cents,
  /** charge_today − credit_today: positive is charged, negative is refunded. */
  net_today: Cents,
  /** Tax on net_today (same sign): prices are before tax, tax is added on top. */
  tax_today: Cents,
  /** net_today + tax_today: what really moves today (charged when positive, refunded when negative). */
  total_today: Cents,
  /** Next period's price before tax. */
  next_charge_amount: Cents,
  /** next_charge_amount plus tax: what the next charge will be. */
  next_charge_total: Cents,
  next_charge_date: IsoDate.nullable(),
  product: PortalProduct,
  units: z.number().int(),
});
export type ChangePreview = z.infer<typeof ChangePreview>;

/** Answer of cancel, resume, pause. */
export const SubscriptionResponse = z.object({ subscription: PortalSubscription });
export type SubscriptionResponse = z.infer<typeof SubscriptionResponse>;

/** POST /subscriptions/:id/change */
export const ChangeResponse = z.object({ subscription: PortalSubscription, transaction: PortalTransaction.nullable() });
export type ChangeResponse = z.infer<typeof ChangeResponse>;

export const RefundRequestResponse = z.object({
  reference: z.string(),
  /** `refunded` when the merchant's policy refunded it at once, else `pending` (sent to the merchant). */
  outcome: z.enum(['refunded', 'pending']),
  refund_amount: Cents,
  /** When the refunded payment paid for the current period of a running subscription, that subscription, now canceled. */
  canceled_subscription: PortalSubscription.nullable(),
});
export type RefundRequestResponse = z.infer<typeof RefundRequestResponse>;

/** Answer of support and invoice requests. */
export const ReferenceResponse = z.object({ reference: z.string() });
export type ReferenceResponse = z.infer<typeof ReferenceResponse>;

export const BillingResponse = z.object({ customer: PortalCustomer });
export type BillingResponse = z.infer<typeof BillingResponse>;

/** POST /billing/manage-link — a short-lived, single-use link to the payment provider's own customer page. */
export const ManageLinkResponse = z.object({ url: z.string() });
export type ManageLinkResponse = z.infer<typeof ManageLinkResponse>;

/** POST /checkouts — a checkout for one of the offered plans; open `checkout_url` to pay, it comes back to `return_url`. */
export const SubscribeResponse = z.object({ checkout_id: z.string(), checkout_url: z.string() });
export type SubscribeResponse = z.infer<typeof SubscribeResponse>;

/** A portal session token (sign-in exchange, hosted portal's token-url). */
export const TokenResponse = z.object({ token: z.string(), expires_at: IsoDate, customer_id: z.string() });
export type TokenResponse = z.infer<typeof TokenResponse>;

/** POST /session/preview: whom a sign-in code would sign in as, shown before the customer continues. */
export const SessionPreview = z.object({
  /** The customer's address, masked: `a***@example.com`. */
  email_hint: z.string(),
  merchant_name: z.string(),
});
export type SessionPreview = z.infer<typeof SessionPreview>;

/** POST /magic-link — always the same 202, known address or not. */
export const MagicLinkAccepted = z.object({ ok: z.literal(true) });
export type MagicLinkAccepted = z.infer<typeof MagicLinkAccepted>;

/** Creem's error body. */
export const ApiErrorBody = z.object({
  trace_id: z.string(),
  status: z.number().int(),
  error: z.string(),
  message: z.array(z.string()),
  timestamp: z.number().int(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

// --- requests ------------------------------------------------------------------------------
// Request types are what a client sends (zod's input side): optional fields may be left out.

/** POST /subscriptions/:id/cancel */
export const CancelRequest = z
  .object({
    mode: z.enum(CANCEL_MODES),
    reason: z.enum(CANCEL_REASONS),
    comment: z.string().trim().max(LIMITS.cancelComment).optional(),
  })
  .strict();
export type CancelRequest = z.input<typeof CancelRequest>;

/** POST /subscriptions/:id/preview and /change: at least one of product_id, units. */
export const ChangeRequest = z
  .object({
    product_id: z.string().min(1).max(LIMITS.id).optional(),
    units: z.number().int().min(1).max(LIMITS.maxUnits).optional(),
  })
  .strict()
  .refine((b) => b.product_id !== undefined || b.units !== undefined, 'Give a product_id or units to change.');
export type ChangeRequest = z.input<typeof ChangeRequest>;

/** POST /checkouts: start a new subscription to an offered plan (only while none is live). */
export const SubscribeRequest = z
  .object({
    product_id: z.string().min(1).max(LIMITS.id),
    units: z.number().int().min(1).max(LIMITS.maxUnits).optional(),
    /** The page the checkout comes back to once paid; one of the merchant's allowed origins. */
    return_url: z.string().min(1).max(LIMITS.returnUrl),
  })
  .strict();
export type SubscribeRequest = z.input<typeof SubscribeRequest>;

/** POST /support */
export const SupportRequest = z
  .object({ subject: line(LIMITS.supportSubject), message: paragraph(LIMITS.supportMessage), transaction_id: TransactionId.optional() })
  .strict();
export type SupportRequest = z.input<typeof SupportRequest>;

/** POST /invoice-requests */
export const InvoiceRequest = z
  .object({
    transaction_id: TransactionId,
    company_name: line(LIMITS.invoiceCompanyName),
    address: paragraph(LIMITS.invoiceAddress),
    tax_id: line(LIMITS.taxId).optional(),
  })
  .strict();
export type InvoiceRequest = z.input<typeof InvoiceRequest>;

/** POST /refund-requests */
export const RefundRequest = z
  .object({ transaction_id: TransactionId, reason: z.enum(REFUND_REASONS), comment: paragraph(LIMITS.refundComment).optional() })
  .strict();
export type RefundRequest = z.input<typeof RefundRequest>;

export const AddressInput = z
  .object({
    line1: line(LIMITS.addressLine),
    line2: optionalLine(LIMITS.addressLine),
    city: line(LIMITS.city),
    postal_code: line(LIMITS.postalCode),
    state: optionalLine(LIMITS.state),
  })
  .strict();

/** PATCH /billing — every field optional; "" clears a field; `email` starts a confirmation by link. */
export const BillingUpdate = z
  .object({
    name: z.union([z.literal(''), line(LIMITS.customerName)]).optional(),
    country: country().optional(),
    address: AddressInput.nullable().optional(),
    tax_id: z
      .union([z.literal(''), z.string().trim().max(LIMITS.taxId).regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/, 'may contain only letters, digits, spaces and . - /')])
      .nullable()
      .optional(),
    email: z.string().trim().max(LIMITS.email).pipe(z.email()).optional(),
  })
  .strict();
export type BillingUpdate = z.input<typeof BillingUpdate>;

/** POST /magic-link (no token) — always 202 with the same body, known email or not. */
export const MagicLinkRequest = z
  .object({
    merchant_id: z.string().min(1).max(LIMITS.merchantId),
    email: z.string().max(320),
    /** The page to come back to; honoured only for the merchant's allowed origins. */
    return_url: z.string().max(LIMITS.returnUrl).optional(),
    locale: z.string().max(LIMITS.localeTag).optional(),
  })
  .strict();
export type MagicLinkRequest = z.input<typeof MagicLinkRequest>;

/** POST /session/exchange (no token): a link or magic-link code → a portal session token. */
export const ExchangeRequest = z.object({ code: z.string().min(1).max(LIMITS.signInCode) }).strict();
export type ExchangeRequest = z.input<typeof ExchangeRequest>;
export type * from './values.js';
