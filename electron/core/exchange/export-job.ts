import type { ApiInput, JobDto } from '../../contract/api';
import type { Session } from '../session';
import { exportQdpx } from './export';

/**
 * Starts a REFI-QDA project export as a job: progress source by source, then project.qde, and a cancel that writes
 * nothing (the archive is written under a temporary name and put in place only when complete). Its result's
 * `exported` is what `exchange.exportQdpx` answers.
 */
export function startQdpxExport(session: Session, input: ApiInput<'exchange.startExportQdpx'>): JobDto {
  const project = session.requireProject();
  return session.jobs.start('qdpx-export', 'Export as a REFI-QDA project', async ({ signal, progress }) => {
    const exported = await exportQdpx(project, { out: input.path, signal, onProgress: progress });
    return { exported: { path: exported.path, counts: { ...exported.counts } } };
  });
}
