import type { ProjectSummary } from '../../../electron/contract/api';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';
import './safety.css';

/** A calm line under the title bar while the project is open read-only: what that means, and how to edit again. */
export function ReadOnlyBanner({ project }: { project: ProjectSummary }) {
  const t = useT();
  if (!project.readonly) return null;
  if (project.readonlyReason === 'read-only-storage') {
    return (
      <div className="readonly-banner" role="status" data-testid="readonly-banner">
        <Msg id="access.readOnlyStorage" />
      </div>
    );
  }
  return (
    <div className="readonly-banner" role="status" data-testid="readonly-banner">
      <Msg id="access.readOnlyElsewhere" />
      {project.readonlyReason === 'older-format' ? <> {t('access.readOnlyOlderFormat')}</> : null}
    </div>
  );
}
