-- Version 12: team projects (issue 20; docs/team.md). A project joined to a team keeps its configuration, the
-- change records it has not pushed yet (the outbox) and the merge state of every field it has seen (the heads).
-- Capture triggers are not created here: they are generated from the live column lists when a project joins a team
-- (electron/core/team/capture.ts), so a project that is not in a team pays nothing on any write.
-- The team key lives here, in the project, like the rest of the project's plaintext: whoever holds the file can read
-- it anyway. participant_identities and participant_identifiers have no capture trigger: real names never travel.

CREATE TABLE team_config (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  team_id    TEXT NOT NULL,
  -- The hub address without any password (passwords come from PGPASSFILE or a password file).
  hub_url    TEXT NOT NULL,
  -- This replica's author id on the hub (random; says nothing about the researcher).
  replica_id TEXT NOT NULL,
  team_key   BLOB NOT NULL CHECK (length(team_key) = 32),
  -- 0 while remote changes are being applied, so that applying does not capture them again.
  capturing  INTEGER NOT NULL DEFAULT 1 CHECK (capturing IN (0, 1)),
  -- The last hub sequence number applied here: every change up to it is known to this replica.
  cursor     INTEGER NOT NULL DEFAULT 0,
  -- The hybrid logical clock: the highest clock issued here or seen from the hub.
  clock      TEXT NOT NULL DEFAULT '',
  last_sync_at TEXT
) STRICT;

-- Not STRICT: a captured value keeps the SQLite type of its column (text, integer, real, null, blob).
CREATE TABLE team_outbox (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl       TEXT NOT NULL,
  row_key   TEXT NOT NULL,
  field     TEXT NOT NULL,
  value,
  -- Wall-clock milliseconds when the trigger fired: the physical part of the clock the change gets.
  at_ms     INTEGER NOT NULL,
  -- Set when the committing edit stamps its records (or by the next sync for writes outside the undo journal).
  action_id TEXT,
  clock     TEXT,
  -- The hub cursor when the change was made: every hub change up to it was known to its author.
  seen      INTEGER
);
-- A record leaves the outbox in the transaction that learns the hub accepted it.
CREATE INDEX team_outbox_unstamped ON team_outbox (seq) WHERE clock IS NULL;

-- The merge state: for every field ever changed through the team, the concurrent latest versions ("heads") as JSON
-- [{c: clock, a: author, s: hub sequence or null, n: seen cursor, v: value, k: kind}]. field '*' holds a row's
-- archive/edit heads.
CREATE TABLE team_fields (
  tbl     TEXT NOT NULL,
  row_key TEXT NOT NULL,
  field   TEXT NOT NULL,
  heads   TEXT NOT NULL CHECK (json_valid(heads)),
  PRIMARY KEY (tbl, row_key, field)
) STRICT, WITHOUT ROWID;
