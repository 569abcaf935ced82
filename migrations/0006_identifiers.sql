-- Version 6: identifiers of an interviewee beyond the real name and contact line: a phone number, an e-mail
-- address, a place, another name they are known by. Like participant_identities they are never exported, never
-- kept in the audit trail or the undo history, and every output of the project is checked against them.

CREATE TABLE participant_identifiers (
  id             TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('name', 'phone', 'email', 'place', 'other')),
  value          TEXT NOT NULL CHECK (length(trim(value)) > 0),
  UNIQUE (participant_id, kind, value)
) STRICT;

CREATE INDEX participant_identifiers_participant ON participant_identifiers (participant_id);
