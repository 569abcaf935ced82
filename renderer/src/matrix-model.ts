/** Pure helpers that turn the overview and a norm's cells into what the matrix shows. */
import type { CaseDto, CellDto, CellMode, FrameworkDto, NormDto, StageDto, StatusLevelDto } from '../../electron/contract/api';

/** The focal case first, then the others in their project order. */
export function orderCases(cases: readonly CaseDto[]): CaseDto[] {
  return [...cases].sort((a, b) => {
    if (a.role !== b.role) return a.role === 'focal' ? -1 : 1;
    return a.position - b.position;
  });
}

export function orderStages(stages: readonly StageDto[]): StageDto[] {
  return [...stages].sort((a, b) => a.position - b.position);
}

export function frameworkOf(norm: NormDto | undefined, frameworks: readonly FrameworkDto[]): FrameworkDto | undefined {
  if (!norm) return undefined;
  return frameworks.find((f) => f.id === norm.frameworkId) ?? frameworks.find((f) => f.isDefault);
}

export function cellKey(caseId: string, stageId: string): string {
  return `${caseId}\u0000${stageId}`;
}

export function indexCells(cells: readonly CellDto[]): Map<string, CellDto> {
  return new Map(cells.map((cell) => [cellKey(cell.caseId, cell.stageId), cell]));
}

/** A status key the framework does not know is still shown, by its key, rather than hidden. */
export function statusOf(key: string, framework: FrameworkDto | undefined): StatusLevelDto {
  return framework?.statuses.find((s) => s.key === key) ?? { key, label: key, position: Number.MAX_SAFE_INTEGER, palette: 0 };
}

export const MODE_LABELS: Record<CellMode, string> = {
  discourse: 'discourse',
  practice: 'practice',
  both: 'discourse and practice',
};

export function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? '';
}

export function formatPeriod(from: number | null, to: number | null): string | null {
  if (from === null && to === null) return null;
  if (from !== null && to !== null) return from === to ? String(from) : `${from}–${to}`;
  return from !== null ? `from ${from}` : `until ${to}`;
}
