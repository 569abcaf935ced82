/**
 * A background job (export.run answers one at once): polled until it ends, cancellable. The job's own message says
 * what is happening ("Printing the PDF…"); done/total give the bar.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';

const POLL_MS = 200;

export interface JobState {
  job: JobDto | null;
  /** The call that was to start the job failed (nothing is running). */
  startError: ApiError | undefined;
  running: boolean;
  start: (starting: Promise<JobDto>) => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
}

export function useJob(): JobState {
  const [job, setJob] = useState<JobDto | null>(null);
  const [startError, setStartError] = useState<ApiError | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const poll = useCallback((id: string) => {
    const tick = () => {
      timer.current = setTimeout(() => {
        api['jobs.get']({ id }).then(
          (next) => {
            if (!alive.current) return;
            setJob(next);
            if (next.state === 'running') tick();
          },
          (error: unknown) => {
            if (!alive.current) return;
            // The job cannot be asked about any more (the project closed): say so, and stop asking.
            const failure = toApiError(error);
            setJob((current) => (current ? { ...current, state: 'failed', error: { code: failure.code, message: failure.message } } : current));
          },
        );
      }, POLL_MS);
    };
    tick();
  }, []);

  const start = useCallback(
    async (startingJob: Promise<JobDto>) => {
      if (timer.current) clearTimeout(timer.current);
      setStartError(undefined);
      setJob(null);
      setStarting(true);
      try {
        const first = await startingJob;
        if (!alive.current) return;
        setJob(first);
        if (first.state === 'running') poll(first.id);
      } catch (error) {
        if (alive.current) setStartError(toApiError(error));
      } finally {
        if (alive.current) setStarting(false);
      }
    },
    [poll],
  );

  const cancel = useCallback(async () => {
    if (!job || job.state !== 'running') return;
    try {
      const next = await api['jobs.cancel']({ id: job.id });
      if (alive.current) setJob(next);
    } catch (error) {
      if (alive.current) setStartError(toApiError(error));
    }
  }, [job]);

  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setJob(null);
    setStartError(undefined);
  }, []);

  return { job, startError, running: starting || job?.state === 'running', start, cancel, reset };
}
