-- Issue 20: named column mappings a municipality saves and picks again, and progress per step.

-- A named mapping: per record type, which field each (normalised) header fills.
-- sheets: [{ "recordType": "cases", "columns": { "symptomdebut": "onsetDate", ... } }, ...]
CREATE TABLE import_mapping_presets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune     text NOT NULL REFERENCES org_units(code),
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  sheets      jsonb NOT NULL,
  created_by  uuid REFERENCES users(id),
  updated_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kommune, name)
);
ALTER TABLE import_mapping_presets ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_mapping_presets_tenant ON import_mapping_presets
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

-- The running step's own progress: when it started (rows per second, time left) and how many
-- rows it has to do (the commit: the dry run's valid rows). progress_rows restarts from 0.
ALTER TABLE import_runs ADD COLUMN step_started_at timestamptz, ADD COLUMN step_total integer;

CREATE OR REPLACE FUNCTION import_claim_run(p_id uuid, p_worker text, p_stale_seconds integer)
  RETURNS TABLE (id uuid, kommune text, state text, created_by uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  RETURN QUERY
    UPDATE import_runs r
       SET state = CASE WHEN r.state IN ('validate_queued', 'validating') THEN 'validating' ELSE 'committing' END,
           claimed_by = p_worker, heartbeat_at = now(), attempts = r.attempts + 1, updated_at = now(),
           step_started_at = now(), progress_rows = 0
     WHERE r.id = (SELECT x.id FROM import_runs x
                    WHERE x.id = p_id
                      AND (x.state IN ('validate_queued', 'commit_queued')
                           OR (x.state IN ('validating', 'committing')
                               AND x.heartbeat_at < now() - make_interval(secs => p_stale_seconds)))
                    FOR UPDATE SKIP LOCKED)
    RETURNING r.id, r.kommune, r.state, r.created_by;
END $$;
REVOKE ALL ON FUNCTION import_claim_run(uuid, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_claim_run(uuid, text, integer) TO smittespor_app;
