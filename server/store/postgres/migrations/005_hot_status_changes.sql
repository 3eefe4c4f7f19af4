-- A subscription's status changes on nearly every write (cancel, resume, pause). With an index on
-- it, each such write is a non-HOT update: it adds an entry to every index of the table, the primary
-- key's included, and SERIALIZABLE takes concurrent transactions that merely read other
-- subscriptions on the same index page for a conflict (40001, retried). Measured at 10k
-- subscriptions: one write in three ran again. Without the index, a status change is a HOT update
-- wherever its page has room (pruning makes it), and touches no index. The only search by status
-- is the renewal scan, which runs outside any transaction and reads most rows anyway. Pages are
-- left full (no lower fillfactor): a larger table costs the reads more than the writes gain.
DROP INDEX subscriptions_status;
