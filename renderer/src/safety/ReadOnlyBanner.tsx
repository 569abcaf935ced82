import type { ProjectSummary } from '../../../electron/contract/api';
import './safety.css';

/** A calm line under the title bar while the project is open read-only: what that means, and how to edit again. */
export function ReadOnlyBanner({ project }: { project: ProjectSummary }) {
  if (!project.readonly) return null;
  if (project.readonlyReason === 'read-only-storage') {
    return (
      <div className="readonly-banner" role="status" data-testid="readonly-banner">
        <strong>Read-only</strong> — this project cannot be written where it is (a write-protected USB stick, a read-only drive, folder or file), so nothing
        you change here is saved. You can read, search and export. To edit, copy the file to a folder you can write to and open the copy.
      </div>
    );
  }
  return (
    <div className="readonly-banner" role="status" data-testid="readonly-banner">
      <strong>Read-only</strong> — this project is open in another window or on another computer, so nothing you change here is saved. You can read,
      search and export. To edit, close it there and open it again here.
      {project.readonlyReason === 'older-format' ? ' It is shown through an updated copy of its older format; the file itself is unchanged.' : null}
    </div>
  );
}
