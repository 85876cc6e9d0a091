-- Duplicates (issue 17): names are compared after folding Norwegian letters and diacritics both
-- ways (ø ↔ o/oe, å ↔ a/aa, æ ↔ ae/a, é ↔ e, ü ↔ u/ue), so "Jon Ødegård" and "Jon Odegaard" are
-- the same name (upper-case letters mapped first: lower() under the C locale leaves Æ Ø Å). The same rule is in src/shared/domain/nameFold.ts (table tests run both).
CREATE FUNCTION fold_name(p text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT translate(
             replace(replace(replace(replace(replace(lower(translate(p, 'ÆØÅÉÈÊËÜÖÄÁÀÍÓÚÑÇ', 'æøåéèêëüöäáàíóúñç')), 'aa', 'a'), 'oe', 'o'), 'ae', 'a'), 'ue', 'u'), 'ö', 'o'),
             'øåæéèêëüäáàíóúñç',
             'oaaeeeeuaaaiounc')
  $$;

CREATE INDEX person_identities_kommune_fold_idx ON person_identities (kommune, fold_name(full_name));

-- A pair marked "ikke duplikat" is not suggested again. Never deleted: a marking is revoked
-- (revoked_at) and both acts are audited. person_a < person_b.
CREATE TABLE person_not_duplicates (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kommune     text NOT NULL REFERENCES org_units(code),
  person_a    uuid NOT NULL REFERENCES person_identities(id),
  person_b    uuid NOT NULL REFERENCES person_identities(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  uuid REFERENCES users(id),
  revoked_at  timestamptz,
  revoked_by  uuid REFERENCES users(id),
  CHECK (person_a < person_b)
);
CREATE UNIQUE INDEX person_not_duplicates_active_key ON person_not_duplicates (kommune, person_a, person_b)
  WHERE revoked_at IS NULL;
ALTER TABLE person_not_duplicates ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_not_duplicates_tenant ON person_not_duplicates
  USING (kommune = app_kommune()) WITH CHECK (kommune = app_kommune());
GRANT SELECT, INSERT, UPDATE ON person_not_duplicates TO smittespor_app;
