/**
 * The worker thread of a large citation formatting (built to dist/cite-worker.cjs, citeproc bundled in): receives
 * everything citeproc reads and answers the clusters and the bibliography, or what went wrong — as plain data, which
 * citations.ts turns into the app's messages (no message catalogue is loaded here). It reads nothing else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatAll, StyleNotLoadedError, type FormatInput } from './citeproc-format';

formatAll(workerData as FormatInput, () => Promise.resolve()).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof StyleNotLoadedError ? { styleNotLoaded: { title: error.title, reason: error.reason } } : { failed: (error as Error)?.message ?? String(error) },
    ),
);
