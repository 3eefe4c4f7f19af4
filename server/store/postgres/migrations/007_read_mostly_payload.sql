-- The read-mostly notification, made exact: a JSON payload (ids may hold any character), the old
-- id too when an update changed it, and a TRUNCATE (which fires no row trigger) telling every
-- process to load the whole table again (a null id). Writes made with triggers disabled
-- (session_replication_role = replica, pg_restore --disable-triggers) notify nobody: restart the
-- servers after such a load.
CREATE OR REPLACE FUNCTION notify_read_mostly() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('creem_read_mostly', json_build_array(TG_TABLE_SCHEMA, TG_TABLE_NAME, NULL)::text);
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('creem_read_mostly', json_build_array(TG_TABLE_SCHEMA, TG_TABLE_NAME, OLD.id)::text);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.id IS DISTINCT FROM OLD.id) THEN
    PERFORM pg_notify('creem_read_mostly', json_build_array(TG_TABLE_SCHEMA, TG_TABLE_NAME, NEW.id)::text);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER merchants_read_mostly_truncate AFTER TRUNCATE ON merchants FOR EACH STATEMENT EXECUTE FUNCTION notify_read_mostly();
CREATE TRIGGER api_keys_read_mostly_truncate AFTER TRUNCATE ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION notify_read_mostly();
