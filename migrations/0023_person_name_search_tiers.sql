-- Person name search in relevance tiers (issue 11). 0021 ordered every match by name, so a
-- common surname ("hanse": 20,000 persons in Oslo at national scale) was matched by trigram,
-- rechecked and sorted in full for each page: 250 ms of CPU per search, 6.6 s at p95 under load.
-- A tracer who types the start of a name expects those names first, so a page now lists
--   tier 0: "last first" starts with the query ("hanse", "hansen o"),
--   tier 1: "first last" starts with it ("ola", "ola hans"),
--   tier 2: the other fuzzy matches (trigram similar or containing it, e.g. a misspelling),
-- each tier in name order. Tiers 0 and 1 are read in order from a btree index and stop at the
-- page, whatever the number of matches. The keys are compared bytewise (COLLATE "C"), which is
-- what lets a LIKE prefix become an index range.
CREATE INDEX persons_kommune_last_first_key ON persons
  (kommune, (lower(last_name || ' ' || first_name) COLLATE "C"), id) WHERE merged_into IS NULL;
CREATE INDEX persons_kommune_full_name_key ON persons
  (kommune, (full_name COLLATE "C"), id) WHERE merged_into IS NULL;

DROP FUNCTION person_name_search(text, text, text, uuid, integer);

-- Returns the ids of one page with their tier and sort key (the cursor is tier, key, id). Like
-- 0021 it runs as owner, strictly within app_kommune(), because under RLS neither the trigram
-- nor the LIKE operator may use an index. Statements are EXECUTEd so each is planned with its
-- pattern (a LIKE prefix only becomes an index range when the planner sees the pattern).
-- ROWS 50: a page; with the default estimate (1,000) the caller's join read every person of
-- the municipality instead of fetching the page's rows by id.
CREATE FUNCTION person_name_search(
  p_query text, p_after_tier integer, p_after_key text, p_after_id uuid, p_limit integer)
  RETURNS TABLE (id uuid, tier integer, sort_key text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50
  AS $$
DECLARE
  v_kommune text := app_kommune();
  v_query text := lower(btrim(p_query));
  v_escaped text;
  v_left integer := least(greatest(p_limit, 1), 500);
  v_from integer := coalesce(p_after_tier, 0);
  v_count integer;
  v_ids uuid[];
  v_keys text[];
  -- The three tiers share the shape "matches, not an earlier tier, after the cursor".
  c_last_first constant text := 'lower(p.last_name || '' '' || p.first_name) COLLATE "C"';
  c_first_last constant text := 'p.full_name COLLATE "C"';
BEGIN
  IF v_kommune = '-' THEN RAISE EXCEPTION 'no active municipality'; END IF;
  IF v_query = '' THEN RETURN; END IF;
  v_escaped := replace(replace(replace(v_query, '\', '\\'), '%', '\%'), '_', '\_');

  IF v_from <= 0 THEN
    RETURN QUERY EXECUTE format(
      'SELECT p.id, 0, %1$s FROM persons p
        WHERE p.kommune = $1 AND p.merged_into IS NULL AND %1$s LIKE $2
          AND ($3 IS NULL OR (%1$s, p.id) > ($3 COLLATE "C", $4))
        ORDER BY %1$s, p.id LIMIT $5', c_last_first)
      USING v_kommune, v_escaped || '%', CASE WHEN v_from = 0 THEN p_after_key END, p_after_id, v_left;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_left := v_left - v_count;
    IF v_left <= 0 THEN RETURN; END IF;
  END IF;

  IF v_from <= 1 THEN
    RETURN QUERY EXECUTE format(
      'SELECT p.id, 1, %1$s FROM persons p
        WHERE p.kommune = $1 AND p.merged_into IS NULL AND %1$s LIKE $2 AND NOT %2$s LIKE $2
          AND ($3 IS NULL OR (%1$s, p.id) > ($3 COLLATE "C", $4))
        ORDER BY %1$s, p.id LIMIT $5', c_first_last, c_last_first)
      USING v_kommune, v_escaped || '%', CASE WHEN v_from = 1 THEN p_after_key END, p_after_id, v_left;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_left := v_left - v_count;
    IF v_left <= 0 THEN RETURN; END IF;
  END IF;

  -- Fuzzy matches need three letters (a trigram); shorter queries are prefix-only.
  IF length(v_query) < 3 THEN RETURN; END IF;
  -- Tier 2, the cheaper way first: walk the name index in order for a bounded stretch (finds a
  -- page of a very common fuzzy match at once); otherwise the trigram index and a sort.
  EXECUTE format(
    'SELECT array_agg(w.id ORDER BY w.k, w.id), array_agg(w.k ORDER BY w.k, w.id) FROM (
       SELECT p.id, %1$s AS k, p.full_name FROM persons p
        WHERE p.kommune = $1 AND p.merged_into IS NULL
          AND ($3 IS NULL OR (%1$s, p.id) > ($3 COLLATE "C", $4))
        ORDER BY %1$s, p.id LIMIT 3000) w
      WHERE (w.full_name %% $5 OR w.full_name LIKE ''%%'' || $2)
        AND NOT w.k LIKE $2 AND NOT w.full_name COLLATE "C" LIKE $2
      LIMIT $6', c_last_first)
    INTO v_ids, v_keys
    USING v_kommune, v_escaped || '%', CASE WHEN v_from = 2 THEN p_after_key END, p_after_id,
          v_query, v_left;
  IF coalesce(array_length(v_ids, 1), 0) >= v_left THEN
    RETURN QUERY SELECT u.id, 2, u.k FROM unnest(v_ids, v_keys) AS u(id, k);
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT p.id, 2, %1$s FROM persons p
      WHERE p.kommune = $1 AND p.merged_into IS NULL
        AND (p.full_name %% $5 OR p.full_name LIKE ''%%'' || $2)
        AND NOT %1$s LIKE $2 AND NOT %2$s LIKE $2
        AND ($3 IS NULL OR (%1$s, p.id) > ($3 COLLATE "C", $4))
      ORDER BY %1$s, p.id LIMIT $6', c_last_first, c_first_last)
    USING v_kommune, v_escaped || '%', CASE WHEN v_from = 2 THEN p_after_key END, p_after_id,
          v_query, v_left;
END $$;
REVOKE ALL ON FUNCTION person_name_search(text, integer, text, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_name_search(text, integer, text, uuid, integer) TO smittespor_app;
