-- Duplicate suggestions under row-level security (issue 11), as 0021 did for the name search:
-- "full_name % name" cannot use the trigram index under the app role (the operator is not
-- leakproof, so it runs after the RLS policy), which read every person of the municipality on
-- each keystroke's suggestion (Oslo at national scale: 460,000 rows). This returns the ids of
-- similar names strictly within the caller's municipality; the caller reads them through RLS.
CREATE FUNCTION person_similar_names(p_name text)
  RETURNS TABLE (id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF app_kommune() = '-' THEN RAISE EXCEPTION 'no active municipality'; END IF;
  RETURN QUERY EXECUTE
    'SELECT p.id FROM persons p
      WHERE p.kommune = $1 AND p.merged_into IS NULL AND p.full_name % $2
      LIMIT 200'
    USING app_kommune(), lower(p_name);
END $$;
REVOKE ALL ON FUNCTION person_similar_names(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_similar_names(text) TO smittespor_app;
