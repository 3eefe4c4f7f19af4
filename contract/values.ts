/**
 * The value sets and limits of the portal API, defined once. Plain constants (no zod): the element
 * imports them, and this module must stay out of the way of its bundle size. The schemas in
 * `portal.ts` are built from these.
 */

/** Portal links and magic links work this long (docs/domain.md); the element tells the customer so. */
export const SIGN_IN_LINK_MINUTES = 10;

export const SUBSCRIPTION_STATUSES = ['active', 'trialing', 'scheduled_cancel', 'paused', 'canceled', 'past_due', 'unpaid', 'expired'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
/** A subscription in one of these is over: nothing more is charged, nothing can be changed on it. */
export const isEnded = (status: SubscriptionStatus) => status === 'canceled' || status === 'expired';

export const BILLING_PERIODS = ['every-month', 'every-three-months', 'every-six-months', 'every-year', 'once'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const CURRENCIES = ['EUR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CANCEL_MODES = ['immediate', 'scheduled'] as const;
export type CancelMode = (typeof CANCEL_MODES)[number];

/** The cancel survey's answers. */
export const CANCEL_REASONS = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Why a customer asks for a refund: the cancel reasons, plus two only a payment can have. */
export const REFUND_REASONS = [...CANCEL_REASONS, 'duplicate', 'not_as_described'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const TRANSACTION_STATUSES = ['paid', 'refunded', 'partialRefund', 'pending', 'failed', 'void', 'chargedBack'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** Billing details a customer may be allowed to change in the portal (the merchant's backend decides which). */
export const BILLING_FIELDS = ['name', 'email', 'address', 'country', 'tax_id'] as const;
export type BillingField = (typeof BILLING_FIELDS)[number];

export const REFUND_REQUEST_STATUSES = ['pending', 'refunded', 'declined'] as const;
export type RefundRequestStatus = (typeof REFUND_REQUEST_STATUSES)[number];

/** Lengths and ranges the server enforces and the element's forms announce (maxlength, max). */
export const LIMITS = {
  /** Seats on one subscription. */
  maxUnits: 1000,
  cancelComment: 1000,
  refundComment: 1000,
  supportSubject: 200,
  supportMessage: 5000,
  invoiceCompanyName: 200,
  invoiceAddress: 500,
  taxId: 40,
  customerName: 120,
  addressLine: 200,
  city: 100,
  postalCode: 20,
  state: 100,
  email: 254,
  /** An id in a path or body (`sub_…`, `prod_…`). */
  id: 64,
  merchantId: 80,
  returnUrl: 2048,
  localeTag: 35,
  signInCode: 512,
} as const;
