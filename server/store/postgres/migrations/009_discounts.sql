-- Discount codes (POST /v1/discounts), found by merchant (search) and by upper-cased code (checkout).
CREATE TABLE discounts (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL,
  merchant_id text GENERATED ALWAYS AS (doc ->> 'merchant_id') STORED,
  code_key text GENERATED ALWAYS AS (doc ->> 'code_key') STORED
);
CREATE INDEX discounts_merchant_id ON discounts (merchant_id, seq);
CREATE INDEX discounts_code_key ON discounts (code_key, seq);
