-- Widget-token signing keys, shared by every server process on this database.
CREATE TABLE widget_keys (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);
