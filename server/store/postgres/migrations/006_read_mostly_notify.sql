-- Merchants and API keys are read by nearly every request and kept in each process's memory
-- (read-mostly.ts). Every committed change to them, from any process or tool, tells the others
-- which row to read again. NOTIFY is delivered at commit, and never for a rolled-back change.
CREATE FUNCTION notify_read_mostly() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('creem_read_mostly', TG_TABLE_SCHEMA || ' ' || TG_TABLE_NAME || ' ' || COALESCE(NEW.id, OLD.id));
  RETURN NULL;
END
$$;
CREATE TRIGGER merchants_read_mostly AFTER INSERT OR UPDATE OR DELETE ON merchants FOR EACH ROW EXECUTE FUNCTION notify_read_mostly();
CREATE TRIGGER api_keys_read_mostly AFTER INSERT OR UPDATE OR DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION notify_read_mostly();
