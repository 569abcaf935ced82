/**
 * One analysis, as the command line and the app ask for it: the truth table, necessity of every literal, and the
 * conservative, parsimonious and (with directional expectations) intermediate solutions, in JSON-safe form.
 */
import { localError } from '../../contract/i18n/format';
import { conservative, intermediate, parsimonious, type DirectionalExpectations, type Solution } from './minimize';
import { formatLiteral, literalMembership, necessity, usesBrackets, type QcaData } from './sets';
import { truthTable, type TruthTable, type TruthTableOptions } from './truth-table';

export interface NecessityRow {
  condition: string;
  inclN: number;
  RoN: number;
  covN: number;
}

/** Necessity of each condition and of its negation (each level of a multi-value one), as R's superSubset prints singles. */
export function necessityTable(data: QcaData): NecessityRow[] {
  const brackets = usesBrackets(data.levels);
  const rows: NecessityRow[] = [];
  data.conditions.forEach((name, j) => {
    const values = data.levels[j]! > 2 ? [...Array(data.levels[j]).keys()] : [1, 0];
    for (const v of values) {
      const x = data.cases.map((_, c) => literalMembership(data, j, v, c));
      rows.push({ condition: formatLiteral(name, v, brackets), ...necessity(x, data.y) });
    }
  });
  return rows;
}

export interface MinimizeOptions extends TruthTableOptions {
  /** "?" includes the remainders (parsimonious); "" keeps them out (conservative). */
  include?: '' | '?';
  dirExp?: DirectionalExpectations;
}

export interface MinimizeResult {
  truthTable: TruthTable;
  solutions: Solution[];
}

/** The solution asked for: conservative without remainders, parsimonious with them, intermediate with expectations. */
export function minimize(data: QcaData, options: MinimizeOptions = {}): MinimizeResult {
  const tt = truthTable(data, options);
  if (options.dirExp && Object.keys(options.dirExp).length > 0) {
    return { truthTable: tt, solutions: intermediate(data, tt, options.dirExp) };
  }
  return { truthTable: tt, solutions: [options.include === '?' ? parsimonious(data, tt) : conservative(data, tt)] };
}

/** All three, for the app's view and the R script's checks. */
export function allSolutions(data: QcaData, options: TruthTableOptions, dirExp?: DirectionalExpectations): { truthTable: TruthTable; conservative: Solution; parsimonious: Solution; intermediate: Solution[] } {
  const tt = truthTable(data, options);
  const cons = conservative(data, tt);
  const pars = parsimonious(data, tt);
  return { truthTable: tt, conservative: cons, parsimonious: pars, intermediate: dirExp && Object.keys(dirExp).length > 0 ? intermediate(data, tt, dirExp, cons, pars) : [] };
}

/** Reads "DEV, URB, ~LIT, IND[2]" (R's dir.exp): a plain name expects presence, a tilde absence, brackets a level. */
export function parseDirectionalExpectations(text: string, data: Pick<QcaData, 'conditions' | 'levels'>): DirectionalExpectations {
  const out: DirectionalExpectations = {};
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const bracket = /^(.+)\[(\d+)\]$/.exec(raw);
    if (bracket) out[bracket[1]!] = Number(bracket[2]);
    else if (raw.startsWith('~')) out[raw.slice(1)] = 0;
    else out[raw] = 1;
  }
  const unknown = Object.keys(out).filter((name) => !data.conditions.includes(name));
  if (unknown.length > 0) throw localError('VALIDATION_FAILED', 'errorsQca.expectationsNotConditions', { names: unknown.join(', '), conditions: data.conditions.join(', ') });
  return out;
}
