import type { ReactNode } from 'react';
import type { ProjectSummary } from '../../electron/contract/api';

interface TitleBarProps {
  project?: ProjectSummary | undefined;
  children?: ReactNode;
}

/** The line above the panes: which project is open, from which file. */
export function TitleBar({ project, children }: TitleBarProps) {
  return (
    <header className="titlebar">
      <span className="titlebar-app">Comparanda</span>
      {project ? (
        <>
          <span className="titlebar-sep" aria-hidden="true">
            —
          </span>
          <h1 className="titlebar-title" data-testid="project-title">
            {project.title}
          </h1>
          <span className="titlebar-sep" aria-hidden="true">
            ·
          </span>
          <span className="titlebar-file" title={project.path} data-testid="project-file">
            {project.fileName}
          </span>
        </>
      ) : null}
      <span className="titlebar-spacer" />
      {children}
    </header>
  );
}
