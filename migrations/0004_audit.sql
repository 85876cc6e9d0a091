-- Audit log (sikkerhetslogg, SPEC §2): append-only and hash-chained.
--
-- One hash chain per municipality ('-' for national actions and failed logins), so appends in two
-- municipalities never wait for each other. Each row's hash covers the previous hash, its seq and
-- the canonical text of its jsonb payload:
--   hash = sha256(prev_hash || '|' || seq || '|' || payload::text)
-- which `npm run audit:verify` recomputes in Node. The searchable columns are GENERATED from the
-- payload, so they can never disagree with what the hash covers; occurred_at (timestamptz casts are
-- not immutable) is checked against payload.occurredAt by the verifier instead.

CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain        text GENERATED ALWAYS AS (coalesce(payload ->> 'kommune', '-')) STORED,
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
  CONSTRAINT audit_log_chain_seq_key UNIQUE (chain, seq)
);
-- Searches are always within one municipality, newest first (keyset on occurred_at, id).
CREATE INDEX audit_log_kommune_time_idx ON audit_log (kommune, occurred_at DESC, id DESC);
CREATE INDEX audit_log_user_idx ON audit_log (kommune, user_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_person_idx ON audit_log (kommune, person_id, occurred_at DESC, id DESC)
  WHERE person_id IS NOT NULL;
-- text_pattern_ops: action prefix filters ('person.%') use the index whatever the collation.
CREATE INDEX audit_log_action_idx ON audit_log (kommune, action text_pattern_ops);
CREATE INDEX audit_log_record_idx ON audit_log (kommune, record_type, record_id)
  WHERE record_id IS NOT NULL;

CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY,
  seq   bigint NOT NULL,
  hash  text NOT NULL
);

-- Nobody, not even the owner, edits or deletes an audit row. (The owner can still disable the
-- trigger; that is what the hash chain and the verifier are for.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The only way in. Runs as the owner so the app role needs no INSERT right; locks the chain head
-- until the caller's transaction ends, so seq is gap-free and a rolled-back operation leaves no
-- row. Time is taken here (ms precision so a JS Date round-trips the keyset cursor exactly).
CREATE FUNCTION audit_append(p jsonb) RETURNS bigint
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
  v_chain := coalesce(p ->> 'kommune', '-');

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

-- Privileges: 0001's default privileges gave the app role full DML on every new table.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM smittespor_app;
REVOKE ALL ON audit_chain_heads FROM smittespor_app;
REVOKE ALL ON SEQUENCE audit_log_id_seq FROM smittespor_app;
GRANT SELECT ON audit_log TO smittespor_app;
REVOKE ALL ON FUNCTION audit_append(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO smittespor_app;
REVOKE ALL ON FUNCTION audit_log_refuse_change() FROM PUBLIC;

-- An Administrator sees only the own municipality's log (services decide who else may read).
-- National rows (kommune null) match no tenant.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant_read ON audit_log
  FOR SELECT TO smittespor_app
  USING (kommune = app_kommune());
