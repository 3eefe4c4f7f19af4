-- Webhook endpoints join the read-mostly collections: every change to a subscription or a
-- payment records an event for each of its merchant's endpoints, and endpoints change rarely.
-- The same notification as merchants and API keys (006, 007).
CREATE TRIGGER webhook_endpoints_read_mostly AFTER INSERT OR UPDATE OR DELETE ON webhook_endpoints FOR EACH ROW EXECUTE FUNCTION notify_read_mostly();
CREATE TRIGGER webhook_endpoints_read_mostly_truncate AFTER TRUNCATE ON webhook_endpoints FOR EACH STATEMENT EXECUTE FUNCTION notify_read_mostly();
