-- Session freshness in the tenant transaction (issue 11). The app may serve a GET from a session
-- it resolved a few seconds earlier instead of asking the database again; the tenant transaction
-- then re-checks, in its BEGIN round trip, that the session is still live and that the user,
-- the active municipality and the role grants are as they were (same fingerprint). A session
-- ended or a role revoked by another app instance thus stops the very next read of personal data.

-- Everything a resolved session's actor is built from, hashed; NULL when the session is not live.
CREATE FUNCTION app_session_fingerprint(p_id text, p_idle_minutes integer) RETURNS text
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
  SELECT md5(concat_ws('|', u.status, s.active_kommune, s.csrf_token, s.expires_at::text,
    (SELECT string_agg(concat_ws(':', r.role, r.kommune_code, k.status, k.short_name), ','
                       ORDER BY r.kommune_code, r.role)
       FROM user_roles r LEFT JOIN org_units k ON k.code = r.kommune_code
      WHERE r.user_id = s.user_id AND r.revoked_at IS NULL AND r.valid_from <= current_date
        AND (r.valid_to IS NULL OR r.valid_to >= current_date))))
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.id = p_id AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(mins => p_idle_minutes)
$$;

-- Fails the transaction (SQLSTATE SM001) unless the session still has that fingerprint.
CREATE FUNCTION app_session_assert(p_id text, p_fingerprint text, p_idle_minutes integer) RETURNS void
  LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
  AS $$
BEGIN
  IF app_session_fingerprint(p_id, p_idle_minutes) IS DISTINCT FROM p_fingerprint THEN
    RAISE EXCEPTION 'session changed' USING ERRCODE = 'SM001';
  END IF;
END $$;
