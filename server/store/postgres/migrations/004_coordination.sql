-- What several processes on this database must agree on that is no record of the business
-- (Coordination in server/store/interface.ts): sliding rate-limit windows, leases on work in
-- flight, and stamps that tell a process its cached reads are stale. Keys are stored hashed.
CREATE TABLE rate_windows (
  id text PRIMARY KEY,
  hits bigint[] NOT NULL,
  ends_at bigint NOT NULL
);
CREATE INDEX rate_windows_ends_at ON rate_windows (ends_at);

CREATE TABLE leases (
  id text PRIMARY KEY,
  holder text NOT NULL,
  until bigint NOT NULL
);

CREATE TABLE stamps (
  id text PRIMARY KEY,
  stamp text NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX stamps_at ON stamps (at);

-- The dev outbox's mails that carry a live code (never used in production): kept apart from the
-- collections, as lowdb keeps them in a file apart from its data file.
CREATE TABLE dev_secret_mail (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);
