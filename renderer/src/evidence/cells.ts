/** Matrix cells as the evidence views name them: "Kazakhstan · Observation · 3 Reconstitution". */
import { useMemo } from 'react';
import type { CellDto, ProjectOverview } from '../../../electron/contract/api';
import { frameworkOf } from '../matrix-model';
import { useProject } from '../workbench-context';
import { useList, type CellTarget } from './store';

export interface CellLookup {
  overview: ProjectOverview | undefined;
  /** Live cells by id. */
  byId: ReadonlyMap<string, CellDto>;
  label: (cell: CellTarget) => string;
  /** The label of a linked cell by its id; null if it is no longer in the matrix (archived). */
  labelOf: (cellId: string) => string | null;
}

export function cellLabel(overview: ProjectOverview | undefined, cell: CellTarget): string {
  const kase = overview?.cases.find((c) => c.id === cell.caseId);
  const norm = overview?.norms.find((n) => n.id === cell.normId);
  const stage = frameworkOf(norm, overview?.frameworks ?? [])?.stages.find((s) => s.id === cell.stageId);
  return [kase?.name ?? 'a case', norm ? norm.shortLabel || norm.label : 'a norm', stage ? `${stage.position} ${stage.label}` : 'a stage'].join(' · ');
}

export function useCellLookup(): CellLookup {
  const { overview, cells } = useProject();
  return useMemo(() => {
    const byId = new Map<string, CellDto>();
    for (const cell of cells?.values() ?? []) byId.set(cell.id, cell);
    const label = (cell: CellTarget) => cellLabel(overview, cell);
    return {
      overview,
      byId,
      label,
      labelOf: (cellId: string) => {
        const cell = byId.get(cellId);
        return cell ? label(cell) : null;
      },
    };
  }, [overview, cells]);
}

/**
 * How many excerpts are linked to each cell (by cell id), from the project's excerpt list: what an evidence badge
 * in a matrix cell would show. Not used by the matrix yet (its grid has no slot for a badge).
 */
export function useEvidenceCounts(): ReadonlyMap<string, number> {
  const excerpts = useList('excerpts');
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const excerpt of excerpts.data ?? []) for (const cellId of excerpt.cellIds) counts.set(cellId, (counts.get(cellId) ?? 0) + 1);
    return counts;
  }, [excerpts.data]);
}
