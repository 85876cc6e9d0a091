-- chain_recompute (0013) computed chains by label propagation one edge-step per round: the
-- rounds grow with the length of the longest chain, and a bulk-loaded municipality with long
-- chains (the national benchmark population) took minutes each. Same nodes, edges and result;
-- each round now also lets labels jump along the chain ("pointer jumping"), so the rounds grow
-- with the logarithm of the chain length.

CREATE OR REPLACE FUNCTION chain_recompute(p_kommune text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_changed bigint;
  v_nodes bigint;
BEGIN
  DROP TABLE IF EXISTS cn_nodes, cn_edges;
  CREATE TEMP TABLE cn_nodes (node_type text, node_id uuid, kommune text, node_date date, label bigint,
                              num bigint, PRIMARY KEY (node_type, node_id)) ON COMMIT DROP;
  INSERT INTO cn_nodes
    SELECT x.*, row_number() OVER (), row_number() OVER () FROM (
      SELECT 'case', id, kommune, chain_case_date(test_date, created_at) FROM cases
       WHERE p_kommune IS NULL OR kommune = p_kommune
      UNION ALL SELECT 'contact', id, kommune, last_exposure FROM contacts
       WHERE p_kommune IS NULL OR kommune = p_kommune
      UNION ALL SELECT 'event', id, kommune, (starts_at AT TIME ZONE 'Europe/Oslo')::date FROM events
       WHERE p_kommune IS NULL OR kommune = p_kommune) x;
  GET DIAGNOSTICS v_nodes = ROW_COUNT;
  CREATE TEMP TABLE cn_edges (a_type text, a_id uuid, b_type text, b_id uuid) ON COMMIT DROP;
  INSERT INTO cn_edges
    SELECT 'contact', t.id, 'case', c.id FROM contacts t JOIN cases c ON c.id = t.case_id AND c.kommune = t.kommune
    UNION ALL SELECT 'contact', t.id, 'event', e.id FROM contacts t JOIN events e ON e.id = t.event_id AND e.kommune = t.kommune
    UNION ALL SELECT 'contact', t.id, 'case', c.id FROM contacts t JOIN cases c ON c.id = t.became_case_id AND c.kommune = t.kommune
    UNION ALL SELECT 'contact', t.id, 'case', c.id FROM cases c JOIN contacts t ON t.id = c.source_contact_id AND t.kommune = c.kommune
    UNION ALL SELECT 'contact', t.id, 'case', c.id FROM cases c JOIN contacts t ON t.person_id = c.person_id AND t.kommune = c.kommune
    UNION ALL SELECT 'case', c.id, 'event', e.id FROM cases c JOIN events e ON e.id = c.source_event_id AND e.kommune = c.kommune
    UNION ALL SELECT 'case', c.id, 'event', e.id FROM event_participants ep
      JOIN cases c ON c.id = ep.case_id AND c.kommune = ep.kommune JOIN events e ON e.id = ep.event_id AND e.kommune = ep.kommune
    UNION ALL SELECT 'contact', t.id, 'event', e.id FROM event_participants ep
      JOIN contacts t ON t.id = ep.contact_id AND t.kommune = ep.kommune JOIN events e ON e.id = ep.event_id AND e.kommune = ep.kommune;
  DELETE FROM cn_edges e WHERE NOT EXISTS (SELECT 1 FROM cn_nodes n WHERE n.node_type = e.a_type AND n.node_id = e.a_id);
  INSERT INTO cn_edges SELECT b_type, b_id, a_type, a_id FROM cn_edges;
  CREATE INDEX ON cn_nodes (num);
  ANALYZE cn_nodes;
  ANALYZE cn_edges;
  LOOP
    -- Hook: every node takes the smallest label among its neighbours.
    UPDATE cn_nodes n SET label = m.label FROM (
      SELECT e.a_type, e.a_id, min(b.label) AS label
        FROM cn_edges e JOIN cn_nodes b ON b.node_type = e.b_type AND b.node_id = e.b_id
       GROUP BY e.a_type, e.a_id) m
     WHERE n.node_type = m.a_type AND n.node_id = m.a_id AND m.label < n.label;
    GET DIAGNOSTICS v_changed = ROW_COUNT;
    EXIT WHEN v_changed = 0;
    -- Jump: a label is the number of a node of the same chain, so take that node's label, until
    -- nothing changes. Labels travel along a long chain in a few rounds instead of one step each.
    LOOP
      UPDATE cn_nodes n SET label = p.label FROM cn_nodes p WHERE p.num = n.label AND p.label < n.label;
      EXIT WHEN NOT FOUND;
    END LOOP;
  END LOOP;
  DELETE FROM chain_nodes WHERE p_kommune IS NULL OR kommune = p_kommune;
  INSERT INTO chain_nodes (node_type, node_id, kommune, chain_id, node_date)
    SELECT n.node_type, n.node_id, n.kommune, l.chain_id, n.node_date
      FROM cn_nodes n JOIN (SELECT d.label, gen_random_uuid() AS chain_id
                              FROM (SELECT DISTINCT label FROM cn_nodes) d) l ON l.label = n.label;
  RETURN v_nodes;
END $$;
REVOKE ALL ON FUNCTION chain_recompute(text) FROM PUBLIC;
