/** The team's API methods for the app: status and conflicts in words, members from the hub, sync, resolve. */
import type { AutoSyncDto, TeamConflictDto, TeamMemberDto, TeamStatusDto, TeamValueDto } from '../../contract/api';
import { localError } from '../../contract/i18n/format';
import type { Project } from '../project';
import type { StoredValue } from './capture';
import { connect, hubError } from './hub/hub';
import type { Conflict } from './merge';
import { resolveConflict, resolveDuplicateCell } from './resolve';
import { requireTeam } from './sync';
import { teamStatus } from './team';

function plainValue(v: StoredValue): string | number | null {
  if (v !== null && typeof v === 'object') return null;
  return v;
}

type Subject = TeamConflictDto['subject'];

/** The record a conflict is about, named from this copy's rows ("Kazakhstan · Election observation · Acceptance"). */
function subjectOf(p: Project, c: Conflict): Subject {
  const id = String(c.rowKey.id ?? c.rowKey.mission_id ?? '');
  const one = (sql: string) => (p.db.prepare(sql).pluck().get(id) as string | undefined) ?? null;
  switch (c.table) {
    case 'cells':
      return { kind: 'cell', name: one(`SELECT cs.name || ' · ' || coalesce(n.short_label, n.label) || ' · ' || s.label FROM cells c JOIN cases cs ON cs.id = c.case_id JOIN norms n ON n.id = c.norm_id JOIN stages s ON s.id = c.stage_id WHERE c.id = ?`) };
    case 'cases':
      return { kind: 'case', name: one('SELECT name FROM cases WHERE id = ?') };
    case 'norms':
      return { kind: 'norm', name: one('SELECT label FROM norms WHERE id = ?') };
    case 'stages':
      return { kind: 'stage', name: one('SELECT label FROM stages WHERE id = ?') };
    case 'claims':
      return { kind: 'claim', name: one('SELECT claimant FROM claims WHERE id = ?') };
    case 'missions':
    case 'mission_findings':
      return { kind: 'mission', name: one('SELECT organisation FROM missions WHERE id = ?') };
    default:
      return { kind: 'other', name: c.table.replace(/_/g, ' ') };
  }
}

/** The English line the CLI prints for a conflict. */
function label(subject: Subject, c: Conflict): string {
  const field = c.field === 'row' ? 'archived on one laptop, edited on another' : c.field === 'duplicate' ? 'filled on two laptops' : c.field.replace(/_/g, ' ');
  const what =
    subject.kind === 'claim' ? `Claim by ${subject.name ?? 'an unknown claimant'}` : subject.kind === 'mission' ? `${subject.name ?? 'An'} mission` : (subject.name ?? c.table.replace(/_/g, ' '));
  return `${what} — ${field}`;
}

function value(v: Conflict['shown']): TeamValueDto {
  return { value: plainValue(v.value), author: v.author, clock: v.clock };
}

export function status(p: Project, auto: AutoSyncDto): TeamStatusDto | null {
  const s = teamStatus(p.db);
  if (!s) return null;
  const conflicts: TeamConflictDto[] = s.conflicts.map((c) => {
    const subject = subjectOf(p, c);
    return {
      table: c.table,
      rowKey: c.rowKey as Record<string, string | number>,
      field: c.field,
      label: label(subject, c),
      subject,
      shown: value(c.shown),
      kept: c.kept.map(value),
    };
  });
  return { teamId: s.teamId, hub: s.hub, replicaId: s.replicaId, lastSyncAt: s.lastSyncAt, pending: s.pending, conflicts, auto };
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
    throw hubError(error, 'members');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function resolve(p: Project, input: { table: string; rowKey: Record<string, string | number>; field: string; value: string | number | null }): null {
  if (input.field === 'duplicate') {
    if (input.value !== 'live' && input.value !== 'parked') {
      throw localError('VALIDATION_FAILED', 'errorsTeam.keepWhich', { live: 'live', parked: 'parked' });
    }
    resolveDuplicateCell(p, String(input.rowKey.id), input.value);
    return null;
  }
  resolveConflict(p, input);
  return null;
}
