import { useState, type FormEvent } from 'react';
import type { RecentProject } from '../../../electron/contract/api';
import { api, transportKind, useApiQuery } from '../api';
import { useFormAction } from '../ui/form-action';
import { InlineAlert } from '../ui/InlineAlert';
import { SPACE } from '../ui/marks';
import { Modal } from '../ui/Modal';
import { NewProjectSection } from '../safety/NewProjectDialog';
import { useOpenProject } from '../safety/open-project';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';

interface EmptyStateProps {
  onOpened: () => void;
}

/** No project open: what Comparanda is, and the ways to open one (the browser has no File menu). */
export function EmptyState({ onOpened }: EmptyStateProps) {
  const t = useT();
  const recent = useApiQuery('project.recent', {});
  // Like project.open, but an encrypted file leads to the unlock screen and one in use elsewhere is offered read-only.
  const open = useOpenProject(onOpened);
  const [path, setPath] = useState('');

  const openPath = async (target: string) => {
    const opened = await open.run({ path: target });
    if (opened) onOpened();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = path.trim();
    if (target) void openPath(target);
  };

  return (
    <main className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title" className="empty-title">
        {t('shell.noProject')}
      </h1>
      <p className="empty-lede">{t('shell.lede')}</p>
      <p>
        <Msg id="shell.openHow" />
        {transportKind === 'http' ? (
          <>
            {SPACE}
            {t('shell.openHowBrowser')}
          </>
        ) : null}
      </p>

      {open.error ? <InlineAlert message={open.error.message} {...open.errorAction} /> : null}

      <section className="empty-section" aria-labelledby="recent-title">
        <h2 id="recent-title" className="section-heading">
          {t('shell.recentProjects')}
        </h2>
        {recent.error ? (
          <InlineAlert message={recent.error.message} actionLabel={t('shell.tryAgain')} onAction={recent.reload} />
        ) : recent.loading ? (
          <p className="muted" role="status">
            {t('shell.loading')}
          </p>
        ) : (recent.data ?? []).length === 0 ? (
          <p className="muted">{t('shell.noRecent')}</p>
        ) : (
          <ul className="recent-list" data-testid="recent-list">
            {(recent.data ?? []).map((item) => (
              <RecentItem key={item.path} item={item} disabled={open.pending} onOpen={() => void openPath(item.path)} onRestored={(restored) => void openPath(restored)} />
            ))}
          </ul>
        )}
      </section>

      <section className="empty-section" aria-labelledby="open-path-title">
        <h2 id="open-path-title" className="section-heading">
          {t('shell.openByPath')}
        </h2>
        <form className="open-form" onSubmit={onSubmit}>
          <label htmlFor="open-path" className="visually-hidden">
            {t('shell.pathOfFile')}
          </label>
          <input
            id="open-path"
            className="text-input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={t('shell.openPathPlaceholder', { home: '/home/me' })}
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
          <button type="submit" className="button" disabled={open.pending || path.trim() === ''}>
            {t('shell.open')}
          </button>
        </form>
      </section>

      <NewProjectSection onCreated={onOpened} />
    </main>
  );
}

function RecentItem({ item, disabled, onOpen, onRestored }: { item: RecentProject; disabled: boolean; onOpen: () => void; onRestored: (path: string) => void }) {
  const t = useT();
  const [restoring, setRestoring] = useState(false);
  return (
    <li className="recent-row">
      <button type="button" className="recent-item" onClick={onOpen} disabled={disabled || !item.exists} title={item.path}>
        <span className="recent-title">{item.title}</span>
        <span className="recent-path">{item.path}</span>
        <span className="recent-meta">
          {item.exists ? (
            <time dateTime={item.openedAt}>{t('shell.openedOn', { date: new Date(item.openedAt) })}</time>
          ) : item.backups > 0 ? (
            t('shell.fileNotFoundBackups')
          ) : (
            t('shell.fileNotFound')
          )}
        </span>
      </button>
      {!item.exists && item.backups > 0 ? (
        <button type="button" className="button button-small" onClick={() => setRestoring(true)} disabled={disabled}>
          {t('shell.restoreFromBackup')}
        </button>
      ) : null}
      {restoring ? <RestoreMissingDialog item={item} onClose={() => setRestoring(false)} onRestored={onRestored} /> : null}
    </li>
  );
}

/** A recent project whose file is gone: its newest snapshot (or another) restored where it was, or elsewhere. */
function RestoreMissingDialog({ item, onClose, onRestored }: { item: RecentProject; onClose: () => void; onRestored: (path: string) => void }) {
  const t = useT();
  const backups = useApiQuery('backups.listFor', { path: item.path });
  const [chosen, setChosen] = useState<string | null>(null);
  const [dest, setDest] = useState(item.path);
  const { pending, error, submit } = useFormAction();
  const file = chosen ?? backups.data?.[0]?.file ?? null;
  const restore = submit(async () => {
    if (!file) return;
    const restored = await api['backups.restoreFor']({ project: item.path, file, dest: dest.trim() });
    onRestored(restored.path);
    onClose();
  });
  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('shell.restoreTitle', { title: item.title })}
      description={t('shell.restoreDescription')}
      testId="restore-missing"
    >
      <form className="dialog-form" onSubmit={(e) => void restore(e)}>
        <fieldset className="field">
          <legend className="field-label">{t('shell.snapshot')}</legend>
          {(backups.data ?? []).map((b, i) => (
            <label className="choice" key={b.file}>
              <input type="radio" name="snapshot" checked={file === b.file} onChange={() => setChosen(b.file)} />
              {t('shell.snapshotOption', { date: new Date(b.createdAt), reason: b.reason, newest: i === 0 ? 'yes' : 'no' })}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{t('shell.restoreTo')}</span>
          <input className="text-input" value={dest} onChange={(e) => setDest(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('shell.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pending || !file || dest.trim() === ''}>
            {t('shell.restoreAndOpen')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
