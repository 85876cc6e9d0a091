-- Person name search at national scale (issue 11): the trigram index on full_name covers all of
-- Norway, so a five-letter query for a common surname in Oslo read every match in the country
-- (tens of thousands of rows with 5 M persons) and then dropped the other municipalities:
-- 148 ms per search. Every name search is within one municipality, so on PostgreSQL the trigram
-- index now leads with the municipality (btree_gin lets a GIN index hold the equality column).
-- The embedded PGlite (demo, tests) has no btree_gin — and returns wrong rows when it is loaded
-- for such an index — so it keeps the country-wide index; its data is municipal-sized anyway.
DO $$
BEGIN
  IF version() NOT LIKE '%emscripten%'
     AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gin;
    CREATE INDEX IF NOT EXISTS persons_kommune_name_trgm ON persons USING gin (kommune, full_name gin_trgm_ops);
    DROP INDEX IF EXISTS persons_full_name_trgm;
  END IF;
END $$;
