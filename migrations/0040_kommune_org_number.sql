-- The municipality's organisation number (Enhetsregisteret), recorded by the operator at
-- onboarding. Folkeregister lookups are made on the municipality's behalf: the Maskinporten grant
-- names it as `consumer_org`, and Maskinporten checks the municipality's delegation in Altinn.
ALTER TABLE org_units ADD COLUMN org_number text
  CHECK (org_number ~ '^[0-9]{9}$');
ALTER TABLE org_units ADD CONSTRAINT org_units_org_number_kommune
  CHECK (org_number IS NULL OR kind = 'kommune');
CREATE UNIQUE INDEX org_units_org_number_key ON org_units (org_number) WHERE org_number IS NOT NULL;
