import type { ReactNode } from 'react';
import type { HistoryState, ProjectSummary } from '../../../electron/contract/api';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { CheckIcon, UndoIcon } from '../ui/icons';
import { MOD } from './keyboard';
import { useSaveStatus, useServices } from '../workbench-context';
import { useT } from '../i18n/use-t';
import { EM_DASH, SPACE } from '../ui/marks';

/** The product's name: a name, the same in every language. */
const APP_NAME = 'Comparanda';
const DOT = '·';

interface TitleBarProps {
  project?: ProjectSummary | undefined;
  children?: ReactNode;
}

/** The line above the panes: which project is open, from which file; then undo, the save state and actions. */
export function TitleBar({ project, children }: TitleBarProps) {
  return (
    <header className="titlebar">
      <span className="titlebar-app">{APP_NAME}</span>
      {project ? (
        <>
          <span className="titlebar-sep" aria-hidden="true">
            {EM_DASH}
          </span>
          <h1 className="titlebar-title" title={project.title} data-testid="project-title">
            {project.title}
          </h1>
          <span className="titlebar-sep" aria-hidden="true">
            {DOT}
          </span>
          <span className="titlebar-file" title={project.path} data-testid="project-file">
            {project.fileName}
          </span>
        </>
      ) : null}
      <span className="titlebar-spacer" />
      {children}
      <LanguagePicker />
    </header>
  );
}

/** Undo and Redo of the last matrix or structure edit; the title says which edit. */
export function HistoryButtons({ history, onRun }: { history: HistoryState; onRun: (which: 'undo' | 'redo') => void }) {
  const t = useT();
  return (
    <span className="history-buttons">
      <button
        type="button"
        className="button button-small button-icon"
        aria-label={t('shell.undo')}
        title={history.undoLabel ? t('shell.undoWhat', { what: history.undoLabel, keys: `${MOD}Z` }) : t('shell.nothingToUndo')}
        disabled={!history.canUndo}
        onClick={() => onRun('undo')}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className="button button-small button-icon"
        aria-label={t('shell.redo')}
        title={history.redoLabel ? t('shell.redoWhat', { what: history.redoLabel, keys: `${MOD}Shift+Z` }) : t('shell.nothingToRedo')}
        disabled={!history.canRedo}
        onClick={() => onRun('redo')}
      >
        <UndoIcon flip />
      </button>
    </span>
  );
}

/** "Saving…", "Saved ✓" or "Not saved — reason [Retry]": what typed work is safe. */
export function SaveIndicator() {
  const t = useT();
  const { queue } = useServices();
  const status = useSaveStatus();
  return (
    <span className={`save-state save-${status.kind}`} data-testid="save-state">
      <span role="status" aria-live="polite" className="save-text">
        {status.kind === 'saving' ? (
          t('shell.saving')
        ) : status.kind === 'saved' ? (
          <>
            {t('shell.saved')}
            {SPACE}
            <CheckIcon />
          </>
        ) : (
          t('shell.notSaved', { reason: status.message })
        )}
      </span>
      {status.kind === 'failed' ? (
        <button type="button" className="button button-small" onClick={() => void queue.retry()}>
          {t('shell.retry')}
        </button>
      ) : null}
    </span>
  );
}
