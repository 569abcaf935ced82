/** Reports the command line prints about a project and an import, in the run's language. */
import type { CsvChange, CsvKind, CsvOutcome, CsvProblem } from '../contract/api';
import { SCHEMA_VERSION } from '../core/db/schema-version';
import { cliLanguage, say } from './say';
import { errorText } from '../contract/i18n/format';

/** The format line of `info` and `check`: an older format or a private copy is said in words. */
export function describeFormat(summary: { schemaVersion: number; encrypted: boolean; readonlyReason?: string | undefined }): string {
  const older = summary.schemaVersion < SCHEMA_VERSION;
  const versions = { version: summary.schemaVersion, current: SCHEMA_VERSION };
  const parts = [say(older ? 'formatOlder' : 'formatCurrent', versions)];
  if (summary.encrypted) parts.push(say('formatEncrypted'));
  if (summary.readonlyReason === 'read-only-storage') parts.push(say('formatReadOnly'));
  if (older) parts.push(say('formatUpdatedCopy'));
  return parts.join(', ');
}

/** Which columns changed, and in how many rows: "notes (3), label (1)" (column names are the file's own). */
function changedColumns(changes: CsvChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) for (const field of change.fields) counts.set(field, (counts.get(field) ?? 0) + 1);
  return [...counts].map(([field, n]) => `${field} (${n})`).join(', ');
}

/**
 * What an import of a CSV table did, or (`wouldBe`) what it would do: created, updated (which columns), unchanged,
 * and every bad line, each in the run's language where the core gave it a catalogue entry.
 */
export function describeImport(kind: CsvKind, result: CsvOutcome & { skipped: CsvProblem[] }, wouldBe = false): string {
  const rows = result.created + result.updated + result.unchanged;
  const columns = result.updated ? ` (${changedColumns(result.changes)})` : '';
  const lines = [
    say(wouldBe ? 'wouldImportRows' : 'importedRows', { rows, kind, created: result.created, updated: result.updated, columns, unchanged: result.unchanged }),
    ...result.notices.map((notice) => errorText(cliLanguage(), notice)),
  ];
  if (result.createdNames.length) lines.push(say(wouldBe ? 'wouldAddNames' : 'addedNames', { names: result.createdNames.join(', ') }));
  if (result.skipped.length) {
    lines.push(say(wouldBe ? 'badRows' : 'skippedRows', { count: result.skipped.length }));
    for (const s of result.skipped) lines.push(`  ${say('rowProblem', { line: s.line, message: errorText(cliLanguage(), s) })}`);
  }
  return lines.join('\n');
}

/** A file's size as people read it: "512 bytes", "12.3 KB" ("12,3 КБ" in Russian). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return say('bytes', { count: bytes });
  if (bytes < 1024 * 1024) return say('kilobytes', { size: bytes / 1024 });
  return say('megabytes', { size: bytes / 1024 / 1024 });
}
