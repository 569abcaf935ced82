import { useCallback, useEffect, useMemo, useState, type SetStateAction } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import type { ProjectSummary } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiAction } from '../api';
import { AddCaseDialog, AddNormDialog } from '../matrix/CreateDialogs';
import { DetailsPane } from './DetailsPane';
import { EvidenceCentre, EvidenceDetails } from '../evidence/EvidenceViews';
import { useEvidenceHost } from '../evidence/host';
import { evidencePageLabel, isEvidencePage } from '../evidence/nav';
import { FrameworksView } from '../frameworks/FrameworksView';
import { InlineAlert } from '../ui/InlineAlert';
import { historyKey, isTextField } from './keyboard';
import type { CellRef } from '../matrix/matrix-model';
import { cellKey } from '../matrix/matrix-model';
import { MatrixView } from '../matrix/MatrixView';
import { QcaView } from '../qca/QcaView';
import { ProjectStore } from '../project-store';
import { isRecordPage, RECORD_PAGES, RecordDetails, RecordView, useRecordNavigation } from '../record/RecordPages';
import { ReadOnlyBanner } from '../safety/ReadOnlyBanner';
import { TitleBarTools } from '../safety/TitleBarTools';
import { SaveQueue } from '../save-queue';
import type { EditField, Selection } from '../matrix/selection';
import { Sidebar, type Page } from './Sidebar';
import { useT } from '../i18n/use-t';
import { HistoryButtons, SaveIndicator, TitleBar } from './TitleBar';
import { revealMatrixCell } from '../matrix/matrix-focus';
import { loadSettings, shownNorms, storeSettings, type MatrixSettings } from '../matrix/view-state';
import { useEdit, useProject, useServices, WorkbenchContext, type WorkbenchServices } from '../workbench-context';

interface WorkbenchProps {
  summary: ProjectSummary;
  /** The open project changed behind this view (closed here, or closed elsewhere): ask again what is open. */
  onProjectChanged: () => void;
}

/** The three panes of an open project: navigation, the matrix (or frameworks), the selected thing's editor. */
export function Workbench(props: WorkbenchProps) {
  const [services] = useState<WorkbenchServices>(() => ({ store: new ProjectStore(api), queue: new SaveQueue() }));
  const path = props.summary.path;
  useEffect(() => {
    // The norms the matrix opens on (as it was left), unless that is all of them: their cells are asked for first.
    void services.store.open((overview) => {
      const { norms, stacked } = shownNorms(loadSettings(path), overview.norms);
      return stacked ? null : norms.map((n) => n.id);
    });
  }, [services, path]);
  return (
    <WorkbenchContext.Provider value={services}>
      <WorkbenchFrame {...props} />
    </WorkbenchContext.Provider>
  );
}

function WorkbenchFrame({ summary, onProjectChanged }: WorkbenchProps) {
  const t = useT();
  const { store, queue } = useServices();
  const snapshot = useProject();
  const { overview } = snapshot;
  const close = useApiAction('project.close');
  const reorderCases = useEdit('cases.reorder');
  const reorderNorms = useEdit('norms.reorder');
  const [settings, setSettings] = useState<MatrixSettings>(() => loadSettings(summary.path));
  const [page, setPageState] = useState<Page>('matrix');
  // A case clicked in the sidebar on a page with details of its own (record, evidence): its profile is shown there
  // until the researcher turns to the page again (another page, or a click or focus in the page's centre).
  const [profileCaseId, setProfileCaseId] = useState<string | null>(null);
  const setPage = useCallback((next: SetStateAction<Page>) => {
    setProfileCaseId(null);
    setPageState(next);
  }, []);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [focusField, setFocusField] = useState<EditField>('status');
  const [dialog, setDialog] = useState<'case' | 'norm' | null>(null);
  const [notice, setNotice] = useState<ApiError | undefined>(undefined);
  // The panes' widths, as the researcher left them (dragged or moved with the arrow keys on a separator).
  const paneLayout = useDefaultLayout({ id: 'comparanda-panes', storage: localStorage, onlySaveAfterUserInteractions: true });

  useEffect(() => storeSettings(summary.path, settings), [summary.path, settings]);
  useRecordNavigation({ setPage, setSettings, setSelection });
  useEvidenceHost({ setPage, setSettings, setSelection });

  const runHistory = useCallback(
    async (which: 'undo' | 'redo') => {
      setNotice(undefined);
      try {
        await queue.flush();
        const { history: state } = store.getSnapshot();
        // Nothing to take back (or to do again): the key press is simply a no-op, as in any editor.
        if (which === 'undo' ? !state.canUndo : !state.canRedo) return;
        const history = await (which === 'undo' ? api['history.undo']({}) : api['history.redo']({}));
        store.setHistory(history);
        await store.refresh();
      } catch (error) {
        setNotice(toApiError(error));
        void store.refresh();
      }
    },
    [queue, store],
  );

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z or Ctrl+Y undo and redo edits, except in a text field, where they undo typing.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const which = historyKey(event);
      if (!which || event.defaultPrevented || isTextField(document.activeElement)) return;
      event.preventDefault();
      void runHistory(which);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [runHistory]);

  // Electron's Edit menu sends the same commands (its accelerators are left to the page, above).
  useEffect(() => {
    const bridge = window.comparanda;
    if (!bridge?.onCommand) return undefined;
    return bridge.onCommand((command) => {
      if (isTextField(document.activeElement)) document.execCommand(command);
      else void runHistory(command);
    });
  }, [runHistory]);

  // Typing not yet stored is sent before the window goes; if it cannot be, the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.dirty) return;
      void queue.flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [queue]);

  const onSelectCell = useCallback((ref: CellRef | null, edit: EditField | null) => {
    setSelection(ref ? { kind: 'cell', normId: ref.normId, caseId: ref.caseId, stageId: ref.stageId } : null);
    setFocusRequest((n) => (edit ? n + 1 : 0));
    if (edit) setFocusField(edit);
  }, []);

  const selectedKey = selection?.kind === 'cell' ? cellKey(selection.normId, selection.caseId, selection.stageId) : null;

  // Until every cell is in, the matrix may show the cells asked for first, if they are those of the norms it shows.
  const matrixCells = useMemo(() => {
    if (snapshot.cells || !snapshot.early || !overview) return snapshot.cells;
    const { norms } = shownNorms(settings, overview.norms);
    const early = snapshot.early;
    return norms.every((n) => early.normIds.has(n.id)) ? early.cells : undefined;
  }, [snapshot.cells, snapshot.early, overview, settings]);

  const onReturnToGrid = useCallback(() => {
    void queue.flush();
    if (selectedKey === null) return;
    revealMatrixCell(selectedKey);
  }, [queue, selectedKey]);

  const onSelectNorm = useCallback((normId: string) => {
    setPage('matrix');
    setSettings((s) => ({ ...s, normIds: [normId] }));
    setSelection({ kind: 'norm', normId });
  }, [setPage]);
  const onSelectCase = useCallback((caseId: string) => {
    setSelection({ kind: 'case', caseId });
    setProfileCaseId(caseId);
  }, []);
  const onAddCase = useCallback(() => setDialog('case'), []);
  const onAddNorm = useCallback(() => setDialog('norm'), []);
  const runReorderCases = reorderCases.run;
  const runReorderNorms = reorderNorms.run;
  const onReorderCases = useCallback((ids: string[]) => void runReorderCases({ ids }), [runReorderCases]);
  const onReorderNorms = useCallback((ids: string[]) => void runReorderNorms({ ids }), [runReorderNorms]);

  const onClose = async () => {
    await queue.flush();
    const closed = await close.run({});
    if (closed !== undefined) onProjectChanged();
  };

  const error = snapshot.overviewError ?? close.error;
  const lostProject = error?.code === 'NO_PROJECT_OPEN';
  const editError = reorderCases.error ?? reorderNorms.error ?? notice;
  const current = overview ? shownNorms(settings, overview.norms) : undefined;
  const focal = overview?.cases.find((c) => c.role === 'focal' && !c.archived);
  const pageLabel = page === 'qca' ? t('qca.navLabel') : page === 'matrix' ? t('shell.matrix') : isRecordPage(page) ? t(RECORD_PAGES.find((p) => p.page === page)?.label ?? 'record.page.claims') : isEvidencePage(page) ? evidencePageLabel(page) : t('shell.frameworks');

  return (
    <div className="app">
      <TitleBar project={overview?.project ?? summary}>
        <HistoryButtons history={snapshot.history} onRun={(which) => void runHistory(which)} />
        <SaveIndicator />
        <TitleBarTools summary={summary} />
        <button type="button" className="button button-small" onClick={() => void onClose()} disabled={close.pending}>
          {t('shell.closeProject')}
        </button>
      </TitleBar>
      <ReadOnlyBanner project={overview?.project ?? summary} />
      {error ? (
        <div className="page">
          <InlineAlert
            message={error.message}
            actionLabel={lostProject ? t('shell.showOpenProjects') : t('shell.tryAgain')}
            onAction={lostProject ? onProjectChanged : close.error ? close.clearError : () => void store.refresh()}
          />
        </div>
      ) : !overview ? (
        <p className="page muted" role="status">
          {t('shell.loadingProject', { title: summary.title })}
        </p>
      ) : (
        // The three panes and the separators between them are the main landmark (named after the page shown), so that
        // nothing focusable lies outside a landmark; the navigation and the details pane are landmarks inside it.
        <Group
          className="panes"
          role="main"
          aria-label={pageLabel}
          orientation="horizontal"
          defaultLayout={paneLayout.defaultLayout}
          onLayoutChanged={paneLayout.onLayoutChanged}
        >
          <Panel id="nav" className="pane-slot" defaultSize={236} minSize={170} maxSize={420}>
          <Sidebar
            cases={overview.cases}
            norms={overview.norms}
            page={page}
            onPage={setPage}
            currentNormId={current && !current.stacked ? current.norms[0]?.id : undefined}
            selectedCaseId={selection?.kind === 'case' ? selection.caseId : undefined}
            selectedNormId={selection?.kind === 'norm' ? selection.normId : undefined}
            onSelectCase={onSelectCase}
            onSelectNorm={onSelectNorm}
            onAddCase={onAddCase}
            onAddNorm={onAddNorm}
            onReorderCases={onReorderCases}
            onReorderNorms={onReorderNorms}
          />
          </Panel>
          <Separator className="pane-separator" aria-label={t('shell.resizeNav')} />
          <Panel id="centre" className="pane-slot" minSize={360}>
          <section
            className="pane pane-centre"
            aria-label={pageLabel}
            data-testid="page-centre"
            onPointerDownCapture={() => setProfileCaseId(null)}
            onFocusCapture={() => setProfileCaseId(null)}
          >
            {editError ? (
              <InlineAlert
                message={editError.message}
                actionLabel={t('shell.dismiss')}
                onAction={() => {
                  setNotice(undefined);
                  reorderCases.clearError();
                  reorderNorms.clearError();
                }}
              />
            ) : null}
            {page === 'matrix' ? (
              <MatrixView
                overview={overview}
                cells={matrixCells}
                evidence={snapshot.evidence}
                cellsError={snapshot.cellsError}
                onRetry={() => void store.refresh(['cells'])}
                settings={settings}
                onSettings={setSettings}
                selectedKey={selectedKey}
                onSelectCell={onSelectCell}
              />
            ) : isRecordPage(page) ? (
              <RecordView page={page} />
            ) : isEvidencePage(page) ? (
              <EvidenceCentre page={page} />
            ) : page === 'qca' ? (
              <QcaView onOpenCase={onSelectCase} />
            ) : (
              <FrameworksView frameworks={overview.frameworks} norms={overview.norms} />
            )}
          </section>
          </Panel>
          <Separator className="pane-separator" aria-label={t('shell.resizeDetails')} />
          <Panel id="details" className="pane-slot" defaultSize={360} minSize={260} maxSize={680}>
          <aside className="pane pane-details" aria-label={t('shell.details')}>
            {profileCaseId !== null && overview.cases.some((c) => c.id === profileCaseId) && page !== 'matrix' ? (
              <DetailsPane selection={{ kind: 'case', caseId: profileCaseId }} overview={overview} cells={snapshot.cells} focusRequest={0} onReturnToGrid={onReturnToGrid} />
            ) : isRecordPage(page) ? (
              <RecordDetails page={page} />
            ) : isEvidencePage(page) ? (
              <EvidenceDetails page={page} />
            ) : page === 'frameworks' ? (
              // The matrix's cells are edited beside the matrix only; here a case or norm chosen in the sidebar.
              <DetailsPane selection={selection?.kind === 'cell' ? null : selection} overview={overview} cells={snapshot.cells} focusRequest={0} onReturnToGrid={onReturnToGrid} page="frameworks" />
            ) : (
              <DetailsPane
                selection={selection}
                overview={overview}
                cells={snapshot.cells}
                focusRequest={focusRequest}
                focusField={focusField}
                onReturnToGrid={onReturnToGrid}
              />
            )}
          </aside>
          </Panel>
        </Group>
      )}
      {dialog === 'case' ? (
        <AddCaseDialog
          focalName={focal?.name}
          onClose={() => setDialog(null)}
          onCreated={(kase) => {
            setDialog(null);
            setSelection({ kind: 'case', caseId: kase.id });
          }}
        />
      ) : null}
      {dialog === 'norm' && overview ? (
        <AddNormDialog
          frameworks={overview.frameworks}
          onClose={() => setDialog(null)}
          onCreated={(norm) => {
            setDialog(null);
            onSelectNorm(norm.id);
          }}
        />
      ) : null}
    </div>
  );
}
