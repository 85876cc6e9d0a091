-- Identity: staff users keyed on their national id (ID-porten `pid`), roles per municipality with
-- history (for the access review), server-side sessions, and the onboarding checklist.

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pid             text NOT NULL UNIQUE,
  name            text NOT NULL,
  email           text,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
  deactivated_at  timestamptz,
  deactivated_reason text,
  last_login_at   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid REFERENCES users(id),
  version         integer NOT NULL DEFAULT 1
);

-- A role held by a user, in a municipality (null for national roles). Rows are never deleted:
-- revoking sets revoked_at, so "who had access when" can always be answered.
CREATE TABLE user_roles (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users(id),
  role          text NOT NULL CHECK (role IN ('operator', 'admin', 'tracer', 'report', 'fhi')),
  kommune_code  text REFERENCES org_units(code),
  valid_from    date NOT NULL DEFAULT current_date,
  valid_to      date,
  granted_by    uuid REFERENCES users(id),
  granted_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES users(id),
  CHECK ((role IN ('operator', 'fhi')) = (kommune_code IS NULL))
);
CREATE INDEX user_roles_user_idx ON user_roles (user_id) WHERE revoked_at IS NULL;
CREATE INDEX user_roles_kommune_idx ON user_roles (kommune_code, user_id);
CREATE UNIQUE INDEX user_roles_one_active ON user_roles (user_id, role, coalesce(kommune_code, '-')) WHERE revoked_at IS NULL;

-- Server-side sessions: several app instances share them. The cookie holds a random token; only
-- its SHA-256 is stored, so a database read does not yield usable session cookies.
CREATE TABLE sessions (
  id              text PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users(id),
  active_kommune  text REFERENCES org_units(code),
  csrf_token      text NOT NULL,
  idp_sid         text,
  id_token        text,
  ip              text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_seen_at    timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_idp_sid_idx ON sessions (idp_sid);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Onboarding (SPEC §9): one row per municipality and checklist step, recorded by the operator.
CREATE TABLE onboarding_steps (
  kommune_code  text NOT NULL REFERENCES org_units(code),
  step          text NOT NULL CHECK (step IN ('dpia', 'ros', 'dpa', 'service_annex',
                                              'freg_rf1514', 'freg_delegation', 'freg_agreement', 'freg_enabled')),
  done_on       date NOT NULL,
  recorded_by   uuid NOT NULL REFERENCES users(id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  note          text,
  PRIMARY KEY (kommune_code, step)
);

CREATE TABLE kommune_settings (
  kommune_code    text PRIMARY KEY REFERENCES org_units(code),
  start_date      date,
  training_date   date,
  contact_name    text,
  contact_email   text,
  contact_phone   text,
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
