/**
 * The audit trail: every recorded change to cells, claims, excerpts and verifications, oldest first, with one-click
 * restore of an earlier version (as a new, undoable edit), and its CSV form for a methods appendix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringifyCsv } from './csv/formulas';
import { partialNameBeside } from './db/temp-files';
import type { ApiInput, ApiOutput, AuditEntryDto } from '../contract/api';
import { ApiError } from '../contract/errors';
import { localError, type LocalText } from '../contract/i18n/format';
import { exportCancelled } from './export/types';
import { guardOutput } from './privacy/gate';
import { recordedIdentities } from './privacy/identities';
import type { TrackedTable } from './history';
import type { Project } from './project';

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  table_name: string;
  row_key: string;
  row_id: string | null;
  before: string | null;
  after: string | null;
}

type Json = Record<string, unknown>;

/**
 * The changes an audit row records: the row itself, or each change of a batch row (history.ts writes one for every
 * 500 changes of a large bulk step), with `index`: its row_key is the array of the table's key columns, its before
 * and after arrays of rows (null: absent), a change's key those columns of its rows.
 */
export function auditChanges(r: AuditRow): AuditEntryDto[] {
  const common = { id: r.id, at: r.at, action: r.action, table: r.table_name };
  const key = JSON.parse(r.row_key) as Json | string[];
  if (!Array.isArray(key)) {
    return [{ ...common, rowKey: key, before: r.before ? (JSON.parse(r.before) as Json) : null, after: r.after ? (JSON.parse(r.after) as Json) : null }];
  }
  const before = r.before ? (JSON.parse(r.before) as (Json | null)[]) : [];
  const after = r.after ? (JSON.parse(r.after) as (Json | null)[]) : [];
  return Array.from({ length: Math.max(before.length, after.length) }, (_, index) => {
    const row = (after[index] ?? before[index])!;
    return { ...common, index, rowKey: Object.fromEntries(key.map((column) => [column, row[column]])), before: before[index] ?? null, after: after[index] ?? null };
  });
}

export function listAudit(p: Project, input: ApiInput<'audit.list'>): ApiOutput<'audit.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.table) {
    where.push('table_name = ?');
    params.push(input.table);
  }
  if (input.rowId) {
    where.push('row_id = ?');
    params.push(input.rowId);
  }
  const limit = input.limit ?? 500;
  const rows = p.db
    .prepare(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...params, limit) as AuditRow[];
  // Newest first, a batch's changes too; a batch counts as its changes against the limit.
  return rows.flatMap((r) => auditChanges(r).reverse()).slice(0, limit);
}

/** Puts a row back to how an audit entry left it: a new edit (undoable, and itself audited). */
export function restoreAudit(p: Project, input: ApiInput<'audit.restore'>): ApiOutput<'audit.restore'> {
  const row = p.db.prepare('SELECT * FROM audit_log WHERE id = ?').get(input.id) as AuditRow | undefined;
  const entry = row && auditChanges(row)[input.index ?? 0];
  if (!entry) throw localError('NOT_FOUND', 'errorsInput.versionGone');
  const side = input.side ?? 'after';
  const chosen = entry[side];
  if (!chosen) {
    throw localError('CONFLICT', side === 'after' ? 'errorsInput.entryIsDeletion' : 'errorsInput.entryIsCreation');
  }
  const table = entry.table as TrackedTable;
  // The restored version is a new edit: it is dated now, not when the old version was written.
  const version: Record<string, unknown> = 'updated_at' in chosen ? { ...chosen, updated_at: new Date().toISOString() } : chosen;
  const keyCols = Object.keys(entry.rowKey);
  const where = keyCols.map((c) => `"${c}" = @${c}`).join(' AND ');
  try {
    p.history.edit(`Restore version of ${new Date(entry.at).toLocaleString('en-GB')}`, (track) => {
      track(table, entry.rowKey);
      const cols = Object.keys(version).filter((c) => c !== 'rowid');
      const exists = p.db.prepare(`SELECT 1 FROM "${table}" WHERE ${where}`).get(entry.rowKey);
      if (exists) p.db.prepare(`UPDATE "${table}" SET ${cols.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${where}`).run(version);
      else p.db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(version);
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw localError('CONFLICT', 'errorsInput.versionNotRestorable', { reason: (error as Error).message }, { cause: error });
  }
  return null;
}

const AUDIT_CSV_HEADER = ['id', 'at', 'action', 'table', 'row', 'before', 'after'];

/** The CSV records of one audit entry (a bulk edit's entry holds one change per row). */
function auditCsvRecords(r: AuditRow): unknown[][] {
  return r.row_key.startsWith('[')
    ? auditChanges(r).map((c) => [r.id, r.at, r.action, r.table_name, JSON.stringify(c.rowKey), c.before ? JSON.stringify(c.before) : '', c.after ? JSON.stringify(c.after) : ''])
    : [[r.id, r.at, r.action, r.table_name, r.row_id ?? r.row_key, r.before ?? '', r.after ?? '']];
}

/** The audit trail as CSV: when, what, which record, before and after (JSON). */
export function auditCsv(p: Project): string {
  const rows = p.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  return stringifyCsv([AUDIT_CSV_HEADER, ...rows.flatMap(auditCsvRecords)]);
}

export interface AuditCsvOptions {
  out: string;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number, message: LocalText) => void) | undefined;
  /** About how many characters are checked and written at a time. */
  batch?: number | undefined;
}

/** How long the writing runs before letting the event loop in. */
const YIELD_EVERY_MS = 30;

/**
 * The audit trail written to a CSV file as it is read: the same text as auditCsv, in batches of about a megabyte,
 * each checked for recorded identities and written to a temporary file beside the target, which takes the target's
 * name when all is written. A large project's trail does not fit in one answer: at the benchmark's XL size it is 363
 * million characters, which took 30 s and 4 GB to make as one string, before the check and the answer's copy. Read on a
 * connection of its own (Project.readingSnapshot), letting the window in every 30 ms; a cancel writes nothing.
 */
export async function saveAuditCsv(p: Project, options: AuditCsvOptions): Promise<{ path: string; entries: number; bytes: number }> {
  const target = path.resolve(options.out);
  if (!fs.existsSync(path.dirname(target))) throw localError('FILE_NOT_FOUND', 'errors.folderNotFound', { folder: path.dirname(target) });
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw localError('VALIDATION_FAILED', 'errorsExport.outIsFolder', { path: target });
  if (target === p.path) throw localError('FILE_EXISTS', 'errorsExport.overProject');
  const limit = options.batch ?? 1 << 20;
  return p.readingSnapshot(async (snapshot) => {
    const total = (snapshot.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const identities = recordedIdentities(snapshot.db);
    const temp = partialNameBeside(target);
    let fd: number;
    try {
      fd = fs.openSync(temp, 'wx');
    } catch (error) {
      throw localError('PROJECT_UNREADABLE', 'errorsExport.notWrittenTo', { target, reason: (error as Error).message }, { cause: error });
    }
    let records: unknown[][] = [AUDIT_CSV_HEADER];
    let size = 0;
    let bytes = 0;
    const flush = () => {
      if (records.length === 0) return;
      const text = stringifyCsv(records);
      guardOutput(snapshot.db, 'audit-trail CSV', [text], { identities });
      bytes += fs.writeSync(fd, text);
      records = [];
      size = 0;
    };
    try {
      let done = 0;
      let slice = performance.now();
      options.onProgress?.(0, total, { id: 'jobs.auditWriting' });
      for (const row of snapshot.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
        for (const record of auditCsvRecords(row)) records.push(record);
        size += (row.before?.length ?? 0) + (row.after?.length ?? 0) + row.row_key.length + 64;
        done++;
        if (size >= limit) {
          flush();
          if (options.signal?.aborted) throw exportCancelled();
        }
        if (performance.now() - slice >= YIELD_EVERY_MS) {
          options.onProgress?.(done, total, { id: 'jobs.auditWriting' });
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
          if (options.signal?.aborted) throw exportCancelled();
        }
      }
      flush();
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(temp, target);
      options.onProgress?.(total, total, { id: 'jobs.auditWriting' });
      return { path: target, entries: total, bytes };
    } catch (error) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closed before the rename failed.
      }
      fs.rmSync(temp, { force: true });
      if (error instanceof ApiError) throw error;
      throw localError('PROJECT_UNREADABLE', 'errorsExport.notWrittenTo', { target, reason: (error as Error).message }, { cause: error });
    }
  });
}
