-- Case work (SPEC §3.1–3.3, §3.7): the shared person register, index cases, close contacts,
-- registration-error flags. Every personal-data table is owned by one municipality (`kommune`)
-- and protected by row-level security on app_kommune() (set per transaction by the app).

-- ---------------------------------------------------------------- persons
CREATE TABLE persons (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune            text NOT NULL REFERENCES org_units(code),
  owner_unit         text NOT NULL REFERENCES org_units(code),
  national_id        text UNIQUE,
  id_type            text CHECK (id_type IN ('fnr', 'dnr', 'hnr', 'tnr', 'dnr-hnr', 'dnr-tnr')),
  first_name         text NOT NULL,
  last_name          text NOT NULL,
  full_name          text GENERATED ALWAYS AS (lower(first_name || ' ' || last_name)) STORED,
  birth_date         date,
  sex                text CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  phone              text,
  phone2             text,
  email              text,
  street             text,
  postcode           text,
  place              text,
  residence_kommune  text REFERENCES org_units(code),
  residence_bydel    text REFERENCES org_units(code),
  protected_address  text NOT NULL DEFAULT 'none'
                     CHECK (protected_address IN ('none', 'fortrolig', 'strengt_fortrolig', 'strengt_fortrolig_utland')),
  preferred_language text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  workplace_name     text,
  workplace_type     text CHECK (workplace_type IN ('workplace', 'school', 'kindergarten', 'university', 'health', 'other')),
  foreign_id         text,
  foreign_id_country text,
  notes              text,
  freg_fetched_at    timestamptz,
  freg_status        text,
  merged_into        uuid REFERENCES persons(id),
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         uuid REFERENCES users(id),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_kommune_name_idx ON persons (kommune, last_name, first_name, id);
CREATE INDEX persons_full_name_trgm ON persons USING gin (full_name gin_trgm_ops);
CREATE INDEX persons_kommune_birth_idx ON persons (kommune, birth_date);
CREATE INDEX persons_phone_idx ON persons (phone) WHERE phone IS NOT NULL;
CREATE INDEX persons_address_idx ON persons (kommune, lower(street), postcode) WHERE street IS NOT NULL;

-- Other municipalities that legitimately work with a person (their own case or contact refers to
-- the person). They may read the person; the owner municipality stays the owner.
CREATE TABLE person_links (
  person_id   uuid NOT NULL REFERENCES persons(id),
  kommune     text NOT NULL REFERENCES org_units(code),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, kommune)
);
CREATE INDEX person_links_kommune_idx ON person_links (kommune, person_id);

-- ---------------------------------------------------------------- index cases
CREATE TABLE cases (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune              text NOT NULL REFERENCES org_units(code),
  owner_unit           text NOT NULL REFERENCES org_units(code),
  person_id            uuid NOT NULL REFERENCES persons(id),
  probable             boolean NOT NULL DEFAULT false,
  test_date            date,
  test_type            text CHECK (test_type IN ('pcr', 'antigen', 'self')),
  result_date          date,
  symptomatic          boolean,
  onset_date           date,
  symptoms             text,
  likely_infection_date date,
  infection_source     text CHECK (infection_source IN ('contact', 'event', 'travel', 'unknown')),
  exposure_setting     text,
  travel_history       text,
  hospitalised         boolean NOT NULL DEFAULT false,
  outcome              text CHECK (outcome IN ('recovered', 'dead', 'unknown')),
  vaccination_status   text,
  vaccination_date     date,
  interview_status     text NOT NULL DEFAULT 'not_started' CHECK (interview_status IN ('not_started', 'in_progress', 'done')),
  assigned_to          uuid REFERENCES users(id),
  notes                text,
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at            timestamptz,
  source_contact_id    uuid,
  source_event_id      uuid,
  isolation_end        date,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  created_by           uuid REFERENCES users(id),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_kommune_created_idx ON cases (kommune, created_at DESC, id DESC);
CREATE INDEX cases_kommune_status_idx ON cases (kommune, status, created_at DESC, id DESC);
CREATE INDEX cases_kommune_assigned_idx ON cases (kommune, assigned_to, created_at DESC, id DESC);
CREATE INDEX cases_kommune_test_date_idx ON cases (kommune, test_date);
CREATE INDEX cases_person_idx ON cases (person_id);

-- ---------------------------------------------------------------- close contacts
CREATE TABLE contacts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune          text NOT NULL REFERENCES org_units(code),
  owner_unit       text NOT NULL REFERENCES org_units(code),
  person_id        uuid NOT NULL REFERENCES persons(id),
  case_id          uuid REFERENCES cases(id),
  event_id         uuid,
  relation         text CHECK (relation IN ('household', 'partner', 'family', 'colleague', 'classmate', 'friend', 'health_care', 'other')),
  exposure_setting text,
  exposure_types   text[] NOT NULL DEFAULT '{}',
  last_exposure    date,
  household        boolean NOT NULL DEFAULT false,
  notified_at      date,
  notified_by      uuid REFERENCES users(id),
  symptoms         text,
  notes            text,
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished', 'became_case', 'not_contact')),
  became_case_id   uuid REFERENCES cases(id),
  assigned_to      uuid REFERENCES users(id),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       uuid REFERENCES users(id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (case_id IS NOT NULL OR event_id IS NOT NULL)
);
-- One link per person and case: registering the same person twice updates the link.
CREATE UNIQUE INDEX contacts_case_person_key ON contacts (case_id, person_id) WHERE case_id IS NOT NULL;
CREATE INDEX contacts_kommune_created_idx ON contacts (kommune, created_at DESC, id DESC);
CREATE INDEX contacts_kommune_status_idx ON contacts (kommune, status, notified_at);
CREATE INDEX contacts_person_idx ON contacts (person_id);
CREATE INDEX contacts_case_idx ON contacts (case_id);
ALTER TABLE cases ADD CONSTRAINT cases_source_contact_fk FOREIGN KEY (source_contact_id) REFERENCES contacts(id);

-- ---------------------------------------------------------------- "meld feil"
CREATE TABLE flags (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune      text NOT NULL REFERENCES org_units(code),
  record_type  text NOT NULL CHECK (record_type IN ('person', 'case', 'contact', 'event')),
  record_id    uuid NOT NULL,
  comment      text NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_by  uuid REFERENCES users(id),
  resolved_at  timestamptz,
  resolution   text,
  version      integer NOT NULL DEFAULT 1
);
CREATE INDEX flags_kommune_status_idx ON flags (kommune, status, created_at DESC);

-- ---------------------------------------------------------------- row-level security
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY persons_tenant ON persons
  USING (kommune = app_kommune()
         OR EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = persons.id AND l.kommune = app_kommune()))
  WITH CHECK (kommune = app_kommune()
         OR EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = persons.id AND l.kommune = app_kommune()));

ALTER TABLE person_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_links_tenant ON person_links USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_tenant ON cases USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY contacts_tenant ON contacts USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

ALTER TABLE flags ENABLE ROW LEVEL SECURITY;
CREATE POLICY flags_tenant ON flags USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

-- ---------------------------------------------------------------- narrow cross-tenant functions
-- "Is this national id already followed up elsewhere?" (SPEC §3.6): returns the person's id and
-- owner municipality only — never personal data — for an exact national id.
CREATE FUNCTION person_lookup_by_national_id(p_national_id text)
  RETURNS TABLE (person_id uuid, owner_kommune text, owner_kommune_name text, open_followup boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.id, p.kommune, k.short_name,
           EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.status = 'open')
           OR EXISTS (SELECT 1 FROM contacts t WHERE t.person_id = p.id AND t.status = 'active')
      FROM persons p JOIN org_units k ON k.code = p.kommune
     WHERE p.national_id = p_national_id AND p.merged_into IS NULL
  $$;

-- Lets the current municipality work with an existing person it can prove it knows (by the exact
-- national id), so its own case or contact can refer to the one shared register entry.
CREATE FUNCTION person_link_by_national_id(p_national_id text) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE v_id uuid;
BEGIN
  IF app_kommune() = '-' THEN RAISE EXCEPTION 'no active municipality'; END IF;
  SELECT id INTO v_id FROM persons WHERE national_id = p_national_id AND merged_into IS NULL;
  IF v_id IS NULL THEN RETURN NULL; END IF;
  INSERT INTO person_links (person_id, kommune) VALUES (v_id, app_kommune()) ON CONFLICT DO NOTHING;
  RETURN v_id;
END $$;

REVOKE ALL ON FUNCTION person_lookup_by_national_id(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION person_link_by_national_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_lookup_by_national_id(text) TO smittespor_app;
GRANT EXECUTE ON FUNCTION person_link_by_national_id(text) TO smittespor_app;
