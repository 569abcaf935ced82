import path from 'node:path';
import type { ApiInput, JobDto } from '../../contract/api';
import { localError } from '../../contract/i18n/format';
import type { Session } from '../session';
import { importQdpx } from './import';

/**
 * Starts a REFI-QDA project import as a job (issue 22): progress source by source, and a cancel that leaves the
 * project as it was (the import writes everything at its end, in one transaction, and hears a cancel until then).
 * The report is the job's result.
 */
export function startQdpxImport(session: Session, input: ApiInput<'exchange.startImportQdpx'>): JobDto {
  const project = session.requireProject();
  const fileName = path.basename(input.path);
  return session.jobs.start('qdpx-import', `Import ${fileName}`, async ({ signal, progress }) => {
    const { report } = await importQdpx(project, { path: input.path, mapping: input.mapping, signal, onProgress: progress });
    if (session.project !== project) throw localError('NO_PROJECT_OPEN', 'errorsInput.closedDuringImport', { file: fileName });
    // The import wrote rows beneath the undo history: earlier steps can no longer be undone safely.
    project.history.clear();
    return { report };
  });
}
