-- Version 7: the GUIDs a REFI-QDA file (from NVivo, MAXQDA, ATLAS.ti, QualCoder…) gave what was imported from it,
-- so that a re-export speaks of the same sources and users and the program the file came from recognises them
-- instead of seeing new ones. Sources, codes and selections keep their GUID as their id already; a document's id is
-- ours (one source may hold several documents), so the GUID of the element it came from is kept beside it.

-- The TextSource or PDFSource the document came from, and a PDF's Representation (its text).
ALTER TABLE documents ADD COLUMN refi_guid TEXT;
ALTER TABLE documents ADD COLUMN refi_text_guid TEXT;

-- The users of the files imported, as the files name them: who created a source or a selection is kept with its
-- document or excerpt.
CREATE TABLE refi_users (
  guid TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT;

ALTER TABLE excerpts ADD COLUMN refi_user TEXT;
ALTER TABLE documents ADD COLUMN refi_user TEXT;

-- The name the program gave a selection (ours are the start of the quoted text).
ALTER TABLE excerpts ADD COLUMN refi_name TEXT;

-- A code's exact colour as the file gave it (#RRGGBB; NULL when the palette slot says it), beside the nearest palette
-- slot the app shows; and REFI's isCodable: a code that only groups others.
ALTER TABLE codes ADD COLUMN color TEXT CHECK (color IS NULL OR color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]');
ALTER TABLE codes ADD COLUMN is_codable INTEGER NOT NULL DEFAULT 1 CHECK (is_codable IN (0, 1));

-- Sets of codes and sources a program made (MAXQDA's code sets, NVivo's sets): Comparanda does not show them, but
-- keeps them to write back, so the program the file came from gets its sets again.
CREATE TABLE refi_sets (
  guid           TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  member_codes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(member_codes)),
  member_sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(member_sources))
) STRICT;
