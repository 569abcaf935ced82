-- Version 4: the observation record (elections and the missions that watched them, findings on shared dimensions),
-- the double-standards claims register tested against those verdicts, the regional norm context (organisations,
-- regional norms, instruments, memberships over time), indicators per case and year, and verification everywhere.
--
-- Verification statuses: 'verified-external' (checked against an independent source), 'one-source' (from one
-- source only, e.g. only the article), 'contested' (a source contradicts it), 'unverified' (not yet checked).

CREATE TABLE finding_dimensions (
  id          TEXT PRIMARY KEY,
  label       TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE elections (
  id                TEXT PRIMARY KEY,
  case_id           TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  -- YYYY, YYYY-MM or YYYY-MM-DD
  date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]*'),
  type              TEXT NOT NULL CHECK (type IN ('parliamentary', 'presidential', 'referendum', 'local', 'other')),
  round             INTEGER CHECK (round IS NULL OR round >= 1),
  label             TEXT NOT NULL DEFAULT '',
  official_result   TEXT NOT NULL DEFAULT '',
  notes             TEXT NOT NULL DEFAULT '',
  verification      TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  verification_note TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX elections_case_date ON elections (case_id, date);

CREATE TABLE missions (
  id                 TEXT PRIMARY KEY,
  election_id        TEXT NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  organisation       TEXT NOT NULL,
  mission_type       TEXT NOT NULL CHECK (mission_type IN ('full-eom', 'limited-eom', 'needs-assessment', 'expert-team', 'technical-assessment', 'none', 'other')),
  -- Why there was no (or only a reduced) mission, e.g. "not invited in time".
  reason             TEXT NOT NULL DEFAULT '',
  head_of_mission    TEXT NOT NULL DEFAULT '',
  verdict            TEXT NOT NULL DEFAULT '',
  verdict_quote      TEXT NOT NULL DEFAULT '',
  verdict_source_id  TEXT REFERENCES sources (id) ON DELETE SET NULL,
  verdict_excerpt_id TEXT REFERENCES excerpts (id) ON DELETE SET NULL,
  verification       TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  verification_note  TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;

CREATE INDEX missions_election ON missions (election_id);

CREATE TABLE mission_findings (
  mission_id   TEXT NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
  dimension_id TEXT NOT NULL REFERENCES finding_dimensions (id) ON DELETE CASCADE,
  severity     TEXT NOT NULL CHECK (severity IN ('none', 'minor', 'moderate', 'serious', 'severe')),
  note         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (mission_id, dimension_id)
) STRICT;

CREATE INDEX mission_findings_dimension ON mission_findings (dimension_id);

CREATE TABLE claims (
  id                TEXT PRIMARY KEY,
  claimant          TEXT NOT NULL,
  claimant_role     TEXT NOT NULL DEFAULT '',
  claimant_case_id  TEXT REFERENCES cases (id) ON DELETE SET NULL,
  date              TEXT,
  statement         TEXT NOT NULL,
  statement_kind    TEXT NOT NULL DEFAULT 'paraphrase' CHECK (statement_kind IN ('quote', 'paraphrase')),
  excerpt_id        TEXT REFERENCES excerpts (id) ON DELETE SET NULL,
  -- Who is accused of the double standard.
  target            TEXT NOT NULL DEFAULT 'OSCE/ODIHR',
  focal_case_id     TEXT REFERENCES cases (id) ON DELETE SET NULL,
  -- A comparator that is not a case of the project ("other OSCE participating States").
  comparator_note   TEXT NOT NULL DEFAULT '',
  dimension_id      TEXT REFERENCES finding_dimensions (id) ON DELETE SET NULL,
  dimension_note    TEXT NOT NULL DEFAULT '',
  norm_id           TEXT REFERENCES norms (id) ON DELETE SET NULL,
  stage_id          TEXT REFERENCES stages (id) ON DELETE SET NULL,
  -- The researcher's test of the claim against the observers' verdicts.
  assessment        TEXT NOT NULL DEFAULT 'undetermined' CHECK (assessment IN ('supported', 'partly-supported', 'not-supported', 'undetermined')),
  reasoning         TEXT NOT NULL DEFAULT '',
  -- Whether the claim was made as recorded (a fact about the claim, not its truth).
  verification      TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  verification_note TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX claims_cell ON claims (norm_id, stage_id, focal_case_id);

CREATE TABLE claim_comparators (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, case_id)
) STRICT;

-- The verdicts being compared: missions of the focal case and of the comparator(s).
CREATE TABLE claim_missions (
  claim_id   TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  mission_id TEXT NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, mission_id)
) STRICT;

CREATE TABLE organisations (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  full_name   TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE regional_norms (
  id                TEXT PRIMARY KEY,
  label             TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  organisation_id   TEXT REFERENCES organisations (id) ON DELETE SET NULL,
  -- The states or actors promoting it ("Russia; China").
  entrepreneurs     TEXT NOT NULL DEFAULT '',
  year_from         INTEGER,
  year_to           INTEGER,
  verification      TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  verification_note TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
) STRICT;

CREATE TABLE instruments (
  id                TEXT PRIMARY KEY,
  title             TEXT NOT NULL,
  organisation_id   TEXT REFERENCES organisations (id) ON DELETE SET NULL,
  date              TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'),
  description       TEXT NOT NULL DEFAULT '',
  source_id         TEXT REFERENCES sources (id) ON DELETE SET NULL,
  verification      TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  verification_note TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE instrument_norms (
  instrument_id    TEXT NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
  regional_norm_id TEXT NOT NULL REFERENCES regional_norms (id) ON DELETE CASCADE,
  PRIMARY KEY (instrument_id, regional_norm_id)
) STRICT;

CREATE TABLE memberships (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('member', 'founding-member', 'observer', 'dialogue-partner', 'participating-state', 'applicant', 'suspended', 'other')),
  date_from       TEXT CHECK (date_from IS NULL OR date_from GLOB '[0-9][0-9][0-9][0-9]*'),
  date_to         TEXT CHECK (date_to IS NULL OR date_to GLOB '[0-9][0-9][0-9][0-9]*'),
  note            TEXT NOT NULL DEFAULT '',
  verification    TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX memberships_case ON memberships (case_id, organisation_id);

-- The cells whose contestation draws on a regional norm.
CREATE TABLE regional_norm_cells (
  regional_norm_id TEXT NOT NULL REFERENCES regional_norms (id) ON DELETE CASCADE,
  cell_id          TEXT NOT NULL REFERENCES cells (id) ON DELETE CASCADE,
  PRIMARY KEY (regional_norm_id, cell_id)
) STRICT;

CREATE INDEX regional_norm_cells_cell ON regional_norm_cells (cell_id);

CREATE TABLE indicators (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  scale       TEXT NOT NULL DEFAULT '',
  min_value   REAL,
  max_value   REAL,
  higher_is   TEXT NOT NULL DEFAULT 'better' CHECK (higher_is IN ('better', 'worse', 'neither')),
  source_id   TEXT REFERENCES sources (id) ON DELETE SET NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE indicator_values (
  indicator_id      TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  case_id           TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  year              INTEGER NOT NULL,
  value             REAL,
  -- A categorical reading next to (or instead of) the number, e.g. "Not Free".
  label             TEXT NOT NULL DEFAULT '',
  source_id         TEXT REFERENCES sources (id) ON DELETE SET NULL,
  verification      TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified')),
  note              TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (indicator_id, case_id, year),
  CHECK (value IS NOT NULL OR label != '')
) STRICT;

-- Known problems with a fact, a claim or the article itself, as the researcher records them.
CREATE TABLE verification_flags (
  id          TEXT PRIMARY KEY,
  issue       TEXT NOT NULL,
  severity    TEXT NOT NULL DEFAULT '',
  target_type TEXT CHECK (target_type IS NULL OR target_type IN ('election', 'mission', 'claim', 'excerpt', 'indicator-value', 'regional-norm', 'instrument', 'source', 'cell')),
  target_id   TEXT,
  resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

ALTER TABLE excerpts ADD COLUMN verification TEXT NOT NULL DEFAULT 'unverified'
  CHECK (verification IN ('verified-external', 'one-source', 'contested', 'unverified'));
ALTER TABLE excerpts ADD COLUMN verification_note TEXT NOT NULL DEFAULT '';

-- The shared dimensions observers' findings are coded on (editable per project).
WITH defaults (label, description, position) AS (VALUES
  ('Fraud and ballot stuffing', 'Ballot stuffing, multiple ("carousel") voting, falsified protocols.', 1),
  ('Executive interference', 'Pressure from executive authorities on voters, candidates or commissions.', 2),
  ('Media environment', 'Access to media, bias of state media, freedom of expression during the campaign.', 3),
  ('Commission composition', 'Independence and pluralism of election commissions.', 4),
  ('Candidate registration', 'Who could stand: registration and de-registration of parties and candidates.', 5),
  ('Observer access', 'Whether domestic and international observers could observe every stage.', 6),
  ('Counting and tabulation', 'Transparency and honesty of the count and the tabulation of results.', 7)
)
INSERT INTO finding_dimensions (id, label, description, position, created_at, updated_at)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
       substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       label, description, position, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM defaults;
