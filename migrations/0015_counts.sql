-- Version 15: the project's counts (what the overview reports: live cases, norms, stages and cells, sources, documents,
-- excerpts, codings...) kept by triggers, so that opening a project reads one small table instead of counting every
-- row of its largest tables (issue 22: at 250,000 excerpts the counts were most of the open). The triggers fire on
-- every write, whatever made it (an edit, undo, sync, an import, a cascade), so the numbers stay those of the rows;
-- "comparanda check" compares them with real counts.

CREATE TABLE project_counts (
  -- The key of the count in the overview (ProjectCounts): 'cells' counts live cells, 'codings' the rows of excerpt_codes.
  what TEXT PRIMARY KEY,
  n    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO project_counts (what, n) VALUES
  ('cases', (SELECT count(*) FROM cases WHERE archived_at IS NULL)),
  ('norms', (SELECT count(*) FROM norms WHERE archived_at IS NULL)),
  ('stages', (SELECT count(*) FROM stages WHERE archived_at IS NULL)),
  ('cells', (SELECT count(*) FROM cells WHERE archived_at IS NULL)),
  ('frameworks', (SELECT count(*) FROM frameworks)),
  ('views', (SELECT count(*) FROM views)),
  ('sources', (SELECT count(*) FROM sources)),
  ('documents', (SELECT count(*) FROM documents)),
  ('excerpts', (SELECT count(*) FROM excerpts)),
  ('codes', (SELECT count(*) FROM codes)),
  ('codings', (SELECT count(*) FROM excerpt_codes)),
  ('memos', (SELECT count(*) FROM memos)),
  ('participants', (SELECT count(*) FROM participants)),
  ('elections', (SELECT count(*) FROM elections)),
  ('missions', (SELECT count(*) FROM missions)),
  ('claims', (SELECT count(*) FROM claims)),
  ('regionalNorms', (SELECT count(*) FROM regional_norms)),
  ('indicators', (SELECT count(*) FROM indicator_values));

CREATE TRIGGER cases_count_ai AFTER INSERT ON cases WHEN new.archived_at IS NULL BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'cases'; END;
CREATE TRIGGER cases_count_ad AFTER DELETE ON cases WHEN old.archived_at IS NULL BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'cases'; END;
CREATE TRIGGER cases_count_au AFTER UPDATE OF archived_at ON cases WHEN (old.archived_at IS NULL) != (new.archived_at IS NULL) BEGIN
  UPDATE project_counts SET n = n + CASE WHEN new.archived_at IS NULL THEN 1 ELSE -1 END WHERE what = 'cases'; END;
CREATE TRIGGER norms_count_ai AFTER INSERT ON norms WHEN new.archived_at IS NULL BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'norms'; END;
CREATE TRIGGER norms_count_ad AFTER DELETE ON norms WHEN old.archived_at IS NULL BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'norms'; END;
CREATE TRIGGER norms_count_au AFTER UPDATE OF archived_at ON norms WHEN (old.archived_at IS NULL) != (new.archived_at IS NULL) BEGIN
  UPDATE project_counts SET n = n + CASE WHEN new.archived_at IS NULL THEN 1 ELSE -1 END WHERE what = 'norms'; END;
CREATE TRIGGER stages_count_ai AFTER INSERT ON stages WHEN new.archived_at IS NULL BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'stages'; END;
CREATE TRIGGER stages_count_ad AFTER DELETE ON stages WHEN old.archived_at IS NULL BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'stages'; END;
CREATE TRIGGER stages_count_au AFTER UPDATE OF archived_at ON stages WHEN (old.archived_at IS NULL) != (new.archived_at IS NULL) BEGIN
  UPDATE project_counts SET n = n + CASE WHEN new.archived_at IS NULL THEN 1 ELSE -1 END WHERE what = 'stages'; END;
CREATE TRIGGER cells_count_ai AFTER INSERT ON cells WHEN new.archived_at IS NULL BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'cells'; END;
CREATE TRIGGER cells_count_ad AFTER DELETE ON cells WHEN old.archived_at IS NULL BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'cells'; END;
CREATE TRIGGER cells_count_au AFTER UPDATE OF archived_at ON cells WHEN (old.archived_at IS NULL) != (new.archived_at IS NULL) BEGIN
  UPDATE project_counts SET n = n + CASE WHEN new.archived_at IS NULL THEN 1 ELSE -1 END WHERE what = 'cells'; END;
CREATE TRIGGER frameworks_count_ai AFTER INSERT ON frameworks BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'frameworks'; END;
CREATE TRIGGER frameworks_count_ad AFTER DELETE ON frameworks BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'frameworks'; END;
CREATE TRIGGER views_count_ai AFTER INSERT ON views BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'views'; END;
CREATE TRIGGER views_count_ad AFTER DELETE ON views BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'views'; END;
CREATE TRIGGER sources_count_ai AFTER INSERT ON sources BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'sources'; END;
CREATE TRIGGER sources_count_ad AFTER DELETE ON sources BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'sources'; END;
CREATE TRIGGER documents_count_ai AFTER INSERT ON documents BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'documents'; END;
CREATE TRIGGER documents_count_ad AFTER DELETE ON documents BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'documents'; END;
CREATE TRIGGER excerpts_count_ai AFTER INSERT ON excerpts BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'excerpts'; END;
CREATE TRIGGER excerpts_count_ad AFTER DELETE ON excerpts BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'excerpts'; END;
CREATE TRIGGER codes_count_ai AFTER INSERT ON codes BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'codes'; END;
CREATE TRIGGER codes_count_ad AFTER DELETE ON codes BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'codes'; END;
CREATE TRIGGER excerpt_codes_count_ai AFTER INSERT ON excerpt_codes BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'codings'; END;
CREATE TRIGGER excerpt_codes_count_ad AFTER DELETE ON excerpt_codes BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'codings'; END;
CREATE TRIGGER memos_count_ai AFTER INSERT ON memos BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'memos'; END;
CREATE TRIGGER memos_count_ad AFTER DELETE ON memos BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'memos'; END;
CREATE TRIGGER participants_count_ai AFTER INSERT ON participants BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'participants'; END;
CREATE TRIGGER participants_count_ad AFTER DELETE ON participants BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'participants'; END;
CREATE TRIGGER elections_count_ai AFTER INSERT ON elections BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'elections'; END;
CREATE TRIGGER elections_count_ad AFTER DELETE ON elections BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'elections'; END;
CREATE TRIGGER missions_count_ai AFTER INSERT ON missions BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'missions'; END;
CREATE TRIGGER missions_count_ad AFTER DELETE ON missions BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'missions'; END;
CREATE TRIGGER claims_count_ai AFTER INSERT ON claims BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'claims'; END;
CREATE TRIGGER claims_count_ad AFTER DELETE ON claims BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'claims'; END;
CREATE TRIGGER regional_norms_count_ai AFTER INSERT ON regional_norms BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'regionalNorms'; END;
CREATE TRIGGER regional_norms_count_ad AFTER DELETE ON regional_norms BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'regionalNorms'; END;
CREATE TRIGGER indicator_values_count_ai AFTER INSERT ON indicator_values BEGIN UPDATE project_counts SET n = n + 1 WHERE what = 'indicators'; END;
CREATE TRIGGER indicator_values_count_ad AFTER DELETE ON indicator_values BEGIN UPDATE project_counts SET n = n - 1 WHERE what = 'indicators'; END;
