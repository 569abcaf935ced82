import { useMemo, useState } from 'react';
import type { ProjectSummary } from '../../electron/contract/api';
import { useApiAction, useApiQuery } from './api';
import { DetailsPane } from './DetailsPane';
import { InlineAlert } from './InlineAlert';
import { MatrixView } from './MatrixView';
import { frameworkOf, indexCells, orderCases } from './matrix-model';
import type { Selection } from './selection';
import { Sidebar } from './Sidebar';
import { TitleBar } from './TitleBar';

interface WorkbenchProps {
  summary: ProjectSummary;
  /** The open project changed behind this view (closed here, or closed elsewhere): ask again what is open. */
  onProjectChanged: () => void;
}

/** The three panes of an open project: navigation, the matrix, the selected thing's details. */
export function Workbench({ summary, onProjectChanged }: WorkbenchProps) {
  const overview = useApiQuery('project.overview', {});
  const [chosenNormId, setChosenNormId] = useState<string | undefined>(undefined);
  const [selection, setSelection] = useState<Selection | null>(null);
  const close = useApiAction('project.close');

  const norms = useMemo(() => [...(overview.data?.norms ?? [])].sort((a, b) => a.position - b.position), [overview.data]);
  const cases = useMemo(() => orderCases(overview.data?.cases ?? []), [overview.data]);
  const norm = norms.find((n) => n.id === chosenNormId) ?? norms[0];
  const framework = frameworkOf(norm, overview.data?.frameworks ?? []);
  const cells = useApiQuery('cells.list', norm ? { normId: norm.id } : null);
  const cellIndex = useMemo(() => (cells.data ? indexCells(cells.data) : undefined), [cells.data]);

  const onClose = async () => {
    const closed = await close.run({});
    if (closed !== undefined) onProjectChanged();
  };

  const error = overview.error ?? close.error;
  const lostProject = error?.code === 'NO_PROJECT_OPEN';

  return (
    <div className="app">
      <TitleBar project={overview.data?.project ?? summary}>
        <button type="button" className="button button-small" onClick={() => void onClose()} disabled={close.pending}>
          Close project
        </button>
      </TitleBar>
      {error ? (
        <div className="page">
          <InlineAlert
            message={error.message}
            actionLabel={lostProject ? 'Show open projects' : 'Try again'}
            onAction={lostProject ? onProjectChanged : close.error ? close.clearError : overview.reload}
          />
        </div>
      ) : !overview.data ? (
        <p className="page muted" role="status">
          Loading {summary.title}…
        </p>
      ) : (
        <div className="panes">
          <Sidebar
            cases={cases}
            norms={norms}
            currentNormId={norm?.id}
            selectedCaseId={selection?.kind === 'case' ? selection.caseId : undefined}
            onSelectNorm={setChosenNormId}
            onSelectCase={(caseId) => setSelection({ kind: 'case', caseId })}
          />
          <main className="pane pane-centre" aria-label="Matrix">
            {norm && framework ? (
              <MatrixView
                norm={norm}
                framework={framework}
                cases={cases}
                cells={cellIndex}
                cellsError={cells.error}
                onRetry={cells.reload}
                selection={selection}
                onSelect={setSelection}
              />
            ) : (
              <div className="page">
                <h2 className="pane-heading">No norms yet</h2>
                <p className="muted">
                  A matrix compares cases on one norm. This project has none yet: add a norm such as international election
                  observation (Copenhagen Document 1990, para. 8).
                </p>
              </div>
            )}
          </main>
          <aside className="pane pane-details" aria-label="Details">
            <DetailsPane selection={selection} norm={norm} framework={framework} cases={cases} cells={cellIndex} />
          </aside>
        </div>
      )}
    </div>
  );
}
