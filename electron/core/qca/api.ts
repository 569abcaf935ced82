/**
 * The QCA view's methods: the project's sets, their calibrated tables, and the analysis of one definition. A
 * minimisation runs as a job in phases (truth table, conservative, parsimonious, intermediate), yielding between
 * them so that progress is seen and a cancel takes effect at the next phase.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JobDto } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import type { QcaAnalysisDto, QcaAnalysisInput, QcaMinimizeInput, QcaMinimizeResultDto } from '../../contract/qca';
import type { Project } from '../project';
import type { Session } from '../session';
import { stmt } from '../db/statements';
import { necessityTable } from './analysis';
import { prepareData } from './data';
import { conservative, intermediate, parsimonious, type Solution } from './minimize';
import { projectMembershipTable } from './project';
import type { QcaData } from './sets';
import { truthTable, type TruthTableOptions } from './truth-table';

/** The calibrated data of a definition; the outcome may be negated ("~Y"). */
export function analysisData(p: Project, input: QcaAnalysisInput): QcaData {
  const outcomeName = input.outcome.replace(/^~/, '');
  if (input.conditions.includes(outcomeName)) throw new ApiError('VALIDATION_FAILED', `${outcomeName} is the outcome; it cannot also be a condition.`);
  const table = projectMembershipTable(p, input.conditions, outcomeName);
  return prepareData(table, input.outcome, input.conditions);
}

export function tableOptions(input: QcaAnalysisInput): TruthTableOptions {
  const incl = input.inclCut ?? 1;
  return {
    inclCut: input.inclCut0 !== undefined ? [incl, input.inclCut0] : incl,
    ...(input.nCut !== undefined ? { nCut: input.nCut } : {}),
    ...(input.priCut !== undefined ? { priCut: input.priCut } : {}),
  };
}

export function analyse(p: Project, input: QcaAnalysisInput): QcaAnalysisDto {
  const data = analysisData(p, input);
  const cases = stmt(p.db, 'SELECT id, name FROM cases WHERE archived_at IS NULL ORDER BY position').all() as { id: string; name: string }[];
  return { cases, necessity: necessityTable(data), truthTable: truthTable(data, tableOptions(input)) };
}

/** The phases of a minimisation, in order; the job's `done` counts them. */
const PHASES = ['truth table', 'conservative solution', 'parsimonious solution', 'intermediate solution'] as const;

/** Runs the solution asked for, phase by phase; `check` throws once the job is cancelled. */
export async function minimizeInPhases(
  p: Project,
  input: QcaMinimizeInput,
  control: { progress: (done: number, total: number, message: string) => void; signal: AbortSignal },
): Promise<QcaMinimizeResultDto> {
  const needed = input.solution === 'intermediate' ? PHASES.length : 2;
  let done = 0;
  const step = async (message: string) => {
    control.progress(done, needed, message);
    await nextTurn();
    if (control.signal.aborted) throw new ApiError('CONFLICT', 'The minimisation was cancelled; nothing was changed.');
  };
  await step(`Building the ${PHASES[0]}`);
  const data = analysisData(p, input);
  const tt = truthTable(data, tableOptions(input));
  done++;
  let solutions: Solution[];
  if (input.solution === 'intermediate') {
    const expectations = input.dirExp ?? {};
    const unknown = Object.keys(expectations).filter((name) => !data.conditions.includes(name));
    if (unknown.length) throw new ApiError('VALIDATION_FAILED', `The directional expectations name ${unknown.join(', ')}, not among the conditions (${data.conditions.join(', ')}).`);
    if (Object.keys(expectations).length === 0) throw new ApiError('VALIDATION_FAILED', 'An intermediate solution needs a directional expectation for at least one condition.');
    await step(`Finding the ${PHASES[1]}`);
    const cons = conservative(data, tt);
    done++;
    await step(`Finding the ${PHASES[2]}`);
    const pars = parsimonious(data, tt);
    done++;
    await step(`Finding the ${PHASES[3]}`);
    solutions = intermediate(data, tt, expectations, cons, pars);
  } else {
    await step(`Finding the ${input.solution === 'conservative' ? PHASES[1] : PHASES[2]}`);
    solutions = [input.solution === 'conservative' ? conservative(data, tt) : parsimonious(data, tt)];
  }
  done++;
  control.progress(done, needed, 'Done');
  return { outcome: data.outcome, truthTable: tt, solutions };
}

export function startMinimize(session: Session, input: QcaMinimizeInput): JobDto {
  const project = session.requireProject();
  return session.jobs.start('qca', `Minimise ${input.outcome}`, async (control) => ({ qca: await minimizeInPhases(project, input, control) }));
}
