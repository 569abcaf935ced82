import { useState, type FormEvent } from 'react';
import type { RecentProject } from '../../../electron/contract/api';
import { api, transportKind, useApiQuery } from '../api';
import { useFormAction } from '../ui/form-action';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { NewProjectSection } from '../safety/NewProjectDialog';
import { useOpenProject } from '../safety/open-project';

interface EmptyStateProps {
  onOpened: () => void;
}

/** No project open: what Comparanda is, and the ways to open one (the browser has no File menu). */
export function EmptyState({ onOpened }: EmptyStateProps) {
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
        No project open
      </h1>
      <p className="empty-lede">
        Comparanda is an offline workbench for comparative case research: cases side by side, norm by norm, stage by stage,
        with the evidence behind every assessment.
      </p>
      <p>
        Open a project with <kbd>File › Open</kbd>, or create one with <kbd>File › New</kbd>.
        {transportKind === 'http' ? ' In this browser window, pick a recent project or give the path of a .comparanda file.' : ''}
      </p>

      {open.error ? <InlineAlert message={open.error.message} {...open.errorAction} /> : null}

      <section className="empty-section" aria-labelledby="recent-title">
        <h2 id="recent-title" className="section-heading">
          Recent projects
        </h2>
        {recent.error ? (
          <InlineAlert message={recent.error.message} actionLabel="Try again" onAction={recent.reload} />
        ) : recent.loading ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : (recent.data ?? []).length === 0 ? (
          <p className="muted">None yet. Projects you open appear here.</p>
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
          Open a file by path
        </h2>
        <form className="open-form" onSubmit={onSubmit}>
          <label htmlFor="open-path" className="visually-hidden">
            Path of a .comparanda file
          </label>
          <input
            id="open-path"
            className="text-input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="/home/me/Documents/Kazakhstan & Belarus.comparanda"
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
          <button type="submit" className="button" disabled={open.pending || path.trim() === ''}>
            Open
          </button>
        </form>
      </section>

      <NewProjectSection onCreated={onOpened} />
    </main>
  );
}

function RecentItem({ item, disabled, onOpen, onRestored }: { item: RecentProject; disabled: boolean; onOpen: () => void; onRestored: (path: string) => void }) {
  const [restoring, setRestoring] = useState(false);
  return (
    <li className="recent-row">
      <button type="button" className="recent-item" onClick={onOpen} disabled={disabled || !item.exists} title={item.path}>
        <span className="recent-title">{item.title}</span>
        <span className="recent-path">{item.path}</span>
        <span className="recent-meta">
          {item.exists ? <time dateTime={item.openedAt}>{item.openedAt.slice(0, 10)}</time> : item.backups > 0 ? 'File not found; backups exist' : 'File not found'}
        </span>
      </button>
      {!item.exists && item.backups > 0 ? (
        <button type="button" className="button button-small" onClick={() => setRestoring(true)} disabled={disabled}>
          Restore from backup…
        </button>
      ) : null}
      {restoring ? <RestoreMissingDialog item={item} onClose={() => setRestoring(false)} onRestored={onRestored} /> : null}
    </li>
  );
}

/** A recent project whose file is gone: its newest snapshot (or another) restored where it was, or elsewhere. */
function RestoreMissingDialog({ item, onClose, onRestored }: { item: RecentProject; onClose: () => void; onRestored: (path: string) => void }) {
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
      title={`Restore “${item.title}”`}
      description="Its file is no longer where it was. A snapshot from the backups folder is copied to a new file, which then opens."
      testId="restore-missing"
    >
      <form className="dialog-form" onSubmit={(e) => void restore(e)}>
        <fieldset className="field">
          <legend className="field-label">Snapshot</legend>
          {(backups.data ?? []).map((b, i) => (
            <label className="choice" key={b.file}>
              <input type="radio" name="snapshot" checked={file === b.file} onChange={() => setChosen(b.file)} />
              {new Date(b.createdAt).toLocaleString('en-GB')} ({b.reason}){i === 0 ? ', the newest' : ''}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">Restore to</span>
          <input className="text-input" value={dest} onChange={(e) => setDest(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending || !file || dest.trim() === ''}>
            Restore and open
          </button>
        </div>
      </form>
    </Modal>
  );
}
