/** Pure helpers that turn the overview, the cells and the matrix's view settings into the grid the matrix shows. */
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { CaseDto, CellDto, CellMode, FrameworkDto, NormDto, Orientation, StageDto, StatusLevelDto } from '../../../electron/contract/api';

/** Focal case first, then the others in the given order. */
export function orderCases(cases: readonly CaseDto[]): CaseDto[] {
  return [...cases.filter((c) => c.role === 'focal'), ...cases.filter((c) => c.role !== 'focal')];
}

export function orderStages(stages: readonly StageDto[]): StageDto[] {
  return [...stages].sort((a, b) => a.position - b.position);
}

export function frameworkOf(norm: NormDto | undefined, frameworks: readonly FrameworkDto[]): FrameworkDto | undefined {
  if (!norm) return undefined;
  return frameworks.find((f) => f.id === norm.frameworkId) ?? frameworks.find((f) => f.isDefault);
}

export function cellKey(normId: string, caseId: string, stageId: string): string {
  return `${normId}|${caseId}|${stageId}`;
}

/** A status key the framework does not know is still shown, by its key, rather than hidden. */
export function statusOf(key: string, framework: FrameworkDto | undefined): StatusLevelDto {
  return framework?.statuses.find((s) => s.key === key) ?? { key, label: key, position: Number.MAX_SAFE_INTEGER, palette: 0 };
}

export const MODE_LABELS: Record<CellMode, MessageId> = {
  discourse: 'matrix.modeDiscourse',
  practice: 'matrix.modePractice',
  both: 'matrix.modeBoth',
};

// ---------------------------------------------------------------------------------------------------------------
// The grid

export interface NormBlock {
  norm: NormDto;
  framework: FrameworkDto;
  stages: StageDto[];
}

/** One assessable place: a case at a stage of a norm. */
export interface CellRef {
  key: string;
  normId: string;
  caseId: string;
  stageId: string;
  caseName: string;
  stageLabel: string;
}

export type RowHead = { kind: 'stage'; stage: StageDto } | { kind: 'case'; kase: CaseDto };

export type GridRow =
  /** A stacked norm's title row. */
  | { kind: 'norm'; key: string; block: NormBlock }
  /** Stages as columns with norms on different frameworks: each norm names its own stage columns. */
  | { kind: 'stage-head'; key: string; block: NormBlock }
  | { kind: 'data'; key: string; block: NormBlock; index: number; head: RowHead; cells: (CellRef | null)[] };

export type DataRow = Extract<GridRow, { kind: 'data' }>;

export interface GridModel {
  orientation: Orientation;
  stacked: boolean;
  /** Column headers: the cases, or the stages when every shown norm shares them; null for per-norm stage heads. */
  columns: { kind: 'case'; kase: CaseDto }[] | { kind: 'stage'; stage: StageDto }[] | null;
  columnCount: number;
  rows: GridRow[];
  dataRows: DataRow[];
  /** Where each cell sits: data row index and column. */
  positions: Map<string, { row: number; col: number }>;
  focalCaseId: string | undefined;
}

export function buildGrid(blocks: readonly NormBlock[], cases: readonly CaseDto[], orientation: Orientation, stacked: boolean): GridModel {
  const rows: GridRow[] = [];
  const dataRows: DataRow[] = [];
  const positions = new Map<string, { row: number; col: number }>();
  const ref = (norm: NormDto, kase: CaseDto, stage: StageDto): CellRef => ({
    key: cellKey(norm.id, kase.id, stage.id),
    normId: norm.id,
    caseId: kase.id,
    stageId: stage.id,
    caseName: kase.name,
    stageLabel: stage.label,
  });
  const pushData = (block: NormBlock, head: RowHead, cells: (CellRef | null)[]) => {
    const index = dataRows.length;
    const row: DataRow = { kind: 'data', key: `${block.norm.id}:${head.kind === 'stage' ? head.stage.id : head.kase.id}`, block, index, head, cells };
    cells.forEach((cell, col) => {
      if (cell) positions.set(cell.key, { row: index, col });
    });
    rows.push(row);
    dataRows.push(row);
  };

  let columns: GridModel['columns'];
  let columnCount: number;
  if (orientation === 'cases-as-columns') {
    columns = cases.map((kase) => ({ kind: 'case' as const, kase }));
    columnCount = cases.length;
    for (const block of blocks) {
      if (stacked) rows.push({ kind: 'norm', key: `norm:${block.norm.id}`, block });
      for (const stage of block.stages) pushData(block, { kind: 'stage', stage }, cases.map((kase) => ref(block.norm, kase, stage)));
    }
  } else {
    columnCount = Math.max(0, ...blocks.map((b) => b.stages.length));
    const shared = blocks.length > 0 && blocks.every((b) => b.framework.id === blocks[0]!.framework.id);
    columns = shared ? blocks[0]!.stages.map((stage) => ({ kind: 'stage' as const, stage })) : null;
    for (const block of blocks) {
      if (stacked) rows.push({ kind: 'norm', key: `norm:${block.norm.id}`, block });
      if (!shared) rows.push({ kind: 'stage-head', key: `stages:${block.norm.id}`, block });
      for (const kase of cases) {
        const cells = Array.from({ length: columnCount }, (_, i) => {
          const stage = block.stages[i];
          return stage ? ref(block.norm, kase, stage) : null;
        });
        pushData(block, { kind: 'case', kase }, cells);
      }
    }
  }
  const focal = cases.find((c) => c.role === 'focal');
  return { orientation, stacked, columns, columnCount, rows, dataRows, positions, focalCaseId: focal?.id };
}

/** The status a cell shows: its key, or null where nothing is recorded (shown as "No data"). */
function shownStatus(cell: CellDto | undefined): string | null {
  if (!cell || cell.status === 'no-data') return null;
  return cell.status;
}

/**
 * Whether a comparison case's cell has another status than the focal case's cell at the same norm and stage. Only
 * assessed cells are compared: a gap ("No data") is missing evidence, not a difference, and is shown as such.
 */
export function differsFromFocal(cells: ReadonlyMap<string, CellDto>, ref: CellRef, focalCaseId: string | undefined): boolean {
  if (!focalCaseId || ref.caseId === focalCaseId) return false;
  const mine = shownStatus(cells.get(ref.key));
  const focal = shownStatus(cells.get(cellKey(ref.normId, focalCaseId, ref.stageId)));
  return mine !== null && focal !== null && mine !== focal;
}
