import type { ProjectSummary } from '../../../electron/contract/api';
import './safety.css';

/** A calm line under the title bar while the project is open read-only: what that means, and how to edit again. */
export function ReadOnlyBanner({ project }: { project: ProjectSummary }) {
  if (!project.readonly) return null;
  return (
    <div className="readonly-banner" role="status" data-testid="readonly-banner">
      <strong>Read-only</strong> — this project is open in another window or on another computer, so nothing you change here is saved. You can read,
      search and export. To edit, close it there and open it again here.
    </div>
  );
}
