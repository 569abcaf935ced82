-- Comparanda project schema, version 1: project metadata, cases, norms, frameworks with ordered stages and a
-- status scale, and the cells of the case x norm x stage matrix.
-- Identifiers are UUID strings so that records keep their identity across exchange (REFI-QDA GUIDs) and merges.
-- Timestamps are ISO 8601 UTC strings.

CREATE TABLE project (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  title       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by_app TEXT NOT NULL
) STRICT;

CREATE TABLE frameworks (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- Only one framework may be the project's default.
CREATE UNIQUE INDEX frameworks_one_default ON frameworks (is_default) WHERE is_default = 1;

CREATE TABLE stages (
  id           TEXT PRIMARY KEY,
  framework_id TEXT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  -- 1 where the stage asks whether the norm was re-made through discourse, practice or both.
  asks_mode    INTEGER NOT NULL DEFAULT 0 CHECK (asks_mode IN (0, 1)),
  UNIQUE (framework_id, position)
) STRICT;

-- The status scale a framework's cells are assessed on, in display order.
CREATE TABLE status_levels (
  framework_id TEXT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  label        TEXT NOT NULL,
  position     INTEGER NOT NULL,
  -- A palette slot (Okabe-Ito index); the label always accompanies the colour.
  palette      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (framework_id, key),
  UNIQUE (framework_id, position)
) STRICT;

CREATE TABLE cases (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  iso_code   TEXT CHECK (iso_code IS NULL OR length(iso_code) = 3),
  role       TEXT NOT NULL CHECK (role IN ('focal', 'comparison')),
  notes      TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE norms (
  id              TEXT PRIMARY KEY,
  label           TEXT NOT NULL,
  short_label     TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  instrument      TEXT NOT NULL DEFAULT '',
  paragraph       TEXT NOT NULL DEFAULT '',
  diffusing_agent TEXT NOT NULL DEFAULT '',
  framework_id    TEXT NOT NULL REFERENCES frameworks (id) ON DELETE RESTRICT,
  position        INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX norms_framework ON norms (framework_id);

-- What a stage means for one norm (the article describes each stage separately for each norm).
CREATE TABLE norm_stage_notes (
  norm_id     TEXT NOT NULL REFERENCES norms (id) ON DELETE CASCADE,
  stage_id    TEXT NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
  description TEXT NOT NULL,
  PRIMARY KEY (norm_id, stage_id)
) STRICT;

CREATE TABLE cells (
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
  CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
  UNIQUE (norm_id, case_id, stage_id)
) STRICT;

CREATE INDEX cells_case ON cells (case_id);
CREATE INDEX cells_stage ON cells (stage_id);
