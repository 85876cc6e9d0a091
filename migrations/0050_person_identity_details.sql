-- Person register split (issue 17): one shared identity per human, and each municipality's own
-- details behind its row-level security. Knowing a national id links the identity only; it never
-- gives another municipality's phone numbers, addresses, workplace or notes.
--
-- person_identities (the old `persons` table, renamed): national id and type, names, birth date,
--   sex, foreign id, Folkeregister facts (status, protected address) with fetch time, owner,
--   merge pointer. Visible to the owner and to municipalities linked through person_links.
-- person_details: one row per (person, municipality) that works with the person — phone, e-mail,
--   address as recorded, workplace/school, language/interpreter, notes. RLS: own rows only.
-- persons (view, security_invoker): identity + the CURRENT municipality's details, so existing
--   reads keep working and can only ever see their own details. INSTEAD OF triggers route
--   writes: identity columns to person_identities, detail columns to this municipality's row.
--
-- Data move (rule documented in docs/person-register.md): the owner's details go to the owner;
-- every other municipality linked today gets a copy of what it could see then (the whole record,
-- except the address of a person with a strictly protected address, which was hidden from it).

ALTER TABLE persons RENAME TO person_identities;
ALTER POLICY persons_tenant ON person_identities RENAME TO person_identities_tenant;

CREATE TABLE person_details (
  person_id          uuid NOT NULL REFERENCES person_identities(id),
  kommune            text NOT NULL REFERENCES org_units(code),
  phone              text,
  phone2             text,
  email              text,
  street             text,
  postcode           text,
  place              text,
  residence_kommune  text REFERENCES org_units(code),
  residence_bydel    text REFERENCES org_units(code),
  preferred_language text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  workplace_name     text,
  workplace_type     text CHECK (workplace_type IN ('workplace', 'school', 'kindergarten', 'university', 'health', 'other')),
  notes              text,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         uuid REFERENCES users(id),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, kommune)
);
CREATE INDEX person_details_kommune_phone_idx ON person_details (kommune, phone) WHERE phone IS NOT NULL;
CREATE INDEX person_details_kommune_phone2_idx ON person_details (kommune, phone2) WHERE phone2 IS NOT NULL;
CREATE INDEX person_details_kommune_street_idx ON person_details (kommune, lower(street), postcode) WHERE street IS NOT NULL;

ALTER TABLE person_details ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_details_tenant ON person_details
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());

-- ---------------------------------------------------------------- data move
INSERT INTO person_details (person_id, kommune, phone, phone2, email, street, postcode, place, residence_kommune,
                            residence_bydel, preferred_language, interpreter_needed, workplace_name,
                            workplace_type, notes, version, created_at, created_by, updated_at)
SELECT id, kommune, phone, phone2, email, street, postcode, place, residence_kommune, residence_bydel,
       preferred_language, interpreter_needed, workplace_name, workplace_type, notes, 1, created_at,
       created_by, updated_at
  FROM person_identities;

INSERT INTO person_details (person_id, kommune, phone, phone2, email, street, postcode, place, residence_kommune,
                            residence_bydel, preferred_language, interpreter_needed, workplace_name,
                            workplace_type, notes, version, created_at, updated_at)
SELECT p.id, l.kommune, p.phone, p.phone2, p.email,
       CASE WHEN p.protected_address LIKE 'strengt%' THEN NULL ELSE p.street END,
       CASE WHEN p.protected_address LIKE 'strengt%' THEN NULL ELSE p.postcode END,
       CASE WHEN p.protected_address LIKE 'strengt%' THEN NULL ELSE p.place END,
       p.residence_kommune,
       CASE WHEN p.protected_address LIKE 'strengt%' THEN NULL ELSE p.residence_bydel END,
       p.preferred_language, p.interpreter_needed, p.workplace_name, p.workplace_type, p.notes, 1,
       l.created_at, p.updated_at
  FROM person_links l JOIN person_identities p ON p.id = l.person_id
 WHERE l.kommune <> p.kommune
ON CONFLICT (person_id, kommune) DO NOTHING;

DROP INDEX IF EXISTS persons_phone_idx;
DROP INDEX IF EXISTS persons_phone2_idx;
DROP INDEX IF EXISTS persons_address_idx;
ALTER TABLE person_identities
  DROP COLUMN phone, DROP COLUMN phone2, DROP COLUMN email, DROP COLUMN street, DROP COLUMN postcode,
  DROP COLUMN place, DROP COLUMN residence_kommune, DROP COLUMN residence_bydel,
  DROP COLUMN preferred_language, DROP COLUMN interpreter_needed, DROP COLUMN workplace_name,
  DROP COLUMN workplace_type, DROP COLUMN notes;

-- ---------------------------------------------------------------- the view the app reads
-- `version` grows when either part changes (optimistic locking keeps working); `kommune` stays
-- the owner.
CREATE VIEW persons WITH (security_invoker = true) AS
SELECT i.id, i.kommune, i.owner_unit, i.national_id, i.id_type, i.first_name, i.last_name, i.full_name,
       i.birth_date, i.sex, d.phone, d.phone2, d.email, d.street, d.postcode, d.place,
       d.residence_kommune, d.residence_bydel, i.protected_address, d.preferred_language,
       coalesce(d.interpreter_needed, false) AS interpreter_needed, d.workplace_name, d.workplace_type,
       i.foreign_id, i.foreign_id_country, d.notes, i.freg_fetched_at, i.freg_status, i.merged_into,
       i.version + coalesce(d.version - 1, 0) AS version, i.created_at, i.created_by,
       greatest(i.updated_at, d.updated_at) AS updated_at
  FROM person_identities i
  LEFT JOIN person_details d ON d.person_id = i.id AND d.kommune = app_kommune();
GRANT SELECT, INSERT, UPDATE, DELETE ON persons TO smittespor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON person_identities, person_details TO smittespor_app;

-- The municipality whose details a write through the view touches: the active one; the owner
-- when no municipality is active (migrations, seeding as the database owner).
CREATE FUNCTION person_details_kommune(p_owner text) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT CASE WHEN app_kommune() = '-' THEN p_owner ELSE app_kommune() END $$;

CREATE FUNCTION persons_view_insert() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE v_id uuid;
BEGIN
  INSERT INTO person_identities (id, kommune, owner_unit, national_id, id_type, first_name, last_name, birth_date,
                                 sex, protected_address, foreign_id, foreign_id_country, freg_fetched_at,
                                 freg_status, merged_into, created_at, created_by, updated_at)
  VALUES (coalesce(NEW.id, gen_random_uuid()), NEW.kommune, NEW.owner_unit, NEW.national_id, NEW.id_type,
          NEW.first_name, NEW.last_name, NEW.birth_date, NEW.sex, coalesce(NEW.protected_address, 'none'),
          NEW.foreign_id, NEW.foreign_id_country, NEW.freg_fetched_at, NEW.freg_status, NEW.merged_into,
          coalesce(NEW.created_at, now()), NEW.created_by, coalesce(NEW.updated_at, now()))
  RETURNING id INTO v_id;
  INSERT INTO person_details (person_id, kommune, phone, phone2, email, street, postcode, place, residence_kommune,
                              residence_bydel, preferred_language, interpreter_needed, workplace_name,
                              workplace_type, notes, created_by)
  VALUES (v_id, person_details_kommune(NEW.kommune), NEW.phone, NEW.phone2, NEW.email, NEW.street, NEW.postcode,
          NEW.place, NEW.residence_kommune, NEW.residence_bydel, NEW.preferred_language,
          coalesce(NEW.interpreter_needed, false), NEW.workplace_name, NEW.workplace_type, NEW.notes,
          NEW.created_by);
  SELECT * INTO NEW FROM persons WHERE id = v_id;
  RETURN NEW;
END $$;

CREATE FUNCTION persons_view_update() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  v_identity boolean;
  v_details boolean;
BEGIN
  v_identity := (NEW.id, NEW.kommune, NEW.owner_unit, NEW.national_id, NEW.id_type, NEW.first_name, NEW.last_name,
                 NEW.birth_date, NEW.sex, NEW.protected_address, NEW.foreign_id, NEW.foreign_id_country,
                 NEW.freg_fetched_at, NEW.freg_status, NEW.merged_into)
    IS DISTINCT FROM (OLD.id, OLD.kommune, OLD.owner_unit, OLD.national_id, OLD.id_type, OLD.first_name,
                      OLD.last_name, OLD.birth_date, OLD.sex, OLD.protected_address, OLD.foreign_id,
                      OLD.foreign_id_country, OLD.freg_fetched_at, OLD.freg_status, OLD.merged_into);
  v_details := (NEW.phone, NEW.phone2, NEW.email, NEW.street, NEW.postcode, NEW.place, NEW.residence_kommune,
                NEW.residence_bydel, NEW.preferred_language, NEW.interpreter_needed, NEW.workplace_name,
                NEW.workplace_type, NEW.notes)
    IS DISTINCT FROM (OLD.phone, OLD.phone2, OLD.email, OLD.street, OLD.postcode, OLD.place, OLD.residence_kommune,
                      OLD.residence_bydel, OLD.preferred_language, OLD.interpreter_needed, OLD.workplace_name,
                      OLD.workplace_type, OLD.notes);
  IF v_identity OR (NOT v_details AND NEW.version IS DISTINCT FROM OLD.version) THEN
    UPDATE person_identities
       SET kommune = NEW.kommune, owner_unit = NEW.owner_unit, national_id = NEW.national_id, id_type = NEW.id_type,
           first_name = NEW.first_name, last_name = NEW.last_name, birth_date = NEW.birth_date, sex = NEW.sex,
           protected_address = NEW.protected_address, foreign_id = NEW.foreign_id,
           foreign_id_country = NEW.foreign_id_country, freg_fetched_at = NEW.freg_fetched_at,
           freg_status = NEW.freg_status, merged_into = NEW.merged_into, version = version + 1, updated_at = now()
     WHERE id = OLD.id;
  END IF;
  IF v_details THEN
    INSERT INTO person_details AS d (person_id, kommune, phone, phone2, email, street, postcode, place,
                                     residence_kommune, residence_bydel, preferred_language, interpreter_needed,
                                     workplace_name, workplace_type, notes)
    VALUES (OLD.id, person_details_kommune(OLD.kommune), NEW.phone, NEW.phone2, NEW.email, NEW.street,
            NEW.postcode, NEW.place, NEW.residence_kommune, NEW.residence_bydel, NEW.preferred_language,
            coalesce(NEW.interpreter_needed, false), NEW.workplace_name, NEW.workplace_type, NEW.notes)
    ON CONFLICT (person_id, kommune) DO UPDATE
       SET phone = EXCLUDED.phone, phone2 = EXCLUDED.phone2, email = EXCLUDED.email, street = EXCLUDED.street,
           postcode = EXCLUDED.postcode, place = EXCLUDED.place, residence_kommune = EXCLUDED.residence_kommune,
           residence_bydel = EXCLUDED.residence_bydel, preferred_language = EXCLUDED.preferred_language,
           interpreter_needed = EXCLUDED.interpreter_needed, workplace_name = EXCLUDED.workplace_name,
           workplace_type = EXCLUDED.workplace_type, notes = EXCLUDED.notes,
           -- one update statement moves the view's version by one, whichever parts it touched
           version = d.version + CASE WHEN v_identity THEN 0 ELSE 1 END,
           updated_at = now();
  END IF;
  SELECT * INTO NEW FROM persons WHERE id = OLD.id;
  RETURN NEW;
END $$;

-- Retention deletes a person only when nobody uses it (retention_in_use); this municipality's
-- own details go with it.
CREATE FUNCTION persons_view_delete() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
BEGIN
  DELETE FROM person_details WHERE person_id = OLD.id AND kommune = person_details_kommune(OLD.kommune);
  DELETE FROM person_identities WHERE id = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER persons_insert INSTEAD OF INSERT ON persons FOR EACH ROW EXECUTE FUNCTION persons_view_insert();
CREATE TRIGGER persons_update INSTEAD OF UPDATE ON persons FOR EACH ROW EXECUTE FUNCTION persons_view_update();
CREATE TRIGGER persons_delete INSTEAD OF DELETE ON persons FOR EACH ROW EXECUTE FUNCTION persons_view_delete();

-- ---------------------------------------------------------------- narrow cross-tenant functions
-- Linking by a known national id gives the identity only, plus an empty details row of this
-- municipality (filled from what its tracer typed). Never another municipality's details.
CREATE OR REPLACE FUNCTION person_link_by_national_id(p_national_id text) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE v_id uuid;
BEGIN
  IF app_kommune() = '-' THEN RAISE EXCEPTION 'no active municipality'; END IF;
  SELECT id INTO v_id FROM person_identities WHERE national_id = p_national_id AND merged_into IS NULL;
  IF v_id IS NULL THEN RETURN NULL; END IF;
  INSERT INTO person_links (person_id, kommune)
  SELECT v_id, app_kommune() WHERE NOT EXISTS (SELECT 1 FROM person_identities WHERE id = v_id AND kommune = app_kommune())
  ON CONFLICT DO NOTHING;
  INSERT INTO person_details (person_id, kommune) VALUES (v_id, app_kommune()) ON CONFLICT DO NOTHING;
  RETURN v_id;
END $$;

-- The other municipalities that work with a person (owner and linked), for "følges også opp av":
-- names of municipalities only, never personal data; only for a person this municipality sees.
CREATE FUNCTION person_followed_by(p_person uuid)
  RETURNS TABLE (kommune text, kommune_name text, owner boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT k.code, k.short_name, k.code = i.kommune
      FROM person_identities i
      JOIN org_units k ON k.code = i.kommune
        OR k.code IN (SELECT l.kommune FROM person_links l WHERE l.person_id = i.id)
     WHERE i.id = p_person AND k.code <> app_kommune()
       AND (i.kommune = app_kommune()
            OR EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = i.id AND l.kommune = app_kommune()))
     ORDER BY k.code = i.kommune DESC, k.short_name
  $$;
REVOKE ALL ON FUNCTION person_followed_by(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_followed_by(uuid) TO smittespor_app;

-- Merge (SPEC §3.1): the other municipalities' details of the merged person follow it to the
-- survivor (where they have none there yet). Only the owner of both may call it; it moves rows
-- without returning any of them.
CREATE FUNCTION person_details_merge(p_from uuid, p_to uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE v_n integer;
BEGIN
  IF (SELECT count(*) FROM person_identities WHERE id IN (p_from, p_to) AND kommune = app_kommune()) <> 2 THEN
    RAISE EXCEPTION 'person_details_merge: both persons must be owned by the active municipality';
  END IF;
  INSERT INTO person_details (person_id, kommune, phone, phone2, email, street, postcode, place, residence_kommune,
                              residence_bydel, preferred_language, interpreter_needed, workplace_name,
                              workplace_type, notes)
  SELECT p_to, kommune, phone, phone2, email, street, postcode, place, residence_kommune, residence_bydel,
         preferred_language, interpreter_needed, workplace_name, workplace_type, notes
    FROM person_details WHERE person_id = p_from AND kommune <> app_kommune()
  ON CONFLICT (person_id, kommune) DO NOTHING;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END $$;
REVOKE ALL ON FUNCTION person_details_merge(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_details_merge(uuid, uuid) TO smittespor_app;

-- Retention: a person is checked through its identity table; this municipality's own details
-- do not keep it alive, another municipality's details do.
CREATE OR REPLACE FUNCTION retention_in_use(p_table regclass, p_id uuid, p_ignore text[]) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  r record;
  v boolean;
  v_table regclass := p_table;
BEGIN
  IF v_table = 'persons'::regclass THEN
    v_table := 'person_identities'::regclass;
  END IF;
  IF v_table NOT IN ('person_identities'::regclass, 'cases'::regclass, 'contacts'::regclass, 'events'::regclass,
                     'measures'::regclass, 'followup_calls'::regclass, 'person_documents'::regclass,
                     'outbox'::regclass) THEN
    RAISE EXCEPTION 'retention_in_use: % is not a retention table', p_table;
  END IF;
  FOR r IN
    SELECT c.conrelid::regclass::text AS tbl, a.attname::text AS col
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = v_table AND array_length(c.conkey, 1) = 1
  LOOP
    CONTINUE WHEN (r.tbl || '.' || r.col) = ANY (coalesce(p_ignore, '{}'));
    IF r.tbl = 'person_details' AND r.col = 'person_id' THEN
      SELECT EXISTS (SELECT 1 FROM person_details WHERE person_id = p_id AND kommune <> app_kommune()) INTO v;
    ELSE
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', r.tbl, r.col) INTO v USING p_id;
    END IF;
    IF v THEN
      RETURN true;
    END IF;
  END LOOP;
  RETURN false;
END $$;

-- Transfers (SPEC §3.6) lock the identity and copy the details needed to follow up.
CREATE OR REPLACE FUNCTION transfer_move(p_transfer uuid)
  RETURNS TABLE (person_moved boolean, measures_moved int)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v transfers%ROWTYPE;
  v_owner text;
  v_measures uuid[];
  v_n int;
  v_other boolean;
  v_moved boolean := false;
BEGIN
  SELECT * INTO v FROM transfers WHERE id = p_transfer FOR UPDATE;
  IF NOT FOUND OR v.to_kommune <> app_kommune() OR v.status <> 'pending' THEN
    RAISE EXCEPTION 'transfer_move: no pending transfer to this municipality' USING ERRCODE = 'P0002';
  END IF;
  IF v.record_type = 'case' THEN
    UPDATE cases SET kommune = v.to_kommune, owner_unit = v.to_kommune, assigned_to = NULL,
                     version = version + 1, updated_at = now()
     WHERE id = v.record_id AND kommune = v.from_kommune AND person_id = v.person_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    SELECT coalesce(array_agg(id), '{}') INTO v_measures FROM measures
     WHERE case_id = v.record_id AND kommune = v.from_kommune;
  ELSE
    UPDATE contacts SET kommune = v.to_kommune, owner_unit = v.to_kommune, assigned_to = NULL,
                        version = version + 1, updated_at = now()
     WHERE id = v.record_id AND kommune = v.from_kommune AND person_id = v.person_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    SELECT coalesce(array_agg(id), '{}') INTO v_measures FROM measures
     WHERE contact_id = v.record_id AND kommune = v.from_kommune;
  END IF;
  IF v_n = 0 THEN
    RAISE EXCEPTION 'transfer_move: the record is no longer with the sender' USING ERRCODE = 'P0003';
  END IF;
  UPDATE measures SET kommune = v.to_kommune, owner_unit = v.to_kommune, version = version + 1, updated_at = now()
   WHERE id = ANY (v_measures);
  UPDATE measure_events SET kommune = v.to_kommune WHERE measure_id = ANY (v_measures);
  UPDATE followup_calls SET kommune = v.to_kommune, assigned_to = NULL, version = version + 1, updated_at = now()
   WHERE measure_id = ANY (v_measures);
  UPDATE outbox SET status = 'cancelled', last_error = 'Overført til en annen kommune'
   WHERE measure_id = ANY (v_measures) AND status = 'queued';

  SELECT kommune INTO v_owner FROM person_identities WHERE id = v.person_id FOR UPDATE;
  -- The receiver gets a copy of the sender's details needed to follow the person up (issue 17);
  -- details it already has are kept. Notes stay with the sender.
  INSERT INTO person_details (person_id, kommune, phone, phone2, email, street, postcode, place,
                              residence_kommune, residence_bydel, preferred_language, interpreter_needed,
                              workplace_name, workplace_type)
  SELECT person_id, v.to_kommune, phone, phone2, email, street, postcode, place, residence_kommune,
         residence_bydel, preferred_language, interpreter_needed, workplace_name, workplace_type
    FROM person_details WHERE person_id = v.person_id AND kommune = v.from_kommune
  ON CONFLICT (person_id, kommune) DO NOTHING;
  v_other := EXISTS (SELECT 1 FROM cases WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM contacts WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM event_participants WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM measures WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM followup_calls WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM person_documents WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM flags WHERE record_type = 'person' AND record_id = v.person_id
                 AND kommune = v.from_kommune AND status = 'open');
  IF v_owner = v.from_kommune AND NOT v_other THEN
    UPDATE person_identities SET kommune = v.to_kommune, owner_unit = v.to_kommune, version = version + 1, updated_at = now()
     WHERE id = v.person_id;
    DELETE FROM person_links WHERE person_id = v.person_id AND kommune = v.to_kommune;
    v_moved := true;
  ELSE
    IF v_owner <> v.to_kommune THEN
      INSERT INTO person_links (person_id, kommune) VALUES (v.person_id, v.to_kommune) ON CONFLICT DO NOTHING;
    END IF;
    IF v_owner <> v.from_kommune AND NOT v_other THEN
      DELETE FROM person_links WHERE person_id = v.person_id AND kommune = v.from_kommune;
    END IF;
  END IF;
  RETURN QUERY SELECT v_moved, cardinality(v_measures);
END $$;

