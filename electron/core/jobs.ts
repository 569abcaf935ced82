import crypto from 'node:crypto';
import type { JobDto, JobResult } from '../contract/api';
import { redactMessage, redactText } from './privacy/gate';
import { ApiError } from '../contract/errors';
import { localError } from '../contract/i18n/format';

export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number, message?: string): void;
}

interface Entry {
  dto: JobDto;
  controller: AbortController;
  finishedAt?: number;
  promise: Promise<JobDto>;
}

const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * Long work (importing a 300-page PDF) runs as a job: the call that starts it answers at once with the job, the UI
 * polls `jobs.get` for progress and may `jobs.cancel`. The work is async and yields between pages, so the app keeps
 * answering other calls meanwhile. What a job writes, it writes in one transaction at the end: a cancelled or failed
 * job leaves the project as it was.
 */
export class Jobs {
  private readonly jobs = new Map<string, Entry>();

  start(kind: JobDto['kind'], label: string, run: (control: JobControl) => Promise<JobResult>): JobDto {
    this.prune();
    const controller = new AbortController();
    const dto: JobDto = { id: crypto.randomUUID(), kind, label, state: 'running', done: 0, total: 0, message: '', result: null, error: null };
    const entry: Entry = { dto, controller, promise: Promise.resolve(dto) };
    entry.promise = run({
      signal: controller.signal,
      progress: (done, total, message) => {
        dto.done = done;
        dto.total = total;
        if (message !== undefined) dto.message = message;
      },
    }).then(
      (result) => {
        if (controller.signal.aborted) dto.state = 'cancelled';
        else {
          dto.state = 'done';
          dto.result = result;
        }
        entry.finishedAt = Date.now();
        return { ...dto };
      },
      (error: unknown) => {
        dto.state = controller.signal.aborted ? 'cancelled' : 'failed';
        // A job's failure reaches the screen through jobs.get, not the dispatcher: it is redacted here.
        dto.error =
          error instanceof ApiError
            ? { code: error.code, message: redactMessage(error.message), ...(error.text ? { text: redactText(error.text) } : {}) }
            : { code: 'INTERNAL', message: redactMessage(`${label} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`) };
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

  cancelAll(): void {
    for (const entry of this.jobs.values()) if (entry.dto.state === 'running') entry.controller.abort();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.jobs) if (entry.finishedAt && now - entry.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
