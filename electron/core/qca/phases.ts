/**
 * The phases of one minimisation (truth table, then the solution asked for), as a plain function of the calibrated
 * data: run in a worker thread by the app (worker.ts), so that a long one neither blocks the app nor outlives a
 * cancel, and in-process where no worker script is built (tests and scripts run from the sources).
 */
import { localError } from '../../contract/i18n/format';
import type { QcaMinimizeInput, QcaMinimizeResultDto } from '../../contract/qca';
import { conservative, intermediate, parsimonious, type Solution } from './minimize';
import type { QcaData } from './sets';
import { truthTable, type TruthTableOptions } from './truth-table';

export type Phase = (done: number, total: number, message: string) => void;

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
  phase(0, total, 'Building the truth table');
  const tt = truthTable(data, tableOptions(input));
  let solutions: Solution[];
  if (input.solution === 'intermediate') {
    phase(1, total, 'Finding the conservative solution');
    const cons = conservative(data, tt);
    phase(2, total, 'Finding the parsimonious solution');
    const pars = parsimonious(data, tt);
    phase(3, total, 'Finding the intermediate solution');
    solutions = intermediate(data, tt, input.dirExp ?? {}, cons, pars);
  } else {
    phase(1, total, `Finding the ${input.solution} solution`);
    solutions = [input.solution === 'conservative' ? conservative(data, tt) : parsimonious(data, tt)];
  }
  phase(total, total, 'Done');
  return { outcome: data.outcome, truthTable: tt, solutions };
}
