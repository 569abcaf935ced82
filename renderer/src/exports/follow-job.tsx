/**
 * For the dialogs that wait for their job to end before they say what was done (REFI-QDA import and export, the
 * audit trail): the job followed to its end, and its progress as the matrix export shows it (ExportDialog).
 */
import type { JobDto, JobResult } from '../../../electron/contract/api';
import { ApiError, isErrorCode } from '../../../electron/contract/errors';
import { api } from '../api';
import { useSaid, useT } from '../i18n/use-t';

const POLL_MS = 200;

/**
 * Follows a started job until it ends, telling `onChange` each state (null once it has ended). Answers what
 * `resultOf` takes from its result; throws what stopped it: a cancel as `words.cancelled`, a failure as the job's
 * own error in the reader's language, no result as `words.noResult`.
 */
export async function followJob<T>(
  started: JobDto,
  onChange: (job: JobDto | null) => void,
  resultOf: (result: JobResult) => T | undefined,
  words: { said: ReturnType<typeof useSaid>; cancelled: string; noResult: string },
): Promise<T> {
  let current = started;
  onChange(current);
  try {
    while (current.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = await api['jobs.get']({ id: current.id });
      onChange(current);
    }
  } finally {
    onChange(null);
  }
  if (current.state === 'cancelled') throw new ApiError('CONFLICT', words.cancelled);
  const result = current.result ? resultOf(current.result) : undefined;
  if (current.state === 'failed' || result === undefined) {
    const failure = current.error;
    throw new ApiError(failure && isErrorCode(failure.code) ? failure.code : 'INTERNAL', failure ? words.said(failure.message, failure.text) : words.noResult);
  }
  return result;
}

/** A running job: a bar, and what it is doing, in the reader's language ("Writing “…” (12 of 40)…"). */
export function JobProgress({ job, testId }: { job: JobDto; testId?: string }) {
  const t = useT();
  const said = useSaid();
  return (
    <div className="export-status is-running" data-testid={testId}>
      <progress className="progress" max={1} value={job.total > 0 ? Math.min(job.done / job.total, 1) : 0} aria-label={t('exports.exportProgress')} />
      <p role="status" aria-live="polite">
        {t('exports.progress', { message: said(job.message, job.text ?? undefined) || t('exports.progressStarting'), done: job.done, total: job.total ? job.total : 'none' })}
      </p>
    </div>
  );
}

/**
 * The buttons of a dialog that writes a file as a job: Cancel export while it runs, else Cancel (Close once
 * written); Export until written.
 */
export function JobDialogActions({ job, written, pending, canExport, onClose }: { job: JobDto | null; written: boolean; pending: boolean; canExport: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <div className="dialog-actions">
      {job ? (
        <button type="button" className="button" onClick={() => void api['jobs.cancel']({ id: job.id }).catch(() => undefined)}>
          {t('exports.cancelExport')}
        </button>
      ) : (
        <button type="button" className="button" onClick={onClose} disabled={pending}>
          {written ? t('exports.close') : t('exports.cancel')}
        </button>
      )}
      {written ? null : (
        <button type="submit" className="button button-primary" disabled={pending || !canExport}>
          {pending ? t('exports.exporting') : t('exports.export')}
        </button>
      )}
    </div>
  );
}
