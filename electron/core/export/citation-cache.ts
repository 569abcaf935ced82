/**
 * Formatted citations kept in the project (table citation_cache, migration 0007), so that the first export after
 * the app is reopened, and every command-line export after the first, reuses what citeproc formatted before: on a
 * 40-case project one norm cites thousands of excerpts and formatting them is most of an export.
 *
 * The key is the SHA-256 of everything citeproc reads (citations.ts, formattingKey); citeproc is deterministic, so
 * a row found is exactly what formatting again would give. A stale row is never read again and is pushed out by
 * newer ones (only KEPT are kept).
 *
 * A project opened read-only by a reading command (the command-line export) is connected to its file with
 * `query_only` on; the cache row is written by lifting it for that one statement. This is a cache, not research
 * data: it is not in the undo history or the audit trail. A private copy (older format, read-only storage) is
 * thrown away on close, so nothing is written there, and a failed write loses nothing but time.
 */
import type Database from 'better-sqlite3';
import { privateCopyOf } from '../db/project-file';

export interface FormattedCitations {
  clusters: string[];
  bibliography: { sourceId: string; html: string }[];
}

export interface CitationStore {
  get(key: string): FormattedCitations | null;
  put(key: string, formatted: FormattedCitations): void;
}

const KEPT = 8;

function hasTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'citation_cache'").get();
}

function parse(text: string): FormattedCitations | null {
  try {
    const value = JSON.parse(text) as FormattedCitations;
    return Array.isArray(value.clusters) && Array.isArray(value.bibliography) ? value : null;
  } catch {
    return null;
  }
}

/** The project's citation cache; reads and writes that fail (a busy or read-only file) are skipped, never thrown. */
export function projectCitationStore(db: Database.Database): CitationStore {
  return {
    get(key) {
      try {
        if (!hasTable(db)) return null;
        const row = db.prepare('SELECT formatted FROM citation_cache WHERE key = ?').get(key) as { formatted: string } | undefined;
        return row ? parse(row.formatted) : null;
      } catch {
        return null;
      }
    },
    put(key, formatted) {
      if (privateCopyOf(db) || db.readonly) return;
      let queryOnly = false;
      try {
        if (!hasTable(db)) return;
        queryOnly = (db.pragma('query_only', { simple: true }) as number) === 1;
        if (queryOnly) db.pragma('query_only = OFF');
        db.transaction(() => {
          db.prepare('INSERT OR REPLACE INTO citation_cache (key, formatted, used_at) VALUES (?, ?, ?)').run(key, JSON.stringify(formatted), Date.now());
          db.prepare('DELETE FROM citation_cache WHERE key NOT IN (SELECT key FROM citation_cache ORDER BY used_at DESC LIMIT ?)').run(KEPT);
        })();
      } catch {
        // Busy, full or read-only: the next export formats again.
      } finally {
        if (queryOnly) db.pragma('query_only = ON');
      }
    },
  };
}
