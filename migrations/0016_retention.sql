-- Retention and deletion (issue 12, SPEC §8 "configurable retention with automatic deletion or
-- anonymisation (logged)"). The default periods live in src/shared/domain/retention.ts and are
-- documented in docs/retention.md; a municipality (the data controller) may set its own here.
-- The deletion job itself is src/server/features/retention/retention.job.ts. The audit log is
-- never touched by it (its triggers refuse deletes anyway).

-- A municipality's own period for a record type, overriding the default.
CREATE TABLE retention_settings (
  kommune      text NOT NULL REFERENCES org_units(code),
  record_type  text NOT NULL CHECK (record_type IN ('case', 'contact', 'event', 'measure', 'followup',
                                                    'document', 'outbox', 'import', 'person')),
  days         integer NOT NULL CHECK (days BETWEEN 7 AND 3650),
  version      integer NOT NULL DEFAULT 1,
  updated_by   uuid REFERENCES users(id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kommune, record_type)
);

-- Legal hold (e.g. a complaint, a supervisory case or a court case): the record, and what belongs
-- to it, is kept whatever its retention says until the hold is released. Rows are never deleted:
-- releasing sets released_at, so the history of holds stays.
CREATE TABLE legal_holds (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune        text NOT NULL REFERENCES org_units(code),
  record_type    text NOT NULL CHECK (record_type IN ('case', 'contact', 'event', 'measure', 'followup',
                                                      'document', 'outbox', 'import', 'person')),
  record_id      uuid NOT NULL,
  reason         text NOT NULL CHECK (length(btrim(reason)) BETWEEN 3 AND 500),
  created_by     uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  released_at    timestamptz,
  released_by    uuid REFERENCES users(id),
  release_reason text,
  CHECK ((released_at IS NULL) = (released_by IS NULL))
);
-- At most one active hold per record; the job probes (kommune, type, id) for every candidate.
CREATE UNIQUE INDEX legal_holds_active_key ON legal_holds (kommune, record_type, record_id)
  WHERE released_at IS NULL;
CREATE INDEX legal_holds_kommune_idx ON legal_holds (kommune, created_at DESC);

ALTER TABLE retention_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY retention_settings_tenant ON retention_settings
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
ALTER TABLE legal_holds ENABLE ROW LEVEL SECURITY;
CREATE POLICY legal_holds_tenant ON legal_holds
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
REVOKE DELETE ON legal_holds FROM smittespor_app;

-- Indexes for the job's reference dates (closed cases, last exposure, ended measures, planned
-- calls, old letters, untouched persons): each run reads only what has expired.
CREATE INDEX cases_kommune_closed_idx ON cases (kommune, closed_at) WHERE status = 'closed';
CREATE INDEX contacts_kommune_exposure_idx ON contacts (kommune, last_exposure);
CREATE INDEX measures_kommune_ref_idx ON measures (kommune, (coalesce(actual_end, end_date)));
CREATE INDEX followup_calls_kommune_planned_idx ON followup_calls (kommune, planned_date);
CREATE INDEX person_documents_kommune_created_idx ON person_documents (kommune, created_at);
CREATE INDEX outbox_kommune_created_idx ON outbox (kommune, created_at) WHERE status <> 'queued';
CREATE INDEX events_kommune_ends_idx ON events (kommune, (coalesce(ends_at, starts_at, created_at)));
CREATE INDEX persons_kommune_updated_idx ON persons (kommune, updated_at);

-- Is any row (in any municipality) still referring to this record through a foreign key, other
-- than the references the job removes itself (p_ignore: 'table.column')? Reads the foreign keys
-- from the catalogue, so a table added later that refers to a person or a case keeps it alive
-- instead of making the delete fail. Returns a yes/no only, never data; limited to the tables the
-- job deletes from.
CREATE FUNCTION retention_in_use(p_table regclass, p_id uuid, p_ignore text[]) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  r record;
  v boolean;
BEGIN
  IF p_table NOT IN ('persons'::regclass, 'cases'::regclass, 'contacts'::regclass, 'events'::regclass,
                     'measures'::regclass, 'followup_calls'::regclass, 'person_documents'::regclass,
                     'outbox'::regclass) THEN
    RAISE EXCEPTION 'retention_in_use: % is not a retention table', p_table;
  END IF;
  FOR r IN
    SELECT c.conrelid::regclass::text AS tbl, a.attname::text AS col
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = p_table AND array_length(c.conkey, 1) = 1
  LOOP
    CONTINUE WHEN (r.tbl || '.' || r.col) = ANY (coalesce(p_ignore, '{}'));
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', r.tbl, r.col) INTO v USING p_id;
    IF v THEN
      RETURN true;
    END IF;
  END LOOP;
  RETURN false;
END $$;
REVOKE ALL ON FUNCTION retention_in_use(regclass, uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_in_use(regclass, uuid, text[]) TO smittespor_app;
