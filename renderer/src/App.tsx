import { useEffect } from 'react';
import { transportKind, useApiQuery } from './api';
import { EmptyState } from './shell/EmptyState';
import { InlineAlert } from './ui/InlineAlert';
import { SessionCodeForm } from './shell/SessionCodeForm';
import { useUnlockRequest } from './safety/unlock-request';
import { UnlockPage } from './safety/UnlockScreen';
import { TitleBar } from './shell/TitleBar';
import { Workbench } from './shell/Workbench';
import { keepHiddenPartsInert } from './ui/inert-hidden';
import { useT } from './i18n/use-t';

/** The product's name: a name, the same in every language. */
const APP_NAME = 'Comparanda';

export function App() {
  const t = useT();
  const current = useApiQuery('project.current', {});
  const project = current.data;
  // An encrypted project to unlock (?unlock=<path> from Electron, or asked for by the empty state).
  const unlockPath = useUnlockRequest();

  useEffect(() => keepHiddenPartsInert(), []);

  useEffect(() => {
    // The window title leaves the app (browser history and session files, task bars, screen sharing): an encrypted
    // project is named there by its file name only, as in the recent list.
    const name = project ? (project.encrypted ? project.fileName : project.title) : null;
    document.title = name ? `${name} — ${APP_NAME}` : APP_NAME;
  }, [project]);

  if (unlockPath !== null) return <UnlockPage path={unlockPath} onDone={current.reload} />;

  if (project) {
    // Keyed by file: another project starts with a fresh selection, norm and scroll position.
    return <Workbench key={project.path} summary={project} onProjectChanged={current.reload} />;
  }

  return (
    <div className="app">
      <TitleBar />
      {current.error?.code === 'UNAUTHORIZED' && transportKind === 'http' ? (
        <SessionCodeForm onStarted={current.reload} />
      ) : current.error ? (
        <div className="page">
          {/* Refused by the app's own checks, trying again cannot help: the message says what to do instead. */}
          {current.error.code === 'UNAUTHORIZED' ? (
            <InlineAlert message={current.error.message} />
          ) : (
            <InlineAlert message={current.error.message} actionLabel={t('shell.tryAgain')} onAction={current.reload} />
          )}
        </div>
      ) : project === null ? (
        <EmptyState onOpened={current.reload} />
      ) : (
        <p className="page muted" role="status">
          {t('shell.loading')}
        </p>
      )}
    </div>
  );
}
