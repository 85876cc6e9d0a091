-- Jobs move to pg-boss (issue 21): its schema and queues are installed by the migrator after the
-- SQL files (src/server/jobs/install.ts), so the hand-made mechanisms go.
--
-- scheduled_jobs (0005) claimed each due run with an UPDATE of next_run_at; pg-boss's cron
-- schedules and queues do that now, per municipality.
DROP TABLE scheduled_jobs;

-- import_claim (0014) picked the next queued step of any municipality in a polling loop. A step
-- is now a pg-boss job naming its run; the worker claims that run. A run whose claim is fresh
-- belongs to another worker still; a stale one (a crashed instance) is taken over.
DROP FUNCTION import_claim(text, integer);

CREATE FUNCTION import_claim_run(p_id uuid, p_worker text, p_stale_seconds integer)
  RETURNS TABLE (id uuid, kommune text, state text, created_by uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  RETURN QUERY
    UPDATE import_runs r
       SET state = CASE WHEN r.state IN ('validate_queued', 'validating') THEN 'validating' ELSE 'committing' END,
           claimed_by = p_worker, heartbeat_at = now(), attempts = r.attempts + 1, updated_at = now()
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

-- The recovery job's view across municipalities: runs waiting for a step, or whose worker's
-- heartbeat went stale. Ids and municipalities only.
CREATE FUNCTION import_pending_runs(p_stale_seconds integer)
  RETURNS TABLE (id uuid, kommune text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT r.id, r.kommune FROM import_runs r
   WHERE r.state IN ('validate_queued', 'commit_queued')
      OR (r.state IN ('validating', 'committing')
          AND r.heartbeat_at < now() - make_interval(secs => p_stale_seconds))
   ORDER BY r.updated_at
   LIMIT 1000
$$;
REVOKE ALL ON FUNCTION import_pending_runs(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_pending_runs(integer) TO smittespor_app;
