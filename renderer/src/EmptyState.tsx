import { useState, type FormEvent } from 'react';
import type { RecentProject } from '../../electron/contract/api';
import { transportKind, useApiQuery } from './api';
import { InlineAlert } from './InlineAlert';
import { NewProjectSection } from './safety/NewProjectDialog';
import { useOpenProject } from './safety/open-project';

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
              <RecentItem key={item.path} item={item} disabled={open.pending} onOpen={() => void openPath(item.path)} />
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

function RecentItem({ item, disabled, onOpen }: { item: RecentProject; disabled: boolean; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className="recent-item" onClick={onOpen} disabled={disabled || !item.exists} title={item.path}>
        <span className="recent-title">{item.title}</span>
        <span className="recent-path">{item.path}</span>
        <span className="recent-meta">
          {item.exists ? <time dateTime={item.openedAt}>{item.openedAt.slice(0, 10)}</time> : 'File not found'}
        </span>
      </button>
    </li>
  );
}
