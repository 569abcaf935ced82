/**
 * One piece of work in a worker thread that answers one message and ends: a large citation formatting
 * (export/citations.ts), an encrypted project's copy or a project's check (db/in-worker.ts).
 *
 * `answer` turns the worker's message into the result, or throws what the work said went wrong. A worker that could
 * not run at all (its script missing or broken, or it ended before answering) answers null, `unable` being told why:
 * the caller does the work in its own thread instead, so nothing depends on how the app was packaged. Only a worker
 * out of memory is not tried again there, where it would take the window's process down with it: it rejects, with
 * what `outOfMemory` makes of the error.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerOnce<M, T> {
  answer: (message: M) => T;
  unable: (why: string) => void;
  outOfMemory?: (error: Error) => Error;
}

export function runOnceInWorker<M, T>(file: string, workerData: unknown, handlers: WorkerOnce<M, T>): Promise<T | null> {
  return new Promise<T | null>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const unable = (why: string) =>
      settle(() => {
        handlers.unable(why);
        resolve(null);
      });
    let worker: Worker;
    try {
      // A bundle needing nothing of this process's loaders (tsx, when the tests or the benchmark run the sources).
      worker = new Worker(file, { workerData, execArgv: [] });
    } catch (error) {
      unable((error as Error).message);
      return;
    }
    worker.on('message', (message: M) =>
      settle(() => {
        try {
          resolve(handlers.answer(message));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? settle(() => reject(handlers.outOfMemory?.(error) ?? error)) : unable(error.message),
    );
    worker.on('exit', (code) => unable(`exit code ${code}`));
  });
}
