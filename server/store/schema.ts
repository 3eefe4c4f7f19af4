import type { BillingPeriod, CancelMode, Currency, SubscriptionStatus, TransactionStatus } from '../../widget/portal-api.js';

/**
 * Every record the store keeps. Records are plain data in Creem's snake_case, close to the wire;
 * routes shape the exact wire format. Bump SCHEMA_VERSION (and add a migration in store.ts)
 * whenever a stored shape changes incompatibly.
 */
export const SCHEMA_VERSION = 1;

export type Mode = 'test' | 'prod';
// The value sets customers see are the wire contract's (widget/portal-api.ts): one definition.
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
  transaction_id: string;
  amount: number;
  currency: Currency;
  status: 'pending' | 'paid';
  type: 'recurring' | 'onetime';
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

export interface WebhookEndpoint extends Owned {
  /** Empty for `cli` endpoints, whose events wait in the pending feed instead. */
  url: string;
  name: string | null;
  /** `http`: the worker POSTs each event to `url`; `cli`: pulled via /events/pending + ack. */
  delivery_mode: 'http' | 'cli';
  /** Signing secret ("whsec_…"), shown to the merchant on request. */
  secret: string;
  events: string[];
  status: 'active' | 'disabled';
  updated_at: string;
}

/** The outbox: written in the same store commit as the change it describes. */
export interface WebhookEvent extends Owned {
  eventType: string;
  object: unknown;
}

export interface WebhookDelivery {
  id: string;
  merchant_id: string;
  event_id: string;
  endpoint_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  log: { at: number; status: number | null; error: string | null; ms: number }[];
  created_at: number;
  updated_at: number;
}

/** A single-use sign-in code (portal link or magic link); only its hash is stored. */
export interface SignInCode {
  id: string;
  merchant_id: string;
  mode: Mode;
  customer_id: string;
  kind: 'portal_link' | 'magic_link' | 'email_change' | 'email_change_cancel';
  hash: string;
  expires_at: number;
  used_at: number | null;
  /** For email_change: the new address; for email_change_cancel: JSON `{from, to}`. */
  data: string | null;
  created_at: number;
}

/** The customer's latest revocation: tokens and portal sessions minted with a lower `generation` are refused. */
export interface TokenRevocation {
  id: string;
  merchant_id: string;
  customer_id: string;
  /** Epoch seconds of the latest revocation (for display). */
  before: number;
  /** Bumped by each revocation; tokens carry the generation they were minted in. */
  generation: number;
}

/** A hosted portal session signed out before its end: its cookie is refused until it would have expired anyway. */
export interface EndedSession {
  /** The session cookie's `jti` (an identifier, not a credential). */
  id: string;
  merchant_id: string;
  customer_id: string;
  /** Epoch milliseconds: the session's own end, after which the entry is pruned. */
  expires_at: number;
}

export interface IdempotencyRecord {
  /** merchant_id + ":" + key */
  id: string;
  merchant_id: string;
  fingerprint: string;
  status: number;
  body: unknown;
  created_at: number;
}

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

export interface Collections {
  merchants: Merchant;
  api_keys: ApiKey;
  customers: Customer;
  products: Product;
  subscriptions: Subscription;
  transactions: Transaction;
  orders: Order;
  refunds: Refund;
  customer_requests: CustomerRequest;
  webhook_endpoints: WebhookEndpoint;
  webhook_events: WebhookEvent;
  webhook_deliveries: WebhookDelivery;
  sign_in_codes: SignInCode;
  token_revocations: TokenRevocation;
  ended_sessions: EndedSession;
  idempotency: IdempotencyRecord;
  mailbox: MailMessage;
}

export type CollectionName = keyof Collections;

export const COLLECTIONS: CollectionName[] = [
  'merchants',
  'api_keys',
  'customers',
  'products',
  'subscriptions',
  'transactions',
  'orders',
  'refunds',
  'customer_requests',
  'webhook_endpoints',
  'webhook_events',
  'webhook_deliveries',
  'sign_in_codes',
  'token_revocations',
  'ended_sessions',
  'idempotency',
  'mailbox',
];

/** Fields with an in-memory secondary index, so lookups stay flat as the store grows. */
export const INDEXES: { [K in CollectionName]?: (keyof Collections[K] & string)[] } = {
  api_keys: ['hash'],
  customers: ['merchant_id', 'email'],
  products: ['merchant_id'],
  subscriptions: ['merchant_id', 'customer_id'],
  transactions: ['merchant_id', 'customer_id', 'order_id', 'subscription_id'],
  orders: ['customer_id'],
  refunds: ['transaction_id'],
  customer_requests: ['customer_id', 'transaction_id'],
  webhook_endpoints: ['merchant_id'],
  webhook_events: ['merchant_id'],
  webhook_deliveries: ['event_id', 'endpoint_id', 'status'],
  sign_in_codes: ['hash', 'customer_id'],
  token_revocations: ['customer_id'],
};

/** What lowdb writes: one compact JSON document. */
export interface DataFileShape {
  version: number;
  collections: { [K in CollectionName]: Collections[K][] };
}
