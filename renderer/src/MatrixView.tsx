import { useRef, useState, type KeyboardEvent } from 'react';
import type { CaseDto, CellDto, FrameworkDto, NormDto } from '../../electron/contract/api';
import type { ApiError } from '../../electron/contract/errors';
import { InlineAlert } from './InlineAlert';
import { cellKey, firstLine, MODE_LABELS, orderStages, statusOf } from './matrix-model';
import type { Selection } from './selection';
import { StatusSwatch } from './StatusSwatch';

interface MatrixViewProps {
  norm: NormDto;
  framework: FrameworkDto;
  /** Already ordered: the focal case first. */
  cases: CaseDto[];
  /** Undefined while the norm's cells are loading. */
  cells: Map<string, CellDto> | undefined;
  cellsError: ApiError | undefined;
  onRetry: () => void;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
}

const STAGE_COLUMN_PX = 190;
const MIN_CASE_COLUMN_PX = 200;

interface Position {
  row: number;
  col: number;
}

/**
 * One norm's matrix, read-only: stages as rows, cases as columns. A grid with one Tab stop; arrows, Home/End and
 * Ctrl+Home/End move, Enter or Space selects a cell for the details pane, Escape clears the selection.
 */
export function MatrixView({ norm, framework, cases, cells, cellsError, onRetry, selection, onSelect }: MatrixViewProps) {
  const stages = orderStages(framework.stages);
  const tableRef = useRef<HTMLTableElement>(null);
  const [focused, setFocused] = useState<Position | null>(null);

  const selectedPos: Position | null =
    selection?.kind === 'cell'
      ? { row: stages.findIndex((s) => s.id === selection.stageId), col: cases.findIndex((c) => c.id === selection.caseId) }
      : null;
  const clamp = (p: Position): Position => ({
    row: Math.max(0, Math.min(p.row, stages.length - 1)),
    col: Math.max(0, Math.min(p.col, cases.length - 1)),
  });
  const valid = (p: Position | null): p is Position => p !== null && p.row >= 0 && p.col >= 0;
  const tabStop = clamp(valid(focused) ? focused : valid(selectedPos) ? selectedPos : { row: 0, col: 0 });

  const select = (p: Position) => {
    const stage = stages[p.row];
    const kase = cases[p.col];
    if (stage && kase) onSelect({ kind: 'cell', caseId: kase.id, stageId: stage.id });
  };

  const moveTo = (p: Position) => {
    const next = clamp(p);
    setFocused(next);
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${next.row}"][data-col="${next.col}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    if (target.dataset.row === undefined || target.dataset.col === undefined) return;
    const at: Position = { row: Number(target.dataset.row), col: Number(target.dataset.col) };
    const ctrl = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowUp':
        moveTo({ ...at, row: at.row - 1 });
        break;
      case 'ArrowDown':
        moveTo({ ...at, row: at.row + 1 });
        break;
      case 'ArrowLeft':
        moveTo({ ...at, col: at.col - 1 });
        break;
      case 'ArrowRight':
        moveTo({ ...at, col: at.col + 1 });
        break;
      case 'Home':
        moveTo(ctrl ? { row: 0, col: 0 } : { ...at, col: 0 });
        break;
      case 'End':
        moveTo(ctrl ? { row: stages.length - 1, col: cases.length - 1 } : { ...at, col: cases.length - 1 });
        break;
      case 'Enter':
      case ' ':
        select(at);
        break;
      case 'Escape':
        if (!selection) return;
        onSelect(null);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const sourceLine = [norm.instrument, norm.paragraph, norm.diffusingAgent ? `diffused by ${norm.diffusingAgent}` : '']
    .filter((part) => part.trim() !== '')
    .join(' · ');

  return (
    <section className="matrix-view" aria-labelledby="matrix-norm-label">
      <header className="matrix-header">
        <p className="eyebrow">Norm</p>
        <h2 id="matrix-norm-label" className="matrix-norm" data-testid="matrix-norm">
          {norm.label}
        </h2>
        {sourceLine ? <p className="matrix-source muted">{sourceLine}</p> : null}
      </header>

      {cellsError ? <InlineAlert message={cellsError.message} actionLabel="Try again" onAction={onRetry} /> : null}

      {cases.length === 0 ? (
        <p className="muted">No cases yet — add Kazakhstan as the focal case and Belarus, Russia… to compare it with.</p>
      ) : (
        <table
          ref={tableRef}
          className="matrix"
          role="grid"
          aria-labelledby="matrix-norm-label"
          aria-readonly="true"
          aria-busy={cells === undefined && !cellsError}
          onKeyDown={onKeyDown}
          // Many cases scroll sideways instead of squeezing every column to a sliver.
          style={{ minWidth: STAGE_COLUMN_PX + cases.length * MIN_CASE_COLUMN_PX }}
          data-testid="matrix"
        >
          <colgroup>
            <col style={{ width: STAGE_COLUMN_PX }} />
            {cases.map((c) => (
              <col key={c.id} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                Stage
              </th>
              {cases.map((c) => (
                <th key={c.id} scope="col" className="matrix-case" data-case-id={c.id}>
                  <span className="matrix-case-name">{c.name}</span>
                  {c.role === 'focal' ? (
                    <span className="focal-tag">
                      <span aria-hidden="true">★ </span>focal
                    </span>
                  ) : null}
                  {c.isoCode ? <span className="matrix-case-code">{c.isoCode}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stages.map((stage, row) => (
              <tr key={stage.id}>
                <th scope="row" className="matrix-stage" title={norm.stageNotes[stage.id] ?? stage.description}>
                  <span className="stage-head">
                    <span className="stage-number">{stage.position}</span>{' '}
                    <span className="stage-label">{stage.label}</span>
                  </span>
                </th>
                {cases.map((kase, col) => {
                  const cell = cells?.get(cellKey(kase.id, stage.id));
                  const isSelected = selection?.kind === 'cell' && selection.caseId === kase.id && selection.stageId === stage.id;
                  const isTabStop = tabStop.row === row && tabStop.col === col;
                  return (
                    <td
                      key={kase.id}
                      role="gridcell"
                      className={`matrix-cell${isSelected ? ' is-selected' : ''}${cell ? '' : ' is-empty'}`}
                      tabIndex={isTabStop ? 0 : -1}
                      aria-selected={isSelected}
                      data-row={row}
                      data-col={col}
                      data-case={kase.name}
                      data-stage={stage.label}
                      title={cell?.summary || undefined}
                      onFocus={() => setFocused({ row, col })}
                      onClick={() => select({ row, col })}
                    >
                      {cells === undefined ? null : <CellContent cell={cell} framework={framework} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="matrix-hint muted">Arrow keys move between cells · Enter shows a cell’s details · Esc clears the selection</p>
      {norm.description ? (
        <section className="matrix-about" aria-labelledby="matrix-about-title">
          <h3 id="matrix-about-title" className="section-heading">
            The norm
          </h3>
          <p className="prose">{norm.description}</p>
        </section>
      ) : null}
    </section>
  );
}

function CellContent({ cell, framework }: { cell: CellDto | undefined; framework: FrameworkDto }) {
  if (!cell) {
    return (
      <span className="cell-status cell-status-empty">
        <StatusSwatch />
        <span className="status-label">No data</span>
      </span>
    );
  }
  const status = statusOf(cell.status, framework);
  const summary = firstLine(cell.summary);
  return (
    <>
      <span className="cell-status">
        <StatusSwatch palette={status.palette} />
        <span className="status-label">{status.label}</span>
        {cell.mode ? <span className="cell-mode"> · {MODE_LABELS[cell.mode]}</span> : null}
      </span>
      {summary ? <span className="cell-summary">{summary}</span> : null}
    </>
  );
}
