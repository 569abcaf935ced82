/**
 * How the workbench lends itself to the evidence views: one hook, called by the workbench, that lets them change
 * the page and show a cell in the matrix, and that makes Ctrl/Cmd+F open the search from anywhere.
 */
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { CaseDto } from '../../../electron/contract/api';
import { valueKey } from '../../../electron/contract/columns';
import { revealMatrixCell } from '../matrix/matrix-focus';
import { cellKey } from '../matrix/matrix-model';
import type { Selection } from '../matrix/selection';
import type { MatrixSettings } from '../matrix/view-state';
import { useProject } from '../workbench-context';
import type { EvidencePage } from './nav';
import { useEvidenceStore, type CellTarget } from './store';

interface HostProps {
  setPage: (page: EvidencePage | 'matrix') => void;
  setSettings: Dispatch<SetStateAction<MatrixSettings>>;
  setSelection: (selection: Selection) => void;
}

/**
 * Matrix settings that show the cell: its norm (unless all norms are stacked) and its case, also when the columns'
 * attribute filters leave the case out (they are dropped then; a grouping stays).
 */
export function revealCell(settings: MatrixSettings, cell: CellTarget, cases: readonly CaseDto[] = []): MatrixSettings {
  const normShown = settings.normIds !== null && (settings.normIds.length === 0 || settings.normIds.includes(cell.normId));
  const caseHidden = settings.hiddenCaseIds.includes(cell.caseId);
  const kase = cases.find((c) => c.id === cell.caseId);
  const filteredOut = kase !== undefined && kase.role !== 'focal' && settings.columns.filters.some((f) => !f.values.includes(valueKey(kase, f.attributeId)));
  if (normShown && !caseHidden && !filteredOut) return settings;
  return {
    ...settings,
    normIds: normShown ? settings.normIds : [cell.normId],
    hiddenCaseIds: settings.hiddenCaseIds.filter((id) => id !== cell.caseId),
    columns: filteredOut ? { ...settings.columns, filters: [] } : settings.columns,
    viewId: null,
  };
}

/** Focuses a matrix cell once the matrix shows it (it may be rendering after a page change, or out of view). */
function focusCellWhenShown(cell: CellTarget): void {
  const key = cellKey(cell.normId, cell.caseId, cell.stageId);
  let frames = 0;
  const attempt = () => {
    if (revealMatrixCell(key)) return;
    if (++frames < 60) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

export function useEvidenceHost({ setPage, setSettings, setSelection }: HostProps): void {
  const store = useEvidenceStore();
  // Read when a cell is shown, not a reason to lend the host again.
  const cases = useRef<readonly CaseDto[]>([]);
  const overview = useProject().overview;
  useEffect(() => {
    cases.current = overview?.cases ?? [];
  }, [overview]);

  useEffect(() => {
    return store.setHost({
      showPage: setPage,
      showCell: (cell) => {
        setPage('matrix');
        setSettings((settings) => revealCell(settings, cell, cases.current));
        setSelection({ kind: 'cell', normId: cell.normId, caseId: cell.caseId, stageId: cell.stageId });
        focusCellWhenShown(cell);
      },
      showNorm: (normId) => {
        setPage('matrix');
        setSettings((settings) => ({ ...settings, normIds: [normId], viewId: null }));
        setSelection({ kind: 'norm', normId });
      },
      showCase: (caseId) => {
        setPage('matrix');
        setSelection({ kind: 'case', caseId });
      },
    });
  }, [store, setPage, setSettings, setSelection]);

  // Ctrl/Cmd+F searches the project from anywhere (the browser's find-in-page cannot see unloaded pages).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      store.focusSearch();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
