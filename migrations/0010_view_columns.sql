-- Version 9 (the brief's migration 0010, numbered 9 until the round's migrations are merged): a saved view keeps
-- which cases' columns it shows by their attribute values (e.g. only SCO members) and how the columns are grouped
-- (by regime type), as a JSON object {"filters": [{"attributeId", "values"}], "groupBy": attribute id or null}.

ALTER TABLE views ADD COLUMN columns TEXT NOT NULL DEFAULT '{"filters":[],"groupBy":null}'
  CHECK (json_valid(columns) AND json_type(columns) = 'object');
