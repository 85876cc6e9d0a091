-- Audit log throughput: every read of personal data appends to the log inside the request's
-- transaction, and the chain head stays locked until commit. With one chain per municipality all
-- requests of a municipality were serialised on that lock (measured: p50 41 ms for an exact-id
-- lookup at 20 connections vs 0.7 ms for its SQL). Chains are now per municipality AND shard
-- (payload.shard, 1-7 by database session; shard 0 and all rows written before this migration
-- keep the plain municipality name), so the verifier checks every row as it was written.

ALTER TABLE audit_log DROP CONSTRAINT audit_log_chain_seq_key;
ALTER TABLE audit_log DROP COLUMN chain;
ALTER TABLE audit_log ADD COLUMN chain text
  GENERATED ALWAYS AS (coalesce(payload ->> 'kommune', '-') || coalesce('/' || (payload ->> 'shard'), '')) STORED;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (chain, seq);

CREATE OR REPLACE FUNCTION audit_append(p jsonb) RETURNS bigint
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  v_chain text;
  v_at    timestamptz := date_trunc('milliseconds', now());
  v_seq   bigint;
  v_prev  text;
  v_hash  text;
  v_id    bigint;
  v_shard int;
BEGIN
  IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
    RAISE EXCEPTION 'audit_append: payload must be a json object';
  END IF;
  IF coalesce(p ->> 'action', '') = '' THEN
    RAISE EXCEPTION 'audit_append: action is required';
  END IF;
  IF p ->> 'kommune' IS NOT NULL AND p ->> 'kommune' !~ '^[0-9]{4}$' THEN
    RAISE EXCEPTION 'audit_append: invalid kommune %', p ->> 'kommune';
  END IF;
  IF coalesce(p ->> 'basis', 'normal') NOT IN ('normal', 'transfer', 'break-glass') THEN
    RAISE EXCEPTION 'audit_append: invalid basis %', p ->> 'basis';
  END IF;
  IF coalesce(p ->> 'outcome', 'ok') NOT IN ('ok', 'denied', 'failed') THEN
    RAISE EXCEPTION 'audit_append: invalid outcome %', p ->> 'outcome';
  END IF;
  IF p ->> 'basis' = 'break-glass' AND coalesce(btrim(p ->> 'reason'), '') = '' THEN
    RAISE EXCEPTION 'audit_append: break-glass requires a reason';
  END IF;

  p := p || jsonb_build_object(
    'occurredAt', to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  -- Spread one municipality's appends over 8 chains by database session, so concurrent
  -- requests in the same municipality don't queue on one chain-head lock until commit.
  -- Shard 0 keeps the plain municipality name; the number of shards is a database setting
  -- (smittespor.audit_shards, default 8; tests use 1 so chains are predictable).
  v_shard := pg_backend_pid() % greatest(1, coalesce(nullif(current_setting('smittespor.audit_shards', true), '')::int, 8));
  IF v_shard > 0 THEN
    p := p || jsonb_build_object('shard', v_shard::text);
  END IF;
  v_chain := coalesce(p ->> 'kommune', '-') || coalesce('/' || (p ->> 'shard'), '');

  INSERT INTO audit_chain_heads (chain, seq, hash)
    VALUES (v_chain, 0, repeat('0', 64))
    ON CONFLICT (chain) DO NOTHING;
  SELECT seq, hash INTO v_seq, v_prev FROM audit_chain_heads WHERE chain = v_chain FOR UPDATE;

  v_seq := v_seq + 1;
  v_hash := encode(sha256(convert_to(v_prev || '|' || v_seq::text || '|' || p::text, 'UTF8')), 'hex');

  INSERT INTO audit_log (seq, occurred_at, payload, prev_hash, hash)
    VALUES (v_seq, v_at, p, v_prev, v_hash)
    RETURNING id INTO v_id;
  UPDATE audit_chain_heads SET seq = v_seq, hash = v_hash WHERE chain = v_chain;
  RETURN v_id;
END $$;
