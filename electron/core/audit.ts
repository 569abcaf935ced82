/**
 * The audit trail: every recorded change to cells, claims, excerpts and verifications, oldest first, with one-click
 * restore of an earlier version (as a new, undoable edit), and its CSV form for a methods appendix.
 */
import { stringifyCsv } from './csv/formulas';
import type { ApiInput, ApiOutput, AuditEntryDto } from '../contract/api';
import { ApiError } from '../contract/errors';
import { localError } from '../contract/i18n/format';
import type { TrackedTable } from './history';
import type { Project } from './project';

interface AuditRow {
  id: number;
  at: string;
  action: string;
  table_name: string;
  row_key: string;
  row_id: string | null;
  before: string | null;
  after: string | null;
}

function toDto(r: AuditRow): AuditEntryDto {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    table: r.table_name,
    rowKey: JSON.parse(r.row_key) as Record<string, unknown>,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
  };
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
  const rows = p.db
    .prepare(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...params, input.limit ?? 500) as AuditRow[];
  return rows.map(toDto);
}

/** Puts a row back to how an audit entry left it: a new edit (undoable, and itself audited). */
export function restoreAudit(p: Project, input: ApiInput<'audit.restore'>): ApiOutput<'audit.restore'> {
  const row = p.db.prepare('SELECT * FROM audit_log WHERE id = ?').get(input.id) as AuditRow | undefined;
  if (!row) throw localError('NOT_FOUND', 'errorsInput.versionGone');
  const entry = toDto(row);
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

/** The audit trail as CSV: when, what, which record, before and after (JSON). */
export function auditCsv(p: Project): string {
  const rows = p.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  return stringifyCsv([
    ['id', 'at', 'action', 'table', 'row', 'before', 'after'],
    ...rows.map((r) => [r.id, r.at, r.action, r.table_name, r.row_id ?? r.row_key, r.before ?? '', r.after ?? '']),
  ]);
}
