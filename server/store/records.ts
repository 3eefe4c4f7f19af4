import type { BillingField, BillingPeriod, CancelMode, Currency, SubscriptionStatus, TransactionStatus } from '../../contract/values.js';

/**
 * The records of what merchants sell and customers hold. Plain data in Creem's snake_case, close
 * to the wire; the wire modules shape the exact format. The server's own bookkeeping (webhooks,
 * sign-in, idempotency, mail) is in system-records.ts.
 */

export type Mode = 'test' | 'prod';
// The value sets customers see are the portal contract's: one definition.
export type { BillingPeriod, CancelMode, Currency, SubscriptionStatus, TransactionStatus };
export type PausedBy = 'customer' | 'merchant';

interface Owned {
  id: string;
  merchant_id: string;
  mode: Mode;
  created_at: string;
}

export interface MerchantSettings {
  /** Origins whose pages may embed `<creem-portal>` and receive magic-link returns. */
  allowed_origins: string[];
  brand: { name: string; color: string; logo_url: string | null };
  support_email: string | null;
  /** Used by a cancel that names no mode. */
  default_cancel_mode: CancelMode;
  /** Cancel modes the portal offers customers. */
  cancel_modes: CancelMode[];
  allow_pause: boolean;
  allow_plan_switch: boolean;
  /** Products a customer may switch to; empty = every recurring product of the same currency. */
  switchable_product_ids: string[];
  allow_units_change: boolean;
  /** Seats a customer may choose in the portal; absent on older records: 1 up to the portal's maximum. */
  units_limits?: { min: number; max: number };
  /** Billing details customers may change in the portal; absent: all of them. */
  billing_editable?: BillingField[];
  update_behavior: 'proration-charge-immediately' | 'proration-charge' | 'proration-none';
  refund: { auto_refund_days: number; allow_requests: boolean };
  update_payment_method_url: string | null;
}

export interface Merchant {
  id: string;
  name: string;
  created_at: string;
  settings: MerchantSettings;
}

export interface ApiKey {
  id: string;
  merchant_id: string;
  mode: Mode;
  /** sha256 hex of the full key; the key itself is never stored. */
  hash: string;
  /** First characters, for display ("creem_test_AbC…"). */
  hint: string;
  created_at: string;
}

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  postal_code: string;
  state: string | null;
}

export interface Customer extends Owned {
  email: string;
  name: string | null;
  country: string | null;
  address: Address | null;
  tax_id: string | null;
  locale: string | null;
  metadata: Record<string, string | number | boolean | null>;
  payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null;
  pending_email: string | null;
  /** The merchant's own id for this customer (Creem's `external_id`); absent until set. */
  external_id?: string | null;
  updated_at: string;
}

export interface Product extends Owned {
  name: string;
  description: string | null;
  price: number;
  currency: Currency;
  billing_type: 'recurring' | 'onetime';
  billing_period: BillingPeriod;
  price_id: string;
  status: 'active' | 'archived';
  tax_mode: 'inclusive' | 'exclusive';
  tax_category: string;
  image_url: string | null;
  default_success_url: string | null;
  /** Days of trial a new subscription starts with; absent in records from before trials. */
  trial_period_days?: number | null;
  /**
   * A license key for every purchase (Creem's `licenseKey` feature, set in its dashboard, here by
   * the seed): how many devices may activate it, and for how many days it is valid (null: no limit).
   */
  license?: { activation_limit: number | null; valid_days: number | null } | null;
  updated_at: string;
}

export interface SubscriptionItem {
  id: string;
  product_id: string;
  price_id: string;
  units: number;
  created_at: string;
  updated_at: string;
}

export interface Subscription extends Owned {
  customer_id: string;
  product_id: string;
  status: SubscriptionStatus;
  items: SubscriptionItem[];
  current_period_start_date: string;
  current_period_end_date: string;
  next_transaction_date: string | null;
  last_transaction_id: string | null;
  last_transaction_date: string | null;
  trial_end_date: string | null;
  canceled_at: string | null;
  /** What happens at period end for a scheduled cancel. */
  scheduled_action: 'cancel' | 'pause' | null;
  /**
   * Who paused a `paused` subscription: the portal resumes only a customer's own pause. Absent
   * (records from before this field) counts as the merchant, the safe side.
   */
  paused_by?: PausedBy | null;
  cancel_reason: string | null;
  cancel_comment: string | null;
  /**
   * Free-form data Creem carries on a subscription (inherited from its checkout) and returns in
   * answers and webhooks; integrations find their own user by `metadata.referenceId`. Absent on
   * records from before this field: the wire format sends `{}` then.
   */
  metadata?: Record<string, string | number | boolean | null>;
  /** A repeating or forever discount from its checkout: renewals take it off while it lasts. */
  discount?: AppliedDiscount | null;
  updated_at: string;
}

export type PaymentKind = 'period' | 'proration';


export interface Transaction extends Omit<Owned, 'created_at'> {
  customer_id: string;
  subscription_id: string | null;
  product_id: string;
  order_id: string;
  amount: number;
  amount_paid: number;
  discount_amount: number;
  tax_amount: number;
  tax_country: string | null;
  refunded_amount: number;
  currency: Currency;
  status: TransactionStatus;
  type: 'payment' | 'invoice';
  description: string | null;
  /**
   * What the payment was for: a whole billing period, or a proration charge for a mid-period plan
   * or seat change. Absent on records from before this field: those are period payments.
   */
  kind?: PaymentKind;
  /** Epoch milliseconds, as Creem's transactions carry them. */
  period_start: number | null;
  period_end: number | null;
  created_at: number;
}

export interface Order extends Owned {
  customer_id: string;
  product_id: string;
  /** Null for a trial's order: nothing is charged until the trial ends. */
  transaction_id: string | null;
  amount: number;
  currency: Currency;
  status: 'pending' | 'paid';
  type: 'recurring' | 'onetime';
  updated_at: string;
}

export interface LicenseInstance {
  id: string;
  name: string;
  status: 'active' | 'deactivated';
  created_at: string;
}

/** A license key sold with a product that has one; activated per device (`instances`). */
export interface License extends Owned {
  product_id: string;
  customer_id: string;
  checkout_id: string;
  key: string;
  status: 'inactive' | 'active' | 'disabled';
  activation_limit: number | null;
  expires_at: string | null;
  instances: LicenseInstance[];
  updated_at: string;
}

/** A discount code (`POST /v1/discounts`), applied at checkout. */
export interface Discount extends Owned {
  status: 'active' | 'deleted';
  name: string;
  code: string;
  /** The code upper-cased: codes are matched without regard to case, and unique per merchant and mode. */
  code_key: string;
  type: 'percentage' | 'fixed';
  /** Fixed: cents off, in `currency`. */
  amount: number | null;
  currency: Currency | null;
  /** Percentage: 1–100. */
  percentage: number | null;
  expiry_date: string | null;
  max_redemptions: number | null;
  duration: 'once' | 'repeating' | 'forever';
  duration_in_months: number | null;
  /** Empty: every product of the merchant. */
  applies_to_products: string[];
  redeem_count: number;
  updated_at: string;
}

/** A discount's terms as a subscription keeps them for its later payments (the discount may be deleted meanwhile). */
export interface AppliedDiscount {
  id: string;
  code: string;
  type: Discount['type'];
  amount: number | null;
  percentage: number | null;
  /**
   * A payment for a period that starts before this instant is discounted; null: every one
   * (forever). An end date, not a count of payments, so a switch to a longer or shorter plan
   * keeps the months the code gives. Absent on records stored before it (see periods_left).
   */
  until?: string | null;
  /** Stored before `until` (a count of the payments after the first still discounted): read as before. */
  periods_left?: number | null;
}

/** A checkout session (`POST /v1/checkouts`), paid on this server's hosted test checkout page. */
export interface Checkout extends Owned {
  status: 'pending' | 'completed' | 'expired';
  product_id: string;
  units: number;
  request_id: string | null;
  success_url: string | null;
  /** The customer named when it was created, or only the email to fill in. */
  customer_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string | number | boolean | null>;
  /**
   * The API key that created it, sealed (server/auth/seal.ts): Creem signs the redirect to
   * success_url with the merchant's key, and the store keeps only hashes of keys. Erased once used.
   */
  sealed_key: string | null;
  order_id: string | null;
  subscription_id: string | null;
  /** The discount code given when it was created (checked again when paid). */
  discount_id?: string | null;
  /** The license key the purchase came with, when the product has one. */
  license_id?: string | null;
  /** Who paid (new or found by email), once completed. */
  paid_by: string | null;
  /** Where the payer went once paid: success_url with Creem's signed parameters (paying again goes there too). */
  redirect_url: string | null;
  expires_at: string;
  updated_at: string;
}

export interface Refund extends Owned {
  transaction_id: string;
  customer_id: string;
  subscription_id: string | null;
  order_id: string;
  refund_amount: number;
  refund_currency: Currency;
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | 'other';
  status: 'pending' | 'succeeded' | 'canceled' | 'failed';
}

/** Something a customer asked for in the portal: support, an invoice, a refund. */
export interface CustomerRequest extends Owned {
  kind: 'support' | 'invoice' | 'refund';
  /** Short reference shown to the customer ("SUP-7K3F9Q"). */
  reference: string;
  customer_id: string;
  transaction_id: string | null;
  status: 'open' | 'pending' | 'refunded' | 'declined' | 'closed';
  fields: Record<string, string>;
}
