/**
 * Resolving a conflict is an edit like any other, made knowing every version: the chosen (or merged) value is
 * written and recorded as a new change, which supersedes all the versions in conflict on every replica.
 * Keeping the value already shown writes nothing to the row, so its change record is made here.
 */
import { ApiError } from '../../contract/errors';
import type { TrackedTable } from '../history';
import type { Project } from '../project';
import { SYNCED_KEYS } from './capture';
import { listConflicts } from './merge';

export function resolveConflict(p: Project, input: { table: string; rowKey: Record<string, unknown>; field: string; value: string | number | null }): void {
  const open = listConflicts(p.db).find((c) => c.table === input.table && c.field === input.field && JSON.stringify(c.rowKey) === JSON.stringify(input.rowKey));
  if (!open) throw new ApiError('NOT_FOUND', 'That conflict is no longer open (it was resolved here or on another replica). Sync to see the current list.');
  const column = input.field === 'row' ? 'archived_at' : input.field;
  const keys = SYNCED_KEYS[input.table]!;
  const where = keys.map((k) => `"${k}" = @${k}`).join(' AND ');
  const rowKey = JSON.stringify(Object.fromEntries(keys.map((k) => [k, input.rowKey[k]])));
  p.history.edit(`Resolve conflict in ${input.table.replace(/_/g, ' ')}`, (track) => {
    track(input.table as TrackedTable, input.rowKey);
    const current = p.db.prepare(`SELECT "${column}" AS v FROM "${input.table}" WHERE ${where}`).get(input.rowKey) as { v: unknown } | undefined;
    if (!current) throw new ApiError('NOT_FOUND', 'The record in conflict no longer exists here.');
    if (current.v === input.value) {
      p.db.prepare('INSERT INTO team_outbox (tbl, row_key, field, value, at_ms) VALUES (?, ?, ?, ?, ?)').run(input.table, rowKey, column, input.value, Date.now());
    } else {
      p.db.prepare(`UPDATE "${input.table}" SET "${column}" = @value WHERE ${where}`).run({ ...input.rowKey, value: input.value });
    }
  });
}
