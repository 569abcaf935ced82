/**
 * The phases of one minimisation (truth table, then the solution asked for), as a plain function of the calibrated
 * data: run in a worker thread by the app (worker.ts), so that a long one neither blocks the app nor outlives a
 * cancel, and in-process where no worker script is built (tests and scripts run from the sources).
 */
import { localError, type LocalText } from '../../contract/i18n/format';
import type { QcaMinimizeInput, QcaMinimizeResultDto } from '../../contract/qca';
import { conservative, intermediate, parsimonious, type Solution } from './minimize';
import type { QcaData } from './sets';
import { truthTable, type TruthTableOptions } from './truth-table';

export type Phase = (done: number, total: number, message: LocalText) => void;

export function tableOptions(input: Pick<QcaMinimizeInput, 'inclCut' | 'inclCut0' | 'nCut' | 'priCut'>): TruthTableOptions {
  const incl = input.inclCut ?? 1;
  return {
    inclCut: input.inclCut0 !== undefined ? [incl, input.inclCut0] : incl,
    ...(input.nCut !== undefined ? { nCut: input.nCut } : {}),
    ...(input.priCut !== undefined ? { priCut: input.priCut } : {}),
  };
}

/** Checks the directional expectations before any work starts. */
export function checkExpectations(data: QcaData, input: QcaMinimizeInput): void {
  if (input.solution !== 'intermediate') return;
  const expectations = input.dirExp ?? {};
  const unknown = Object.keys(expectations).filter((name) => !data.conditions.includes(name));
  if (unknown.length) throw localError('VALIDATION_FAILED', 'errorsQca.expectationsNotConditions', { names: unknown.join(', '), conditions: data.conditions.join(', ') });
  if (Object.keys(expectations).length === 0) throw localError('VALIDATION_FAILED', 'errorsQca.intermediateNeedsExpectation');
}

export function phaseCount(input: QcaMinimizeInput): number {
  return input.solution === 'intermediate' ? 4 : 2;
}

/** Runs every phase, calling `phase` before each (and once at the end with done = total). */
export function runPhases(data: QcaData, input: QcaMinimizeInput, phase: Phase): QcaMinimizeResultDto {
  checkExpectations(data, input);
  const total = phaseCount(input);
  phase(0, total, { id: 'jobs.qcaTruthTable' });
  const tt = truthTable(data, tableOptions(input));
  let solutions: Solution[];
  if (input.solution === 'intermediate') {
    phase(1, total, { id: 'jobs.qcaConservative' });
    const cons = conservative(data, tt);
    phase(2, total, { id: 'jobs.qcaParsimonious' });
    const pars = parsimonious(data, tt);
    phase(3, total, { id: 'jobs.qcaIntermediate' });
    solutions = intermediate(data, tt, input.dirExp ?? {}, cons, pars);
  } else {
    phase(1, total, { id: input.solution === 'conservative' ? 'jobs.qcaConservative' : 'jobs.qcaParsimonious' });
    solutions = [input.solution === 'conservative' ? conservative(data, tt) : parsimonious(data, tt)];
  }
  phase(total, total, { id: 'jobs.qcaDone' });
  return { outcome: data.outcome, truthTable: tt, solutions };
}
