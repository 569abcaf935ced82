import crypto from 'node:crypto';
import type { JobDto, JobResult } from '../contract/api';
import { redactMessage, redactPayload } from './privacy/gate';
import { ApiError } from '../contract/errors';
import { localError, localText, type LocalText } from '../contract/i18n/format';

export interface JobControl {
  signal: AbortSignal;
  /** `message` from the catalogue, so that every client says it in its own language. */
  progress(done: number, total: number, message?: LocalText): void;
}

interface Entry {
  dto: JobDto;
  controller: AbortController;
  /** Set when the job's project closed under it: the job ends cancelled with this, whatever its connection threw. */
  closed?: ApiError;
  finishedAt?: number;
  promise: Promise<JobDto>;
}

const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * Long work (importing a 300-page PDF) runs as a job: the call that starts it answers at once with the job, the UI
 * polls `jobs.get` for progress and may `jobs.cancel`. The work is async and yields between pages, so the app keeps
 * answering other calls meanwhile. What a job writes, it writes in one transaction at the end: a cancelled or failed
 * job leaves the project as it was. Every job works on the project open when it started: when that project closes,
 * the job stops and ends cancelled, not failed (its connection is gone, which is expected, not a fault to log).
 */
export class Jobs {
  private readonly jobs = new Map<string, Entry>();

  start(kind: JobDto['kind'], label: string, run: (control: JobControl) => Promise<JobResult>): JobDto {
    this.prune();
    const controller = new AbortController();
    const dto: JobDto = { id: crypto.randomUUID(), kind, label, state: 'running', done: 0, total: 0, message: '', text: null, result: null, error: null };
    const entry: Entry = { dto, controller, promise: Promise.resolve(dto) };
    entry.promise = run({
      signal: controller.signal,
      progress: (done, total, message) => {
        dto.done = done;
        dto.total = total;
        if (message !== undefined) Object.assign(dto, localText(message));
      },
    }).then(
      (result) => {
        if (controller.signal.aborted) {
          dto.state = 'cancelled';
          if (entry.closed) dto.error = entry.closed.toPayload();
        } else {
          dto.state = 'done';
          dto.result = result;
        }
        entry.finishedAt = Date.now();
        return { ...dto };
      },
      (error: unknown) => {
        dto.state = controller.signal.aborted ? 'cancelled' : 'failed';
        if (entry.closed) {
          dto.error = entry.closed.toPayload();
          entry.finishedAt = Date.now();
          return { ...dto };
        }
        // A job's failure reaches the screen through jobs.get, not the dispatcher: it is redacted here.
        dto.error = redactPayload((error instanceof ApiError ? error : localError('INTERNAL', 'jobs.unexpected', { job: label, detail: (error as Error)?.message ?? String(error) })).toPayload());
        if (!(error instanceof ApiError)) console.error(redactMessage(`[comparanda] job failed: ${(error as Error)?.stack ?? String(error)}`));
        entry.finishedAt = Date.now();
        return { ...dto };
      },
    );
    this.jobs.set(dto.id, entry);
    return { ...dto };
  }

  get(id: string): JobDto {
    const entry = this.jobs.get(id);
    if (!entry) throw localError('NOT_FOUND', 'errorsInput.jobUnknownLong');
    return { ...entry.dto };
  }

  /** Resolves when the job has finished, whichever way. */
  wait(id: string): Promise<JobDto> {
    const entry = this.jobs.get(id);
    if (!entry) return Promise.reject(localError('NOT_FOUND', 'errorsInput.jobUnknown'));
    return entry.promise;
  }

  cancel(id: string): JobDto {
    const entry = this.jobs.get(id);
    if (!entry) throw localError('NOT_FOUND', 'errorsInput.jobUnknown');
    if (entry.dto.state === 'running') entry.controller.abort();
    return { ...entry.dto };
  }

  /**
   * The project closes (the session closes, or opens another): every running job stops. Called before the connection
   * closes, so a job sees its signal aborted before any closed-connection error it may then meet.
   */
  projectClosed(): void {
    for (const entry of this.jobs.values()) {
      if (entry.dto.state !== 'running') continue;
      entry.closed ??= localError('NO_PROJECT_OPEN', 'errorsInput.jobProjectClosed');
      entry.controller.abort(entry.closed);
    }
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.jobs) if (entry.finishedAt && now - entry.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
