/**
 * The QCA view's methods: the project's sets, their calibrated tables, and the analysis of one definition. A
 * minimisation runs as a job in a worker thread, reporting its phases (truth table, conservative, parsimonious,
 * intermediate); a cancel terminates the thread.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { JobDto } from '../../contract/api';
import { ApiError, type ErrorPayload } from '../../contract/errors';
import { localError, type LocalText } from '../../contract/i18n/format';
import type { QcaAnalysisDto, QcaAnalysisInput, QcaMinimizeInput, QcaMinimizeResultDto, QcaXyDto, QcaXyInput } from '../../contract/qca';
import type { Project } from '../project';
import type { Session } from '../session';
import { stmt } from '../db/statements';
import { builtWorkerScript } from '../paths';
import { necessityTable } from './analysis';
import { prepareData } from './data';
import { projectMembershipTable } from './project';
import type { QcaData } from './sets';
import { checkExpectations, runPhases, tableOptions } from './phases';
import { truthTable } from './truth-table';
import { xyPlot as plotOf } from './xy';

export { tableOptions };

/** The calibrated data of a definition; the outcome may be negated ("~Y"). */
export function analysisData(p: Project, input: QcaAnalysisInput): QcaData {
  const outcomeName = input.outcome.replace(/^~/, '');
  if (input.conditions.includes(outcomeName)) throw localError('VALIDATION_FAILED', 'errorsQca.outcomeAsCondition', { name: outcomeName });
  const table = projectMembershipTable(p, input.conditions, outcomeName);
  return prepareData(table, input.outcome, input.conditions);
}

export function analyse(p: Project, input: QcaAnalysisInput): QcaAnalysisDto {
  const data = analysisData(p, input);
  const cases = stmt(p.db, 'SELECT id, name FROM cases WHERE archived_at IS NULL ORDER BY position').all() as { id: string; name: string }[];
  return { cases, necessity: necessityTable(data), truthTable: truthTable(data, tableOptions(input)) };
}

/** The points of an XY plot, with each case's id so that a point opens its case. */
export function xyPlot(p: Project, input: QcaXyInput): QcaXyDto {
  const { expression, ...definition } = input;
  const data = analysisData(p, definition);
  const cases = stmt(p.db, 'SELECT id FROM cases WHERE archived_at IS NULL ORDER BY position').all() as { id: string }[];
  return plotOf(data, expression, cases.map((c) => c.id));
}

const cancelled = () => localError('CONFLICT', 'errorsQca.minimisationCancelled');

interface Control {
  progress: (done: number, total: number, message: LocalText) => void;
  signal: AbortSignal;
}

/**
 * In this thread, where no worker script is built (runs from the sources): a cancel sent with the job's first answer
 * is honoured; once the phases run, they run to the end.
 */
export async function minimizeInPhases(data: QcaData, input: QcaMinimizeInput, control: Control): Promise<QcaMinimizeResultDto> {
  checkExpectations(data, input);
  // The phases themselves are synchronous: the job's first answer and a cancel sent at once get in before them.
  await nextTurn();
  if (control.signal.aborted) throw cancelled();
  return runPhases(data, input, control.progress);
}

/**
 * In a worker thread: the app keeps answering (progress is polled) however long the minimisation takes, and a
 * cancel terminates the thread at once.
 */
export function minimizeInWorker(file: string, data: QcaData, input: QcaMinimizeInput, control: Control): Promise<QcaMinimizeResultDto> {
  checkExpectations(data, input);
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { data, input } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => settle(() => {
      void worker.terminate();
      reject(cancelled());
    });
    if (control.signal.aborted) return onAbort();
    control.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: { progress?: { done: number; total: number; message: LocalText }; result?: QcaMinimizeResultDto; error?: ErrorPayload }) => {
      if (message.progress) control.progress(message.progress.done, message.progress.total, message.progress.message);
      else if (message.result) settle(() => resolve(message.result!));
      else if (message.error) settle(() => reject(new ApiError(message.error!.code, message.error!.message, { text: message.error!.text })));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(localError('INTERNAL', 'errorsQca.minimisationStopped', { code: String(code) }))));
  });
}

export function startMinimize(session: Session, input: QcaMinimizeInput): JobDto {
  const project = session.requireProject();
  // The data is read (and its problems reported) before the job starts: a missing score refuses the call itself.
  const data = analysisData(project, input);
  checkExpectations(data, input);
  const file = builtWorkerScript('qca-worker.cjs');
  return session.jobs.start('qca', `Minimise ${input.outcome}`, async (control) => ({
    qca: await (file ? minimizeInWorker(file, data, input, control) : minimizeInPhases(data, input, control)),
  }));
}
