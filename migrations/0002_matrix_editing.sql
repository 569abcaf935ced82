-- Version 2: what the matrix editor needs. Archiving instead of deleting (nothing typed is lost by a structural
-- change), typed case attributes, saved views, and the template a framework was made from.

ALTER TABLE cases ADD COLUMN archived_at TEXT;
ALTER TABLE norms ADD COLUMN archived_at TEXT;
-- An archived stage is gone from its framework but still holds the cells archived with it.
ALTER TABLE stages ADD COLUMN archived_at TEXT;
ALTER TABLE frameworks ADD COLUMN template TEXT;

-- Archived stages move to negative positions, so live stages keep positions 1..n.

-- Cells are rebuilt to add archived_at with a uniqueness that holds among live cells only: an archived cell
-- (kept, restorable, not shown) must not block a new cell at the same case x norm x stage.
-- Nothing references cells, so the table can be replaced with foreign keys on.
CREATE TABLE cells_v2 (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  norm_id     TEXT NOT NULL REFERENCES norms (id) ON DELETE CASCADE,
  stage_id    TEXT NOT NULL REFERENCES stages (id) ON DELETE RESTRICT,
  status      TEXT NOT NULL,
  mode        TEXT CHECK (mode IS NULL OR mode IN ('discourse', 'practice', 'both')),
  period_from INTEGER,
  period_to   INTEGER,
  summary     TEXT NOT NULL DEFAULT '',
  confidence  TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'medium', 'high')),
  memo        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  archived_at TEXT,
  CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to)
) STRICT;

INSERT INTO cells_v2 (id, case_id, norm_id, stage_id, status, mode, period_from, period_to, summary, confidence, memo, created_at, updated_at)
SELECT id, case_id, norm_id, stage_id, status, mode, period_from, period_to, summary, confidence, memo, created_at, updated_at FROM cells;

DROP TABLE cells;
ALTER TABLE cells_v2 RENAME TO cells;

CREATE UNIQUE INDEX cells_live_key ON cells (norm_id, case_id, stage_id) WHERE archived_at IS NULL;
CREATE INDEX cells_case ON cells (case_id);
CREATE INDEX cells_stage ON cells (stage_id);

CREATE TABLE case_attributes (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'choice')),
  -- JSON array of the allowed values, for type 'choice'.
  choices    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices) AND json_type(choices) = 'array'),
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE case_attribute_values (
  case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  attribute_id TEXT NOT NULL REFERENCES case_attributes (id) ON DELETE CASCADE,
  -- Stored as text in a canonical form per type: number as decimal, date as YYYY-MM-DD, boolean as 'true'/'false'.
  value        TEXT NOT NULL,
  PRIMARY KEY (case_id, attribute_id)
) STRICT;

CREATE INDEX case_attribute_values_attribute ON case_attribute_values (attribute_id);

-- A named selection for the matrix and its exports: norms (none = all, stacked), cases in order, orientation.
CREATE TABLE views (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  norm_ids    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(norm_ids) AND json_type(norm_ids) = 'array'),
  case_ids    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(case_ids) AND json_type(case_ids) = 'array'),
  orientation TEXT NOT NULL DEFAULT 'cases-as-columns' CHECK (orientation IN ('cases-as-columns', 'stages-as-columns')),
  differences INTEGER NOT NULL DEFAULT 0 CHECK (differences IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
