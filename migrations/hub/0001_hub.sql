-- Hub format 1. The hub holds ciphertext and the least routing data a sync needs: the team, a sequence number, the
-- author replica's random id and the change's clock. Members get no privilege on any table: every read and write goes
-- through the SECURITY DEFINER functions below, which check the caller's Postgres role against the members table
-- (a removed member is refused with a message, not shown an empty team).

CREATE TABLE comparanda_teams (
  id            uuid PRIMARY KEY,
  -- The project format every member syncs; a member on another format is refused.
  format        integer NOT NULL,
  owner         name NOT NULL,
  -- sha256 of the join verifier (an HMAC of the team key): holding it does not let anyone join.
  verifier_hash bytea NOT NULL,
  last_seq      bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE comparanda_members (
  team_id    uuid NOT NULL REFERENCES comparanda_teams (id),
  replica_id text NOT NULL,
  role       name NOT NULL,
  joined_at  timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (team_id, replica_id)
);

CREATE TABLE comparanda_changes (
  team_id uuid NOT NULL REFERENCES comparanda_teams (id),
  seq     bigint NOT NULL,
  author  text NOT NULL,
  clock   text NOT NULL,
  body    bytea NOT NULL,
  PRIMARY KEY (team_id, seq),
  UNIQUE (team_id, clock)
);

CREATE TABLE comparanda_blobs (
  team_id uuid NOT NULL REFERENCES comparanda_teams (id),
  address text NOT NULL,
  body    bytea NOT NULL,
  PRIMARY KEY (team_id, address)
);

REVOKE ALL ON comparanda_teams, comparanda_members, comparanda_changes, comparanda_blobs FROM PUBLIC;

CREATE FUNCTION comparanda_require_member(p_team uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM comparanda_teams WHERE id = p_team) THEN
    RAISE EXCEPTION 'This hub has no team %.', p_team USING ERRCODE = 'CP404';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM comparanda_members WHERE team_id = p_team AND role = session_user AND removed_at IS NULL) THEN
    RAISE EXCEPTION 'The role % is not a member of this team (never joined, or removed).', session_user USING ERRCODE = 'CP403';
  END IF;
END $$;

CREATE FUNCTION comparanda_create_team(p_team uuid, p_format integer, p_verifier text, p_replica text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO comparanda_teams (id, format, owner, verifier_hash) VALUES (p_team, p_format, session_user, sha256(convert_to(p_verifier, 'UTF8')));
  INSERT INTO comparanda_members (team_id, replica_id, role) VALUES (p_team, p_replica, session_user);
END $$;

CREATE FUNCTION comparanda_join(p_team uuid, p_verifier text, p_replica text, p_format integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE t comparanda_teams;
BEGIN
  SELECT * INTO t FROM comparanda_teams WHERE id = p_team;
  IF NOT FOUND THEN RAISE EXCEPTION 'This hub has no team %.', p_team USING ERRCODE = 'CP404'; END IF;
  IF t.verifier_hash <> sha256(convert_to(p_verifier, 'UTF8')) THEN
    RAISE EXCEPTION 'The key file does not belong to this team.' USING ERRCODE = 'CP401';
  END IF;
  IF t.format <> p_format THEN
    RAISE EXCEPTION 'The team syncs project format %, this Comparanda writes format %.', t.format, p_format USING ERRCODE = 'CP409';
  END IF;
  IF EXISTS (SELECT 1 FROM comparanda_members WHERE team_id = p_team AND role = session_user AND removed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'The role % was removed from this team.', session_user USING ERRCODE = 'CP403';
  END IF;
  INSERT INTO comparanda_members (team_id, replica_id, role) VALUES (p_team, p_replica, session_user);
END $$;

CREATE FUNCTION comparanda_remove_member(p_team uuid, p_role name) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM comparanda_teams WHERE id = p_team AND owner = session_user) THEN
    RAISE EXCEPTION 'Only the role that created the team can remove members.' USING ERRCODE = 'CP403';
  END IF;
  UPDATE comparanda_members SET removed_at = now() WHERE team_id = p_team AND role = p_role AND removed_at IS NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

CREATE FUNCTION comparanda_members_of(p_team uuid) RETURNS TABLE (replica_id text, role name, joined_at timestamptz, removed_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM comparanda_require_member(p_team);
  RETURN QUERY SELECT m.replica_id, m.role, m.joined_at, m.removed_at FROM comparanda_members m WHERE m.team_id = p_team ORDER BY m.joined_at;
END $$;

-- One push: the team row is locked for the rest of the caller's transaction, so sequence numbers become visible in
-- order (a pull never skips a number committed late). A change already on the hub (same clock) is not stored twice.
CREATE FUNCTION comparanda_push(p_team uuid, p_author text, p_format integer, p_clocks text[], p_bodies bytea[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE t comparanda_teams;
DECLARE n bigint;
BEGIN
  PERFORM comparanda_require_member(p_team);
  IF NOT EXISTS (SELECT 1 FROM comparanda_members WHERE team_id = p_team AND replica_id = p_author AND role = session_user) THEN
    RAISE EXCEPTION 'This project''s replica is not registered to the role %.', session_user USING ERRCODE = 'CP403';
  END IF;
  SELECT * INTO t FROM comparanda_teams WHERE id = p_team FOR UPDATE;
  IF t.format <> p_format THEN
    RAISE EXCEPTION 'The team syncs project format %, this Comparanda writes format %.', t.format, p_format USING ERRCODE = 'CP409';
  END IF;
  WITH incoming AS (
    SELECT c.clock, c.body, c.ord FROM unnest(p_clocks, p_bodies) WITH ORDINALITY AS c (clock, body, ord)
    WHERE NOT EXISTS (SELECT 1 FROM comparanda_changes x WHERE x.team_id = p_team AND x.clock = c.clock)
  ), numbered AS (
    SELECT clock, body, t.last_seq + row_number() OVER (ORDER BY ord) AS seq FROM incoming
  )
  INSERT INTO comparanda_changes (team_id, seq, author, clock, body) SELECT p_team, seq, p_author, clock, body FROM numbered;
  GET DIAGNOSTICS n = ROW_COUNT;
  UPDATE comparanda_teams SET last_seq = last_seq + n WHERE id = p_team;
  RETURN t.last_seq + n;
END $$;

CREATE FUNCTION comparanda_pull(p_team uuid, p_after bigint, p_limit integer)
RETURNS TABLE (seq bigint, author text, clock text, body bytea)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM comparanda_require_member(p_team);
  RETURN QUERY SELECT c.seq, c.author, c.clock, c.body FROM comparanda_changes c WHERE c.team_id = p_team AND c.seq > p_after ORDER BY c.seq LIMIT p_limit;
END $$;

CREATE FUNCTION comparanda_put_blob(p_team uuid, p_address text, p_body bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM comparanda_require_member(p_team);
  INSERT INTO comparanda_blobs (team_id, address, body) VALUES (p_team, p_address, p_body) ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION comparanda_get_blobs(p_team uuid, p_addresses text[]) RETURNS TABLE (address text, body bytea)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM comparanda_require_member(p_team);
  RETURN QUERY SELECT b.address, b.body FROM comparanda_blobs b WHERE b.team_id = p_team AND b.address = ANY (p_addresses);
END $$;

CREATE FUNCTION comparanda_team_format(p_team uuid) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$ SELECT format FROM comparanda_teams WHERE id = p_team $$;
