-- Foundation: extensions, the application role, tenancy helpers and the organisation register.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The app runs as smittespor_app, which owns nothing, so row-level security applies to it.
-- Roles are cluster-wide: several databases (tests) may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smittespor_app') THEN
    CREATE ROLE smittespor_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO smittespor_app;
GRANT SELECT ON schema_migrations TO smittespor_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO smittespor_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO smittespor_app;

-- The actor's active municipality, set per transaction with set_config('app.kommune', code, true).
-- Empty when no municipality is active: then no tenant row is visible.
CREATE FUNCTION app_kommune() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('app.kommune', true), ''), '-') $$;

CREATE TABLE org_units (
  code          text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('country', 'fylke', 'kommune', 'bydel', 'subunit')),
  name          text NOT NULL,
  short_name    text NOT NULL,
  parent_code   text REFERENCES org_units(code),
  -- The municipality a unit belongs to (itself for a kommune); null for country and fylke.
  kommune_code  text REFERENCES org_units(code),
  fylke_code    text REFERENCES org_units(code),
  -- kommune: inactive until onboarded; subunit: retired instead of deleted.
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'retired')),
  -- national units come from SSB/Kartverket; 'local' units are added by a municipality.
  source        text NOT NULL DEFAULT 'ssb' CHECK (source IN ('ssb', 'local')),
  activated_at  timestamptz,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_units_parent_idx ON org_units (parent_code);
CREATE INDEX org_units_kommune_idx ON org_units (kommune_code);
CREATE INDEX org_units_kind_idx ON org_units (kind, code);

-- Small installation-wide facts (e.g. which demo seed version has run).
CREATE TABLE app_meta (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
