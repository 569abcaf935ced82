/**
 * Bulk data from spreadsheets: elections, missions, claims, indicators and the regional context as CSV, with the
 * headers documented in the README. An import is one transaction and one undoable step; bad rows abort it, all of
 * them listed with their lines, unless bad rows are skipped; the preview runs the very same code and rolls it back.
 * Reading (encodings, delimiters) is in csv/read.ts, the per-kind rules in csv/importers.ts, the export in csv/export.ts.
 */
import type { ApiInput, ApiOutput, CsvChange, CsvKind, CsvOutcome, CsvProblem } from '../contract/api';
import { ApiError, type CatalogueText } from '../contract/errors';
import { formatText, localError, textOf } from '../contract/i18n/format';
import { REQUIRED, type Row } from './csv/headers';
import { IMPORTERS, journalIndicatorValues, type Context, type Outcome } from './csv/importers';
import { Keys } from './csv/keys';
import { STRUCTURE_IMPORTERS } from './csv/structure-importers';
import { readCsv, type Parsed } from './csv/read';
import { fold, int, RowError } from './csv/values';
import type { Known, Track } from './history';
import type { Project } from './project';
import { pausePoint } from './test-pause';

export { CSV_HEADERS } from './csv/headers';
export { exportCsv } from './csv/export';

const recordTexts = new Map<string, CatalogueText>();
/** What to call a record in a refusal; made once per kind of record, not once per row. */
function recordOf(record: string, columns: string): CatalogueText {
  const k = `${record}\u0000${columns}`;
  let text = recordTexts.get(k);
  if (!text) {
    text = textOf('errorsCore.csvRecord', { record, columns });
    recordTexts.set(k, text);
  }
  return text;
}

type KeyPart = string | number | undefined;

/** What makes two rows the same record (its parts), and what to call that record; null when the row lacks its key (it fails later). */
// (Module functions rather than closures made per row: this runs for every row of files of 100,000 rows.)
function caseKeyOf(keys: Keys, value: string | undefined): string {
  return value === undefined ? '' : (keys.cases.get(fold(value)) ?? fold(value));
}

function round(value: string | undefined): number | string | undefined {
  try {
    return int(value ?? '', 'round') ?? 0;
  } catch {
    return value;
  }
}

function t(value: string | undefined): string {
  return (value ?? '').trim();
}

function naturalKey(kind: CsvKind, row: Row, keys: Keys): { key: KeyPart[]; what: CatalogueText } | null {
  switch (kind) {
    case 'elections':
      return { key: [caseKeyOf(keys, row.case), t(row.date), t(row.type), round(row.round)], what: recordOf('election', 'case, date, type, round') };
    case 'missions':
      return {
        key: [caseKeyOf(keys, row.case), t(row.election_date), t(row.election_type), round(row.election_round), fold(row.organisation ?? '')],
        what: recordOf('mission', 'case, election_date, election_type, election_round, organisation'),
      };
    case 'claims':
      return { key: [t(row.claimant), row.statement ?? ''], what: recordOf('claim', 'claimant, statement') };
    case 'indicators':
      return { key: [fold(row.indicator ?? ''), caseKeyOf(keys, row.case), t(row.year)], what: recordOf('indicatorValue', 'indicator, case, year') };
    case 'regional': {
      const record = t(row.record);
      if (record === 'membership') {
        return { key: [record, caseKeyOf(keys, row.case), fold(row.organisation ?? ''), t(row.status), t(row.date_from)], what: recordOf('membership', 'case, organisation, status, date_from') };
      }
      return { key: [record, record === 'norm' ? fold(row.label ?? '') : t(row.label)], what: recordOf(record, 'label') };
    }
    case 'cases':
      return { key: [fold(row.name ?? '')], what: recordOf('case', 'name') };
    case 'cells': {
      const norm = keys.norms.get(fold(row.norm ?? ''));
      return { key: [caseKeyOf(keys, row.case), norm?.id ?? fold(row.norm ?? ''), fold(row.stage ?? '')], what: recordOf('cell', 'case, norm, stage') };
    }
  }
}

const andList = (items: string[]): string | CatalogueText => (items.length <= 1 ? items.join('') : textOf('errorsCore.linesAnd', { first: items.slice(0, -1).join(', '), last: items.at(-1)! }));

/** Rows that name the same record: every one of them is refused, naming all their lines, since none may quietly win. */
function duplicates(kind: CsvKind, parsed: Parsed, keys: Keys): Map<number, CatalogueText> {
  // Keys as nested maps, part by part (no string made of the parts per row), to a key's first line alone until a
  // second row names it (a file of 100,000 distinct rows makes no group).
  const firsts = new Map<string, unknown>();
  const groups = new Map<number, { what: CatalogueText; lines: number[] }>();
  const required = REQUIRED[kind];
  for (const { line, row } of parsed.records) {
    if (required.some((h) => !row[h]?.trim())) continue;
    const k = naturalKey(kind, row, keys);
    if (!k) continue;
    let level = firsts;
    for (let i = 0; i < k.key.length - 1; i++) {
      const part = String(k.key[i] ?? '');
      let next = level.get(part) as Map<string, unknown> | undefined;
      if (!next) level.set(part, (next = new Map()));
      level = next;
    }
    const last = String(k.key.at(-1) ?? '');
    const first = level.get(last) as number | undefined;
    if (first === undefined) level.set(last, line);
    else {
      const group = groups.get(first);
      if (group) group.lines.push(line);
      else groups.set(first, { what: k.what, lines: [first, line] });
    }
  }
  const refused = new Map<number, CatalogueText>();
  for (const { what, lines } of groups.values()) {
    for (const line of lines) refused.set(line, textOf('errorsCore.csvSameRecord', { lines: andList(lines.map(String)), what }));
  }
  // A project has one focal case: two focal rows would leave the first quietly demoted by the second.
  const focal = kind === 'cases' ? parsed.records.filter(({ row }) => fold(row.role ?? '') === 'focal').map(({ line }) => line) : [];
  if (focal.length > 1) for (const line of focal) if (!refused.has(line)) refused.set(line, textOf('errorsCore.csvTwoFocal', { lines: andList(focal.map(String)) }));
  return refused;
}

class Rollback extends Error {}

/** Rows written per savepoint (see run): a savepoint copies each page a chunk first touches, so not too few. */
const CHUNK = 2000;

type Report = Omit<CsvOutcome, 'encoding' | 'notices'> & { problems: CsvProblem[] };

/** Runs every row in one transaction; collects row problems. Rolls back at the end when asked to (preview). */
function run(p: Project, kind: CsvKind, parsed: Parsed, options: { skipBadRows: boolean; dryRun: boolean; createMissing: boolean; fileName: CatalogueText }): Report {
  let report: Report = { created: 0, updated: 0, unchanged: 0, changes: [], createdNames: [], problems: [] };
  const body = (track: Track, known: Known) => {
    const keys = new Keys(p, options.createMissing);
    const twins = duplicates(kind, parsed, keys);
    const changes: CsvChange[] = [];
    const problems: CsvProblem[] = [];
    // Each problem as a catalogue message where it has one, for the refusal's sentence in the reader's language.
    const texts: (CatalogueText | string)[] = [];
    const addProblem = (line: number, problem: CatalogueText | string) => {
      problems.push(typeof problem === 'string' ? { line, message: problem } : { line, message: formatText('en', problem), text: problem });
      texts.push(textOf('errorsCore.csvLine', { line: String(line), problem }));
    };
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const ctx: Context = { p, keys, track, line: 0, indicatorFields: new Map(), indicatorLimits: new Map(), indicatorStored: new Map(), indicatorCells: new Map(), indicatorValues: new Map() };
    const importer = kind === 'cases' || kind === 'cells' ? STRUCTURE_IMPORTERS[kind] : IMPORTERS[kind];
    const inTransaction = p.db.transaction((fn: () => unknown) => fn());
    const savepoint = <T>(fn: () => T): T => inTransaction(fn) as T;
    const problemOf = (line: number, row: Row): CatalogueText | null => {
      const missing = REQUIRED[kind].find((h) => !row[h]?.trim());
      return missing ? textOf('errorsCore.csvRequired', { column: missing }) : (twins.get(line) ?? null);
    };
    const tally = (line: number, outcome: Outcome) => {
      if (outcome.created) counts.created++;
      else if (outcome.fields.length > 0) {
        counts.updated++;
        changes.push({ line, fields: [...new Set(outcome.fields)] });
      } else counts.unchanged++;
    };
    const isRowProblem = (error: unknown) => error instanceof RowError || error instanceof ApiError || (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true;
    // A bad row must leave nothing half-written, even when bad rows are skipped. Rows run in chunks, each in one
    // savepoint (a savepoint per row costs as much as the row's own write); a chunk with a bad row is rolled back and
    // run again a row per savepoint, so its good rows are written and its bad rows leave nothing.
    for (let start = 0; start < parsed.records.length; start += CHUNK) {
      const chunk = parsed.records.slice(start, start + CHUNK);
      try {
        const outcomes = savepoint(() =>
          chunk.map(({ line, row }) => {
            if (problemOf(line, row) !== null) return null;
            ctx.line = line;
            return importer(ctx, row);
          }),
        );
        keys.rowDone(true);
        chunk.forEach(({ line, row }, i) => {
          const outcome = outcomes[i];
          if (outcome) tally(line, outcome);
          else addProblem(line, problemOf(line, row)!);
        });
        continue;
      } catch (error) {
        keys.rowDone(false);
        if (!isRowProblem(error)) throw error;
      }
      for (const { line, row } of chunk) {
        ctx.line = line;
        try {
          const problem = problemOf(line, row);
          if (problem !== null) throw new RowError(problem);
          const outcome = savepoint(() => importer(ctx, row));
          keys.rowDone(true);
          tally(line, outcome);
        } catch (error) {
          keys.rowDone(false);
          if (!isRowProblem(error)) throw error;
          addProblem(line, (error instanceof RowError || error instanceof ApiError ? error.text : undefined) ?? (error as Error).message);
        }
      }
    }
    journalIndicatorValues(ctx, known);
    // Every row written, nothing committed: a kill test stops the import here (test-only; a lookup otherwise).
    if (!options.dryRun) pausePoint('csv:written');
    report = { ...counts, changes, createdNames: [...keys.createdNames], problems };
    if (options.dryRun) throw new Rollback();
    if (problems.length > 0 && !options.skipBadRows) {
      throw localError('VALIDATION_FAILED', 'errorsCore.csvBadRows', { count: problems.length, file: options.fileName, lines: { lines: texts } });
    }
  };
  try {
    if (options.dryRun) p.db.transaction(() => body(() => undefined, () => undefined))();
    else p.history.edit(`Import ${kind} from CSV`, body);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report;
}

const fileNameOf = (input: { path?: string | undefined }): CatalogueText =>
  input.path ? textOf('errorsCore.csvQuoted', { file: input.path.split(/[\\/]/).at(-1)! }) : textOf('errorsCore.csvTheFile');

export function previewCsv(p: Project, input: ApiInput<'data.previewCsv'>): ApiOutput<'data.previewCsv'> {
  const parsed = readCsv(input);
  const report = run(p, input.kind, parsed, { skipBadRows: true, dryRun: true, createMissing: input.createMissing ?? false, fileName: fileNameOf(input) });
  return {
    kind: input.kind,
    header: parsed.header,
    rows: parsed.records.length,
    sample: parsed.records.slice(0, 20).map((r) => parsed.header.map((h) => r.row[h] ?? '')),
    sampleLines: parsed.records.slice(0, 20).map((r) => r.line),
    ...report,
    encoding: parsed.encoding,
    notices: parsed.notices,
  };
}

export function importCsv(p: Project, input: ApiInput<'data.importCsv'>): ApiOutput<'data.importCsv'> {
  const parsed = readCsv(input);
  const { problems, ...report } = run(p, input.kind, parsed, {
    skipBadRows: input.skipBadRows ?? false,
    dryRun: false,
    createMissing: input.createMissing ?? false,
    fileName: fileNameOf(input),
  });
  return { imported: report.created + report.updated + report.unchanged, skipped: problems, ...report, encoding: parsed.encoding, notices: parsed.notices };
}

