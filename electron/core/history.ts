import type Database from 'better-sqlite3';
import type { HistoryState } from '../contract/api';
import type { CatalogueText } from '../contract/errors';
import { formatText, localError, textError, textOf } from '../contract/i18n/format';
import { stmt } from './db/statements';

type Row = Record<string, unknown>;

/** The primary key of every table an edit may touch. */
export const TABLE_KEYS = {
  cases: ['id'],
  norms: ['id'],
  frameworks: ['id'],
  stages: ['id'],
  status_levels: ['framework_id', 'key'],
  norm_stage_notes: ['norm_id', 'stage_id'],
  cells: ['id'],
  case_attributes: ['id'],
  case_attribute_values: ['case_id', 'attribute_id'],
  views: ['id'],
  participants: ['id'],
  sources: ['id'],
  codes: ['id'],
  excerpts: ['id'],
  excerpt_codes: ['excerpt_id', 'code_id'],
  excerpt_cells: ['excerpt_id', 'cell_id'],
  memos: ['id'],
  finding_dimensions: ['id'],
  elections: ['id'],
  missions: ['id'],
  mission_findings: ['mission_id', 'dimension_id'],
  claims: ['id'],
  claim_comparators: ['claim_id', 'case_id'],
  claim_missions: ['claim_id', 'mission_id'],
  organisations: ['id'],
  regional_norms: ['id'],
  instruments: ['id'],
  instrument_norms: ['instrument_id', 'regional_norm_id'],
  memberships: ['id'],
  regional_norm_cells: ['regional_norm_id', 'cell_id'],
  indicators: ['id'],
  indicator_values: ['indicator_id', 'case_id', 'year'],
  verification_flags: ['id'],
  qca_sets: ['id'],
  qca_scores: ['set_id', 'case_id'],
} as const satisfies Record<string, readonly string[]>;

export type TrackedTable = keyof typeof TABLE_KEYS;

/** Tables ordered so that every table comes after the tables it references. */
export const PARENT_FIRST: readonly TrackedTable[] = [
  'frameworks',
  'cases',
  'case_attributes',
  'norms',
  'stages',
  'status_levels',
  'norm_stage_notes',
  'case_attribute_values',
  'cells',
  'views',
  'participants',
  'sources',
  'codes',
  'excerpts',
  'excerpt_codes',
  'excerpt_cells',
  'memos',
  'finding_dimensions',
  'elections',
  'missions',
  'mission_findings',
  'claims',
  'claim_comparators',
  'claim_missions',
  'organisations',
  'regional_norms',
  'instruments',
  'instrument_norms',
  'memberships',
  'regional_norm_cells',
  'indicators',
  'indicator_values',
  'verification_flags',
  'qca_sets',
  'qca_scores',
];

interface Change {
  table: TrackedTable;
  key: Row;
  before: Row | null;
  after: Row | null;
}

interface Entry {
  label: string;
  coalesceKey: string | undefined;
  at: number;
  changes: Change[];
  /** The audit-log row written for each changed row (by row key), so that merged typing updates one audit row. */
  audit: Map<string, number> | null;
}

/** One row of a table by its key (prepared once per connection, as every edit reads rows this way). */
const SELECT_ROW = Object.fromEntries(
  Object.entries(TABLE_KEYS).map(([table, cols]) => [table, `SELECT * FROM "${table}" WHERE ${cols.map((c) => `"${c}" = @${c}`).join(' AND ')}`]),
) as Record<TrackedTable, string>;

/** The tables whose changes form the audit trail (the methods record): assessments, evidence, claims, verifications. */
const AUDITED = new Set<TrackedTable>(['cells', 'claims', 'excerpts', 'sources', 'elections', 'missions', 'indicator_values', 'regional_norms', 'instruments', 'memberships', 'verification_flags', 'qca_sets', 'qca_scores']);

/**
 * Declares a row the edit changes: call it before modifying or deleting the row, or with `inserted` right after
 * inserting it (its state before the edit is then "absent").
 */
export type Track = (table: TrackedTable, key: Row, inserted?: 'inserted') => void;

/**
 * Declares a row change whose rows the caller already holds, each exactly as `SELECT *` returns it (null: absent):
 * a bulk writer that read the stored rows in one query and knows what it wrote (a CSV import of 100,000 rows) need
 * not have every row read again, before and after. A row is declared once per edit, by `track` or by this.
 */
export type Known = (table: TrackedTable, key: Row, before: Row | null, after: Row | null) => void;

/** An undo or redo whose rows were changed outside this session's history since the step was recorded. */
class StaleStepError extends Error {
  constructor(readonly text: CatalogueText) {
    super(formatText('en', text));
  }
}

/**
 * A step that changes at least BATCH_FROM rows of an audited table whose rows have no id of their own (indicator
 * values, QCA scores: nothing looks their history up by row) records them BATCH rows to an audit row: its row_key
 * the JSON array of the table's key columns, its before and after JSON arrays of rows, a change's key being those
 * columns of its rows (audit.ts reads them back one change at a time). One audit row per imported value cost more
 * than the value's own write.
 */
const BATCH_FROM = 100;
const BATCH = 500;
const BATCHED = new Set<TrackedTable>([...AUDITED].filter((t) => !(TABLE_KEYS[t] as readonly string[]).includes('id')));

const COALESCE_MS = 3000;
const MAX_ENTRIES = 500;

function keyString(table: string, key: Row): string {
  return `${table}:${TABLE_KEYS[table as TrackedTable].map((k) => String(key[k])).join('\u0000')}`;
}

function sameRow(a: Row | null, b: Row | null): boolean {
  // A row inserted or deleted is a change without writing out the row that exists (an import inserts 100,000).
  if (a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Undo and redo for every edit of the session, by row snapshots: an edit declares the rows it touches, the
 * journal keeps each row as it was before and after, and undo writes the "before" rows back (redo the "after"
 * rows), all in one transaction. Consecutive edits with the same coalesce key (typing in one field) merge into one
 * step. Lives in memory for the open project: undo covers this session, as in any editor.
 */
export class History {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  /** Called after every change that reached the database (edits, undo, redo): the session schedules backups on it. */
  onChange: (() => void) | undefined;
  /** Called inside every committing transaction (edits, undo, redo), after the rows are written: team capture stamps its records. */
  beforeCommit: ((db: Database.Database) => void) | undefined;

  constructor(
    /** The project's connection, read at each use: a passphrase change replaces it. */
    private readonly connection: () => Database.Database,
    /** A project opened read-only refuses every edit with a sentence, before anything is attempted. */
    private readonly readonly = false,
  ) {}

  private get db(): Database.Database {
    return this.connection();
  }

  private select(table: TrackedTable, key: Row): Row | null {
    const row = stmt(this.db, SELECT_ROW[table]).get(key) as Row | undefined;
    return row ?? null;
  }

  /**
   * Records changed rows of audited tables; a merged edit updates the audit row it wrote before. `into` is null for
   * a step that nothing merges into (no coalesce key): its audit rows need not be remembered (an import writes 100,000).
   */
  private audit(action: string, changes: Change[], into: Map<string, number> | null): void {
    const now = new Date().toISOString();
    const batches = into === null ? this.batches(changes) : new Map<TrackedTable, Change[]>();
    const insert = stmt(this.db, 'INSERT INTO audit_log (at, action, table_name, row_key, row_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [table, rows] of batches) {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        insert.run(now, action, table, JSON.stringify(TABLE_KEYS[table]), null, JSON.stringify(batch.map((c) => c.before)), JSON.stringify(batch.map((c) => c.after)));
      }
    }
    for (const change of changes) {
      if (!AUDITED.has(change.table) || batches.has(change.table)) continue;
      const k = into && keyString(change.table, change.key);
      const existing = k === null ? undefined : into!.get(k);
      if (existing !== undefined) {
        stmt(this.db, 'UPDATE audit_log SET after = ?, at = ? WHERE id = ?').run(change.after ? JSON.stringify(change.after) : null, now, existing);
        continue;
      }
      const info = insert.run(
          now,
          action,
          change.table,
          JSON.stringify(change.key),
          typeof change.key.id === 'string' ? change.key.id : null,
          change.before ? JSON.stringify(change.before) : null,
          change.after ? JSON.stringify(change.after) : null,
        );
      if (k !== null) into!.set(k, Number(info.lastInsertRowid));
    }
  }

  /** The changes of each batched table, where a step has enough of them to batch (see BATCH_FROM). */
  private batches(changes: Change[]): Map<TrackedTable, Change[]> {
    const byTable = new Map<TrackedTable, Change[]>();
    for (const change of changes) {
      if (!BATCHED.has(change.table)) continue;
      const rows = byTable.get(change.table) ?? [];
      rows.push(change);
      byTable.set(change.table, rows);
    }
    for (const [table, rows] of byTable) if (rows.length < BATCH_FROM) byTable.delete(table);
    return byTable;
  }

  /** Runs `fn` as one transaction and one undoable step labelled `label`. */
  edit<T>(label: string, fn: (track: Track, known: Known) => T, coalesceKey?: string): T {
    if (this.readonly) throw localError('READ_ONLY', 'errors.readOnlyNoChange');
    const touched = new Map<string, Change>();
    /** The rows declared with `known`: their "after" is given, not read back (nor their keys kept in `touched`). */
    const given: Change[] = [];
    const track: Track = (table, key, inserted) => {
      const k = keyString(table, key);
      if (!touched.has(k)) touched.set(k, { table, key: { ...key }, before: inserted ? null : this.select(table, key), after: null });
    };
    const known: Known = (table, key, before, after) => {
      given.push({ table, key, before, after });
    };
    const top = this.undoStack.at(-1);
    const merging = !!coalesceKey && !!top && top.coalesceKey === coalesceKey && Date.now() - top.at < COALESCE_MS;
    const audit = merging ? top!.audit : coalesceKey ? new Map<string, number>() : null;
    let changes: Change[] = [];
    const result = this.db
      .transaction(() => {
        const value = fn(track, known);
        for (const change of touched.values()) change.after = this.select(change.table, change.key);
        changes = [...touched.values()].filter((c) => !sameRow(c.before, c.after));
        if (given.length > 0) {
          // A row declared both ways would be written back twice, from two different "befores".
          const tracked = new Set([...touched.values()].map((c) => c.table));
          const twice = given.find((c) => tracked.has(c.table) && touched.has(keyString(c.table, c.key)));
          if (twice) throw new Error(`${keyString(twice.table, twice.key)} was declared twice in one edit`);
          changes = changes.concat(given.filter((c) => !sameRow(c.before, c.after)));
        }
        this.audit(label, changes, audit);
        this.beforeCommit?.(this.db);
        return value;
      })
      .immediate();

    if (changes.length === 0) return result;
    this.onChange?.();
    this.redoStack = [];
    if (merging) {
      for (const change of changes) {
        const existing = top!.changes.find((c) => keyString(c.table, c.key) === keyString(change.table, change.key));
        if (existing) existing.after = change.after;
        else top!.changes.push(change);
      }
      top!.at = Date.now();
    } else {
      this.undoStack.push({ label, coalesceKey, at: Date.now(), changes, audit });
      if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
    }
    return result;
  }

  /**
   * Writes the given side of every change back, in one transaction: deletions first (children before parents,
   * since RESTRICT is checked at once), then rows that will get a unique position are parked out of the way, then
   * rows are updated or re-inserted (parents before children).
   */
  private apply(entry: Entry, side: 'before' | 'after'): void {
    const where = (table: TrackedTable) => TABLE_KEYS[table].map((c) => `"${c}" = @${c}`).join(' AND ');
    const rank = (table: TrackedTable) => PARENT_FIRST.indexOf(table);
    this.db
      .transaction(() => {
        this.verify(entry, side);
        this.db.pragma('defer_foreign_keys = ON');
        const deletions = entry.changes.filter((c) => !c[side]).sort((a, b) => rank(b.table) - rank(a.table));
        for (const change of deletions) stmt(this.db, `DELETE FROM "${change.table}" WHERE ${where(change.table)}`).run(change.key);

        const writes = entry.changes.filter((c) => c[side]).sort((a, b) => rank(a.table) - rank(b.table));
        for (const change of writes) {
          if ('position' in change[side]! && this.select(change.table, change.key)) {
            stmt(this.db, `UPDATE "${change.table}" SET position = -1000000 - rowid WHERE ${where(change.table)}`).run(change.key);
          }
        }
        this.audit(
          `${side === 'before' ? 'Undo' : 'Redo'}: ${entry.label}`,
          entry.changes.map((c) => ({ ...c, before: side === 'before' ? c.after : c.before, after: c[side] })),
          null,
        );
        for (const change of writes) {
          const target = change[side]!;
          const cols = Object.keys(target);
          if (this.select(change.table, change.key)) {
            stmt(this.db, `UPDATE "${change.table}" SET ${cols.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${where(change.table)}`).run(target);
          } else {
            stmt(this.db, `INSERT INTO "${change.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(target);
          }
        }
        this.beforeCommit?.(this.db);
      })
      .immediate();
  }

  /**
   * Undo writes back whole rows: a row that no longer is as the step left it was changed by someone else (the
   * command line, a script, another program) and writing over it would silently discard that change. Runs inside
   * the applying transaction, so nothing can change between the check and the write.
   */
  private verify(entry: Entry, side: 'before' | 'after'): void {
    const changed = entry.changes.filter((c) => !sameRow(this.select(c.table, c.key), side === 'before' ? c.after : c.before));
    if (changed.length === 0) return;
    const tables = [...new Set(changed.map((c) => c.table))];
    throw new StaleStepError(
      textOf('errorsCore.staleStep', {
        step: entry.label,
        side: side === 'before' ? 'undo' : 'redo',
        what: tables.map((table) => textOf('errorsCore.staleRecord', { table })),
        count: changed.length,
      }),
    );
  }

  undo(): HistoryState {
    const entry = this.undoStack.pop();
    if (!entry) throw localError('CONFLICT', 'errorsInput.nothingToUndo');
    try {
      this.apply(entry, 'before');
    } catch (error) {
      // A step whose rows were changed elsewhere can never be undone safely: it is dropped, and older steps stay.
      if (error instanceof StaleStepError) throw textError('CONFLICT', error.text, { cause: error });
      this.undoStack.push(entry);
      throw localError('CONFLICT', 'errorsInput.cannotUndo', { step: entry.label, reason: (error as Error).message }, { cause: error });
    }
    entry.coalesceKey = undefined;
    // After an undo the next edit is a new step, never merged into the one now on top.
    const top = this.undoStack.at(-1);
    if (top) top.coalesceKey = undefined;
    this.redoStack.push(entry);
    this.onChange?.();
    return this.state();
  }

  redo(): HistoryState {
    const entry = this.redoStack.pop();
    if (!entry) throw localError('CONFLICT', 'errorsInput.nothingToRedo');
    try {
      this.apply(entry, 'after');
    } catch (error) {
      if (error instanceof StaleStepError) {
        this.redoStack = [];
        throw textError('CONFLICT', error.text, { cause: error });
      }
      this.redoStack.push(entry);
      throw localError('CONFLICT', 'errorsInput.cannotRedo', { step: entry.label, reason: (error as Error).message }, { cause: error });
    }
    entry.coalesceKey = undefined;
    this.undoStack.push(entry);
    this.onChange?.();
    return this.state();
  }

  /** Forgets every step (after writes that bypassed the journal, such as a REFI-QDA import). */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  state(): HistoryState {
    const undo = this.undoStack.at(-1);
    const redo = this.redoStack.at(-1);
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }
}
