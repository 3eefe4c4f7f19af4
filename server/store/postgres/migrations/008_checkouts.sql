-- Checkout sessions (POST /v1/checkouts), found by id only.
CREATE TABLE checkouts (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);
