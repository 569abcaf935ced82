-- Issue 19.8 and 22: claims, elections, missions (verdicts and findings), sources' metadata and codes are searchable.
-- Their searchable text is kept by triggers in one derived table, indexed by one FTS5 table: a search reads one
-- more index, not five. The table is derived (rebuilt from the records at any time), so it is not tracked for undo
-- or the audit trail: undoing a change to a record rewrites the record, and the triggers rewrite its text.
CREATE TABLE fts_records_text (
  kind   TEXT NOT NULL CHECK (kind IN ('claim', 'election', 'mission', 'source', 'code')),
  ref_id TEXT NOT NULL,
  title  TEXT NOT NULL,
  text   TEXT NOT NULL,
  PRIMARY KEY (kind, ref_id)
);

CREATE VIRTUAL TABLE fts_records USING fts5 (title, text, content = 'fts_records_text', tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8');

CREATE TRIGGER fts_records_text_ai AFTER INSERT ON fts_records_text BEGIN
  INSERT INTO fts_records (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TRIGGER fts_records_text_ad AFTER DELETE ON fts_records_text BEGIN
  INSERT INTO fts_records (fts_records, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TRIGGER claims_search_ai AFTER INSERT ON claims BEGIN
  DELETE FROM fts_records_text WHERE kind = 'claim' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'claim', new.id, new.claimant, concat_ws(' ', nullif(new.claimant_role, ''), nullif(new.statement, ''), nullif(new.target, ''), nullif(new.comparator_note, ''), nullif(new.dimension_note, ''), nullif(new.reasoning, ''), nullif(new.verification_note, ''));
END;

CREATE TRIGGER claims_search_au AFTER UPDATE ON claims BEGIN
  DELETE FROM fts_records_text WHERE kind = 'claim' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'claim', new.id, new.claimant, concat_ws(' ', nullif(new.claimant_role, ''), nullif(new.statement, ''), nullif(new.target, ''), nullif(new.comparator_note, ''), nullif(new.dimension_note, ''), nullif(new.reasoning, ''), nullif(new.verification_note, ''));
END;

CREATE TRIGGER claims_search_ad AFTER DELETE ON claims BEGIN
  DELETE FROM fts_records_text WHERE kind = 'claim' AND ref_id = old.id;
END;

CREATE TRIGGER elections_search_ai AFTER INSERT ON elections BEGIN
  DELETE FROM fts_records_text WHERE kind = 'election' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'election', new.id, CASE WHEN new.label != '' THEN new.label ELSE new.date || ' ' || new.type END, concat_ws(' ', nullif(new.date, ''), nullif(new.type, ''), nullif(new.official_result, ''), nullif(new.notes, ''), nullif(new.verification_note, ''));
END;

CREATE TRIGGER elections_search_au AFTER UPDATE ON elections BEGIN
  DELETE FROM fts_records_text WHERE kind = 'election' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'election', new.id, CASE WHEN new.label != '' THEN new.label ELSE new.date || ' ' || new.type END, concat_ws(' ', nullif(new.date, ''), nullif(new.type, ''), nullif(new.official_result, ''), nullif(new.notes, ''), nullif(new.verification_note, ''));
END;

CREATE TRIGGER elections_search_ad AFTER DELETE ON elections BEGIN
  DELETE FROM fts_records_text WHERE kind = 'election' AND ref_id = old.id;
END;

CREATE TRIGGER codes_search_ai AFTER INSERT ON codes BEGIN
  DELETE FROM fts_records_text WHERE kind = 'code' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'code', new.id, new.name, new.description;
END;

CREATE TRIGGER codes_search_au AFTER UPDATE ON codes BEGIN
  DELETE FROM fts_records_text WHERE kind = 'code' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'code', new.id, new.name, new.description;
END;

CREATE TRIGGER codes_search_ad AFTER DELETE ON codes BEGIN
  DELETE FROM fts_records_text WHERE kind = 'code' AND ref_id = old.id;
END;

CREATE TRIGGER sources_search_ai AFTER INSERT ON sources BEGIN
  DELETE FROM fts_records_text WHERE kind = 'source' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'source', new.id, new.title, concat_ws(' ',
    (SELECT group_concat(concat_ws(' ', json_extract(a.value, '$.given'), json_extract(a.value, '$.family'), json_extract(a.value, '$.literal')), '; ') FROM json_each(new.csl, '$.author') AS a),
    (SELECT group_concat(concat_ws(' ', json_extract(a.value, '$.given'), json_extract(a.value, '$.family'), json_extract(a.value, '$.literal')), '; ') FROM json_each(new.csl, '$.editor') AS a),
    json_extract(new.csl, '$.container-title'), json_extract(new.csl, '$.publisher'), json_extract(new.csl, '$.publisher-place'),
    json_extract(new.csl, '$.collection-title'), json_extract(new.csl, '$.event'), json_extract(new.csl, '$.abstract'), json_extract(new.csl, '$.note'), nullif(new.citation_key, ''), nullif(new.notes, ''));
END;

CREATE TRIGGER sources_search_au AFTER UPDATE ON sources BEGIN
  DELETE FROM fts_records_text WHERE kind = 'source' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'source', new.id, new.title, concat_ws(' ',
    (SELECT group_concat(concat_ws(' ', json_extract(a.value, '$.given'), json_extract(a.value, '$.family'), json_extract(a.value, '$.literal')), '; ') FROM json_each(new.csl, '$.author') AS a),
    (SELECT group_concat(concat_ws(' ', json_extract(a.value, '$.given'), json_extract(a.value, '$.family'), json_extract(a.value, '$.literal')), '; ') FROM json_each(new.csl, '$.editor') AS a),
    json_extract(new.csl, '$.container-title'), json_extract(new.csl, '$.publisher'), json_extract(new.csl, '$.publisher-place'),
    json_extract(new.csl, '$.collection-title'), json_extract(new.csl, '$.event'), json_extract(new.csl, '$.abstract'), json_extract(new.csl, '$.note'), nullif(new.citation_key, ''), nullif(new.notes, ''));
END;

CREATE TRIGGER sources_search_ad AFTER DELETE ON sources BEGIN
  DELETE FROM fts_records_text WHERE kind = 'source' AND ref_id = old.id;
END;

CREATE TRIGGER missions_search_ai AFTER INSERT ON missions BEGIN
  DELETE FROM fts_records_text WHERE kind = 'mission' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'mission', m.id, m.organisation, concat_ws(' ', nullif(m.mission_type, ''), nullif(m.reason, ''), nullif(m.head_of_mission, ''), nullif(m.verdict, ''), nullif(m.verdict_quote, ''), nullif(m.verification_note, ''),
    (SELECT group_concat(f.note, ' ') FROM mission_findings f WHERE f.mission_id = m.id AND f.note != ''))
    FROM missions m WHERE m.id = new.id;
END;

CREATE TRIGGER missions_search_au AFTER UPDATE ON missions BEGIN
  DELETE FROM fts_records_text WHERE kind = 'mission' AND ref_id = new.id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'mission', m.id, m.organisation, concat_ws(' ', nullif(m.mission_type, ''), nullif(m.reason, ''), nullif(m.head_of_mission, ''), nullif(m.verdict, ''), nullif(m.verdict_quote, ''), nullif(m.verification_note, ''),
    (SELECT group_concat(f.note, ' ') FROM mission_findings f WHERE f.mission_id = m.id AND f.note != ''))
    FROM missions m WHERE m.id = new.id;
END;

CREATE TRIGGER missions_search_ad AFTER DELETE ON missions BEGIN
  DELETE FROM fts_records_text WHERE kind = 'mission' AND ref_id = old.id;
END;

CREATE TRIGGER mission_findings_search_ai AFTER INSERT ON mission_findings BEGIN
  DELETE FROM fts_records_text WHERE kind = 'mission' AND ref_id = new.mission_id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'mission', m.id, m.organisation, concat_ws(' ', nullif(m.mission_type, ''), nullif(m.reason, ''), nullif(m.head_of_mission, ''), nullif(m.verdict, ''), nullif(m.verdict_quote, ''), nullif(m.verification_note, ''),
    (SELECT group_concat(f.note, ' ') FROM mission_findings f WHERE f.mission_id = m.id AND f.note != ''))
    FROM missions m WHERE m.id = new.mission_id;
END;

CREATE TRIGGER mission_findings_search_au AFTER UPDATE ON mission_findings BEGIN
  DELETE FROM fts_records_text WHERE kind = 'mission' AND ref_id = new.mission_id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'mission', m.id, m.organisation, concat_ws(' ', nullif(m.mission_type, ''), nullif(m.reason, ''), nullif(m.head_of_mission, ''), nullif(m.verdict, ''), nullif(m.verdict_quote, ''), nullif(m.verification_note, ''),
    (SELECT group_concat(f.note, ' ') FROM mission_findings f WHERE f.mission_id = m.id AND f.note != ''))
    FROM missions m WHERE m.id = new.mission_id;
END;

-- A finding deleted with its mission (cascade) leaves nothing to refresh: the mission's own trigger removed its text.
CREATE TRIGGER mission_findings_search_ad AFTER DELETE ON mission_findings BEGIN
  DELETE FROM fts_records_text WHERE kind = 'mission' AND ref_id = old.mission_id;
  INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'mission', m.id, m.organisation, concat_ws(' ', nullif(m.mission_type, ''), nullif(m.reason, ''), nullif(m.head_of_mission, ''), nullif(m.verdict, ''), nullif(m.verdict_quote, ''), nullif(m.verification_note, ''),
    (SELECT group_concat(f.note, ' ') FROM mission_findings f WHERE f.mission_id = m.id AND f.note != ''))
    FROM missions m WHERE m.id = old.mission_id;
END;

-- What the project already holds.

INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'claim', r.id, r.claimant, concat_ws(' ', nullif(r.claimant_role, ''), nullif(r.statement, ''), nullif(r.target, ''), nullif(r.comparator_note, ''), nullif(r.dimension_note, ''), nullif(r.reasoning, ''), nullif(r.verification_note, '')) FROM claims AS r;

INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'election', r.id, CASE WHEN r.label != '' THEN r.label ELSE r.date || ' ' || r.type END, concat_ws(' ', nullif(r.date, ''), nullif(r.type, ''), nullif(r.official_result, ''), nullif(r.notes, ''), nullif(r.verification_note, '')) FROM elections AS r;

INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'code', r.id, r.name, r.description FROM codes AS r;

INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'source', r.id, r.title, concat_ws(' ',
    (SELECT group_concat(concat_ws(' ', json_extract(a.value, '$.given'), json_extract(a.value, '$.family'), json_extract(a.value, '$.literal')), '; ') FROM json_each(r.csl, '$.author') AS a),
    (SELECT group_concat(concat_ws(' ', json_extract(a.value, '$.given'), json_extract(a.value, '$.family'), json_extract(a.value, '$.literal')), '; ') FROM json_each(r.csl, '$.editor') AS a),
    json_extract(r.csl, '$.container-title'), json_extract(r.csl, '$.publisher'), json_extract(r.csl, '$.publisher-place'),
    json_extract(r.csl, '$.collection-title'), json_extract(r.csl, '$.event'), json_extract(r.csl, '$.abstract'), json_extract(r.csl, '$.note'), nullif(r.citation_key, ''), nullif(r.notes, '')) FROM sources AS r;

INSERT INTO fts_records_text (kind, ref_id, title, text) SELECT 'mission', m.id, m.organisation, concat_ws(' ', nullif(m.mission_type, ''), nullif(m.reason, ''), nullif(m.head_of_mission, ''), nullif(m.verdict, ''), nullif(m.verdict_quote, ''), nullif(m.verification_note, ''),
    (SELECT group_concat(f.note, ' ') FROM mission_findings f WHERE f.mission_id = m.id AND f.note != ''))
    FROM missions m;

-- Issue 22: prefix indexes for the prefix searches people type (observ*, наблюд*, сайла*). Without one, a prefix
-- query merges the postings of every word that starts that way before it can return a row (25 ms for "observ*" on
-- the M benchmark's pages); with one of the prefix's length, 1 ms. Lengths 3 to 8 characters: a longer prefix
-- matches few words and is quick anyway. The indexes are rebuilt from the tables they index (once, on this update).
DROP TABLE fts_pages;
CREATE VIRTUAL TABLE fts_pages USING fts5 (text, content = 'document_pages', tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8');
INSERT INTO fts_pages (fts_pages) VALUES ('rebuild');

DROP TABLE fts_excerpts;
CREATE VIRTUAL TABLE fts_excerpts USING fts5 (text, translation, locator, content = 'excerpts', tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8');
INSERT INTO fts_excerpts (fts_excerpts) VALUES ('rebuild');

DROP TABLE fts_cells;
CREATE VIRTUAL TABLE fts_cells USING fts5 (summary, memo, content = 'cells', tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8');
INSERT INTO fts_cells (fts_cells) VALUES ('rebuild');

DROP TABLE fts_memos;
CREATE VIRTUAL TABLE fts_memos USING fts5 (text, content = 'memos', tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8');
INSERT INTO fts_memos (fts_memos) VALUES ('rebuild');
