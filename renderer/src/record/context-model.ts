/** Which regional norms bear on which cases when: through a membership of the norm's organisation, or a linked cell. */
import type { CaseDto, CellDto, MembershipDto, RegionalContextDto, RegionalNormDto } from '../../../electron/contract/api';
import { yearOf, type Translate } from './labels';

export interface Period {
  from: number | null;
  to: number | null;
}

/** Whether two periods (inclusive years; null = open) overlap. */
export function overlaps(a: Period, b: Period): boolean {
  const aFrom = a.from ?? -Infinity;
  const aTo = a.to ?? Infinity;
  const bFrom = b.from ?? -Infinity;
  const bTo = b.to ?? Infinity;
  return aFrom <= bTo && bFrom <= aTo;
}

export function membershipPeriod(m: MembershipDto): Period {
  return { from: yearOf(m.dateFrom), to: yearOf(m.dateTo) };
}

export function normPeriod(n: RegionalNormDto): Period {
  return { from: n.yearFrom, to: n.yearTo };
}

export function formatPeriod(p: Period, t: Translate): string {
  if (p.from === null && p.to === null) return t('record.noPeriod');
  if (p.to === null) return `${p.from}–`;
  if (p.from === null) return `–${p.to}`;
  return p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`;
}

export interface Bearing {
  norm: RegionalNormDto;
  /** The cells in view (or the selected one) the norm is linked to. */
  linkedCells: CellDto[];
  /** The memberships of cases in view that bring the norm to them in the period. */
  memberships: MembershipDto[];
}

/**
 * The regional norms that bear on the given cases in the given period: those linked to one of the given cells, and
 * those of an organisation a case belonged to (in any status) while both the membership and the norm held.
 */
export function bearings(context: RegionalContextDto, cases: readonly CaseDto[], cells: readonly CellDto[], period: Period): Bearing[] {
  const caseIds = new Set(cases.map((c) => c.id));
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const result: Bearing[] = [];
  for (const norm of context.regionalNorms) {
    const linkedCells = norm.cellIds.map((id) => cellById.get(id)).filter((c): c is CellDto => c !== undefined);
    const inPeriod = overlaps(normPeriod(norm), period);
    const memberships =
      norm.organisationId && inPeriod
        ? context.memberships.filter(
            (m) => m.organisationId === norm.organisationId && caseIds.has(m.caseId) && overlaps(membershipPeriod(m), period) && overlaps(membershipPeriod(m), normPeriod(norm)),
          )
        : [];
    if (linkedCells.length > 0 || memberships.length > 0) result.push({ norm, linkedCells, memberships });
  }
  // Linked to the cells first: the researcher said so; then by the number of cases they reach.
  return result.sort((a, b) => b.linkedCells.length - a.linkedCells.length || b.memberships.length - a.memberships.length);
}
