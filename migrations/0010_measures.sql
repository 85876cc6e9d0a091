-- Isolation, quarantine and daily follow-up (SPEC §4): national rule sets, measures with their
-- change history, follow-up calls and per-municipality schedule settings, letters stored as
-- documents on the person, and an outbox for SMS/e-mail reminders.
-- Personal-data tables have `kommune` and the RLS policy `kommune = app_kommune()` like 0006.

-- ---------------------------------------------------------------- national rule sets
-- Not personal data and not per municipality: maintained by the national operator. A rule set is
-- chosen by a measure's start date; the app keeps sets from overlapping (ruleSetProblems, under a
-- table lock). Figures of a set that a measure used cannot change and the set cannot be deleted
-- (the foreign key from measures), so a measure's computed dates can always be explained.
CREATE TABLE rule_sets (
  id                              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name                            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  valid_from                      date NOT NULL,
  valid_to                        date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  quarantine_days                 integer CHECK (quarantine_days > 0),
  quarantine_test_out_day         integer CHECK (quarantine_test_out_day IS NULL
                                    OR (quarantine_test_out_day > 0 AND quarantine_test_out_day < quarantine_days)),
  isolation_days                  integer CHECK (isolation_days > 0),
  isolation_min_symptom_free_days integer CHECK (isolation_min_symptom_free_days IS NULL
                                    OR (isolation_min_symptom_free_days > 0 AND isolation_days IS NOT NULL)),
  source                          text NOT NULL,
  version                         integer NOT NULL DEFAULT 1,
  created_at                      timestamptz NOT NULL DEFAULT now(),
  created_by                      uuid REFERENCES users(id),
  updated_at                      timestamptz NOT NULL DEFAULT now(),
  updated_by                      uuid REFERENCES users(id),
  CHECK (quarantine_test_out_day IS NULL OR quarantine_days IS NOT NULL)
);
CREATE INDEX rule_sets_valid_idx ON rule_sets (valid_from);

-- Every version of every rule set, also of deleted ones (no foreign key on purpose).
CREATE TABLE rule_set_history (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_set_id  text NOT NULL,
  version      integer NOT NULL,
  change       text NOT NULL CHECK (change IN ('create', 'update', 'delete')),
  snapshot     jsonb NOT NULL,
  changed_by   uuid REFERENCES users(id),
  changed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rule_set_history_set_idx ON rule_set_history (rule_set_id, changed_at DESC);

-- Seeded from DEFAULT_RULE_SETS (src/shared/domain/ruleSets.ts); rule-sets.test.ts proves they match.
INSERT INTO rule_sets (id, name, valid_from, valid_to, quarantine_days, quarantine_test_out_day,
                       isolation_days, isolation_min_symptom_free_days, source) VALUES
  ('no-2020-03-12', 'Karantene 14 døgn (mars 2020)', '2020-03-12', '2020-05-06',
   14, NULL, NULL, NULL,
   'FHI 13.03.2020 (NPK/Sunnmøringen): nærkontakter i hjemmekarantene i 14 dager; forskrift om karantene, isolasjon mv. fastsatt 15.03.2020. Startdato 12.03.2020 som i SPEC §4. Isolasjon var symptombasert og er ikke lagt inn – sett sluttdato manuelt. Bør verifiseres mot Lovdata.'),
  ('no-2020-05-07', 'Karantene 10 døgn (mai 2020)', '2020-05-07', '2020-12-31',
   10, NULL, NULL, NULL,
   'Regjeringen reduserte karantenetiden fra 14 til 10 dager torsdag 07.05.2020, uten overgangsregler (Helsedirektoratet, NTB 08.05.2020). Isolasjon ikke lagt inn – sett sluttdato manuelt. Bør verifiseres mot Lovdata.'),
  ('no-2021-01-01', 'Karantene 10 døgn med test ut døgn 7, isolasjon 10 døgn (2021)', '2021-01-01', '2021-09-24',
   10, 7, 10, NULL,
   'FHI «Opphevelse av isolasjon»: 10 døgn etter symptomdebut (uten symptomer: testdato) og feberfri i 24 timer. Smittekarantene kan avsluttes ved negativ test tatt tidligst 7 døgn etter siste nærkontakt. USIKKER startdato: 01.01.2021 er valgt etter SPEC §4 («2021»); innreisekarantene fikk test ut døgn 7 fra 29.12.2020 (NRK), men datoen for smittekarantene er ikke funnet – verifiser mot Lovdata.'),
  ('no-2021-09-25', 'Isolasjon 5 døgn (september 2021)', '2021-09-25', '2021-12-14',
   10, 7, 5, NULL,
   'Nye isolasjonsregler fra 25.09.2021 (Kristiansand kommune, etter FHI): 5 døgn etter symptomdebut og feberfri i 24 timer. Fullvaksinerte nærkontakter var unntatt karantene og fullvaksinerte uten symptomer hadde kortere isolasjon; omikron-mistanke ga 7 døgn isolasjon fra 02.12.2021 – ikke modellert. Bør verifiseres mot Lovdata.'),
  ('no-2021-12-15', 'Isolasjon 6 døgn, karantene for husstand (desember 2021)', '2021-12-15', '2022-02-11',
   10, 7, 6, NULL,
   'FHI: «Fra 15.12.21 er det endringer i covid-19-forskriften med samme regler for isolasjon og karantene uavhengig av virusvariant»; isolasjon minst 6 døgn fra symptomstart (TV 2, desember 2021); husstandsmedlemmer 10 døgn karantene med test ut døgn 7. Øvrige nærkontakter fikk ikke karanteneplikt fra 13.01.2022, og fra 26.01.2022 kunne karantene erstattes med daglig testing – ikke modellert. Bør verifiseres mot Lovdata.'),
  ('no-2022-02-12', 'Ingen plikt til isolasjon eller karantene (februar 2022)', '2022-02-12', NULL,
   NULL, NULL, NULL, NULL,
   'Regjeringen fjernet alle forskriftsfestede tiltak fra 12.02.2022 kl. 10, også plikt til isolasjon; smittede voksne anbefales å holde seg hjemme i 4 døgn (Vågå kommune). Ingen beregnet sluttdato.');
INSERT INTO rule_set_history (rule_set_id, version, change, snapshot)
  SELECT id, version, 'create', to_jsonb(r) - 'created_at' - 'updated_at' FROM rule_sets r;

-- ---------------------------------------------------------------- measures
CREATE TABLE measures (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune          text NOT NULL REFERENCES org_units(code),
  owner_unit       text NOT NULL REFERENCES org_units(code),
  person_id        uuid NOT NULL REFERENCES persons(id),
  kind             text NOT NULL CHECK (kind IN ('isolation', 'quarantine')),
  case_id          uuid REFERENCES cases(id),
  contact_id       uuid REFERENCES contacts(id),
  -- What the rules computed (null when no rule set applied and the tracer set the dates).
  rule_set_id      text REFERENCES rule_sets(id),
  basis            text CHECK (basis IN ('last-exposure', 'onset', 'test')),
  basis_date       date,
  computed_start   date,
  computed_end     date,
  explanation      text,
  -- What applies: the computed dates unless overridden, extended or shortened (measure_events).
  start_date       date NOT NULL,
  end_date         date NOT NULL,
  actual_end       date,
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'ended', 'cancelled')),
  override_reason  text,
  exemption_reason text,
  exempt_from      date,
  cancel_reason    text,
  -- Flagged "ikke nådd" after N unreached follow-up calls in a row.
  unreached_since  timestamptz,
  -- start|end|settings version the follow-up calls were generated for.
  schedule_key     text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       uuid REFERENCES users(id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'isolation' AND case_id IS NOT NULL AND contact_id IS NULL)
      OR (kind = 'quarantine' AND contact_id IS NOT NULL AND case_id IS NULL)),
  CHECK (end_date >= start_date),
  CHECK (rule_set_id IS NOT NULL OR override_reason IS NOT NULL),
  CHECK (exempt_from IS NULL OR exemption_reason IS NOT NULL),
  CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
);
CREATE INDEX measures_kommune_dates_idx ON measures (kommune, status, start_date, end_date);
CREATE INDEX measures_kommune_end_idx ON measures (kommune, end_date, id);
CREATE INDEX measures_person_idx ON measures (person_id);
CREATE INDEX measures_case_idx ON measures (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX measures_contact_idx ON measures (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX measures_rule_set_idx ON measures (rule_set_id);

-- Every change of a measure's dates or status, with the reason (shown on the measure; the audit
-- log holds the same with user and request).
CREATE TABLE measure_events (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune     text NOT NULL REFERENCES org_units(code),
  measure_id  uuid NOT NULL REFERENCES measures(id),
  action      text NOT NULL CHECK (action IN ('start', 'override', 'extend', 'shorten', 'cancel', 'exempt',
                                              'end', 'flag-unreached', 'unflag-unreached')),
  from_start  date,
  to_start    date,
  from_end    date,
  to_end      date,
  reason      text,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_events_measure_idx ON measure_events (measure_id, created_at);

-- ---------------------------------------------------------------- follow-up
CREATE TABLE followup_settings (
  kommune          text PRIMARY KEY REFERENCES org_units(code),
  schedule_days    integer[] NOT NULL DEFAULT '{1,3,7}',
  include_last_day boolean NOT NULL DEFAULT true,
  unreached_limit  integer NOT NULL DEFAULT 3 CHECK (unreached_limit BETWEEN 1 AND 20),
  -- Days before the end a reminder goes to the outbox; null: no reminders.
  reminder_days_before integer DEFAULT 1 CHECK (reminder_days_before BETWEEN 0 AND 14),
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid REFERENCES users(id)
);

CREATE TABLE followup_calls (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune            text NOT NULL REFERENCES org_units(code),
  measure_id         uuid NOT NULL REFERENCES measures(id),
  person_id          uuid NOT NULL REFERENCES persons(id),
  planned_date       date NOT NULL,
  day_number         integer NOT NULL,
  last_day           boolean NOT NULL DEFAULT false,
  assigned_to        uuid REFERENCES users(id),
  status             text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done')),
  done_at            timestamptz,
  done_by            uuid REFERENCES users(id),
  reached            boolean,
  symptoms           boolean,
  symptom_notes      text,
  onset_date         date,
  tested             boolean,
  test_date          date,
  test_result        text CHECK (test_result IN ('positive', 'negative', 'pending', 'unknown')),
  needs_food         boolean NOT NULL DEFAULT false,
  needs_medicine     boolean NOT NULL DEFAULT false,
  needs_practical    boolean NOT NULL DEFAULT false,
  needs_other        boolean NOT NULL DEFAULT false,
  remarks            text,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_at IS NOT NULL AND reached IS NOT NULL))
);
-- "Dagens oppfølging": planned calls due up to today, per tracer.
CREATE INDEX followup_calls_due_idx ON followup_calls (kommune, planned_date, id) WHERE status = 'planned';
CREATE INDEX followup_calls_assigned_idx ON followup_calls (kommune, assigned_to, planned_date) WHERE status = 'planned';
CREATE INDEX followup_calls_measure_idx ON followup_calls (measure_id, planned_date);
CREATE INDEX followup_calls_person_idx ON followup_calls (person_id);

-- ---------------------------------------------------------------- letters
-- Documents kept on a person (the isolation/quarantine notice). Never holds a protected address:
-- the letter generator leaves the address out whenever the person has one.
CREATE TABLE person_documents (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune       text NOT NULL REFERENCES org_units(code),
  person_id     uuid NOT NULL REFERENCES persons(id),
  measure_id    uuid REFERENCES measures(id),
  kind          text NOT NULL CHECK (kind IN ('isolation-notice', 'quarantine-notice')),
  language      text NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  title         text NOT NULL,
  filename      text NOT NULL,
  content_type  text NOT NULL DEFAULT 'application/pdf',
  content       bytea NOT NULL,
  byte_size     integer NOT NULL,
  sha256        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid REFERENCES users(id)
);
CREATE INDEX person_documents_person_idx ON person_documents (person_id, created_at DESC);
CREATE INDEX person_documents_measure_idx ON person_documents (measure_id);

-- ---------------------------------------------------------------- outbox
-- SMS/e-mail waiting to be sent. Nothing leaves without a configured transport: messages stay
-- 'queued' until one is configured. dedupe_key makes the reminder job idempotent.
CREATE TABLE outbox (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune      text NOT NULL REFERENCES org_units(code),
  person_id    uuid REFERENCES persons(id),
  measure_id   uuid REFERENCES measures(id),
  channel      text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient    text NOT NULL,
  template     text NOT NULL,
  subject      text,
  body         text NOT NULL,
  dedupe_key   text,
  send_after   timestamptz NOT NULL DEFAULT now(),
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'cancelled')),
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  transport    text,
  sent_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX outbox_dedupe_key ON outbox (kommune, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX outbox_due_idx ON outbox (kommune, send_after) WHERE status = 'queued';
CREATE INDEX outbox_person_idx ON outbox (person_id);

-- ---------------------------------------------------------------- row-level security
ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
CREATE POLICY measures_tenant ON measures USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE measure_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY measure_events_tenant ON measure_events USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE followup_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY followup_settings_tenant ON followup_settings USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE followup_calls ENABLE ROW LEVEL SECURITY;
CREATE POLICY followup_calls_tenant ON followup_calls USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE person_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_documents_tenant ON person_documents USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_tenant ON outbox USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

-- ---------------------------------------------------------------- narrow cross-tenant functions
-- How many measures (in all municipalities) used a rule set: the operator's editor needs it to
-- refuse changing or deleting a used set. A count, never personal data.
CREATE FUNCTION rule_set_usage(p_id text) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT count(*) FROM measures WHERE rule_set_id = p_id $$;

REVOKE ALL ON FUNCTION rule_set_usage(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rule_set_usage(text) TO smittespor_app;
