/**
 * What every step of the write phase shares: the maps from the file's GUIDs to the project's ids, the counts, the
 * report, and writing one row. The steps are layered on it: ours.ts (what only our own files carry), evidence.ts
 * (codes, users, sources, documents, excerpts, codings) and importer.ts (the order of the steps, cases, memos).
 */
import { dateProblemText, isCalendarDate } from '../../../contract/dates';
import type { CatalogueText } from '../../../contract/errors';
import type { AttributeType } from '../../../contract/api';
import { nowIso, stmt } from '../../db/statements';
import type { Project } from '../../project';
import type { Loaded } from '../load';
import type { QdaProject } from '../model';
import type { PositionUnit } from '../producers';
import type { NormStageTarget, CountKind, SkippedItem } from './types';
import { type Row, zero, said, skip, DATE_COLUMNS, type SourcePlan, type OwnData } from './helpers';

export abstract class ImporterBase {
  readonly created = zero();
  readonly updated = zero();
  readonly skipped: SkippedItem[] = [];
  readonly notes: CatalogueText[] = [];
  readonly now = nowIso();
  readonly qda: QdaProject;

  protected readonly frameworkMap = new Map<string, string>();
  protected readonly stageMap = new Map<string, string>();
  protected readonly attributeMap = new Map<string, { id: string; type: AttributeType; choices: string[]; name: string }>();
  protected readonly caseMap = new Map<string, string>();
  protected readonly participantMap = new Map<string, string>();
  protected readonly codeMap = new Map<string, string>();
  protected readonly normCodes = new Map<string, string>();
  protected readonly stageCodes = new Map<string, NormStageTarget>();
  protected readonly cellMap = new Map<string, string>();
  protected readonly skippedCodes = new Set<string>();
  protected readonly naturalMaps = { dimension: new Map<string, string>(), organisation: new Map<string, string>(), indicator: new Map<string, string>() };
  protected readonly excerptHolder = new Map<string, string[]>();
  /** Where each note ends up as a memo, from the references to it. */
  protected readonly noteTargets = new Map<string, { type: string; id: string; prefix?: string }>();

  constructor(
    readonly p: Project,
    readonly loaded: Loaded,
    readonly own: OwnData,
    readonly noteTexts: Map<string, string | null>,
    readonly mapping: Map<string, NormStageTarget>,
  ) {
    this.qda = loaded.qda;
  }

  protected get db() {
    return this.p.db;
  }

  protected exists(table: string, id: unknown): boolean {
    return typeof id === 'string' && !!stmt(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  }

  /**
   * Checks the dates of a row of ours as every date entering the project is checked. A file may carry an impossible
   * day (from a project that stored one before dates were checked): the record is kept, with the part of its date
   * that exists (2015-02-30 becomes 2015-02), and the change is reported rather than made quietly.
   */
  protected checkDates(table: string, row: Row, name: string): void {
    for (const column of DATE_COLUMNS[table] ?? []) {
      const value = row[column];
      if (typeof value !== 'string' || value === '' || isCalendarDate(value)) continue;
      const kept = [value.slice(0, 7), value.slice(0, 4)].find((part) => /^\d{4}(-\d{2})?$/.test(part) && isCalendarDate(part)) ?? null;
      // A required date keeps at least its year; a date that has none cannot be kept at all.
      row[column] = kept;
      // The calendar's sentence without its full stop (it stands in this one); for a date of no shape, just that.
      const found = dateProblemText(value);
      const inner = found?.values?.problem;
      const problem = inner && typeof inner === 'object' && 'id' in inner ? inner : said('notADate', { value });
      this.skipped.push(skip('value', name, said('dateFixed', { problem, table, name, column, keeps: kept ? 'yes' : 'no', kept: kept ?? '' })));
    }
  }

  protected count(kind: CountKind, created: boolean): void {
    if (created) this.created[kind]++;
    else this.updated[kind]++;
  }

  protected nextPosition(table: string, where = '', ...params: unknown[]): number {
    return (stmt(this.db, `SELECT coalesce(max(position), 0) + 1 AS n FROM ${table} ${where}`).get(...params) as { n: number }).n;
  }

  protected readonly columnCache = new Map<string, Set<string>>();

  protected columns(table: string): Set<string> {
    let cols = this.columnCache.get(table);
    if (!cols) {
      cols = new Set((stmt(this.db, `PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      this.columnCache.set(table, cols);
    }
    return cols;
  }

  /** Inserts one row, or updates the row with the same key; only the columns the table has. Answers whether it was new. */
  protected upsert(table: string, row: Row, key: string[] = ['id']): boolean {
    const cols = [...this.columns(table)].filter((c) => c in row);
    const where = key.map((k) => `"${k}" = @${k}`).join(' AND ');
    const values = Object.fromEntries(cols.map((c) => [c, row[c] === undefined ? null : typeof row[c] === 'boolean' ? (row[c] ? 1 : 0) : row[c]]));
    const existed = !!stmt(this.db, `SELECT 1 FROM ${table} WHERE ${where}`).get(Object.fromEntries(key.map((k) => [k, row[k]])));
    if (existed) {
      const updates = cols.filter((c) => !key.includes(c));
      if (updates.length) stmt(this.db, `UPDATE ${table} SET ${updates.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${where}`).run(values);
      return false;
    }
    stmt(this.db, `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
    return true;
  }

  /** The source plans made in the first phase (read before the transaction). */
  plans: SourcePlan[] = [];
  /** The unit the file's text positions count in. */
  unit: PositionUnit = 'codepoint';
  /** A codebook import: Comparanda norm codes of another project are not made into codes. */
  codebookOnly = false;


  protected target(noteGuid: string, target: { type: string; id: string; prefix?: string }): void {
    if (!this.noteTargets.has(noteGuid)) this.noteTargets.set(noteGuid, target);
  }
}
