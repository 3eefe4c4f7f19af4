-- The store's collections: one table each, the record as jsonb, its insertion order in `seq`,
-- and every field the store finds records by (INDEXES in server/store/schema.ts) as a generated
-- column with an index. test/server/store-postgres-schema.test.ts keeps this in step with INDEXES.

CREATE TABLE merchants (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  hash text GENERATED ALWAYS AS (doc ->> 'hash') STORED
);
CREATE INDEX api_keys_hash ON api_keys (hash, seq);

CREATE TABLE customers (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED,
  email text GENERATED ALWAYS AS (doc ->> 'email') STORED
);
CREATE INDEX customers_merchant_id ON customers (merchant_id, seq);
CREATE INDEX customers_email ON customers (email, seq);

CREATE TABLE products (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED
);
CREATE INDEX products_merchant_id ON products (merchant_id, seq);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED,
  status text GENERATED ALWAYS AS (doc ->> 'status') STORED
);
CREATE INDEX subscriptions_merchant_id ON subscriptions (merchant_id, seq);
CREATE INDEX subscriptions_customer_id ON subscriptions (customer_id, seq);
CREATE INDEX subscriptions_status ON subscriptions (status, seq);

CREATE TABLE transactions (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED,
  order_id text GENERATED ALWAYS AS (doc ->> 'order_id') STORED,
  subscription_id text GENERATED ALWAYS AS (doc ->> 'subscription_id') STORED
);
CREATE INDEX transactions_merchant_id ON transactions (merchant_id, seq);
CREATE INDEX transactions_customer_id ON transactions (customer_id, seq);
CREATE INDEX transactions_order_id ON transactions (order_id, seq);
CREATE INDEX transactions_subscription_id ON transactions (subscription_id, seq);

CREATE TABLE orders (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED
);
CREATE INDEX orders_customer_id ON orders (customer_id, seq);

CREATE TABLE refunds (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  transaction_id text GENERATED ALWAYS AS (doc ->> 'transaction_id') STORED
);
CREATE INDEX refunds_transaction_id ON refunds (transaction_id, seq);

CREATE TABLE customer_requests (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED,
  transaction_id text GENERATED ALWAYS AS (doc ->> 'transaction_id') STORED
);
CREATE INDEX customer_requests_customer_id ON customer_requests (customer_id, seq);
CREATE INDEX customer_requests_transaction_id ON customer_requests (transaction_id, seq);

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED
);
CREATE INDEX webhook_endpoints_merchant_id ON webhook_endpoints (merchant_id, seq);

CREATE TABLE webhook_events (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED
);
CREATE INDEX webhook_events_merchant_id ON webhook_events (merchant_id, seq);

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  event_id text GENERATED ALWAYS AS (doc ->> 'event_id') STORED,
  endpoint_id text GENERATED ALWAYS AS (doc ->> 'endpoint_id') STORED,
  status text GENERATED ALWAYS AS (doc ->> 'status') STORED
);
CREATE INDEX webhook_deliveries_event_id ON webhook_deliveries (event_id, seq);
CREATE INDEX webhook_deliveries_endpoint_id ON webhook_deliveries (endpoint_id, seq);
CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, seq);

CREATE TABLE sign_in_codes (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  hash text GENERATED ALWAYS AS (doc ->> 'hash') STORED,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED
);
CREATE INDEX sign_in_codes_hash ON sign_in_codes (hash, seq);
CREATE INDEX sign_in_codes_customer_id ON sign_in_codes (customer_id, seq);

CREATE TABLE token_revocations (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED
);
CREATE INDEX token_revocations_customer_id ON token_revocations (customer_id, seq);

CREATE TABLE ended_sessions (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE idempotency (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE mailbox (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE subscription_notes (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED
);
CREATE INDEX subscription_notes_customer_id ON subscription_notes (customer_id, seq);
