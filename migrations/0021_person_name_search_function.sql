-- Name search under row-level security (issue 11). PostgreSQL may not evaluate a query's
-- non-leakproof operators — trigram % and LIKE among them — before the RLS policy, so under the
-- app role the name index could only be used for "kommune = …" and every person of the
-- municipality was read and filtered (Oslo at national scale: 460,000 rows, 640 ms per search).
-- This function matches as owner, strictly within the caller's own municipality (app_kommune(),
-- the setting RLS uses), and returns only ids in name order; the caller reads the rows through
-- RLS as before.
-- Two ways to find a page, the cheaper first: a common name ("hanse": 20,000 in Oslo) is found by
-- walking the name index in order and stopping at the page (a bounded walk); a rare one by the
-- trigram index and a sort of its few matches. The pattern decides, so it is planned per call.
CREATE FUNCTION person_name_search(
  p_query text, p_after_last text, p_after_first text, p_after_id uuid, p_limit integer)
  RETURNS TABLE (id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_limit integer := least(greatest(p_limit, 1), 500);
  v_ids uuid[];
BEGIN
  IF app_kommune() = '-' THEN RAISE EXCEPTION 'no active municipality'; END IF;
  EXECUTE
    'SELECT array_agg(s.id ORDER BY s.last_name, s.first_name, s.id) FROM (
       SELECT w.id, w.last_name, w.first_name FROM (
         SELECT p.id, p.last_name, p.first_name, p.full_name FROM persons p
          WHERE p.kommune = $1 AND p.merged_into IS NULL
            AND ($3 IS NULL OR (p.last_name, p.first_name, p.id) > ($3, $4, $5))
          ORDER BY p.last_name, p.first_name, p.id LIMIT 3000) w
        WHERE w.full_name % $2 OR w.full_name LIKE ''%'' || $2 || ''%''
        LIMIT $6) s'
    INTO v_ids
    USING app_kommune(), lower(p_query), p_after_last, p_after_first, p_after_id, v_limit;
  IF coalesce(array_length(v_ids, 1), 0) >= v_limit THEN
    RETURN QUERY SELECT unnest(v_ids);
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT p.id FROM persons p
      WHERE p.kommune = $1 AND p.merged_into IS NULL
        AND (p.full_name % $2 OR p.full_name LIKE ''%'' || $2 || ''%'')
        AND ($3 IS NULL OR (p.last_name, p.first_name, p.id) > ($3, $4, $5))
      ORDER BY p.last_name, p.first_name, p.id
      LIMIT $6'
    USING app_kommune(), lower(p_query), p_after_last, p_after_first, p_after_id, v_limit;
END $$;
REVOKE ALL ON FUNCTION person_name_search(text, text, text, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_name_search(text, text, text, uuid, integer) TO smittespor_app;
