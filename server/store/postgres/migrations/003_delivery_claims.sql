-- Webhook deliveries are claimed by one worker at a time across processes (claimDueDeliveries):
-- when they are due and who holds them, as columns the claim query can use an index on.
ALTER TABLE webhook_deliveries
  ADD COLUMN next_attempt_at bigint GENERATED ALWAYS AS ((doc ->> 'next_attempt_at')::bigint) STORED,
  ADD COLUMN claimed_until bigint GENERATED ALWAYS AS ((doc ->> 'claimed_until')::bigint) STORED;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
