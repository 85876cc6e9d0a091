-- Sub-unit ownership (issue 19): a user's default owner unit per municipality. New cases, contacts
-- and events get it (or the municipality) unless the tracer chooses another; owner_unit on the
-- records themselves already exists (0006, 0009) and can be changed later (audited).
CREATE TABLE user_default_units (
  user_id   uuid NOT NULL REFERENCES users(id),
  kommune   text NOT NULL REFERENCES org_units(code),
  unit      text NOT NULL REFERENCES org_units(code),
  set_by    uuid REFERENCES users(id),
  set_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kommune)
);
ALTER TABLE user_default_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_default_units_tenant ON user_default_units
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
-- History is in the audit log; the row is only ever set, never deleted.
REVOKE DELETE ON user_default_units FROM smittespor_app;

-- Lists filtered by owner unit.
CREATE INDEX cases_kommune_owner_unit_idx ON cases (kommune, owner_unit, created_at DESC, id DESC);
CREATE INDEX contacts_kommune_owner_unit_idx ON contacts (kommune, owner_unit, created_at DESC, id DESC);
CREATE INDEX events_kommune_owner_unit_idx ON events (kommune, owner_unit, created_at DESC, id DESC);
