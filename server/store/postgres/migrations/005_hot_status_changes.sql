-- A subscription's status changes on nearly every write (cancel, resume, pause). With an index on
-- it, each such write is a non-HOT update: it adds an entry to every index of the table, the primary
-- key's included, and SERIALIZABLE takes concurrent transactions that merely read other
-- subscriptions on the same index page for a conflict (40001, retried). Measured at 10k
-- subscriptions: one write in three ran again. Without the index, and with room left on each heap
-- page for the new version, a status change is a HOT update and touches no index. The only search
-- by status is the renewal scan, which runs outside any transaction and reads most rows anyway.
DROP INDEX subscriptions_status;
ALTER TABLE subscriptions SET (fillfactor = 75);
