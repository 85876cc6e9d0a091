-- The audit log, partitioned by month (issue 21): native range partitions on occurred_at (UTC
-- months), so verification and retention stay fast with years of data and a whole old month can
-- be dropped at once. The hash chains run across partitions unchanged: a row's hash still covers
-- the previous row's hash whatever partition it is in. When old partitions are dropped, the last
-- (seq, hash) of each chain in them is kept in audit_chain_anchors, and the verifier continues
-- each chain from its anchor.
--
-- A partitioned table's unique keys must include the partition key, so (chain, seq) becomes
-- (chain, seq, occurred_at): audit_append still makes seq gap-free under the chain head's lock,
-- and `npm run audit:verify` reports any duplicate or gap.

CREATE SEQUENCE audit_log_row_id_seq;

CREATE TABLE audit_log_partitioned (
  id           bigint NOT NULL DEFAULT nextval('audit_log_row_id_seq'),
  seq          bigint NOT NULL,
  occurred_at  timestamptz NOT NULL,
  payload      jsonb NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  kommune      text GENERATED ALWAYS AS (payload ->> 'kommune') STORED,
  user_id      text GENERATED ALWAYS AS (payload ->> 'userId') STORED,
  person_id    text GENERATED ALWAYS AS (payload ->> 'personId') STORED,
  action       text GENERATED ALWAYS AS (payload ->> 'action') STORED,
  record_type  text GENERATED ALWAYS AS (payload ->> 'recordType') STORED,
  record_id    text GENERATED ALWAYS AS (payload ->> 'recordId') STORED,
  chain        text GENERATED ALWAYS AS (coalesce(payload ->> 'kommune', '-') || coalesce('/' || (payload ->> 'shard'), '')) STORED
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE audit_log_row_id_seq OWNED BY audit_log_partitioned.id;

-- Rows outside every month partition (none, while the daily job keeps months ahead ready).
CREATE TABLE audit_log_default PARTITION OF audit_log_partitioned DEFAULT;

-- Creates the month partitions from p_from's month on, p_months of them (idempotent). Runs as the
-- owner: the app's daily job calls it, but may not create tables itself. Partitions get no
-- rights of their own for the app role: it reads through audit_log, where row-level security
-- applies (a partition read directly would not have the parent's policy).
CREATE FUNCTION audit_ensure_partitions(p_from date, p_months integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_month date := date_trunc('month', p_from)::date;
  v_name  text;
  v_made  integer := 0;
BEGIN
  IF p_months < 1 OR p_months > 240 THEN
    RAISE EXCEPTION 'audit_ensure_partitions: months must be 1-240';
  END IF;
  -- One creator at a time (two instances' daily jobs, or a migration).
  PERFORM pg_advisory_xact_lock(724113031);
  FOR i IN 0 .. p_months - 1 LOOP
    v_name := format('audit_log_y%sm%s', to_char(v_month, 'YYYY'), to_char(v_month, 'MM'));
    IF to_regclass(v_name) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
        v_name, v_month::timestamp AT TIME ZONE 'UTC', (v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
      EXECUTE format('REVOKE ALL ON %I FROM smittespor_app', v_name);
      v_made := v_made + 1;
    END IF;
    v_month := (v_month + interval '1 month')::date;
  END LOOP;
  RETURN v_made;
END $$;

-- Move the log over: the old table's months become partitions, then its rows are copied as they
-- are (ids, hashes, payloads), so the chains verify exactly as before.
DO $$
DECLARE
  v_first date;
  v_months integer;
BEGIN
  SELECT coalesce(date_trunc('month', min(occurred_at) AT TIME ZONE 'UTC')::date,
                  date_trunc('month', now() AT TIME ZONE 'UTC')::date)
    INTO v_first FROM audit_log;
  v_months := ((extract(year FROM age(date_trunc('month', now() AT TIME ZONE 'UTC'), v_first)) * 12)
              + extract(month FROM age(date_trunc('month', now() AT TIME ZONE 'UTC'), v_first)))::integer + 4;
  ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
  ALTER TABLE audit_log_partitioned RENAME TO audit_log;
  PERFORM audit_ensure_partitions(v_first, least(v_months, 240));
  INSERT INTO audit_log (id, seq, occurred_at, payload, prev_hash, hash)
    SELECT id, seq, occurred_at, payload, prev_hash, hash FROM audit_log_unpartitioned ORDER BY id;
  PERFORM setval('audit_log_row_id_seq', coalesce((SELECT max(id) FROM audit_log_unpartitioned), 0) + 1, false);
  DROP TABLE audit_log_unpartitioned;
END $$;

ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id, occurred_at);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (chain, seq, occurred_at);
CREATE INDEX audit_log_kommune_time_idx ON audit_log (kommune, occurred_at DESC, id DESC);
CREATE INDEX audit_log_user_idx ON audit_log (kommune, user_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_person_idx ON audit_log (kommune, person_id, occurred_at DESC, id DESC)
  WHERE person_id IS NOT NULL;
CREATE INDEX audit_log_action_idx ON audit_log (kommune, action text_pattern_ops);
CREATE INDEX audit_log_record_idx ON audit_log (kommune, record_type, record_id)
  WHERE record_id IS NOT NULL;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

REVOKE ALL ON audit_log FROM smittespor_app;
GRANT SELECT ON audit_log TO smittespor_app;
REVOKE ALL ON audit_log_default FROM smittespor_app;
REVOKE ALL ON SEQUENCE audit_log_row_id_seq FROM smittespor_app;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant_read ON audit_log
  FOR SELECT TO smittespor_app
  USING (kommune = app_kommune());

-- Where each chain continues after its oldest rows were dropped with their partitions.
CREATE TABLE audit_chain_anchors (
  chain        text PRIMARY KEY,
  seq          bigint NOT NULL,
  hash         text NOT NULL,
  dropped_before timestamptz NOT NULL
);
REVOKE ALL ON audit_chain_anchors FROM smittespor_app;

-- Retention of the log itself: drops the month partitions that ended more than p_months ago
-- (at least 120: the log is kept ten years), recording each chain's last row in them first.
-- Returns the partitions dropped.
CREATE FUNCTION audit_drop_partitions_before(p_months integer) RETURNS text[]
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_cutoff timestamptz;
  v_part record;
  v_dropped text[] := '{}';
BEGIN
  IF p_months < 120 THEN
    RAISE EXCEPTION 'audit_drop_partitions_before: the audit log is kept at least 120 months';
  END IF;
  v_cutoff := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => p_months)) AT TIME ZONE 'UTC';
  PERFORM pg_advisory_xact_lock(724113031);
  FOR v_part IN
    SELECT c.relname, (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz AS upper
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'audit_log'::regclass AND c.relname ~ '^audit_log_y[0-9]{4}m[0-9]{2}$'
     ORDER BY c.relname
  LOOP
    CONTINUE WHEN v_part.upper > v_cutoff;
    EXECUTE format(
      'INSERT INTO audit_chain_anchors (chain, seq, hash, dropped_before)
         SELECT DISTINCT ON (chain) chain, seq, hash, %L::timestamptz FROM %I ORDER BY chain, seq DESC
       ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, dropped_before = excluded.dropped_before
         WHERE excluded.seq > audit_chain_anchors.seq', v_part.upper, v_part.relname);
    EXECUTE format('DROP TABLE %I', v_part.relname);
    v_dropped := v_dropped || v_part.relname::text;
  END LOOP;
  RETURN v_dropped;
END $$;

REVOKE ALL ON FUNCTION audit_ensure_partitions(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_ensure_partitions(date, integer) TO smittespor_app;
REVOKE ALL ON FUNCTION audit_drop_partitions_before(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_drop_partitions_before(integer) TO smittespor_app;
