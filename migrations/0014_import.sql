-- Import of earlier registrations from XLSX/CSV (SPEC §6, issue 9). An import run holds the
-- uploaded file (so any app instance can work on it), the column mapping, the dry-run report
-- per row and the outcome. Background work is claimed with UPDATE … FOR UPDATE SKIP LOCKED
-- through import_claim(), so each step runs on exactly one instance and a crashed instance's
-- run is taken over when its heartbeat goes stale.

CREATE TABLE import_runs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune       text NOT NULL REFERENCES org_units(code),
  created_by    uuid NOT NULL REFERENCES users(id),
  file_name     text NOT NULL,
  file_kind     text NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
  file_size     integer NOT NULL,
  file_sha256   text NOT NULL,
  -- Cleared when the run is committed or cancelled (data minimisation).
  file_data     bytea,
  encoding      text,
  delimiter     text,
  -- [{ name, headers: [..], recordType }] as found on upload.
  sheets        jsonb NOT NULL DEFAULT '[]',
  -- [{ name, recordType, columns: [field | null, ..] }] aligned with the headers.
  mapping       jsonb NOT NULL DEFAULT '[]',
  mode          text CHECK (mode IN ('strict', 'valid_only')),
  state         text NOT NULL DEFAULT 'uploaded'
                CHECK (state IN ('uploaded', 'validate_queued', 'validating', 'validated', 'commit_queued',
                                 'committing', 'committed', 'failed', 'refused', 'cancelled')),
  progress_rows integer NOT NULL DEFAULT 0,
  total_rows    integer,
  counts        jsonb NOT NULL DEFAULT '{}',
  -- A file-level problem in Norwegian (refused file, failed commit).
  error         text,
  claimed_by    text,
  heartbeat_at  timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  validated_at  timestamptz,
  committed_at  timestamptz
);
CREATE INDEX import_runs_kommune_created_idx ON import_runs (kommune, created_at DESC, id DESC);
CREATE INDEX import_runs_work_idx ON import_runs (state, heartbeat_at)
  WHERE state IN ('validate_queued', 'validating', 'commit_queued', 'committing');

-- One row of the file as checked in the dry run: its normalised values (API field names), the
-- problems per column, and its key for idempotent re-import.
CREATE TABLE import_rows (
  run_id       uuid NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  kommune      text NOT NULL REFERENCES org_units(code),
  record_type  text NOT NULL CHECK (record_type IN ('cases', 'contacts', 'events', 'participants')),
  sheet        text NOT NULL,
  row_number   integer NOT NULL,
  row_key      text NOT NULL,
  status       text NOT NULL CHECK (status IN ('valid', 'error', 'duplicate', 'imported')),
  data         jsonb,
  raw          jsonb NOT NULL DEFAULT '[]',
  issues       jsonb NOT NULL DEFAULT '[]',
  record_id    uuid,
  PRIMARY KEY (run_id, record_type, row_number)
);
CREATE INDEX import_rows_status_idx ON import_rows (run_id, status, record_type, row_number);

-- Every row ever imported into a municipality, by its key (external id, or a hash of its
-- content): importing the same file again finds them here and creates nothing new.
CREATE TABLE import_keys (
  kommune      text NOT NULL REFERENCES org_units(code),
  record_type  text NOT NULL CHECK (record_type IN ('cases', 'contacts', 'events', 'participants')),
  row_key      text NOT NULL,
  record_id    uuid NOT NULL,
  person_id    uuid,
  run_id       uuid NOT NULL REFERENCES import_runs(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kommune, record_type, row_key)
);

-- Column mappings the municipality saved: a (normalised) header of a record type means a field.
CREATE TABLE import_mappings (
  kommune      text NOT NULL REFERENCES org_units(code),
  record_type  text NOT NULL CHECK (record_type IN ('cases', 'contacts', 'events', 'participants')),
  header       text NOT NULL,
  field        text NOT NULL,
  updated_by   uuid REFERENCES users(id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kommune, record_type, header)
);

ALTER TABLE import_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_runs_tenant ON import_runs USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
ALTER TABLE import_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_rows_tenant ON import_rows USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
ALTER TABLE import_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_keys_tenant ON import_keys USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
ALTER TABLE import_mappings ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_mappings_tenant ON import_mappings
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

-- Claims the oldest queued step of any municipality (or one whose worker stopped sending
-- heartbeats) for this worker. Returns only ids and the municipality, never file contents; the
-- worker then does the work inside that municipality's row-level security.
CREATE FUNCTION import_claim(p_worker text, p_stale_seconds integer)
  RETURNS TABLE (id uuid, kommune text, state text, created_by uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE v_id uuid;
BEGIN
  SELECT r.id INTO v_id FROM import_runs r
   WHERE r.state IN ('validate_queued', 'commit_queued')
      OR (r.state IN ('validating', 'committing')
          AND r.heartbeat_at < now() - make_interval(secs => p_stale_seconds))
   ORDER BY r.updated_at
   LIMIT 1
   FOR UPDATE SKIP LOCKED;
  IF v_id IS NULL THEN RETURN; END IF;
  RETURN QUERY
    UPDATE import_runs r
       SET state = CASE WHEN r.state IN ('validate_queued', 'validating') THEN 'validating' ELSE 'committing' END,
           claimed_by = p_worker, heartbeat_at = now(), attempts = r.attempts + 1, updated_at = now()
     WHERE r.id = v_id
    RETURNING r.id, r.kommune, r.state, r.created_by;
END $$;
REVOKE ALL ON FUNCTION import_claim(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_claim(text, integer) TO smittespor_app;
