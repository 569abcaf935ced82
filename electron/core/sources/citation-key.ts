/**
 * A source's citation key is the name every export cites it by (\cite{key} in LaTeX, the .bib entry, the key
 * column of an XLSX). The researcher may replace the generated one ("sourcekyrgyz") with their own, but only with
 * a key BibTeX and biber read as one token, and never one that another source already has: two sources under one
 * key would silently merge in every bibliography built from the export.
 */
import { localError } from '../../contract/i18n/format';
import { stmt } from '../db/statements';
import type { Project } from '../project';

/** The characters BibTeX, biber and citeproc all accept in a key, without escaping. */
export const CITATION_KEY_PATTERN = /^[A-Za-z0-9_:.-]+$/;
export const CITATION_KEY_MAX = 100;
/** Shown in the errors: the shape of a key a researcher would type (author, year). */
const EXAMPLE_KEY = 'isaacs2016';

/** The key as it will be stored (trimmed), or an ApiError saying what to change. */
export function checkedCitationKey(p: Project, sourceId: string, wanted: string): string {
  const key = wanted.trim();
  if (key === '') throw localError('VALIDATION_FAILED', 'sources.keyEmpty', { example: EXAMPLE_KEY });
  if (key.length > CITATION_KEY_MAX) throw localError('VALIDATION_FAILED', 'sources.keyTooLong', { max: CITATION_KEY_MAX });
  if (!CITATION_KEY_PATTERN.test(key)) {
    const bad = [...new Set([...key].filter((c) => !/[A-Za-z0-9_:.-]/.test(c)))].map((c) => (c === ' ' ? '␣' : c)).join(' ');
    throw localError('VALIDATION_FAILED', 'sources.keyCharacters', { key, characters: bad, example: EXAMPLE_KEY });
  }
  // BibTeX treats keys that differ only in case as one entry (with a warning); biber does not. Refusing both keeps
  // an export readable by either.
  const other = stmt(p.db, 'SELECT title FROM sources WHERE lower(citation_key) = lower(?) AND id <> ?').get(key, sourceId) as { title: string } | undefined;
  if (other) throw localError('CONFLICT', 'sources.keyTaken', { key, title: other.title });
  return key;
}
