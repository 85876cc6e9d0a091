-- Scheduled jobs shared by all app instances: an instance runs a job only after atomically moving
-- its next_run_at forward (UPDATE … WHERE next_run_at <= now()), so each due run happens once
-- however many instances there are. Works the same on PGlite and PostgreSQL.
CREATE TABLE scheduled_jobs (
  name           text PRIMARY KEY,
  next_run_at    timestamptz NOT NULL DEFAULT now(),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status    text CHECK (last_status IN ('ok', 'failed')),
  last_result    jsonb,
  last_instance  text,
  runs           bigint NOT NULL DEFAULT 0
);
