-- License keys sold with products that have one, found by key (activation) and by customer.
CREATE TABLE licenses (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  key text GENERATED ALWAYS AS (doc ->> 'key') STORED,
  customer_id text GENERATED ALWAYS AS (doc ->> 'customer_id') STORED
);
CREATE INDEX licenses_key ON licenses (key, seq);
CREATE INDEX licenses_customer_id ON licenses (customer_id, seq);
