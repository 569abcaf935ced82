-- Version 13: the sets of a Qualitative
-- Comparative Analysis. A set (a condition or the outcome) takes its raw values from what the project already holds
-- (a case attribute, an indicator, the status of a stage of a norm, the claims about a case) or from scores set by
-- hand, and keeps how they are calibrated; so a membership score can always be traced back to the record behind it.

CREATE TABLE qca_sets (
  id          TEXT PRIMARY KEY,
  -- The name used in formulas (DEV, URB): a letter, then letters, digits or underscores, as R's QCA reads names.
  name        TEXT NOT NULL UNIQUE CHECK (name GLOB '[A-Za-z]*' AND name NOT GLOB '*[^A-Za-z0-9_]*'),
  role        TEXT NOT NULL DEFAULT 'condition' CHECK (role IN ('condition', 'outcome')),
  definition  TEXT NOT NULL DEFAULT '',
  memo        TEXT NOT NULL DEFAULT '',
  -- Where the raw values come from, as JSON: {"kind":"attribute","attributeId":...}, {"kind":"indicator",
  -- "indicatorId":...,"from":2015,"to":2020}, {"kind":"cell","normId":...,"stageId":...,"statuses":[...]},
  -- {"kind":"claims",...} or {"kind":"manual"}.
  source      TEXT NOT NULL CHECK (json_valid(source)),
  -- How raw values become memberships, as JSON: crisp or multi-value thresholds, fuzzy anchors, by hand, or as is.
  calibration TEXT NOT NULL CHECK (json_valid(calibration)),
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- A score set by hand (with its reason) and the evidence behind a case's score, whatever the calibration.
CREATE TABLE qca_scores (
  set_id     TEXT NOT NULL REFERENCES qca_sets (id) ON DELETE CASCADE,
  case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  score      REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
  reason     TEXT NOT NULL DEFAULT '',
  excerpt_id TEXT REFERENCES excerpts (id) ON DELETE SET NULL,
  CHECK (score IS NULL OR reason != ''),
  PRIMARY KEY (set_id, case_id)
) STRICT;
