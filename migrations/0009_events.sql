-- Events and outbreaks (SPEC §3.4) and transfers between municipalities (SPEC §3.6).

CREATE TABLE events (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune          text NOT NULL REFERENCES org_units(code),
  owner_unit       text NOT NULL REFERENCES org_units(code),
  name             text NOT NULL,
  exposure_setting text NOT NULL,
  location         text,
  address          text,
  event_kommune    text REFERENCES org_units(code),
  starts_at        timestamptz,
  ends_at          timestamptz,
  organiser_name   text,
  organiser_phone  text,
  organiser_email  text,
  description      text,
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  -- An outbreak (utbrudd): the event is a common source of infection. Cases linked to it count in
  -- weekly report item (iii).
  outbreak         boolean NOT NULL DEFAULT false,
  outbreak_declared_at timestamptz,
  common_source    text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       uuid REFERENCES users(id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX events_kommune_created_idx ON events (kommune, created_at DESC, id DESC);
CREATE INDEX events_kommune_outbreak_idx ON events (kommune, outbreak, starts_at);

CREATE TABLE event_participants (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune      text NOT NULL REFERENCES org_units(code),
  event_id     uuid NOT NULL REFERENCES events(id),
  person_id    uuid NOT NULL REFERENCES persons(id),
  role         text NOT NULL CHECK (role IN ('case', 'contact', 'attendee')),
  exposure_at  timestamptz,
  case_id      uuid REFERENCES cases(id),
  contact_id   uuid REFERENCES contacts(id),
  notes        text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   uuid REFERENCES users(id),
  UNIQUE (event_id, person_id)
);
CREATE INDEX event_participants_event_idx ON event_participants (event_id);
CREATE INDEX event_participants_person_idx ON event_participants (person_id);
CREATE INDEX event_participants_kommune_idx ON event_participants (kommune, event_id);

ALTER TABLE cases ADD CONSTRAINT cases_source_event_fk FOREIGN KEY (source_event_id) REFERENCES events(id);
ALTER TABLE contacts ADD CONSTRAINT contacts_event_fk FOREIGN KEY (event_id) REFERENCES events(id);
CREATE INDEX cases_source_event_idx ON cases (source_event_id) WHERE source_event_id IS NOT NULL;
CREATE INDEX contacts_event_idx ON contacts (event_id) WHERE event_id IS NOT NULL;

-- A hand-over of a case's or contact's follow-up to another municipality. The receiving
-- municipality reads the row (its inbox) through from_kommune/to_kommune; the record itself moves
-- only when accepted.
CREATE TABLE transfers (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_kommune  text NOT NULL REFERENCES org_units(code),
  to_kommune    text NOT NULL REFERENCES org_units(code),
  record_type   text NOT NULL CHECK (record_type IN ('case', 'contact')),
  record_id     uuid NOT NULL,
  person_id     uuid NOT NULL REFERENCES persons(id),
  message       text,
  -- The minimum the receiver needs to follow up before accepting (SPEC §3.6).
  summary       jsonb NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
  decided_at    timestamptz,
  decided_by    uuid REFERENCES users(id),
  reject_reason text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid REFERENCES users(id),
  version       integer NOT NULL DEFAULT 1,
  CHECK (from_kommune <> to_kommune)
);
CREATE INDEX transfers_to_idx ON transfers (to_kommune, status, created_at DESC);
CREATE INDEX transfers_from_idx ON transfers (from_kommune, status, created_at DESC);
CREATE INDEX transfers_record_idx ON transfers (record_type, record_id);

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_tenant ON events USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
ALTER TABLE event_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY event_participants_tenant ON event_participants
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
ALTER TABLE transfers ENABLE ROW LEVEL SECURITY;
CREATE POLICY transfers_parties ON transfers
  USING (from_kommune = app_kommune() OR to_kommune = app_kommune())
  WITH CHECK (from_kommune = app_kommune() OR to_kommune = app_kommune());
