/**
 * The portal API's wire format: the one contract between `<creem-portal>` and the server's
 * `server/routes/portal/*`. Types only, so the widget bundle never pulls server code in.
 *
 * Base: `${api-base}/portal/api`. Every call but sign-in sends `Authorization: Bearer <widget token>`.
 * Errors use Creem's body: `{ trace_id, status, error, message: string[], timestamp }`.
 * 401 means the token is missing, expired or revoked (the element fires `creem-token-expired`).
 */

export type SubscriptionStatus =
  | 'active'
  | 'trialing'
  | 'scheduled_cancel'
  | 'paused'
  | 'canceled'
  | 'past_due'
  | 'unpaid'
  | 'expired';

export type BillingPeriod = 'every-month' | 'every-three-months' | 'every-six-months' | 'every-year' | 'once';
export type Currency = 'EUR' | 'USD';
export type CancelMode = 'immediate' | 'scheduled';

export type CancelReason =
  | 'too_expensive'
  | 'missing_features'
  | 'switched_service'
  | 'unused'
  | 'customer_service'
  | 'too_complex'
  | 'low_quality'
  | 'other';

export interface PortalProduct {
  id: string;
  name: string;
  description: string | null;
  /** Integer cents. */
  price: number;
  currency: Currency;
  billing_period: BillingPeriod;
}

export interface PortalSubscription {
  id: string;
  status: SubscriptionStatus;
  product: PortalProduct;
  units: number;
  /** ISO 8601 date-times. */
  current_period_start_date: string;
  current_period_end_date: string;
  next_transaction_date: string | null;
  canceled_at: string | null;
  trial_end_date: string | null;
  created_at: string;
}

export interface PortalAddress {
  line1: string;
  line2: string | null;
  city: string;
  postal_code: string;
  state: string | null;
}

export interface PortalCustomer {
  id: string;
  email: string;
  name: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  address: PortalAddress | null;
  tax_id: string | null;
  payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null;
  /** A new email address waiting for confirmation by link, if any. */
  pending_email: string | null;
}

export interface PortalMerchant {
  id: string;
  name: string;
  brand_color: string;
  /** https: or data: URL, or null. */
  logo_url: string | null;
  support_email: string | null;
  /** https: URL where the customer updates the card on file, or null. */
  update_payment_method_url: string | null;
  settings: {
    cancel_modes: CancelMode[];
    allow_pause: boolean;
    allow_plan_switch: boolean;
    allow_units_change: boolean;
    refund: { auto_refund_days: number; allow_requests: boolean };
  };
}

/** GET /overview — everything the first screen needs, in one request. */
export interface OverviewResponse {
  customer: PortalCustomer;
  merchant: PortalMerchant;
  subscriptions: PortalSubscription[];
  /** Products the customer may switch to (merchant's allow-list, same mode). */
  plans: PortalProduct[];
}

export type TransactionStatus = 'paid' | 'refunded' | 'partialRefund' | 'pending' | 'failed' | 'void' | 'chargedBack';

export interface PortalTransaction {
  id: string;
  order_id: string;
  subscription_id: string | null;
  product_name: string | null;
  /** Integer cents. */
  amount: number;
  amount_paid: number;
  tax_amount: number;
  refunded_amount: number;
  currency: Currency;
  status: TransactionStatus;
  /** Epoch milliseconds, as Creem's transactions carry them. */
  created_at: number;
  period_start: number | null;
  period_end: number | null;
  /** The latest refund request on this payment, if any. */
  refund_request: { reference: string; status: 'pending' | 'refunded' | 'declined' } | null;
}

/** GET /transactions */
export interface TransactionsResponse {
  items: PortalTransaction[];
}

/** POST /subscriptions/:id/cancel */
export interface CancelRequest {
  mode: CancelMode;
  reason: CancelReason;
  comment?: string;
}

/** POST /subscriptions/:id/preview and /change: at least one of product_id, units. */
export interface ChangeRequest {
  product_id?: string;
  units?: number;
}

/** POST /subscriptions/:id/preview — computed by the server's proration rules. */
export interface ChangePreview {
  currency: Currency;
  /** Cents charged today for the rest of the period (0 if none). */
  charge_today: number;
  /** Cents credited today for the unused part of the old plan (0 if none). */
  credit_today: number;
  /** charge_today − credit_today: positive is charged, negative is refunded. */
  net_today: number;
  /** Tax on net_today (same sign): prices are before tax, tax is added on top. */
  tax_today: number;
  /** net_today + tax_today: what really moves today (charged when positive, refunded when negative). */
  total_today: number;
  /** Next period's price before tax. */
  next_charge_amount: number;
  /** next_charge_amount plus tax: what the next charge will be. */
  next_charge_total: number;
  next_charge_date: string | null;
  product: PortalProduct;
  units: number;
}

/** Answer of cancel, resume, pause. */
export interface SubscriptionResponse {
  subscription: PortalSubscription;
}

/** POST /subscriptions/:id/change */
export interface ChangeResponse {
  subscription: PortalSubscription;
  transaction: PortalTransaction | null;
}

/** POST /support */
export interface SupportRequest {
  subject: string;
  message: string;
  transaction_id?: string;
}

/** POST /invoice-requests */
export interface InvoiceRequest {
  transaction_id: string;
  company_name: string;
  address: string;
  tax_id?: string;
}

/** POST /refund-requests */
export interface RefundRequest {
  transaction_id: string;
  reason: CancelReason | 'duplicate' | 'not_as_described';
  comment?: string;
}

export interface RefundRequestResponse {
  reference: string;
  /** `refunded` when the merchant's policy refunded it at once, else `pending` (sent to the merchant). */
  outcome: 'refunded' | 'pending';
  refund_amount: number;
  /** When the refunded payment paid for the current period of a running subscription, that subscription, now canceled. */
  canceled_subscription: PortalSubscription | null;
}

/** Answer of support and invoice requests. */
export interface ReferenceResponse {
  reference: string;
}

/** PATCH /billing — every field optional; `email` starts a confirmation by link. */
export interface BillingUpdate {
  name?: string;
  country?: string;
  address?: PortalAddress | null;
  tax_id?: string | null;
  email?: string;
}

export interface BillingResponse {
  customer: PortalCustomer;
}

/** POST /magic-link (no token) — always 202 with the same body, known email or not. */
export interface MagicLinkRequest {
  merchant_id: string;
  email: string;
  /** The page to come back to; honoured only for the merchant's allowed origins. */
  return_url?: string;
  locale?: string;
}

/** POST /session/exchange (no token): a link or magic-link code → a portal session token. */
export interface ExchangeRequest {
  code: string;
}

export interface TokenResponse {
  token: string;
  /** ISO 8601. */
  expires_at: string;
  customer_id: string;
}

export interface ApiErrorBody {
  trace_id: string;
  status: number;
  error: string;
  message: string[];
  timestamp: number;
}
