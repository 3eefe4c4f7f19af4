import type { ApiKey, Checkout, Customer, Discount, License, CustomerRequest, Merchant, Order, Product, Refund, Subscription, Transaction } from './records.js';
import type {
  EndedSession,
  IdempotencyRecord,
  MailMessage,
  SignInCode,
  SubscriptionNote,
  TokenRevocation,
  WidgetKey,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
} from './system-records.js';

export type * from './records.js';
export type * from './system-records.js';

/**
 * The collections every store engine keeps, and the fields each can be looked up by. Bump
 * SCHEMA_VERSION (and teach the engines to migrate) whenever a stored shape changes incompatibly.
 */
export const SCHEMA_VERSION = 1;

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
  subscription_notes: SubscriptionNote;
  widget_keys: WidgetKey;
  checkouts: Checkout;
  discounts: Discount;
  licenses: License;
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
  'subscription_notes',
  'widget_keys',
  'checkouts',
  'discounts',
  'licenses',
];

/** Fields records can be found by (`findBy`); every engine keeps an index on each, so lookups stay flat as the store grows. */
export const INDEXES = {
  api_keys: ['hash'],
  customers: ['merchant_id', 'email'],
  products: ['merchant_id'],
  subscriptions: ['merchant_id', 'customer_id', 'status'],
  transactions: ['merchant_id', 'customer_id', 'order_id', 'subscription_id'],
  orders: ['customer_id'],
  refunds: ['transaction_id'],
  customer_requests: ['customer_id', 'transaction_id'],
  webhook_endpoints: ['merchant_id'],
  webhook_events: ['merchant_id'],
  webhook_deliveries: ['event_id', 'endpoint_id', 'status'],
  sign_in_codes: ['hash', 'customer_id'],
  token_revocations: ['customer_id'],
  subscription_notes: ['customer_id'],
  discounts: ['merchant_id', 'code_key'],
  licenses: ['key', 'customer_id'],
} as const satisfies { [K in CollectionName]?: readonly (keyof Collections[K] & string)[] };

/** The fields of collection K that `findBy` may use. */
export type IndexedField<K extends CollectionName> = K extends keyof typeof INDEXES ? (typeof INDEXES)[K][number] : never;

export const indexedFields = (c: CollectionName): readonly string[] => (INDEXES as Partial<Record<CollectionName, readonly string[]>>)[c] ?? [];

