-- Version 11: recognised text (OCR). A photograph or scan of a document (JPEG, PNG, TIFF) is a document of its own,
-- format 'image'; and a page whose text was machine-read (an image, or an image-only PDF page) records that it was,
-- how sure the engine was, and with which languages, so the reader can say so and a researcher can check it.

-- The format list is a CHECK constraint, which SQLite cannot alter: the table is rebuilt with the same columns.
-- Migrations run with foreign keys off (see migrate.ts), so dropping the old table does not cascade to the pages,
-- files and excerpts that reference it by name; the runner checks every reference afterwards.
CREATE TABLE documents_v11 (
  id             TEXT PRIMARY KEY,
  source_id      TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  file_name      TEXT NOT NULL,
  format         TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'txt', 'md', 'html', 'image')),
  mime_type      TEXT NOT NULL,
  byte_size      INTEGER NOT NULL,
  sha256         TEXT NOT NULL,
  page_count     INTEGER NOT NULL,
  imported_at    TEXT NOT NULL,
  refi_guid      TEXT,
  refi_text_guid TEXT,
  refi_user      TEXT
) STRICT;

INSERT INTO documents_v11 (id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at, refi_guid, refi_text_guid, refi_user)
SELECT id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at, refi_guid, refi_text_guid, refi_user FROM documents;

DROP TABLE documents;
ALTER TABLE documents_v11 RENAME TO documents;
CREATE INDEX documents_source ON documents (source_id);

-- One row per machine-read page. Its text is the page's text in document_pages (searched and excerpted like any);
-- confidence is the engine's mean word confidence, 0-100.
CREATE TABLE page_ocr (
  document_id   TEXT NOT NULL,
  number        INTEGER NOT NULL,
  confidence    REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 100),
  languages     TEXT NOT NULL,
  engine        TEXT NOT NULL,
  recognised_at TEXT NOT NULL,
  PRIMARY KEY (document_id, number),
  FOREIGN KEY (document_id, number) REFERENCES document_pages (document_id, number) ON DELETE CASCADE
) STRICT;
