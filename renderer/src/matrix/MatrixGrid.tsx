import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { CellDto, FrameworkDto } from '../../../electron/contract/api';
import { FocalMarker } from './FocalMarker';
import { NotEqualIcon, QuoteIcon } from '../ui/icons';
import { renderFirstLine, summaryText } from '../ui/markdown';
import { onRevealMatrixCell } from './matrix-focus';
import { cellKey, differsFromFocal, MODE_LABELS, statusOf, type CellRef, type DataRow, type GridModel, type GridRow } from './matrix-model';
import type { EditField } from './selection';
import { StatusSwatch } from './StatusSwatch';
import { useT } from '../i18n/use-t';
import { SEP } from '../ui/marks';

interface MatrixGridProps {
  model: GridModel;
  /** Undefined while the cells are loading. */
  cells: ReadonlyMap<string, CellDto> | undefined;
  /** Excerpts linked to each cell, by cell id (absent: none). */
  evidence: ReadonlyMap<string, number> | undefined;
  differences: boolean;
  focalName: string | undefined;
  selectedKey: string | null;
  /** `edit`: the cell was opened for editing (Enter, F2, a double click): the editor's field that takes the focus. */
  onSelect: (ref: CellRef | null, edit: EditField | null) => void;
  labelledBy: string;
  /** The group a case column starts when the columns are grouped by an attribute ("Regime type: closed autocracy"). */
  groupStarts?: ReadonlyMap<string, string> | undefined;
}

const PAGE_ROWS = 10;
/**
 * Above this many cells the grid renders only the rows and columns in view (plus a few around them): a 40-case
 * matrix of eight norms has 1,920 cells, and every one in the DOM costs layout time and renderer memory. Below it,
 * the whole grid is in the DOM (the browser's own find and screen readers' table reading see every cell).
 */
export const VIRTUALISE_ABOVE_CELLS = 150;
/** A data row's height before it is measured (cells are 58 px high, with padding and border). */
const ROW_ESTIMATE_PX = 59;
const NORM_ROW_ESTIMATE_PX = 33;

/** The scrolling element the grid sits in (its parent, .matrix-scroll). */
function scrollerOf(table: HTMLTableElement | null): HTMLElement | null {
  return table?.parentElement ?? null;
}

/** The header row's height before it is measured (one line of case names). */
const HEAD_ESTIMATE_PX = 30;

/**
 * The height of the grid's header row (the rows' scroll margin), followed by a ResizeObserver: it reports after the
 * browser's own layout, where reading offsetHeight in a layout effect forced a layout of the whole window first.
 */
function useHeadHeight(headRef: RefObject<HTMLTableSectionElement | null>, present: boolean): number {
  const [height, setHeight] = useState(HEAD_ESTIMATE_PX);
  useLayoutEffect(() => {
    const element = headRef.current;
    if (!present || !element) return;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize[0];
      if (box) setHeight(Math.round(box.blockSize));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [headRef, present]);
  return present ? height : 0;
}

/**
 * A row's height for the row virtualiser. A row rendered for the first time has no size yet: the one it had before
 * (scrolled out and back) or the estimate stands until the virtualiser's ResizeObserver reports the real one, after
 * the browser's layout. (The library's default reads offsetHeight as each row is attached, forcing the window to be
 * laid out in the middle of React's commit, once more for every commit that adds rows.)
 */
function measureRow(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

interface Viewport {
  width: number;
  height: number;
}

const VIEWPORT_KEY = 'comparanda.matrix-viewport';
let viewport: Viewport | null = null;
let viewportRead = false;

/**
 * The grid's scrolling area as last measured in this installation (the window and the panes as the researcher
 * left them), else the window's size. The virtualisers learn the real area only once the browser has laid the
 * window out; sized for nothing, a first render drew three columns and five rows, and the window was laid out a
 * second time with the rest before it could be painted.
 */
function initialViewport(): Viewport {
  if (!viewportRead) {
    viewportRead = true;
    try {
      const stored = JSON.parse(localStorage.getItem(VIEWPORT_KEY) ?? 'null') as Partial<Viewport> | null;
      if (stored && Number.isInteger(stored.width) && Number.isInteger(stored.height) && stored.width! > 0 && stored.height! > 0) {
        viewport = { width: stored.width!, height: stored.height! };
      }
    } catch {
      // Unreadable (or no storage): the window's size.
    }
  }
  return viewport ?? { width: window.innerWidth, height: window.innerHeight };
}

function rememberViewport(width: number, height: number): void {
  if (width <= 0 || height <= 0 || (viewport?.width === width && viewport.height === height)) return;
  viewport = { width, height };
  try {
    localStorage.setItem(VIEWPORT_KEY, JSON.stringify(viewport));
  } catch {
    // Storage full or refused: remembered for this session only.
  }
}

/** The width of the grid's scrolling parent, followed as the window or the panes are resized. */
function useScrollerWidth(tableRef: RefObject<HTMLTableElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const scroller = scrollerOf(tableRef.current);
    if (!scroller) return;
    // Read from the observer (after layout, before paint), never by asking for clientWidth here: that would force
    // the whole window to be laid out an extra time while it first appears.
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      setWidth(Math.floor(entry.contentRect.width));
      // The area the virtualisers see (clientWidth and clientHeight; the layout is fresh here, reading costs nothing).
      rememberViewport(scroller.clientWidth, scroller.clientHeight);
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [tableRef]);
  return width;
}

/**
 * The matrix as an ARIA grid with one Tab stop (the cell last focused, else the selected one). Arrows move,
 * Home/End go to the row's ends (with Ctrl/Cmd: the grid's), Page Up/Down move ten rows, Enter opens the editor,
 * Space selects, Escape clears the selection. Cells are memoised: a saved cell or a move re-renders one or two.
 * Large grids are virtualised in both directions (rows and columns); a move to a cell out of view scrolls to it and
 * focuses it once rendered, and aria-rowcount/aria-colcount with each cell's aria-rowindex/aria-colindex keep the
 * whole grid's shape known to assistive technology.
 */
export function MatrixGrid({ model, cells, evidence, differences, focalName, selectedKey, onSelect, labelledBy, groupStarts }: MatrixGridProps) {
  const t = useT();
  const tableRef = useRef<HTMLTableElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  /** A cell to focus as soon as it is rendered (it was out of view when asked for). */
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const headHeight = useHeadHeight(headRef, model.columns !== null);
  const firstKey = model.dataRows[0]?.cells.find((c) => c !== null)?.key ?? null;
  const tabStopKey =
    focusedKey !== null && model.positions.has(focusedKey) ? focusedKey : selectedKey !== null && model.positions.has(selectedKey) ? selectedKey : firstKey;

  const stageColumns = model.orientation === 'stages-as-columns';
  const headPx = stageColumns ? CASE_HEAD_PX : STAGE_HEAD_PX;
  const minColumnPx = stageColumns ? MIN_STAGE_PX : MIN_CASE_PX;
  const virtual = model.dataRows.length * model.columnCount > VIRTUALISE_ABOVE_CELLS;
  const area = initialViewport();
  const scrollerWidth = useScrollerWidth(tableRef);
  // Columns share the width left by the row heads, never narrower than the minimum (then the grid scrolls sideways).
  const columnPx = model.columnCount > 0 ? Math.max(minColumnPx, Math.floor((scrollerWidth - headPx - 1) / model.columnCount)) : minColumnPx;

  /** model.rows index of each data row. */
  const rowOfData = useMemo(() => {
    const map = new Map<number, number>();
    model.rows.forEach((row, i) => {
      if (row.kind === 'data') map.set(row.index, i);
    });
    return map;
  }, [model.rows]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizers are read during render only, never memoised
  const rowVirtualizer = useVirtualizer({
    enabled: virtual,
    count: model.rows.length,
    getScrollElement: () => scrollerOf(tableRef.current),
    estimateSize: (i) => (model.rows[i]?.kind === 'data' ? ROW_ESTIMATE_PX : NORM_ROW_ESTIMATE_PX),
    getItemKey: (i) => model.rows[i]?.key ?? i,
    measureElement: measureRow,
    initialRect: area,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    overscan: 4,
  });
  const columnVirtualizer = useVirtualizer({
    enabled: virtual,
    horizontal: true,
    initialRect: area,
    count: model.columnCount,
    getScrollElement: () => scrollerOf(tableRef.current),
    estimateSize: () => columnPx,
    paddingStart: headPx,
    scrollPaddingStart: headPx,
    overscan: 2,
  });
  useLayoutEffect(() => {
    if (virtual) columnVirtualizer.measure();
  }, [virtual, columnPx, columnVirtualizer]);

  // The rows and columns rendered: all of them, or the contiguous ranges in view.
  const virtualRows = virtual ? rowVirtualizer.getVirtualItems() : [];
  const virtualColumns = virtual ? columnVirtualizer.getVirtualItems() : [];
  const rowFrom = virtual ? (virtualRows[0]?.index ?? 0) : 0;
  const rowTo = virtual ? (virtualRows.at(-1)?.index ?? -1) : model.rows.length - 1;
  const colFrom = virtual ? (virtualColumns[0]?.index ?? 0) : 0;
  const colTo = virtual ? (virtualColumns.at(-1)?.index ?? -1) : model.columnCount - 1;
  const topSpace = virtual && virtualRows[0] ? virtualRows[0].start - headHeight : 0;
  const bottomSpace = virtual && virtualRows.length > 0 ? rowVirtualizer.getTotalSize() - (virtualRows.at(-1)!.end - headHeight) : 0;
  const leftSpace = virtual ? colFrom * columnPx : 0;
  const rightSpace = virtual ? Math.max(0, model.columnCount - 1 - colTo) * columnPx : 0;
  const colWindow = useMemo<ColumnWindow>(() => ({ from: colFrom, to: colTo, spacers: virtual }), [colFrom, colTo, virtual]);

  const isRendered = (key: string): boolean => {
    const pos = model.positions.get(key);
    if (!pos) return false;
    const row = rowOfData.get(pos.row) ?? -1;
    return row >= rowFrom && row <= rowTo && pos.col >= colFrom && pos.col <= colTo;
  };

  /** Scrolls a cell into the rendered window (virtualised grids); true if it has to wait for a render. */
  const bringIntoView = (key: string): boolean => {
    if (!virtual || isRendered(key)) return false;
    const pos = model.positions.get(key);
    if (!pos) return false;
    rowVirtualizer.scrollToIndex(rowOfData.get(pos.row) ?? 0, { align: 'auto' });
    columnVirtualizer.scrollToIndex(pos.col, { align: 'auto' });
    return true;
  };

  const cellElement = (key: string) => tableRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null;

  const focusKey = (key: string) => {
    setFocusedKey(key);
    const element = bringIntoView(key) ? null : cellElement(key);
    if (element) element.focus();
    else setPendingFocus(key);
  };

  // A cell asked for while out of view is focused once the grid has rendered it.
  useEffect(() => {
    if (pendingFocus === null) return;
    const element = cellElement(pendingFocus);
    if (!element) return;
    element.focus();
    setPendingFocus(null);
    // Tried again as the rendered window moves while the grid scrolls to the cell.
  }, [pendingFocus, rowFrom, rowTo, colFrom, colTo]);

  // A selection made elsewhere (the evidence panel, search, a claim) scrolls the matrix to the cell.
  useEffect(() => {
    if (selectedKey !== null) bringIntoView(selectedKey);
    // Only when the selection changes, not on every scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey]);

  // Other parts of the window ask for a cell to be shown and focused (Escape in the editor, "Show in matrix").
  const revealRef = useRef<(key: string, focus: boolean) => boolean>(() => false);
  revealRef.current = (key, focus) => {
    if (!model.positions.has(key)) return false;
    if (focus) focusKey(key);
    else bringIntoView(key);
    return true;
  };
  useEffect(() => onRevealMatrixCell(({ key, focus }) => revealRef.current(key, focus)), []);

  const refAt = (row: number, col: number): CellRef | null => {
    const dataRow = model.dataRows[Math.max(0, Math.min(row, model.dataRows.length - 1))];
    if (!dataRow) return null;
    const last = lastIndex(dataRow);
    return dataRow.cells[Math.max(0, Math.min(col, last))] ?? null;
  };

  const focusRef = (ref: CellRef | null) => {
    if (ref) focusKey(ref.key);
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
        onSelect(refAt(at.row, at.col), event.key === 'Enter' ? 'status' : 'summary');
        break;
      case ' ':
        onSelect(refAt(at.row, at.col), null);
        break;
      case 'Escape':
        if (selectedKey === null) return;
        onSelect(null, null);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const ref = targetRef(event.target);
    if (ref) onSelect(ref, null);
  };

  const onDoubleClick = (event: MouseEvent<HTMLTableElement>) => {
    const ref = targetRef(event.target);
    if (ref) onSelect(ref, 'summary');
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    // Tabbing into a virtualised grid whose Tab stop is out of view lands on the table: go on to the cell.
    if (event.target === tableRef.current) {
      if (tabStopKey !== null) focusKey(tabStopKey);
      return;
    }
    const key = (event.target as HTMLElement).dataset.key;
    if (key !== undefined) setFocusedKey(key);
  };

  const selectedPos = selectedKey !== null ? model.positions.get(selectedKey) : undefined;
  const tabStopPos = tabStopKey !== null ? model.positions.get(tabStopKey) : undefined;
  const tabStopShown = tabStopKey === null || !virtual || isRendered(tabStopKey);
  const headRows = model.columns ? 1 : 0;
  const span = model.columnCount + 1;
  const renderedSpan = virtual ? colTo - colFrom + 1 + 3 : span;
  const shownRows = model.rows.slice(rowFrom, rowTo + 1);

  return (
    <table
      ref={tableRef}
      className={`matrix${differences ? ' is-differences' : ''}${virtual ? ' is-virtual' : ''}`}
      role="grid"
      aria-labelledby={labelledBy}
      aria-busy={cells === undefined}
      aria-rowcount={model.rows.length + headRows}
      aria-colcount={span}
      tabIndex={tabStopShown ? undefined : 0}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onFocus={onFocus}
      style={virtual ? { width: headPx + model.columnCount * columnPx } : { minWidth: headPx + model.columnCount * minColumnPx }}
      data-testid="matrix"
      data-orientation={model.orientation}
      data-virtual={virtual || undefined}
    >
      <colgroup>
        <col style={{ width: headPx }} />
        {virtual ? <col style={{ width: leftSpace }} /> : null}
        {Array.from({ length: colTo - colFrom + 1 }, (_, i) => (
          <col key={colFrom + i} style={virtual ? { width: columnPx } : undefined} />
        ))}
        {virtual ? <col style={{ width: rightSpace }} /> : null}
      </colgroup>
      {model.columns ? (
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <th scope="col" className="matrix-corner" aria-colindex={1}>
              {model.orientation === 'cases-as-columns' ? t('matrix.stage') : t('matrix.case')}
            </th>
            {virtual ? <th className="matrix-spacer" aria-hidden="true" /> : null}
            {model.columns.slice(colFrom, colTo + 1).map((column, i) =>
              column.kind === 'case' ? (
                <th key={column.kase.id} scope="col" className={`matrix-case${groupStarts?.has(column.kase.id) ? ' starts-group' : ''}`} data-case-id={column.kase.id} data-case={column.kase.name} aria-colindex={colFrom + i + 2}>
                  {groupStarts?.has(column.kase.id) ? <span className="matrix-case-group" title={groupStarts.get(column.kase.id)}>{groupStarts.get(column.kase.id)}</span> : null}
                  <span className="matrix-case-name">{column.kase.name}</span>
                  {column.kase.role === 'focal' ? <FocalMarker /> : null}
                  {column.kase.isoCode ? <span className="matrix-case-code">{column.kase.isoCode}</span> : null}
                </th>
              ) : (
                <th key={column.stage.id} scope="col" className="matrix-stage-col" data-stage-id={column.stage.id} aria-colindex={colFrom + i + 2}>
                  <StageLabel position={column.stage.position} label={column.stage.label} />
                </th>
              ),
            )}
            {virtual ? <th className="matrix-spacer" aria-hidden="true" /> : null}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {topSpace > 0 ? <SpacerRow height={topSpace} span={renderedSpan} /> : null}
        {shownRows.map((row, i) => (
          <Row
            key={row.key}
            row={row}
            rowIndex={rowFrom + i + 1 + headRows}
            measureRef={virtual ? rowVirtualizer.measureElement : undefined}
            virtualIndex={rowFrom + i}
            span={renderedSpan}
            colWindow={colWindow}
            cells={cells}
            evidence={evidence}
            differences={differences}
            focalCaseId={model.focalCaseId}
            focalName={focalName}
            selectedCol={row.kind === 'data' && selectedPos?.row === row.index ? selectedPos.col : -1}
            tabStopCol={row.kind === 'data' && tabStopPos?.row === row.index ? tabStopPos.col : -1}
          />
        ))}
        {bottomSpace > 0 ? <SpacerRow height={bottomSpace} span={renderedSpan} /> : null}
      </tbody>
    </table>
  );
}

/** The columns a row renders, and whether it pads the columns left out with a spacer cell on either side. */
interface ColumnWindow {
  from: number;
  to: number;
  spacers: boolean;
}

function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    <tr className="matrix-spacer-row" aria-hidden="true">
      <td colSpan={span} style={{ height }} />
    </tr>
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
  /** aria-rowindex: 1-based, counting the header row. */
  rowIndex: number;
  /** The row virtualiser's measuring ref (virtualised grids only) and the row's index for it. */
  measureRef: ((element: Element | null) => void) | undefined;
  virtualIndex: number;
  /** The number of columns the rendered row spans (for title rows). */
  span: number;
  colWindow: ColumnWindow;
  cells: ReadonlyMap<string, CellDto> | undefined;
  evidence: ReadonlyMap<string, number> | undefined;
  differences: boolean;
  focalCaseId: string | undefined;
  focalName: string | undefined;
  /** The column of the selected cell if it is in this row, else -1 (so that other rows skip re-rendering). */
  selectedCol: number;
  tabStopCol: number;
}

/**
 * A row re-renders only when something it shows changed: its own cells (or, in differences mode, the focal case's
 * cells they are compared with), the selection or the Tab stop within it, or the columns in view. A saved cell or a
 * move in a matrix of 1,920 cells thus touches one or two rows, not 48.
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (
    a.row !== b.row ||
    a.rowIndex !== b.rowIndex ||
    a.measureRef !== b.measureRef ||
    a.virtualIndex !== b.virtualIndex ||
    a.span !== b.span ||
    a.colWindow !== b.colWindow ||
    a.differences !== b.differences ||
    a.focalCaseId !== b.focalCaseId ||
    a.focalName !== b.focalName ||
    a.selectedCol !== b.selectedCol ||
    a.tabStopCol !== b.tabStopCol ||
    (a.cells === undefined) !== (b.cells === undefined)
  ) {
    return false;
  }
  if (a.row.kind !== 'data') return true;
  if (a.evidence !== b.evidence) {
    // Only this row's counts matter.
    for (const ref of a.row.cells) {
      const id = ref ? (b.cells ?? a.cells)?.get(ref.key)?.id : undefined;
      if (id !== undefined && a.evidence?.get(id) !== b.evidence?.get(id)) return false;
    }
  }
  if (a.cells === b.cells || !a.cells || !b.cells) return true;
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

/** A spacer cell standing for the columns left out on one side (virtualised grids). */
function ColumnSpacer({ show }: { show: boolean }) {
  return show ? <td className="matrix-spacer" aria-hidden="true" /> : null;
}

const Row = memo(function Row({
  row,
  rowIndex,
  measureRef,
  virtualIndex,
  span,
  colWindow,
  cells,
  evidence,
  differences,
  focalCaseId,
  focalName,
  selectedCol,
  tabStopCol,
}: RowProps) {
  const t = useT();
  const measure = measureRef ? { ref: measureRef, 'data-index': virtualIndex } : {};
  const { from, to, spacers } = colWindow;
  const columns = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  if (row.kind === 'norm') {
    const { norm } = row.block;
    return (
      <tr className="matrix-norm-row" data-norm-id={norm.id} aria-rowindex={rowIndex} {...measure}>
        <th colSpan={span} scope="colgroup" className="matrix-norm-head" aria-colindex={1}>
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
      <tr className="matrix-stage-head-row" aria-rowindex={rowIndex} {...measure}>
        <th scope="col" className="matrix-corner" aria-colindex={1}>
          {t('matrix.case')}
        </th>
        <ColumnSpacer show={spacers} />
        {columns.map((i) => {
          const stage = row.block.stages[i];
          return stage ? (
            <th key={stage.id} scope="col" className="matrix-stage-col" aria-colindex={i + 2}>
              <StageLabel position={stage.position} label={stage.label} />
            </th>
          ) : (
            <td key={`empty-${i}`} className="matrix-filler" aria-colindex={i + 2} />
          );
        })}
        <ColumnSpacer show={spacers} />
      </tr>
    );
  }
  const { head, block } = row;
  return (
    <tr data-row-index={row.index} aria-rowindex={rowIndex} {...measure}>
      {head.kind === 'stage' ? (
        <th scope="row" className="matrix-stage" title={block.norm.stageNotes[head.stage.id] || head.stage.description || undefined} aria-colindex={1}>
          <StageLabel position={head.stage.position} label={head.stage.label} />
        </th>
      ) : (
        <th scope="row" className="matrix-case-row" data-case={head.kase.name} aria-colindex={1}>
          <span className="matrix-case-name">{head.kase.name}</span>
          {head.kase.role === 'focal' ? <FocalMarker /> : null}
          {head.kase.isoCode ? <span className="matrix-case-code">{head.kase.isoCode}</span> : null}
        </th>
      )}
      <ColumnSpacer show={spacers} />
      {columns.map((col) => {
        const ref = row.cells[col] ?? null;
        return ref ? (
          <MatrixCell
            key={ref.key}
            cellRef={ref}
            row={row.index}
            col={col}
            cell={cells?.get(ref.key)}
            excerpts={cellExcerpts(cells, evidence, ref.key)}
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
          <td key={`empty-${col}`} className="matrix-filler" aria-colindex={col + 2} />
        );
      })}
      <ColumnSpacer show={spacers} />
    </tr>
  );
}, sameRow);

interface MatrixCellProps {
  cellRef: CellRef;
  row: number;
  col: number;
  cell: CellDto | undefined;
  /** Excerpts linked to the cell (0: none, or not known yet). */
  excerpts: number;
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

function cellExcerpts(cells: ReadonlyMap<string, CellDto> | undefined, evidence: ReadonlyMap<string, number> | undefined, key: string): number {
  const id = cells?.get(key)?.id;
  return id === undefined ? 0 : (evidence?.get(id) ?? 0);
}

const MatrixCell = memo(function MatrixCell({
  cellRef,
  row,
  col,
  cell,
  excerpts,
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
  const t = useT();
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
      aria-colindex={col + 2}
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
            <span className="status-label">{status ? status.label : t('matrix.noData')}</span>
            {cell?.mode ? <span className="cell-mode">
                {SEP}
                {t(MODE_LABELS[cell.mode])}
              </span> : null}
            {excerpts > 0 ? (
              <span className="cell-evidence" title={t('matrix.cellExcerptsTitle', { count: excerpts })} data-testid="cell-evidence">
                <QuoteIcon />
                {excerpts}
                <span className="visually-hidden"> {t('matrix.excerptsWord', { count: excerpts })}</span>
              </span>
            ) : null}
            {differs ? (
              <span className="diff-badge" title={t('matrix.differsTitle', { known: focalName === undefined ? 'no' : 'yes', name: focalName ?? '' })}>
                <NotEqualIcon />
                {t('matrix.focal')}
                <span className="visually-hidden"> {t('matrix.differsHidden', { known: focalName === undefined ? 'no' : 'yes', name: focalName ?? '' })}</span>
              </span>
            ) : null}
          </span>
          {summaryHtml ? <span className="cell-summary" dangerouslySetInnerHTML={{ __html: summaryHtml }} /> : null}
        </>
      )}
    </td>
  );
});
