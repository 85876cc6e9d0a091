-- Transmission chains (SPEC §3.5) and accepting transfers between municipalities (SPEC §3.6).
--
-- A chain is a connected component of a municipality's cases, contacts and events, where the
-- edges are the exposures the register already records (chain_neighbours below). The component
-- id of every node is kept up to date by triggers (chain_nodes.chain_id), so listing chains is a
-- GROUP BY and the chain view reads one chain by index — never the whole register.

-- ---------------------------------------------------------------- indexes for the edge lookups
CREATE INDEX chain_cases_source_contact_idx ON cases (source_contact_id) WHERE source_contact_id IS NOT NULL;
CREATE INDEX chain_contacts_became_case_idx ON contacts (became_case_id) WHERE became_case_id IS NOT NULL;
CREATE INDEX chain_ep_case_idx ON event_participants (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX chain_ep_contact_idx ON event_participants (contact_id) WHERE contact_id IS NOT NULL;

-- ---------------------------------------------------------------- chain membership
CREATE TABLE chain_nodes (
  node_type  text NOT NULL CHECK (node_type IN ('case', 'contact', 'event')),
  node_id    uuid NOT NULL,
  kommune    text NOT NULL REFERENCES org_units(code),
  chain_id   uuid NOT NULL,
  -- case: test date (else registration date, Oslo); contact: last exposure; event: start date.
  node_date  date,
  PRIMARY KEY (node_type, node_id)
);
CREATE INDEX chain_nodes_node_idx ON chain_nodes (node_id) INCLUDE (kommune, chain_id);
CREATE INDEX chain_nodes_chain_idx ON chain_nodes (kommune, chain_id) INCLUDE (node_type, node_date);
CREATE INDEX chain_nodes_case_date_idx ON chain_nodes (kommune, node_date) INCLUDE (chain_id)
  WHERE node_type = 'case';

ALTER TABLE chain_nodes ENABLE ROW LEVEL SECURITY;
CREATE POLICY chain_nodes_tenant ON chain_nodes USING (kommune = app_kommune());
-- Only the triggers below (as owner) write it.
REVOKE INSERT, UPDATE, DELETE ON chain_nodes FROM smittespor_app;

CREATE FUNCTION chain_case_date(p_test_date date, p_created_at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(p_test_date, (p_created_at AT TIME ZONE 'Europe/Oslo')::date) $$;

-- The neighbours of one node within its municipality: the one definition of a chain's edges.
--   case    – its contacts; the contact it came from; its source event; contact records of the
--             same person (the exposure that made them a case); events it took part in
--   contact – its case and event; the case it became; the case of the same person; events
--   event   – contacts and cases exposed there; participants that are cases or contacts
-- SECURITY INVOKER: for the app role row-level security applies on top of p_kommune.
CREATE FUNCTION chain_neighbours(p_type text, p_id uuid, p_kommune text)
  RETURNS TABLE (nb_type text, nb_id uuid, nb_edge text)
  LANGUAGE plpgsql STABLE ROWS 8
  -- Point lookups by the indexed keys only. On tables still without statistics (a bulk load into
  -- a fresh database) the planner would otherwise pick scans of the municipality's rows: hence no
  -- sequential scans, and `kommune || ''`, which no index matches, so the key's index is used.
  SET search_path = public, pg_temp SET enable_seqscan = off SET plan_cache_mode = force_generic_plan
  AS $$
BEGIN
  IF p_type = 'case' THEN
    RETURN QUERY
      SELECT 'contact'::text, t.id, 'exposure'::text FROM contacts t
       WHERE t.case_id = p_id AND t.kommune || '' = p_kommune
      UNION ALL
      SELECT 'contact', t.id, 'became-case' FROM cases c JOIN contacts t ON t.id = c.source_contact_id
       WHERE c.id = p_id AND c.kommune || '' = p_kommune AND t.kommune || '' = p_kommune
      UNION ALL
      SELECT 'contact', t.id, 'became-case' FROM contacts t
       WHERE t.became_case_id = p_id AND t.kommune || '' = p_kommune
      UNION ALL
      SELECT 'contact', t.id, 'same-person' FROM cases c JOIN contacts t ON t.person_id = c.person_id
       WHERE c.id = p_id AND c.kommune || '' = p_kommune AND t.kommune || '' = p_kommune
      UNION ALL
      SELECT 'event', e.id, 'source' FROM cases c JOIN events e ON e.id = c.source_event_id
       WHERE c.id = p_id AND c.kommune || '' = p_kommune AND e.kommune || '' = p_kommune
      UNION ALL
      SELECT 'event', e.id, 'participant' FROM event_participants ep JOIN events e ON e.id = ep.event_id
       WHERE ep.case_id = p_id AND ep.kommune || '' = p_kommune AND e.kommune || '' = p_kommune;
  ELSIF p_type = 'contact' THEN
    RETURN QUERY
      SELECT 'case'::text, c.id, 'exposure'::text FROM contacts t JOIN cases c ON c.id = t.case_id
       WHERE t.id = p_id AND t.kommune || '' = p_kommune AND c.kommune || '' = p_kommune
      UNION ALL
      SELECT 'event', e.id, 'exposure' FROM contacts t JOIN events e ON e.id = t.event_id
       WHERE t.id = p_id AND t.kommune || '' = p_kommune AND e.kommune || '' = p_kommune
      UNION ALL
      SELECT 'case', c.id, 'became-case' FROM contacts t JOIN cases c ON c.id = t.became_case_id
       WHERE t.id = p_id AND t.kommune || '' = p_kommune AND c.kommune || '' = p_kommune
      UNION ALL
      SELECT 'case', c.id, 'became-case' FROM cases c
       WHERE c.source_contact_id = p_id AND c.kommune || '' = p_kommune
      UNION ALL
      SELECT 'case', c.id, 'same-person' FROM contacts t JOIN cases c ON c.person_id = t.person_id
       WHERE t.id = p_id AND t.kommune || '' = p_kommune AND c.kommune || '' = p_kommune
      UNION ALL
      SELECT 'event', e.id, 'participant' FROM event_participants ep JOIN events e ON e.id = ep.event_id
       WHERE ep.contact_id = p_id AND ep.kommune || '' = p_kommune AND e.kommune || '' = p_kommune;
  ELSIF p_type = 'event' THEN
    RETURN QUERY
      SELECT 'contact'::text, t.id, 'exposure'::text FROM contacts t
       WHERE t.event_id = p_id AND t.kommune || '' = p_kommune
      UNION ALL
      SELECT 'case', c.id, 'source' FROM cases c
       WHERE c.source_event_id = p_id AND c.kommune || '' = p_kommune
      UNION ALL
      SELECT 'case', c.id, 'participant' FROM event_participants ep JOIN cases c ON c.id = ep.case_id
       WHERE ep.event_id = p_id AND ep.kommune || '' = p_kommune AND c.kommune || '' = p_kommune
      UNION ALL
      SELECT 'contact', t.id, 'participant' FROM event_participants ep JOIN contacts t ON t.id = ep.contact_id
       WHERE ep.event_id = p_id AND ep.kommune || '' = p_kommune AND t.kommune || '' = p_kommune;
  END IF;
END $$;

-- Chain maintenance holds transaction-scoped advisory locks on the chains it reads and relabels,
-- so two concurrent writes cannot each merge on a stale label. Chains map to 32 buckets per
-- municipality: a bulk insert takes at most 32 locks, and unrelated chains rarely wait.
CREATE FUNCTION chain_lock(p_kommune text, p_chains uuid[]) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  b int;
BEGIN
  FOR b IN SELECT DISTINCT hashtext(c::text) & 31 FROM unnest(p_chains) c ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('chain:' || p_kommune), b);
  END LOOP;
END $$;

-- Puts a node into the chain of its neighbours, merging their chains into the largest one.
-- p_set_date: also store p_date as the node's date (an edge change alone leaves it).
CREATE FUNCTION chain_link(p_type text, p_id uuid, p_kommune text, p_date date, p_set_date boolean) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off SET plan_cache_mode = force_generic_plan
  AS $$
DECLARE
  v_ids uuid[];
  v_chains uuid[];
  v_locked uuid[] := '{}';
  v_target uuid;
BEGIN
  -- Node ids are uuids from gen_random_uuid() in three tables: the id alone identifies the node.
  SELECT coalesce(array_agg(nb.nb_id), '{}') INTO v_ids FROM chain_neighbours(p_type, p_id, p_kommune) nb;
  v_ids := v_ids || p_id;
  LOOP
    SELECT array_agg(DISTINCT n.chain_id ORDER BY n.chain_id) FILTER (WHERE n.kommune = p_kommune) INTO v_chains
      FROM chain_nodes n WHERE n.node_id = ANY (v_ids);
    EXIT WHEN v_chains IS NULL OR v_chains <@ v_locked;
    PERFORM chain_lock(p_kommune, v_chains);
    v_locked := v_locked || v_chains;
  END LOOP;
  IF v_chains IS NULL THEN
    v_target := gen_random_uuid();
  ELSIF cardinality(v_chains) = 1 THEN
    v_target := v_chains[1];
  ELSE
    SELECT n.chain_id INTO v_target FROM chain_nodes n
     WHERE n.kommune = p_kommune AND n.chain_id = ANY (v_chains)
     GROUP BY n.chain_id ORDER BY count(*) DESC, n.chain_id LIMIT 1;
    UPDATE chain_nodes SET chain_id = v_target
     WHERE kommune = p_kommune AND chain_id = ANY (v_chains) AND chain_id <> v_target;
  END IF;
  INSERT INTO chain_nodes AS n (node_type, node_id, kommune, chain_id, node_date)
    VALUES (p_type, p_id, p_kommune, v_target, p_date)
    ON CONFLICT (node_type, node_id) DO UPDATE
      SET chain_id = EXCLUDED.chain_id, kommune = EXCLUDED.kommune,
          node_date = CASE WHEN p_set_date THEN EXCLUDED.node_date ELSE n.node_date END
    WHERE n.chain_id IS DISTINCT FROM EXCLUDED.chain_id OR n.kommune IS DISTINCT FROM EXCLUDED.kommune
       OR (p_set_date AND n.node_date IS DISTINCT FROM EXCLUDED.node_date);
  RETURN v_target;
END $$;

-- After an edge or a node went away, what was one chain may have fallen apart: relabels every
-- node of the old chain by walking the edges again (cost: the size of that one chain).
CREATE FUNCTION chain_rebuild(p_kommune text, p_chain uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  r record;
  v_new uuid;
BEGIN
  PERFORM chain_lock(p_kommune, ARRAY[p_chain]);
  LOOP
    SELECT n.node_type, n.node_id INTO r FROM chain_nodes n
     WHERE n.kommune = p_kommune AND n.chain_id = p_chain LIMIT 1;
    EXIT WHEN NOT FOUND;
    v_new := gen_random_uuid();
    PERFORM chain_lock(p_kommune, ARRAY[v_new]);
    WITH RECURSIVE comp(t, i) AS (
      SELECT r.node_type, r.node_id
      UNION
      SELECT nb.nb_type, nb.nb_id FROM comp CROSS JOIN LATERAL chain_neighbours(comp.t, comp.i, p_kommune) nb
    )
    UPDATE chain_nodes n SET chain_id = v_new FROM comp
     WHERE n.node_type = comp.t AND n.node_id = comp.i AND n.kommune = p_kommune;
  END LOOP;
END $$;

-- One node changed: p_removed when an edge or the node itself went away (or it changed
-- municipality); p_new_kommune null when the node was deleted.
CREATE FUNCTION chain_node_changed(p_type text, p_id uuid, p_old_kommune text, p_new_kommune text,
                                   p_removed boolean, p_date date) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_chain uuid;
BEGIN
  IF p_removed AND p_old_kommune IS NOT NULL THEN
    SELECT chain_id INTO v_chain FROM chain_nodes WHERE node_type = p_type AND node_id = p_id;
    IF p_new_kommune IS DISTINCT FROM p_old_kommune THEN
      DELETE FROM chain_nodes WHERE node_type = p_type AND node_id = p_id;
    END IF;
    IF v_chain IS NOT NULL THEN
      PERFORM chain_rebuild(p_old_kommune, v_chain);
    END IF;
  END IF;
  IF p_new_kommune IS NOT NULL THEN
    PERFORM chain_link(p_type, p_id, p_new_kommune, p_date, true);
  END IF;
END $$;

CREATE FUNCTION chain_on_case() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chain_node_changed('case', NEW.id, NULL, NEW.kommune, false, chain_case_date(NEW.test_date, NEW.created_at));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM chain_node_changed('case', OLD.id, OLD.kommune, NULL, true, NULL);
  ELSE
    PERFORM chain_node_changed('case', NEW.id, OLD.kommune, NEW.kommune,
      OLD.kommune <> NEW.kommune OR OLD.person_id <> NEW.person_id
        OR (OLD.source_contact_id IS NOT NULL AND OLD.source_contact_id IS DISTINCT FROM NEW.source_contact_id)
        OR (OLD.source_event_id IS NOT NULL AND OLD.source_event_id IS DISTINCT FROM NEW.source_event_id),
      chain_case_date(NEW.test_date, NEW.created_at));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION chain_on_contact() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chain_node_changed('contact', NEW.id, NULL, NEW.kommune, false, NEW.last_exposure);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM chain_node_changed('contact', OLD.id, OLD.kommune, NULL, true, NULL);
  ELSE
    PERFORM chain_node_changed('contact', NEW.id, OLD.kommune, NEW.kommune,
      OLD.kommune <> NEW.kommune OR OLD.person_id <> NEW.person_id
        OR (OLD.case_id IS NOT NULL AND OLD.case_id IS DISTINCT FROM NEW.case_id)
        OR (OLD.event_id IS NOT NULL AND OLD.event_id IS DISTINCT FROM NEW.event_id)
        OR (OLD.became_case_id IS NOT NULL AND OLD.became_case_id IS DISTINCT FROM NEW.became_case_id),
      NEW.last_exposure);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION chain_on_event() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chain_node_changed('event', NEW.id, NULL, NEW.kommune, false, (NEW.starts_at AT TIME ZONE 'Europe/Oslo')::date);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM chain_node_changed('event', OLD.id, OLD.kommune, NULL, true, NULL);
  ELSE
    PERFORM chain_node_changed('event', NEW.id, OLD.kommune, NEW.kommune, OLD.kommune <> NEW.kommune,
      (NEW.starts_at AT TIME ZONE 'Europe/Oslo')::date);
  END IF;
  RETURN NULL;
END $$;

-- A participant is an edge between its event and its case or contact.
CREATE FUNCTION chain_on_participant() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_chain uuid;
  v_removed boolean := false;
BEGIN
  IF TG_OP = 'DELETE' THEN
    v_removed := OLD.case_id IS NOT NULL OR OLD.contact_id IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    v_removed := (OLD.case_id IS NOT NULL OR OLD.contact_id IS NOT NULL) AND (
      OLD.event_id <> NEW.event_id OR OLD.kommune <> NEW.kommune
      OR (OLD.case_id IS NOT NULL AND OLD.case_id IS DISTINCT FROM NEW.case_id)
      OR (OLD.contact_id IS NOT NULL AND OLD.contact_id IS DISTINCT FROM NEW.contact_id));
  END IF;
  IF v_removed THEN
    SELECT chain_id INTO v_chain FROM chain_nodes
     WHERE node_type = 'event' AND node_id = OLD.event_id AND kommune = OLD.kommune;
    IF v_chain IS NOT NULL THEN
      PERFORM chain_rebuild(OLD.kommune, v_chain);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.case_id IS NOT NULL OR NEW.contact_id IS NOT NULL THEN
      PERFORM chain_link('event', NEW.event_id, NEW.kommune, NULL, false);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER chain_case_ins AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION chain_on_case();
CREATE TRIGGER chain_case_upd AFTER UPDATE OF kommune, person_id, source_contact_id, source_event_id, test_date
  ON cases FOR EACH ROW
  WHEN (OLD.kommune IS DISTINCT FROM NEW.kommune OR OLD.person_id IS DISTINCT FROM NEW.person_id
        OR OLD.source_contact_id IS DISTINCT FROM NEW.source_contact_id
        OR OLD.source_event_id IS DISTINCT FROM NEW.source_event_id
        OR OLD.test_date IS DISTINCT FROM NEW.test_date)
  EXECUTE FUNCTION chain_on_case();

CREATE TRIGGER chain_contact_ins AFTER INSERT OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION chain_on_contact();
CREATE TRIGGER chain_contact_upd AFTER UPDATE OF kommune, person_id, case_id, event_id, became_case_id, last_exposure
  ON contacts FOR EACH ROW
  WHEN (OLD.kommune IS DISTINCT FROM NEW.kommune OR OLD.person_id IS DISTINCT FROM NEW.person_id
        OR OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.event_id IS DISTINCT FROM NEW.event_id
        OR OLD.became_case_id IS DISTINCT FROM NEW.became_case_id
        OR OLD.last_exposure IS DISTINCT FROM NEW.last_exposure)
  EXECUTE FUNCTION chain_on_contact();

CREATE TRIGGER chain_event_ins AFTER INSERT OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION chain_on_event();
CREATE TRIGGER chain_event_upd AFTER UPDATE OF kommune, starts_at ON events FOR EACH ROW
  WHEN (OLD.kommune IS DISTINCT FROM NEW.kommune OR OLD.starts_at IS DISTINCT FROM NEW.starts_at)
  EXECUTE FUNCTION chain_on_event();

CREATE TRIGGER chain_participant_ins AFTER INSERT OR DELETE ON event_participants
  FOR EACH ROW EXECUTE FUNCTION chain_on_participant();
CREATE TRIGGER chain_participant_upd AFTER UPDATE OF kommune, event_id, case_id, contact_id ON event_participants
  FOR EACH ROW
  WHEN (OLD.kommune IS DISTINCT FROM NEW.kommune OR OLD.event_id IS DISTINCT FROM NEW.event_id
        OR OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.contact_id IS DISTINCT FROM NEW.contact_id)
  EXECUTE FUNCTION chain_on_participant();

REVOKE ALL ON FUNCTION chain_link(text, uuid, text, date, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION chain_rebuild(text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION chain_node_changed(text, uuid, text, text, boolean, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION chain_lock(text, uuid[]) FROM PUBLIC;

-- The bounded neighbourhood of one node in the caller's municipality (breadth first, at most
-- p_max nodes): the chain view of a chain too large to draw whole.
CREATE FUNCTION chain_neighbourhood(p_type text, p_id uuid, p_max int)
  RETURNS TABLE (node_type text, node_id uuid, depth int)
  LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
  AS $$
DECLARE
  v_kommune text := app_kommune();
  v_seen_t text[] := ARRAY[p_type];
  v_seen_i uuid[] := ARRAY[p_id];
  v_seen_d int[] := ARRAY[0];
  v_front_t text[] := ARRAY[p_type];
  v_front_i uuid[] := ARRAY[p_id];
  v_depth int := 0;
BEGIN
  LOOP
    EXIT WHEN cardinality(v_front_i) = 0 OR cardinality(v_seen_i) >= p_max;
    v_depth := v_depth + 1;
    SELECT coalesce(array_agg(x.t), '{}'), coalesce(array_agg(x.i), '{}') INTO v_front_t, v_front_i FROM (
      SELECT DISTINCT nb.nb_type AS t, nb.nb_id AS i
        FROM unnest(v_front_t, v_front_i) f(t, i)
        CROSS JOIN LATERAL chain_neighbours(f.t, f.i, v_kommune) nb
       WHERE NOT EXISTS (SELECT 1 FROM unnest(v_seen_t, v_seen_i) s(t, i)
                          WHERE s.t = nb.nb_type AND s.i = nb.nb_id)
       ORDER BY 1, 2
       LIMIT p_max - cardinality(v_seen_i)) x;
    v_seen_t := v_seen_t || v_front_t;
    v_seen_i := v_seen_i || v_front_i;
    v_seen_d := v_seen_d || array_fill(v_depth, ARRAY[cardinality(v_front_i)]);
  END LOOP;
  RETURN QUERY SELECT s.t, s.i, s.d FROM unnest(v_seen_t, v_seen_i, v_seen_d) s(t, i, d);
END $$;

-- Merging two persons who both took part in the same event: the merged person's participation
-- (moving to the survivor) absorbs the survivor's, which is removed, so (event, person) stays
-- unique. The stronger role wins (case > contact > attendee), links are kept, the later exposure.
CREATE FUNCTION event_participant_absorb() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  o event_participants%ROWTYPE;
BEGIN
  SELECT * INTO o FROM event_participants
   WHERE event_id = NEW.event_id AND person_id = NEW.person_id AND id <> NEW.id FOR UPDATE;
  IF FOUND THEN
    NEW.role := CASE WHEN 'case' IN (NEW.role, o.role) THEN 'case'
                     WHEN 'contact' IN (NEW.role, o.role) THEN 'contact' ELSE 'attendee' END;
    NEW.exposure_at := greatest(NEW.exposure_at, o.exposure_at);
    NEW.case_id := coalesce(NEW.case_id, o.case_id);
    NEW.contact_id := coalesce(NEW.contact_id, o.contact_id);
    NEW.notes := nullif(concat_ws(E'\n', NEW.notes, o.notes), '');
    DELETE FROM event_participants WHERE id = o.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER event_participant_absorb BEFORE UPDATE OF person_id ON event_participants FOR EACH ROW
  WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id)
  EXECUTE FUNCTION event_participant_absorb();

-- Chain ids from scratch for one municipality (or all, p_kommune null): label propagation over
-- all edges at once. Used for what is already registered when this migration runs, and after a
-- bulk load made with the triggers disabled. Replaces the municipality's chain ids.
CREATE FUNCTION chain_recompute(p_kommune text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_changed bigint;
  v_nodes bigint;
BEGIN
  DROP TABLE IF EXISTS cn_nodes, cn_edges;
  CREATE TEMP TABLE cn_nodes (node_type text, node_id uuid, kommune text, node_date date, label bigint,
                              PRIMARY KEY (node_type, node_id)) ON COMMIT DROP;
  INSERT INTO cn_nodes
    SELECT x.*, row_number() OVER () FROM (
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
  ANALYZE cn_nodes;
  ANALYZE cn_edges;
  LOOP
    UPDATE cn_nodes n SET label = m.label FROM (
      SELECT e.a_type, e.a_id, min(b.label) AS label
        FROM cn_edges e JOIN cn_nodes b ON b.node_type = e.b_type AND b.node_id = e.b_id
       GROUP BY e.a_type, e.a_id) m
     WHERE n.node_type = m.a_type AND n.node_id = m.a_id AND m.label < n.label;
    GET DIAGNOSTICS v_changed = ROW_COUNT;
    EXIT WHEN v_changed = 0;
  END LOOP;
  DELETE FROM chain_nodes WHERE p_kommune IS NULL OR kommune = p_kommune;
  INSERT INTO chain_nodes (node_type, node_id, kommune, chain_id, node_date)
    SELECT n.node_type, n.node_id, n.kommune, l.chain_id, n.node_date
      FROM cn_nodes n JOIN (SELECT d.label, gen_random_uuid() AS chain_id
                              FROM (SELECT DISTINCT label FROM cn_nodes) d) l ON l.label = n.label;
  RETURN v_nodes;
END $$;
REVOKE ALL ON FUNCTION chain_recompute(text) FROM PUBLIC;

SELECT chain_recompute(NULL);

-- ---------------------------------------------------------------- accepting a transfer
-- The receiving municipality (app_kommune()) takes over a pending transfer's record. Its own
-- row-level security cannot reach the sender's rows, so this narrow function moves exactly:
--   the case or contact (kommune, owner unit; the assignee is cleared),
--   its isolation/quarantine measures with their history and follow-up calls (assignees cleared),
--   and cancels reminders still queued for those measures in the sender's outbox.
-- The person: if the sender owned the person and holds nothing else about them after the move,
-- ownership moves too (the national-id lookup then points at the receiver); otherwise the
-- receiver is linked (person_links) and the owner stays. A sender that only had a link and holds
-- nothing else loses the link. Letters already sent, flags, the sender's other records, event
-- participations and contacts of a transferred case stay with the sender.
-- The caller has checked version and status and records the decision and the audit events.
CREATE FUNCTION transfer_move(p_transfer uuid)
  RETURNS TABLE (person_moved boolean, measures_moved int)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v transfers%ROWTYPE;
  v_owner text;
  v_measures uuid[];
  v_n int;
  v_other boolean;
  v_moved boolean := false;
BEGIN
  SELECT * INTO v FROM transfers WHERE id = p_transfer FOR UPDATE;
  IF NOT FOUND OR v.to_kommune <> app_kommune() OR v.status <> 'pending' THEN
    RAISE EXCEPTION 'transfer_move: no pending transfer to this municipality' USING ERRCODE = 'P0002';
  END IF;
  IF v.record_type = 'case' THEN
    UPDATE cases SET kommune = v.to_kommune, owner_unit = v.to_kommune, assigned_to = NULL,
                     version = version + 1, updated_at = now()
     WHERE id = v.record_id AND kommune = v.from_kommune AND person_id = v.person_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    SELECT coalesce(array_agg(id), '{}') INTO v_measures FROM measures
     WHERE case_id = v.record_id AND kommune = v.from_kommune;
  ELSE
    UPDATE contacts SET kommune = v.to_kommune, owner_unit = v.to_kommune, assigned_to = NULL,
                        version = version + 1, updated_at = now()
     WHERE id = v.record_id AND kommune = v.from_kommune AND person_id = v.person_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    SELECT coalesce(array_agg(id), '{}') INTO v_measures FROM measures
     WHERE contact_id = v.record_id AND kommune = v.from_kommune;
  END IF;
  IF v_n = 0 THEN
    RAISE EXCEPTION 'transfer_move: the record is no longer with the sender' USING ERRCODE = 'P0003';
  END IF;
  UPDATE measures SET kommune = v.to_kommune, owner_unit = v.to_kommune, version = version + 1, updated_at = now()
   WHERE id = ANY (v_measures);
  UPDATE measure_events SET kommune = v.to_kommune WHERE measure_id = ANY (v_measures);
  UPDATE followup_calls SET kommune = v.to_kommune, assigned_to = NULL, version = version + 1, updated_at = now()
   WHERE measure_id = ANY (v_measures);
  UPDATE outbox SET status = 'cancelled', last_error = 'Overført til en annen kommune'
   WHERE measure_id = ANY (v_measures) AND status = 'queued';

  SELECT kommune INTO v_owner FROM persons WHERE id = v.person_id FOR UPDATE;
  v_other := EXISTS (SELECT 1 FROM cases WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM contacts WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM event_participants WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM measures WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM followup_calls WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM person_documents WHERE person_id = v.person_id AND kommune = v.from_kommune)
    OR EXISTS (SELECT 1 FROM flags WHERE record_type = 'person' AND record_id = v.person_id
                 AND kommune = v.from_kommune AND status = 'open');
  IF v_owner = v.from_kommune AND NOT v_other THEN
    UPDATE persons SET kommune = v.to_kommune, owner_unit = v.to_kommune, version = version + 1, updated_at = now()
     WHERE id = v.person_id;
    DELETE FROM person_links WHERE person_id = v.person_id AND kommune = v.to_kommune;
    v_moved := true;
  ELSE
    IF v_owner <> v.to_kommune THEN
      INSERT INTO person_links (person_id, kommune) VALUES (v.person_id, v.to_kommune) ON CONFLICT DO NOTHING;
    END IF;
    IF v_owner <> v.from_kommune AND NOT v_other THEN
      DELETE FROM person_links WHERE person_id = v.person_id AND kommune = v.from_kommune;
    END IF;
  END IF;
  RETURN QUERY SELECT v_moved, cardinality(v_measures);
END $$;

REVOKE ALL ON FUNCTION transfer_move(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION transfer_move(uuid) TO smittespor_app;
