-- Version 5: the audit trail. Every change to cells, claims, excerpts and verifications is recorded with its time,
-- what it was and what it became, in the same transaction as the change; it is the project's methods record and
-- lets an earlier version of a cell or claim be restored. Participants' identities are never recorded here.

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  -- What the researcher did, as the undo menu names it ("Edit Kazakhstan · Reconstitution", "Undo: ...").
  action     TEXT NOT NULL,
  table_name TEXT NOT NULL,
  -- The row's primary key as JSON, e.g. {"id": "..."}; row_id repeats a single-column key for lookups.
  row_key    TEXT NOT NULL CHECK (json_valid(row_key)),
  row_id     TEXT,
  before     TEXT CHECK (before IS NULL OR json_valid(before)),
  after      TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX audit_log_row ON audit_log (table_name, row_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
