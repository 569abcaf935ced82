import type { CellDto, ProjectOverview } from '../../../electron/contract/api';
import { CaseEditor } from '../matrix/CaseEditor';
import { CellEditor } from '../matrix/CellEditor';
import { cellKey, frameworkOf } from '../matrix/matrix-model';
import { NormEditor } from '../matrix/NormEditor';
import type { EditField, Selection } from '../matrix/selection';
import { useT } from '../i18n/use-t';

interface DetailsPaneProps {
  selection: Selection | null;
  overview: ProjectOverview;
  cells: ReadonlyMap<string, CellDto> | undefined;
  focusRequest: number;
  /** The cell editor's field that takes the focus on a focus request. */
  focusField?: EditField;
  onReturnToGrid: () => void;
  /** The page beside which the pane stands, when it is not the matrix (what it says with nothing selected). */
  page?: 'frameworks';
}

/** The right pane: an editor for the selected cell, case or norm. */
export function DetailsPane({ selection, overview, cells, focusRequest, focusField = 'status', onReturnToGrid, page }: DetailsPaneProps) {
  const t = useT();
  if (selection?.kind === 'case') {
    const kase = overview.cases.find((c) => c.id === selection.caseId);
    if (kase) {
      const focal = overview.cases.find((c) => c.role === 'focal' && c.id !== kase.id && !c.archived);
      return <CaseEditor key={kase.id} kase={kase} attributes={overview.attributes} focalName={focal?.name} />;
    }
  } else if (selection?.kind === 'norm') {
    const norm = overview.norms.find((n) => n.id === selection.normId);
    if (norm) return <NormEditor key={norm.id} norm={norm} frameworks={overview.frameworks} />;
  } else if (selection?.kind === 'cell') {
    const norm = overview.norms.find((n) => n.id === selection.normId);
    const framework = frameworkOf(norm, overview.frameworks);
    const kase = overview.cases.find((c) => c.id === selection.caseId);
    const stage = framework?.stages.find((s) => s.id === selection.stageId);
    if (norm && framework && kase && stage) {
      const key = cellKey(norm.id, kase.id, stage.id);
      return (
        <CellEditor
          key={key}
          target={selection}
          norm={norm}
          framework={framework}
          kase={kase}
          stage={stage}
          cell={cells?.get(key)}
          focusRequest={focusRequest}
          focusField={focusField}
          onReturnToGrid={onReturnToGrid}
        />
      );
    }
  }

  return (
    <div className="details" data-testid="details-empty">
      <h2 className="pane-heading">{t('shell.details')}</h2>
      {page === 'frameworks' ? (
        <p className="muted">{t('shell.detailsFrameworks')}</p>
      ) : (
        <p className="muted">{t('shell.detailsMatrix')}</p>
      )}
    </div>
  );
}
