/**
 * Resolving a conflict is an edit like any other, made knowing every version: the chosen (or merged) value is
 * written and recorded as a new change, which supersedes all the versions in conflict on every replica.
 * Keeping the value already shown writes nothing to the row, so its change record is made here.
 */
import { localError } from '../../contract/i18n/format';
import type { TrackedTable } from '../history';
import type { Project } from '../project';
import { SYNCED_KEYS } from './capture';
import { listConflicts } from './merge';

/**
 * A cell filled on two laptops at once: one stayed live, the other was parked in the cell's archive. Keeping the
 * live one records the parked one as archived on purpose; keeping the parked one swaps them. Either way one edit,
 * which every replica applies the same way.
 */
export function resolveDuplicateCell(p: Project, parkedId: string, keep: 'live' | 'parked'): void {
  const open = listConflicts(p.db).find((c) => c.field === 'duplicate' && c.rowKey.id === parkedId);
  if (!open) throw localError('NOT_FOUND', 'errorsTeam.conflictClosed');
  const live = p.db
    .prepare('SELECT l.id FROM cells c JOIN cells l ON l.norm_id = c.norm_id AND l.case_id = c.case_id AND l.stage_id = c.stage_id AND l.archived_at IS NULL WHERE c.id = ?')
    .pluck()
    .get(parkedId) as string | undefined;
  if (!live) throw localError('NOT_FOUND', 'errorsTeam.conflictCellGone');
  const now = new Date().toISOString();
  p.history.edit(keep === 'live' ? 'Keep the cell shown' : 'Keep the cell from the other laptop', (track) => {
    track('cells', { id: parkedId });
    if (keep === 'live') {
      p.db.prepare('UPDATE cells SET archived_at = ? WHERE id = ?').run(now, parkedId);
      return;
    }
    track('cells', { id: live });
    p.db.prepare('UPDATE cells SET archived_at = ?, updated_at = ? WHERE id = ?').run(now, now, live);
    p.db.prepare('UPDATE cells SET archived_at = NULL, updated_at = ? WHERE id = ?').run(now, parkedId);
  });
}

export function resolveConflict(p: Project, input: { table: string; rowKey: Record<string, unknown>; field: string; value: string | number | null }): void {
  const open = listConflicts(p.db).find((c) => c.table === input.table && c.field === input.field && JSON.stringify(c.rowKey) === JSON.stringify(input.rowKey));
  if (!open) throw localError('NOT_FOUND', 'errorsTeam.conflictClosed');
  const column = input.field === 'row' ? 'archived_at' : input.field;
  const keys = SYNCED_KEYS[input.table]!;
  const where = keys.map((k) => `"${k}" = @${k}`).join(' AND ');
  const rowKey = JSON.stringify(Object.fromEntries(keys.map((k) => [k, input.rowKey[k]])));
  p.history.edit(`Resolve conflict in ${input.table.replace(/_/g, ' ')}`, (track) => {
    track(input.table as TrackedTable, input.rowKey);
    const current = p.db.prepare(`SELECT "${column}" AS v FROM "${input.table}" WHERE ${where}`).get(input.rowKey) as { v: unknown } | undefined;
    if (!current) throw localError('NOT_FOUND', 'errorsTeam.conflictRecordGone');
    if (current.v === input.value) {
      p.db.prepare('INSERT INTO team_outbox (tbl, row_key, field, value, at_ms) VALUES (?, ?, ?, ?, ?)').run(input.table, rowKey, column, input.value, Date.now());
    } else {
      p.db.prepare(`UPDATE "${input.table}" SET "${column}" = @value WHERE ${where}`).run({ ...input.rowKey, value: input.value });
    }
  });
}
