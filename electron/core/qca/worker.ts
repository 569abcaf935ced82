/**
 * The worker thread of a minimisation (built to dist/qca-worker.cjs): receives the calibrated data and the request,
 * reports each phase and answers the result or the error. Cancelling terminates the thread, wherever it is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import type { QcaMinimizeInput } from '../../contract/qca';
import { runPhases } from './phases';
import type { QcaData } from './sets';

const { data, input } = workerData as { data: QcaData; input: QcaMinimizeInput };
try {
  const result = runPhases(data, input, (done, total, message) => parentPort!.postMessage({ progress: { done, total, message } }));
  parentPort!.postMessage({ result });
} catch (error) {
  parentPort!.postMessage({
    error: (error instanceof ApiError ? error : localError('INTERNAL', 'errorsCore.qcaFailed', { detail: (error as Error)?.message ?? String(error) })).toPayload(),
  });
}
