-- Version 8: citations as citeproc formatted them, kept so that the first export after the app is reopened (or from
-- the command line) does not format thousands of citations again. A row is keyed by a SHA-256 of everything
-- citeproc reads (style, locale, the items as given to it, the clusters with their locators and note numbers), so an
-- edit that reaches a citation changes the key and the row is simply not found again. Only the most recently used
-- few are kept. Holds output text (pseudonyms only, as every export); erasing an identity deletes every row.

CREATE TABLE citation_cache (
  key       TEXT PRIMARY KEY CHECK (length(key) = 64),
  formatted TEXT NOT NULL,
  used_at   INTEGER NOT NULL
) STRICT;
