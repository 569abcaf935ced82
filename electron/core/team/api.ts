/** The team's API methods for the app: status and conflicts in words, members from the hub, sync, resolve. */
import type { SyncReportDto, TeamConflictDto, TeamMemberDto, TeamStatusDto, TeamValueDto } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import type { Project } from '../project';
import type { StoredValue } from './capture';
import { connect, hubError } from './hub/hub';
import type { Conflict } from './merge';
import { resolveConflict } from './resolve';
import { requireTeam, syncDatabase } from './sync';
import { teamStatus } from './team';

function plainValue(v: StoredValue): string | number | null {
  if (v !== null && typeof v === 'object') return null;
  return v;
}

/** "Kazakhstan · Election observation · Acceptance — summary": what a conflict is about, from this copy's rows. */
function label(p: Project, c: Conflict): string {
  const field = c.field === 'row' ? 'archived on one laptop, edited on another' : c.field === 'duplicate' ? 'filled on two laptops' : c.field.replace(/_/g, ' ');
  const id = String(c.rowKey.id ?? c.rowKey.mission_id ?? '');
  let what: string | undefined;
  if (c.table === 'cells') {
    what = p.db
      .prepare(`SELECT cs.name || ' · ' || coalesce(n.short_label, n.label) || ' · ' || s.label FROM cells c JOIN cases cs ON cs.id = c.case_id JOIN norms n ON n.id = c.norm_id JOIN stages s ON s.id = c.stage_id WHERE c.id = ?`)
      .pluck()
      .get(id) as string | undefined;
  } else if (c.table === 'cases' || c.table === 'norms' || c.table === 'stages') {
    what = p.db.prepare(`SELECT ${c.table === 'cases' ? 'name' : 'label'} FROM "${c.table}" WHERE id = ?`).pluck().get(id) as string | undefined;
  } else if (c.table === 'claims') {
    what = p.db.prepare(`SELECT 'Claim by ' || claimant FROM claims WHERE id = ?`).pluck().get(id) as string | undefined;
  } else if (c.table === 'missions' || c.table === 'mission_findings') {
    what = p.db.prepare(`SELECT organisation || ' mission' FROM missions WHERE id = ?`).pluck().get(id) as string | undefined;
  }
  return `${what ?? c.table.replace(/_/g, ' ')} — ${field}`;
}

function value(v: Conflict['shown']): TeamValueDto {
  return { value: plainValue(v.value), author: v.author, clock: v.clock };
}

export function status(p: Project): TeamStatusDto | null {
  const s = teamStatus(p.db);
  if (!s) return null;
  const conflicts: TeamConflictDto[] = s.conflicts.map((c) => ({
    table: c.table,
    rowKey: c.rowKey as Record<string, string | number>,
    field: c.field,
    label: label(p, c),
    shown: value(c.shown),
    kept: c.kept.map(value),
  }));
  return { teamId: s.teamId, hub: s.hub, replicaId: s.replicaId, lastSyncAt: s.lastSyncAt, pending: s.pending, conflicts };
}

export async function members(p: Project): Promise<TeamMemberDto[]> {
  const config = requireTeam(p.db);
  const client = await connect({ url: config.hub_url });
  try {
    const result = await client.query('SELECT replica_id, role, joined_at, removed_at FROM comparanda_members_of($1)', [config.team_id]);
    return (result.rows as { replica_id: string; role: string; joined_at: Date; removed_at: Date | null }[]).map((r) => ({
      role: r.role,
      replicaId: r.replica_id,
      joinedAt: r.joined_at.toISOString(),
      removed: r.removed_at !== null,
      you: r.replica_id === config.replica_id,
    }));
  } catch (error) {
    throw hubError(error, 'The members cannot be listed');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function sync(p: Project): Promise<SyncReportDto> {
  if (p.readonly) throw localError('READ_ONLY', 'errorsInput.readOnlyNoSync');
  const report = await syncDatabase(p.db);
  // What arrived was written outside this session's undo journal: undoing an older step could overwrite it.
  if (report.pulled > 0) p.history.clear();
  return report;
}

export function resolve(p: Project, input: { table: string; rowKey: Record<string, string | number>; field: string; value: string | number | null }): null {
  if (input.field === 'duplicate') {
    throw new ApiError('UNSUPPORTED', 'A cell filled on two laptops keeps the other version archived: restore it from the cell\'s archive if it should be the live one.');
  }
  resolveConflict(p, input);
  return null;
}
