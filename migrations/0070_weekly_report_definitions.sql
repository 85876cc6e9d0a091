-- Weekly report to FHI: the definitions of issue 19 (docs/weekly-report.md, SPEC §5), replacing
-- those of 0011 where they differ.
--  * New close contacts: distinct persons with a close-contact exposure (a contact record to an
--    index case in any status but not_contact, or event participation with role 'contact') whose
--    last-exposure date (Oslo) lies in the week — not contact records by registration date. Each
--    person counts once per municipality and week, under the unit owning its latest exposure of
--    the week, so sub-units add up to the municipality. The records registered in the week are a
--    separate figure (registered), the municipality's workload.
--  * Item (ii): a contact record to an index case (not not_contact) with last exposure on or
--    before the case's test date; the latest such record's setting decides (none: 'unknown').
--  * Item (iii): the case's source event, or an event where the person takes part with role
--    'case', is an outbreak; the event's setting decides.
-- A case row thus contributes to up to three settings: its own (confirmed), its known contact's
-- (known_contact) and its outbreak event's (outbreak).

-- ---------------------------------------------------------------- dates and settings
-- IMMUTABLE (an explicit zone name) so that they can be indexed.
CREATE FUNCTION oslo_date(p timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (p AT TIME ZONE 'Europe/Oslo')::date $$;
-- A contact record's exposure date: its last exposure, else the Oslo date it was registered.
CREATE FUNCTION contact_exposure_date(p_last_exposure date, p_created_at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(p_last_exposure, (p_created_at AT TIME ZONE 'Europe/Oslo')::date) $$;
-- An event participation's exposure date: the Oslo date of its exposure time, else of its registration.
CREATE FUNCTION participant_exposure_date(p_exposure_at timestamptz, p_created_at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (coalesce(p_exposure_at, p_created_at) AT TIME ZONE 'Europe/Oslo')::date $$;
-- FHI's settings; anything else (or none) is 'unknown'.
CREATE FUNCTION report_setting(p text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN p IN ('household', 'kindergarten', 'school', 'university', 'workplace',
                                'health_institution', 'event', 'organised_leisure', 'travel')
                    THEN p ELSE 'unknown' END $$;

-- ---------------------------------------------------------------- indexes
-- New close contacts of a week: by exposure date, nationally and per municipality.
CREATE INDEX contacts_exposure_date_idx
  ON contacts (contact_exposure_date(last_exposure, created_at), kommune)
  INCLUDE (owner_unit, person_id, created_at)
  WHERE case_id IS NOT NULL AND status <> 'not_contact';
CREATE INDEX contacts_kommune_exposure_date_idx
  ON contacts (kommune, contact_exposure_date(last_exposure, created_at))
  INCLUDE (owner_unit, person_id, created_at)
  WHERE case_id IS NOT NULL AND status <> 'not_contact';
CREATE INDEX event_participants_contact_exposure_idx
  ON event_participants (participant_exposure_date(exposure_at, created_at), kommune)
  INCLUDE (event_id, person_id, created_at)
  WHERE role = 'contact';
CREATE INDEX event_participants_kommune_contact_exposure_idx
  ON event_participants (kommune, participant_exposure_date(exposure_at, created_at))
  INCLUDE (event_id, person_id, created_at)
  WHERE role = 'contact';
-- Contacts registered in a week (workload).
CREATE INDEX contacts_registered_idx ON contacts (created_at) INCLUDE (kommune, owner_unit)
  WHERE case_id IS NOT NULL AND status <> 'not_contact';
CREATE INDEX contacts_kommune_registered_idx ON contacts (kommune, created_at) INCLUDE (owner_unit)
  WHERE case_id IS NOT NULL AND status <> 'not_contact';
CREATE INDEX event_participants_contact_created_idx ON event_participants (created_at)
  INCLUDE (kommune, event_id) WHERE role = 'contact';
CREATE INDEX event_participants_kommune_contact_created_idx ON event_participants (kommune, created_at)
  INCLUDE (event_id) WHERE role = 'contact';
-- Item (ii): one probe per confirmed case of the week for the person's latest contact record.
CREATE INDEX contacts_person_exposure_idx
  ON contacts (person_id, contact_exposure_date(last_exposure, created_at))
  INCLUDE (exposure_setting, created_at)
  WHERE case_id IS NOT NULL AND status <> 'not_contact';
-- Item (iii): one probe per confirmed case for the person's participations with role 'case'.
CREATE INDEX event_participants_person_case_idx ON event_participants (person_id) INCLUDE (event_id)
  WHERE role = 'case';

-- ---------------------------------------------------------------- weekly counts
DROP FUNCTION weekly_report_counts(date, date, text);
DROP FUNCTION weekly_report_rows(date, date, text);

-- The counts behind the weekly report and the dashboards, grouped by ISO week (its Monday), owner
-- municipality, owner unit and setting. Case rows have a setting and contacts = registered = 0;
-- contact rows have setting null. p_kommune null means every municipality. Not callable by the
-- app (weekly_report_counts checks the caller); a single inlinable SELECT so that a test can
-- EXPLAIN it with the plan the wrapper gets.
CREATE FUNCTION weekly_report_rows(p_from date, p_to date, p_kommune text)
  RETURNS TABLE (week_start date, kommune text, unit text, setting text, cases int, probable int,
                 confirmed int, known_contact int, outbreak int, contacts int, registered int)
  LANGUAGE sql STABLE
  AS $$
  WITH week_cases AS (
    SELECT c.id, c.kommune, c.owner_unit, c.person_id, c.probable,
           case_report_date(c.test_date, c.created_at) AS report_date,
           c.source_event_id, c.exposure_setting
      FROM cases c
     WHERE case_report_date(c.test_date, c.created_at) BETWEEN p_from AND p_to
       AND (p_kommune IS NULL OR c.kommune = p_kommune)
  ), classified AS (
    SELECT w.kommune, w.owner_unit, w.probable, w.report_date,
           -- The case's own setting, else its source event's.
           coalesce(CASE WHEN w.exposure_setting = 'unknown' OR report_setting(w.exposure_setting) <> 'unknown'
                         THEN w.exposure_setting END,
                    report_setting(se.exposure_setting)) AS case_setting,
           kc.setting AS known_setting,
           ob.setting AS outbreak_setting
      FROM week_cases w
      -- LATERAL … LIMIT 1: one index probe per case, never a hash of all events in the country.
      LEFT JOIN LATERAL (SELECT e.outbreak, e.exposure_setting FROM events e
                          WHERE e.id = w.source_event_id LIMIT 1) se ON true
      -- (ii) the latest contact record to an index case with last exposure on or before the test date.
      LEFT JOIN LATERAL (SELECT report_setting(k.exposure_setting) AS setting FROM contacts k
                          WHERE NOT w.probable
                            AND k.person_id = w.person_id AND k.case_id IS NOT NULL
                            AND k.status <> 'not_contact'
                            AND contact_exposure_date(k.last_exposure, k.created_at) <= w.report_date
                          ORDER BY contact_exposure_date(k.last_exposure, k.created_at) DESC, k.created_at DESC
                          LIMIT 1) kc ON true
      -- (iii) the source event if it is an outbreak, else an outbreak the person takes part in as a case.
      LEFT JOIN LATERAL (SELECT o.setting FROM (
                            SELECT 1 AS prio, report_setting(se.exposure_setting) AS setting, NULL::timestamptz AS at
                             WHERE se.outbreak
                            UNION ALL
                            SELECT 2, report_setting(e.exposure_setting), e.created_at
                              FROM event_participants p JOIN events e ON e.id = p.event_id
                             WHERE p.person_id = w.person_id AND p.role = 'case' AND e.outbreak) o
                          WHERE NOT w.probable
                          ORDER BY o.prio, o.at DESC LIMIT 1) ob ON true
  ), dims AS (
    SELECT x.kommune, x.owner_unit, x.probable, x.report_date, d.setting, d.is_case, d.is_known, d.is_outbreak
      FROM classified x
     CROSS JOIN LATERAL (VALUES (x.case_setting, true, false, false),
                                (x.known_setting, false, true, false),
                                (x.outbreak_setting, false, false, true)) d(setting, is_case, is_known, is_outbreak)
     WHERE d.setting IS NOT NULL
  ), exposures AS (
    SELECT k.kommune, k.owner_unit AS unit, k.person_id,
           contact_exposure_date(k.last_exposure, k.created_at) AS d, k.created_at
      FROM contacts k
     WHERE k.case_id IS NOT NULL AND k.status <> 'not_contact'
       AND contact_exposure_date(k.last_exposure, k.created_at) BETWEEN p_from AND p_to
       AND (p_kommune IS NULL OR k.kommune = p_kommune)
    UNION ALL
    SELECT p.kommune, coalesce(ev.unit, p.kommune), p.person_id,
           participant_exposure_date(p.exposure_at, p.created_at), p.created_at
      FROM event_participants p
      LEFT JOIN LATERAL (SELECT e.owner_unit AS unit FROM events e
                          WHERE e.id = p.event_id AND e.kommune = p.kommune LIMIT 1) ev ON true
     WHERE p.role = 'contact'
       AND participant_exposure_date(p.exposure_at, p.created_at) BETWEEN p_from AND p_to
       AND (p_kommune IS NULL OR p.kommune = p_kommune)
  ), persons_of_week AS (
    -- One row per person, municipality and week: the unit owning the latest exposure.
    SELECT DISTINCT ON (x.kommune, x.person_id, date_trunc('week', x.d::timestamp))
           date_trunc('week', x.d::timestamp)::date AS week_start, x.kommune, x.unit
      FROM exposures x
     ORDER BY x.kommune, x.person_id, date_trunc('week', x.d::timestamp), x.d DESC, x.created_at DESC
  ), registrations AS (
    SELECT k.kommune, k.owner_unit AS unit, oslo_date(k.created_at) AS d
      FROM contacts k
     WHERE k.case_id IS NOT NULL AND k.status <> 'not_contact'
       AND k.created_at >= (p_from::timestamp AT TIME ZONE 'Europe/Oslo')
       AND k.created_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Oslo')
       AND (p_kommune IS NULL OR k.kommune = p_kommune)
    UNION ALL
    SELECT p.kommune, coalesce(ev.unit, p.kommune), oslo_date(p.created_at)
      FROM event_participants p
      LEFT JOIN LATERAL (SELECT e.owner_unit AS unit FROM events e
                          WHERE e.id = p.event_id AND e.kommune = p.kommune LIMIT 1) ev ON true
     WHERE p.role = 'contact'
       AND p.created_at >= (p_from::timestamp AT TIME ZONE 'Europe/Oslo')
       AND p.created_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Oslo')
       AND (p_kommune IS NULL OR p.kommune = p_kommune)
  )
  SELECT date_trunc('week', x.report_date::timestamp)::date, x.kommune, x.owner_unit, x.setting,
         count(*) FILTER (WHERE x.is_case)::int,
         count(*) FILTER (WHERE x.is_case AND x.probable)::int,
         count(*) FILTER (WHERE x.is_case AND NOT x.probable)::int,
         count(*) FILTER (WHERE x.is_known)::int,
         count(*) FILTER (WHERE x.is_outbreak)::int,
         0, 0
    FROM dims x
   GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT y.week_start, y.kommune, y.unit, NULL, 0, 0, 0, 0, 0, sum(y.contacts)::int, sum(y.registered)::int
    FROM (SELECT p.week_start, p.kommune, p.unit, 1 AS contacts, 0 AS registered FROM persons_of_week p
          UNION ALL
          SELECT date_trunc('week', r.d::timestamp)::date, r.kommune, r.unit, 0, 1 FROM registrations r) y
   GROUP BY 1, 2, 3
  $$;
REVOKE ALL ON FUNCTION weekly_report_rows(date, date, text) FROM PUBLIC;

-- The app's entry point (as in 0011): counts only; inside a tenant transaction only the active
-- municipality's, national callers (checked by the app's policy) all.
CREATE FUNCTION weekly_report_counts(p_from date, p_to date, p_kommune text)
  RETURNS TABLE (week_start date, kommune text, unit text, setting text, cases int, probable int,
                 confirmed int, known_contact int, outbreak int, contacts int, registered int)
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

-- Cached national counts were computed by the old definitions.
DELETE FROM weekly_report_cache;

-- FHI sees every version of a municipality's week (not only the newest). Counts only.
CREATE FUNCTION weekly_report_versions(p_week text, p_kommune text)
  RETURNS TABLE (kommune text, version integer, figures jsonb, reason text, submitted_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT r.kommune, r.version, r.figures, r.reason, r.submitted_at
      FROM weekly_reports r
     WHERE r.week = p_week AND r.kommune = p_kommune
     ORDER BY r.version DESC
  $$;
REVOKE ALL ON FUNCTION weekly_report_versions(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION weekly_report_versions(text, text) TO smittespor_app;
