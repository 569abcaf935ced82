/** Matrix cells as the evidence views name them: "Kazakhstan · Observation · 3 Reconstitution". */
import { useMemo } from 'react';
import type { CellDto, ProjectOverview } from '../../../electron/contract/api';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';
import { frameworkOf } from '../matrix/matrix-model';
import { useProject } from '../workbench-context';
import type { CellTarget } from './store';

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
  const missing = (id: 'evidence.aCase' | 'evidence.aNorm' | 'evidence.aStage') => formatMessage(currentLanguage(), id);
  return [kase?.name ?? missing('evidence.aCase'), norm ? norm.shortLabel || norm.label : missing('evidence.aNorm'), stage ? `${stage.position} ${stage.label}` : missing('evidence.aStage')].join(' · ');
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

