/**
 * SQL that takes a project of the current format back to an older one, a format at a time: how tests make an
 * older project to open (and so migrate) with this build. Each entry undoes what its migration added; a migration
 * that is added needs its entry here, or the tests that use an older format fail to migrate.
 */
const UNDO: Record<number, string> = {
  15: [
    ...['cases', 'norms', 'stages', 'cells'].map((t) => `DROP TRIGGER ${t}_count_au;`),
    ...['cases', 'norms', 'stages', 'cells', 'frameworks', 'views', 'sources', 'documents', 'excerpts', 'codes', 'excerpt_codes', 'memos', 'participants', 'elections', 'missions', 'claims', 'regional_norms', 'indicator_values'].flatMap((t) =>
      ['ai', 'ad'].map((w) => `DROP TRIGGER ${t}_count_${w};`),
    ),
    'DROP TABLE project_counts;',
  ].join(' '),
  14: [
    ...['claims', 'elections', 'codes', 'sources', 'missions', 'mission_findings'].flatMap((t) => ['ai', 'au', 'ad'].map((w) => `DROP TRIGGER ${t}_search_${w};`)),
    'DROP TABLE fts_records;',
    // The indexes as they were before their prefix indexes.
    ...[
      ['fts_pages', 'text', 'document_pages'],
      ['fts_excerpts', 'text, translation, locator', 'excerpts'],
      ['fts_cells', 'summary, memo', 'cells'],
      ['fts_memos', 'text', 'memos'],
    ].map(([t, cols, content]) => `DROP TABLE ${t}; CREATE VIRTUAL TABLE ${t} USING fts5 (${cols}, content = '${content}', tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO ${t} (${t}) VALUES ('rebuild');`),
    'DROP TABLE fts_records_text;',
  ].join(' '),
  13: 'DROP TABLE qca_scores; DROP TABLE qca_sets;',
  12: 'DROP TABLE team_fields; DROP TABLE team_outbox; DROP TABLE team_config;',
  // No OCR table, and the documents table without the 'image' format (as format 10 had it, REFI-QDA columns last).
  11: `DROP TABLE page_ocr;
    CREATE TABLE documents_v3 (id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE, file_name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'txt', 'md', 'html')), mime_type TEXT NOT NULL, byte_size INTEGER NOT NULL,
      sha256 TEXT NOT NULL, page_count INTEGER NOT NULL, imported_at TEXT NOT NULL, refi_guid TEXT, refi_text_guid TEXT, refi_user TEXT) STRICT;
    INSERT INTO documents_v3 SELECT id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at, refi_guid, refi_text_guid, refi_user FROM documents;
    DROP TABLE documents; ALTER TABLE documents_v3 RENAME TO documents; CREATE INDEX documents_source ON documents (source_id);`,
  10: 'ALTER TABLE views DROP COLUMN columns;',
  9: ['region_x1', 'region_y1', 'region_x2', 'region_y2'].map((c) => `ALTER TABLE excerpts DROP COLUMN ${c};`).join(' '),
  8: 'DROP TABLE citation_cache;',
  7: [
    'DROP TABLE refi_users;',
    'DROP TABLE refi_sets;',
    ...['refi_user', 'refi_name'].map((c) => `ALTER TABLE excerpts DROP COLUMN ${c};`),
    ...['color', 'is_codable'].map((c) => `ALTER TABLE codes DROP COLUMN ${c};`),
    ...['refi_guid', 'refi_text_guid', 'refi_user'].map((c) => `ALTER TABLE documents DROP COLUMN ${c};`),
  ].join(' '),
};

/** The SQL that takes a current project back to `format` (run with foreign keys off), without setting user_version. */
export function undoTo(format: number): string {
  const newest = Math.max(...Object.keys(UNDO).map(Number));
  const parts: string[] = [];
  for (let version = newest; version > format; version--) {
    const sql = UNDO[version];
    if (sql === undefined) throw new Error(`tests/helpers/undo-formats.ts cannot undo format ${version}.`);
    parts.push(sql);
  }
  return parts.join(' ');
}
