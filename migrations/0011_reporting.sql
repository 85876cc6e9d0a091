-- Weekly reporting to FHI, national overview and dashboards (SPEC §5). The definitions (which date
-- puts a case in a week, "known exposure to a close contact", "linked to an outbreak") are written
-- out in src/shared/domain/weeklyReport.ts and docs/weekly-report.md; this file implements them.

-- ---------------------------------------------------------------- the date that puts a case in a week
-- The test date; without one (a probable case), the Europe/Oslo date the case was registered.
-- IMMUTABLE so that it can be indexed: an explicit zone name makes the conversion independent of
-- the session's TimeZone.
CREATE FUNCTION case_report_date(p_test_date date, p_created_at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(p_test_date, (p_created_at AT TIME ZONE 'Europe/Oslo')::date) $$;

-- One national week (all municipalities) and one municipality's week or period: both reach the
-- week's cases by a range on the report date, and read everything the report needs from the
-- index (index-only scan after VACUUM).
CREATE INDEX cases_report_date_idx ON cases (case_report_date(test_date, created_at), kommune)
  INCLUDE (id, owner_unit, person_id, test_date, created_at, probable, exposure_setting,
           source_contact_id, source_event_id);
CREATE INDEX cases_kommune_report_date_idx ON cases (kommune, case_report_date(test_date, created_at))
  INCLUDE (id, owner_unit, person_id, test_date, created_at, probable, exposure_setting,
           source_contact_id, source_event_id);
-- The dashboard's epidemic curve by symptom onset.
CREATE INDEX cases_kommune_onset_idx ON cases (kommune, onset_date) WHERE onset_date IS NOT NULL;

-- New close contacts of a national week (a municipality's week uses contacts_kommune_created_idx).
CREATE INDEX contacts_created_idx ON contacts (created_at) INCLUDE (kommune, owner_unit, status);
-- "Was this person already a registered contact?": one probe per case of the week.
CREATE INDEX contacts_person_created_idx ON contacts (person_id, created_at) INCLUDE (last_exposure, status);
-- "Is this case a participant (role case) of an outbreak?": one probe per case of the week.
CREATE INDEX event_participants_case_idx ON event_participants (case_id) INCLUDE (event_id, role)
  WHERE case_id IS NOT NULL;

-- ---------------------------------------------------------------- weekly counts
-- The counts behind the weekly report and the dashboards for the cases and contacts whose report
-- date lies in [p_from, p_to], grouped by ISO week (its Monday), owner municipality, owner unit and
-- exposure setting. Case rows have setting set and contacts = 0; contact rows (new close contacts)
-- have setting null. p_kommune null means every municipality.
--
-- Not callable by the app: weekly_report_counts below checks the caller and runs it as owner. It
-- is a single inlinable SELECT so that a test can EXPLAIN it with the same plan the wrapper gets.
CREATE FUNCTION weekly_report_rows(p_from date, p_to date, p_kommune text)
  RETURNS TABLE (week_start date, kommune text, unit text, setting text, cases int, probable int,
                 confirmed int, known_contact int, outbreak int, contacts int)
  LANGUAGE sql STABLE
  AS $$
  WITH week_cases AS (
    SELECT c.id, c.kommune, c.owner_unit, c.person_id, c.created_at, c.probable,
           case_report_date(c.test_date, c.created_at) AS report_date,
           c.source_contact_id, c.source_event_id, c.exposure_setting
      FROM cases c
     WHERE case_report_date(c.test_date, c.created_at) BETWEEN p_from AND p_to
       AND (p_kommune IS NULL OR c.kommune = p_kommune)
  ), classified AS (
    SELECT w.kommune, w.owner_unit, w.probable, w.report_date,
           -- Setting: the case's own, else its source event's, else 'unknown'.
           CASE
             WHEN w.exposure_setting = ANY (s.codes) THEN w.exposure_setting
             WHEN se.exposure_setting = ANY (s.codes) THEN se.exposure_setting
             ELSE 'unknown'
           END AS setting,
           -- Known exposure to a close contact: (a) linked to the contact record it came from, or
           -- (b) registered as a contact (of any case or event, in any municipality) before the
           -- case was registered and no later than its report date, with the exposure (last
           -- exposure, else the contact's registration date) 0-14 days before the report date.
           (w.source_contact_id IS NOT NULL OR EXISTS (
              SELECT 1 FROM contacts k
               WHERE k.person_id = w.person_id
                 AND k.created_at < w.created_at
                 AND (k.created_at AT TIME ZONE 'Europe/Oslo')::date <= w.report_date
                 AND k.status <> 'not_contact'
                 AND coalesce(k.last_exposure, (k.created_at AT TIME ZONE 'Europe/Oslo')::date)
                     BETWEEN w.report_date - 14 AND w.report_date)) AS known_contact,
           -- Linked to a common-source outbreak: its source event, or an event where it takes part
           -- with role 'case', is flagged as an outbreak.
           (coalesce(se.outbreak, false) OR pe.outbreak IS NOT NULL) AS outbreak
      FROM week_cases w
      CROSS JOIN (SELECT ARRAY['household', 'kindergarten', 'school', 'university', 'workplace',
                               'health_institution', 'event', 'organised_leisure', 'travel',
                               'unknown'] AS codes) s
      -- LATERAL … LIMIT 1: one index probe per case of the week, never a hash of all events or
      -- participants in the country.
      LEFT JOIN LATERAL (SELECT e.outbreak, e.exposure_setting FROM events e
                          WHERE e.id = w.source_event_id LIMIT 1) se ON true
      LEFT JOIN LATERAL (SELECT e.outbreak FROM event_participants p JOIN events e ON e.id = p.event_id
                          WHERE p.case_id = w.id AND p.role = 'case' AND e.outbreak LIMIT 1) pe ON true
  )
  SELECT date_trunc('week', x.report_date::timestamp)::date, x.kommune, x.owner_unit, x.setting,
         count(*)::int,
         count(*) FILTER (WHERE x.probable)::int,
         count(*) FILTER (WHERE NOT x.probable)::int,
         count(*) FILTER (WHERE NOT x.probable AND x.known_contact)::int,
         count(*) FILTER (WHERE NOT x.probable AND x.outbreak)::int,
         0
    FROM classified x
   GROUP BY 1, 2, 3, 4
  UNION ALL
  -- New close contacts: registered (Europe/Oslo date of created_at) in the period, unless later
  -- found not to be a contact. The bounds are instants, so the plain created_at indexes apply.
  SELECT date_trunc('week', (k.created_at AT TIME ZONE 'Europe/Oslo')::date::timestamp)::date,
         k.kommune, k.owner_unit, NULL, 0, 0, 0, 0, 0, count(*)::int
    FROM contacts k
   WHERE k.created_at >= (p_from::timestamp AT TIME ZONE 'Europe/Oslo')
     AND k.created_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Oslo')
     AND (p_kommune IS NULL OR k.kommune = p_kommune)
     AND k.status <> 'not_contact'
   GROUP BY 1, 2, 3
  $$;
REVOKE ALL ON FUNCTION weekly_report_rows(date, date, text) FROM PUBLIC;

-- The app's entry point. Returns counts only, never personal data. Inside a tenant transaction
-- only the active municipality's counts are returned; national callers (FHI, operator: checked by
-- the app's policy) may ask for all. The cross-tenant read is needed because a case's earlier
-- contact registration may belong to another municipality. EXECUTE plans with the actual values,
-- so the municipality filter folds away for national calls.
CREATE FUNCTION weekly_report_counts(p_from date, p_to date, p_kommune text)
  RETURNS TABLE (week_start date, kommune text, unit text, setting text, cases int, probable int,
                 confirmed int, known_contact int, outbreak int, contacts int)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL OR p_to < p_from OR p_to - p_from > 800 THEN
    RAISE EXCEPTION 'weekly_report_counts: invalid period % – %', p_from, p_to;
  END IF;
  IF app_kommune() <> '-' AND p_kommune IS DISTINCT FROM app_kommune() THEN
    RAISE EXCEPTION 'weekly_report_counts: only the active municipality' USING ERRCODE = '42501';
  END IF;
  RETURN QUERY EXECUTE 'SELECT * FROM weekly_report_rows($1, $2, $3)' USING p_from, p_to, p_kommune;
END $$;
REVOKE ALL ON FUNCTION weekly_report_counts(date, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION weekly_report_counts(date, date, text) TO smittespor_app;

-- ---------------------------------------------------------------- submitted (frozen) reports
-- One row per submission; a resubmission adds version n+1 with a reason. Rows are never changed.
CREATE TABLE weekly_reports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune       text NOT NULL REFERENCES org_units(code),
  week          text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
  version       integer NOT NULL CHECK (version >= 1),
  -- The counts as submitted: { total: WeeklyCounts, units: { code: WeeklyCounts } } (reports.ts).
  figures       jsonb NOT NULL,
  reason        text,
  submitted_by  uuid NOT NULL REFERENCES users(id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kommune, week, version),
  CHECK (version = 1 OR reason IS NOT NULL)
);
CREATE INDEX weekly_reports_week_idx ON weekly_reports (week, kommune, version DESC);
ALTER TABLE weekly_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY weekly_reports_tenant ON weekly_reports
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
REVOKE UPDATE, DELETE ON weekly_reports FROM smittespor_app;

-- FHI (and the machine API) read the newest version of every municipality's report for a week.
-- Counts only: the submitter is left out.
CREATE FUNCTION submitted_weekly_reports(p_week text)
  RETURNS TABLE (kommune text, version integer, figures jsonb, reason text, submitted_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT ON (r.kommune) r.kommune, r.version, r.figures, r.reason, r.submitted_at
      FROM weekly_reports r
     WHERE r.week = p_week
     ORDER BY r.kommune, r.version DESC
  $$;
REVOKE ALL ON FUNCTION submitted_weekly_reports(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION submitted_weekly_reports(text) TO smittespor_app;

-- ---------------------------------------------------------------- machine clients (FHI systems)
-- Client credentials for GET /api/fhi/weekly-reports. Only the SHA-256 of the random 256-bit
-- secret is stored (like session tokens), so a database read yields no usable credential.
CREATE TABLE api_clients (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     text NOT NULL UNIQUE CHECK (client_id ~ '^[a-z0-9-]{3,64}$'),
  name          text NOT NULL,
  secret_hash   text NOT NULL,
  scopes        text[] NOT NULL DEFAULT '{fhi.weekly-reports}',
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES users(id),
  last_used_at  timestamptz
);

-- ---------------------------------------------------------------- saved reports (faste rapporter)
CREATE TABLE saved_reports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune     text NOT NULL REFERENCES org_units(code),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- Period, sub-unit, measures and breakdown (src/shared/api/dashboards.ts savedReportDefinition).
  definition  jsonb NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX saved_reports_name_key ON saved_reports (kommune, lower(name));
ALTER TABLE saved_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY saved_reports_tenant ON saved_reports
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
