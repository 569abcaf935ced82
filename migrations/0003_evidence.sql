-- Version 3: evidence. Sources with CSL-JSON metadata, documents stored inside the project (original bytes and
-- extracted text page by page), pseudonymous participants, a hierarchical codebook, excerpts coded and linked to
-- matrix cells, memos, and full-text search over all of it.

CREATE TABLE participants (
  id             TEXT PRIMARY KEY,
  pseudonym      TEXT NOT NULL UNIQUE,
  role_category  TEXT NOT NULL DEFAULT '',
  interview_date TEXT,
  place          TEXT NOT NULL DEFAULT '',
  language       TEXT NOT NULL DEFAULT '',
  consent        TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('given', 'given-with-restrictions', 'withdrawn', 'unknown')),
  restrictions   TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

-- Who a pseudonym stands for, if the researcher records it at all. Kept apart so that no export, search result or
-- screen that lists participants ever reads it; nothing is indexed for search.
CREATE TABLE participant_identities (
  participant_id TEXT PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
  real_name      TEXT NOT NULL,
  contact        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE sources (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('observer-report', 'law', 'interview', 'media', 'leaked-document', 'dataset', 'speech', 'academic', 'other')),
  -- The bibliographic record as a CSL-JSON item (its "id" is the citation key below).
  csl            TEXT NOT NULL CHECK (json_valid(csl) AND json_type(csl) = 'object'),
  title          TEXT NOT NULL,
  citation_key   TEXT NOT NULL UNIQUE,
  -- DOI, or normalised title + year: how an import recognises a source the project already has.
  duplicate_key  TEXT NOT NULL,
  participant_id TEXT REFERENCES participants (id) ON DELETE SET NULL,
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX sources_duplicate_key ON sources (duplicate_key);
CREATE INDEX sources_participant ON sources (participant_id);

CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  source_id   TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  file_name   TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'txt', 'md', 'html')),
  mime_type   TEXT NOT NULL,
  byte_size   INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  page_count  INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

CREATE INDEX documents_source ON documents (source_id);

-- The original bytes, apart from the metadata so that listing documents never reads them.
CREATE TABLE document_files (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  bytes       BLOB NOT NULL
) STRICT;

CREATE TABLE document_pages (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL CHECK (number >= 1),
  text        TEXT NOT NULL,
  PRIMARY KEY (document_id, number)
) STRICT;

CREATE TABLE codes (
  id          TEXT PRIMARY KEY,
  parent_id   TEXT REFERENCES codes (id) ON DELETE RESTRICT,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  palette     INTEGER NOT NULL DEFAULT 0,
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX codes_unique_name ON codes (coalesce(parent_id, ''), name);

CREATE TABLE excerpts (
  id                   TEXT PRIMARY KEY,
  source_id            TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  -- Where it was taken from. If the document is removed the excerpt stays, with its text and locator.
  document_id          TEXT REFERENCES documents (id) ON DELETE SET NULL,
  page                 INTEGER,
  start_offset         INTEGER,
  end_offset           INTEGER,
  paragraph            INTEGER,
  -- A human-readable locator for citations ("p. 12", "para 3", "00:14:20").
  locator              TEXT NOT NULL DEFAULT '',
  text                 TEXT NOT NULL,
  -- A quote is the source's exact words; a paraphrase is the researcher's and is never shown as a quotation.
  text_kind            TEXT NOT NULL DEFAULT 'quote' CHECK (text_kind IN ('quote', 'paraphrase')),
  language             TEXT NOT NULL DEFAULT '',
  translation          TEXT NOT NULL DEFAULT '',
  translation_language TEXT NOT NULL DEFAULT '',
  -- Who said it, when that is a public actor ("Nursultan Nazarbayev"); interviewees are participants instead.
  speaker              TEXT NOT NULL DEFAULT '',
  participant_id       TEXT REFERENCES participants (id) ON DELETE SET NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK (start_offset IS NULL OR end_offset IS NULL OR start_offset <= end_offset)
) STRICT;

CREATE INDEX excerpts_source ON excerpts (source_id);
CREATE INDEX excerpts_document ON excerpts (document_id, page);
CREATE INDEX excerpts_participant ON excerpts (participant_id);

CREATE TABLE excerpt_codes (
  excerpt_id TEXT NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
  code_id    TEXT NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  PRIMARY KEY (excerpt_id, code_id)
) STRICT;

CREATE INDEX excerpt_codes_code ON excerpt_codes (code_id);

-- The evidence behind a cell.
CREATE TABLE excerpt_cells (
  excerpt_id TEXT NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
  cell_id    TEXT NOT NULL REFERENCES cells (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (excerpt_id, cell_id)
) STRICT;

CREATE INDEX excerpt_cells_cell ON excerpt_cells (cell_id, position);

CREATE TABLE memos (
  id          TEXT PRIMARY KEY,
  target_type TEXT NOT NULL CHECK (target_type IN ('project', 'case', 'norm', 'cell', 'source', 'excerpt')),
  target_id   TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX memos_target ON memos (target_type, target_id);

-- Full-text search. External-content FTS5 tables read their text from the tables above (no second copy of 200 MB
-- of documents) and are kept in step by triggers. unicode61 with remove_diacritics 2 folds case and diacritics for
-- Latin and Cyrillic alike: Қазақстан = қазақстан = ҚАЗАҚСТАН.
CREATE VIRTUAL TABLE fts_pages USING fts5 (text, content = 'document_pages', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fts_excerpts USING fts5 (text, translation, locator, content = 'excerpts', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fts_cells USING fts5 (summary, memo, content = 'cells', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fts_memos USING fts5 (text, content = 'memos', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER document_pages_ai AFTER INSERT ON document_pages BEGIN
  INSERT INTO fts_pages (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER document_pages_ad AFTER DELETE ON document_pages BEGIN
  INSERT INTO fts_pages (fts_pages, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER document_pages_au AFTER UPDATE ON document_pages BEGIN
  INSERT INTO fts_pages (fts_pages, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO fts_pages (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER excerpts_ai AFTER INSERT ON excerpts BEGIN
  INSERT INTO fts_excerpts (rowid, text, translation, locator) VALUES (new.rowid, new.text, new.translation, new.locator);
END;
CREATE TRIGGER excerpts_ad AFTER DELETE ON excerpts BEGIN
  INSERT INTO fts_excerpts (fts_excerpts, rowid, text, translation, locator) VALUES ('delete', old.rowid, old.text, old.translation, old.locator);
END;
CREATE TRIGGER excerpts_au AFTER UPDATE OF text, translation, locator ON excerpts BEGIN
  INSERT INTO fts_excerpts (fts_excerpts, rowid, text, translation, locator) VALUES ('delete', old.rowid, old.text, old.translation, old.locator);
  INSERT INTO fts_excerpts (rowid, text, translation, locator) VALUES (new.rowid, new.text, new.translation, new.locator);
END;

CREATE TRIGGER cells_ai AFTER INSERT ON cells BEGIN
  INSERT INTO fts_cells (rowid, summary, memo) VALUES (new.rowid, new.summary, new.memo);
END;
CREATE TRIGGER cells_ad AFTER DELETE ON cells BEGIN
  INSERT INTO fts_cells (fts_cells, rowid, summary, memo) VALUES ('delete', old.rowid, old.summary, old.memo);
END;
CREATE TRIGGER cells_au AFTER UPDATE OF summary, memo ON cells BEGIN
  INSERT INTO fts_cells (fts_cells, rowid, summary, memo) VALUES ('delete', old.rowid, old.summary, old.memo);
  INSERT INTO fts_cells (rowid, summary, memo) VALUES (new.rowid, new.summary, new.memo);
END;

CREATE TRIGGER memos_ai AFTER INSERT ON memos BEGIN
  INSERT INTO fts_memos (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER memos_ad AFTER DELETE ON memos BEGIN
  INSERT INTO fts_memos (fts_memos, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER memos_au AFTER UPDATE OF text ON memos BEGIN
  INSERT INTO fts_memos (fts_memos, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO fts_memos (rowid, text) VALUES (new.rowid, new.text);
END;

-- Cells written before this version are indexed now.
INSERT INTO fts_cells (rowid, summary, memo) SELECT rowid, summary, memo FROM cells;
