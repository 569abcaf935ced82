import { memo, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { CellDto, FrameworkDto } from '../../electron/contract/api';
import { FocalMarker } from './FocalMarker';
import { NotEqualIcon } from './icons';
import { renderFirstLine, summaryText } from './markdown';
import { cellKey, differsFromFocal, MODE_LABELS, statusOf, type CellRef, type DataRow, type GridModel, type GridRow } from './matrix-model';
import { StatusSwatch } from './StatusSwatch';

interface MatrixGridProps {
  model: GridModel;
  /** Undefined while the cells are loading. */
  cells: ReadonlyMap<string, CellDto> | undefined;
  differences: boolean;
  focalName: string | undefined;
  selectedKey: string | null;
  /** `edit`: Enter was pressed, the editor should take the focus. */
  onSelect: (ref: CellRef | null, edit: boolean) => void;
  labelledBy: string;
}

const PAGE_ROWS = 10;

/**
 * The matrix as an ARIA grid with one Tab stop (the cell last focused, else the selected one). Arrows move,
 * Home/End go to the row's ends (with Ctrl/Cmd: the grid's), Page Up/Down move ten rows, Enter opens the editor,
 * Space selects, Escape clears the selection. Cells are memoised: a saved cell or a move re-renders one or two.
 */
export function MatrixGrid({ model, cells, differences, focalName, selectedKey, onSelect, labelledBy }: MatrixGridProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const firstKey = model.dataRows[0]?.cells.find((c) => c !== null)?.key ?? null;
  const tabStopKey =
    focusedKey !== null && model.positions.has(focusedKey) ? focusedKey : selectedKey !== null && model.positions.has(selectedKey) ? selectedKey : firstKey;

  const refAt = (row: number, col: number): CellRef | null => {
    const dataRow = model.dataRows[Math.max(0, Math.min(row, model.dataRows.length - 1))];
    if (!dataRow) return null;
    const last = lastIndex(dataRow);
    return dataRow.cells[Math.max(0, Math.min(col, last))] ?? null;
  };

  const focusRef = (ref: CellRef | null) => {
    if (!ref) return;
    setFocusedKey(ref.key);
    tableRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(ref.key)}"]`)?.focus();
  };

  const targetRef = (element: EventTarget): CellRef | null => {
    const td = (element as HTMLElement).closest<HTMLElement>('td[data-key]');
    if (!td) return null;
    const pos = model.positions.get(td.dataset.key!);
    return pos ? refAt(pos.row, pos.col) : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const key = target.dataset.key;
    if (key === undefined || event.altKey) return;
    const at = model.positions.get(key);
    if (!at) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const lastRow = model.dataRows.length - 1;
    switch (event.key) {
      case 'ArrowUp':
        focusRef(refAt(at.row - 1, at.col));
        break;
      case 'ArrowDown':
        focusRef(refAt(at.row + 1, at.col));
        break;
      case 'ArrowLeft':
        focusRef(refAt(at.row, at.col - 1));
        break;
      case 'ArrowRight':
        focusRef(refAt(at.row, at.col + 1));
        break;
      case 'PageUp':
        focusRef(refAt(at.row - PAGE_ROWS, at.col));
        break;
      case 'PageDown':
        focusRef(refAt(at.row + PAGE_ROWS, at.col));
        break;
      case 'Home':
        focusRef(ctrl ? refAt(0, 0) : refAt(at.row, 0));
        break;
      case 'End':
        focusRef(ctrl ? refAt(lastRow, model.columnCount) : refAt(at.row, model.columnCount));
        break;
      case 'Enter':
      case 'F2':
        if (ctrl) return;
        onSelect(refAt(at.row, at.col), true);
        break;
      case ' ':
        onSelect(refAt(at.row, at.col), false);
        break;
      case 'Escape':
        if (selectedKey === null) return;
        onSelect(null, false);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const ref = targetRef(event.target);
    if (ref) onSelect(ref, false);
  };

  const onDoubleClick = (event: MouseEvent<HTMLTableElement>) => {
    const ref = targetRef(event.target);
    if (ref) onSelect(ref, true);
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const key = (event.target as HTMLElement).dataset.key;
    if (key !== undefined) setFocusedKey(key);
  };

  const selectedPos = selectedKey !== null ? model.positions.get(selectedKey) : undefined;
  const tabStopPos = tabStopKey !== null ? model.positions.get(tabStopKey) : undefined;
  const stageColumns = model.orientation === 'stages-as-columns';
  const headPx = stageColumns ? CASE_HEAD_PX : STAGE_HEAD_PX;
  const span = model.columnCount + 1;

  return (
    <table
      ref={tableRef}
      className={`matrix${differences ? ' is-differences' : ''}`}
      role="grid"
      aria-labelledby={labelledBy}
      aria-busy={cells === undefined}
      aria-rowcount={model.rows.length + (model.columns ? 1 : 0)}
      aria-colcount={span}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onFocus={onFocus}
      style={{ minWidth: headPx + model.columnCount * (stageColumns ? MIN_STAGE_PX : MIN_CASE_PX) }}
      data-testid="matrix"
      data-orientation={model.orientation}
    >
      <colgroup>
        <col style={{ width: headPx }} />
        {Array.from({ length: model.columnCount }, (_, i) => (
          <col key={i} />
        ))}
      </colgroup>
      {model.columns ? (
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {model.orientation === 'cases-as-columns' ? 'Stage' : 'Case'}
            </th>
            {model.columns.map((column) =>
              column.kind === 'case' ? (
                <th key={column.kase.id} scope="col" className="matrix-case" data-case-id={column.kase.id} data-case={column.kase.name}>
                  <span className="matrix-case-name">{column.kase.name}</span>
                  {column.kase.role === 'focal' ? <FocalMarker /> : null}
                  {column.kase.isoCode ? <span className="matrix-case-code">{column.kase.isoCode}</span> : null}
                </th>
              ) : (
                <th key={column.stage.id} scope="col" className="matrix-stage-col" data-stage-id={column.stage.id}>
                  <StageLabel position={column.stage.position} label={column.stage.label} />
                </th>
              ),
            )}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {model.rows.map((row) => (
          <Row
            key={row.key}
            row={row}
            span={span}
            columnCount={model.columnCount}
            cells={cells}
            differences={differences}
            focalCaseId={model.focalCaseId}
            focalName={focalName}
            selectedCol={row.kind === 'data' && selectedPos?.row === row.index ? selectedPos.col : -1}
            tabStopCol={row.kind === 'data' && tabStopPos?.row === row.index ? tabStopPos.col : -1}
          />
        ))}
      </tbody>
    </table>
  );
}

const STAGE_HEAD_PX = 176;
const CASE_HEAD_PX = 150;
const MIN_CASE_PX = 180;
const MIN_STAGE_PX = 150;

function lastIndex(row: DataRow): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (row.cells[i]) return i;
  return 0;
}

function StageLabel({ position, label }: { position: number; label: string }) {
  return (
    <span className="stage-head">
      <span className="stage-number">{position}</span> <span className="stage-label">{label}</span>
    </span>
  );
}

interface RowProps {
  row: GridRow;
  span: number;
  columnCount: number;
  cells: ReadonlyMap<string, CellDto> | undefined;
  differences: boolean;
  focalCaseId: string | undefined;
  focalName: string | undefined;
  /** The column of the selected cell if it is in this row, else -1 (so that other rows skip re-rendering). */
  selectedCol: number;
  tabStopCol: number;
}

/**
 * A row re-renders only when something it shows changed: its own cells (or, in differences mode, the focal case's
 * cells they are compared with), the selection or the Tab stop within it. A saved cell or a move in a matrix of
 * 1,920 cells thus touches one or two rows, not 48.
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (
    a.row !== b.row ||
    a.span !== b.span ||
    a.columnCount !== b.columnCount ||
    a.differences !== b.differences ||
    a.focalCaseId !== b.focalCaseId ||
    a.focalName !== b.focalName ||
    a.selectedCol !== b.selectedCol ||
    a.tabStopCol !== b.tabStopCol ||
    (a.cells === undefined) !== (b.cells === undefined)
  ) {
    return false;
  }
  if (a.row.kind !== 'data' || a.cells === b.cells || !a.cells || !b.cells) return true;
  for (const ref of a.row.cells) {
    if (!ref) continue;
    if (a.cells.get(ref.key) !== b.cells.get(ref.key)) return false;
    if (a.differences && a.focalCaseId) {
      const focal = cellKey(ref.normId, a.focalCaseId, ref.stageId);
      if (a.cells.get(focal) !== b.cells.get(focal)) return false;
    }
  }
  return true;
}

const Row = memo(function Row({ row, span, columnCount, cells, differences, focalCaseId, focalName, selectedCol, tabStopCol }: RowProps) {
  if (row.kind === 'norm') {
    const { norm } = row.block;
    return (
      <tr className="matrix-norm-row" data-norm-id={norm.id}>
        <th colSpan={span} scope="colgroup" className="matrix-norm-head">
          <span className="matrix-norm-title">{norm.label}</span>
          {norm.instrument || norm.paragraph ? (
            <span className="matrix-norm-source muted">{[norm.instrument, norm.paragraph].filter(Boolean).join(' · ')}</span>
          ) : null}
        </th>
      </tr>
    );
  }
  if (row.kind === 'stage-head') {
    return (
      <tr className="matrix-stage-head-row">
        <th scope="col" className="matrix-corner">
          Case
        </th>
        {Array.from({ length: columnCount }, (_, i) => {
          const stage = row.block.stages[i];
          return stage ? (
            <th key={stage.id} scope="col" className="matrix-stage-col">
              <StageLabel position={stage.position} label={stage.label} />
            </th>
          ) : (
            <td key={`empty-${i}`} className="matrix-filler" />
          );
        })}
      </tr>
    );
  }
  const { head, block } = row;
  return (
    <tr data-row-index={row.index}>
      {head.kind === 'stage' ? (
        <th scope="row" className="matrix-stage" title={block.norm.stageNotes[head.stage.id] || head.stage.description || undefined}>
          <StageLabel position={head.stage.position} label={head.stage.label} />
        </th>
      ) : (
        <th scope="row" className="matrix-case-row" data-case={head.kase.name}>
          <span className="matrix-case-name">{head.kase.name}</span>
          {head.kase.role === 'focal' ? <FocalMarker /> : null}
          {head.kase.isoCode ? <span className="matrix-case-code">{head.kase.isoCode}</span> : null}
        </th>
      )}
      {row.cells.map((ref, col) =>
        ref ? (
          <MatrixCell
            key={ref.key}
            cellRef={ref}
            row={row.index}
            col={col}
            cell={cells?.get(ref.key)}
            loading={cells === undefined}
            framework={block.framework}
            caseName={ref.caseName}
            stageLabel={ref.stageLabel}
            normLabel={block.norm.label}
            selected={col === selectedCol}
            tabStop={col === tabStopCol}
            differs={differences && cells !== undefined ? differsFromFocal(cells, ref, focalCaseId) : false}
            focal={ref.caseId === focalCaseId}
            focalName={focalName}
          />
        ) : (
          <td key={`empty-${col}`} className="matrix-filler" />
        ),
      )}
    </tr>
  );
}, sameRow);

interface MatrixCellProps {
  cellRef: CellRef;
  row: number;
  col: number;
  cell: CellDto | undefined;
  loading: boolean;
  framework: FrameworkDto;
  caseName: string;
  stageLabel: string;
  normLabel: string;
  selected: boolean;
  tabStop: boolean;
  differs: boolean;
  focal: boolean;
  focalName: string | undefined;
}

const MatrixCell = memo(function MatrixCell({
  cellRef,
  row,
  col,
  cell,
  loading,
  framework,
  caseName,
  stageLabel,
  normLabel,
  selected,
  tabStop,
  differs,
  focal,
  focalName,
}: MatrixCellProps) {
  const summary = cell?.summary ?? '';
  const summaryHtml = useMemo(() => (summary ? renderFirstLine(summary) : ''), [summary]);
  const status = cell ? statusOf(cell.status, framework) : undefined;
  return (
    <td
      role="gridcell"
      className={`matrix-cell${selected ? ' is-selected' : ''}${cell ? '' : ' is-empty'}${differs ? ' is-different' : ''}${focal ? ' is-focal' : ''}`}
      tabIndex={tabStop ? 0 : -1}
      aria-selected={selected}
      data-key={cellRef.key}
      data-row={row}
      data-col={col}
      data-case={caseName}
      data-stage={stageLabel}
      data-norm={normLabel}
      title={cell?.summary ? summaryText(cell.summary) : undefined}
    >
      {loading ? null : (
        <>
          <span className="cell-status">
            <StatusSwatch palette={status?.palette} />
            <span className="status-label">{status ? status.label : 'No data'}</span>
            {cell?.mode ? <span className="cell-mode"> · {MODE_LABELS[cell.mode]}</span> : null}
            {differs ? (
              <span className="diff-badge" title={`Status differs from ${focalName ?? 'the focal case'}`}>
                <NotEqualIcon />
                focal
                <span className="visually-hidden"> (differs from {focalName ?? 'the focal case'})</span>
              </span>
            ) : null}
          </span>
          {summaryHtml ? <span className="cell-summary" dangerouslySetInnerHTML={{ __html: summaryHtml }} /> : null}
        </>
      )}
    </td>
  );
});
