/**
 * Logical minimisation of a truth table to the conservative (complex), parsimonious and intermediate solutions
 * (Ragin 2008, ch. 8–9; Dusa 2019, ch. 8), with the fit of every term and model.
 *
 * Intermediate solution, as the R package computes it for each pair of a conservative model Ci and a parsimonious
 * model Pj ("C1P1"): for each conservative term c and each parsimonious term p that contains it, a condition fixed by
 * p stays fixed; a literal of c that p frees stays only where the directional expectation asks for exactly that value
 * (a condition without an expectation, or with the opposite one, is freed: the remainders so reached are the easy
 * counterfactuals). The positive rows are then minimised again with those easy counterfactuals as the only remainders.
 * Remainders the parsimonious model uses that are not easy are the difficult counterfactuals.
 */
import { localError } from '../../contract/i18n/format';
import { minimalCovers, primesAvoiding, primesInside } from './primes';
import { compareTerms, covers, DONT_CARE, formatTerm, sufficiency, termKey, termMembership, unionMembership, type Fit, type QcaData, type Term } from './sets';
import { rowNumber, rowValues, type TruthTable, type TruthTableRow } from './truth-table';

export type SolutionKind = 'conservative' | 'parsimonious' | 'intermediate';

export interface TermFit extends Fit {
  /** Unique coverage within its model; null when the model has one term (R prints "-"). */
  covU: number | null;
  /** Cases of the positive rows the term covers, row by row (R's "FI,IE; FR,SE"). */
  cases: string[][];
}

export interface Model {
  terms: string[];
  fit: Fit;
  termFits: Record<string, TermFit>;
}

export interface Counterfactuals {
  count: number;
  /** Configurations as R's row numbers, at most COUNTERFACTUAL_LIST of them. */
  rows: number[];
}

export interface Solution {
  kind: SolutionKind;
  /** For intermediate solutions, the conservative and parsimonious models it comes from ("C1P1"). */
  from?: string;
  models: Model[];
  /** More equally minimal models exist than were listed. */
  truncated: boolean;
  primeImplicants: string[];
  /** Parsimonious: the remainders used (simplifying assumptions); intermediate: easy and difficult ones. */
  simplifyingAssumptions?: Counterfactuals;
  easyCounterfactuals?: Counterfactuals;
  difficultCounterfactuals?: Counterfactuals;
}

/** Expected value per condition for the outcome (1 present, 0 absent, or a multi-value level); absent = no expectation. */
export type DirectionalExpectations = Record<string, number>;

export const COUNTERFACTUAL_LIST = 1000;

function observed(tt: TruthTable): { positives: TruthTableRow[]; forbidden: TruthTableRow[] } {
  return { positives: tt.rows.filter((r) => r.out === '1'), forbidden: tt.rows.filter((r) => r.out === '0' || r.out === 'C') };
}

function fitModel(data: QcaData, tt: TruthTable, terms: Term[]): Model {
  const { positives } = observed(tt);
  const names = terms.map((t) => formatTerm(t, tt.conditions, tt.levels));
  const fit = sufficiency(unionMembership(data, terms), data.y);
  const termFits: Record<string, TermFit> = {};
  terms.forEach((t, i) => {
    const own = sufficiency(termMembership(data, t), data.y);
    const others = terms.filter((_, k) => k !== i);
    const covU = terms.length === 1 ? null : fit.covS - sufficiency(unionMembership(data, others), data.y).covS;
    termFits[names[i]!] = { ...own, covU, cases: positives.filter((r) => covers(t, r.values)).map((r) => r.cases) };
  });
  return { terms: names, fit, termFits };
}

function solve(data: QcaData, tt: TruthTable, primes: Term[]): { models: Term[][]; truncated: boolean } {
  const { positives } = observed(tt);
  const sorted = [...primes].sort(compareTerms);
  const useful = sorted.filter((t) => positives.some((r) => covers(t, r.values)));
  const covering = positives.map((r) => useful.flatMap((t, i) => (covers(t, r.values) ? [i] : [])));
  const { covers: sets, truncated } = minimalCovers(covering, useful.length);
  const models = sets.map((s) => s.map((i) => useful[i]!)).sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = compareTerms(a[i]!, b[i]!);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  });
  return { models, truncated };
}

function requirePositives(tt: TruthTable): void {
  if (!tt.rows.some((r) => r.out === '1')) {
    throw localError('VALIDATION_FAILED', 'errorsQca.nothingToMinimise', { cut: String(tt.options.inclCut[0]), nCut: tt.options.nCut });
  }
}

/** Configurations inside any of `cubes` (and outside every `outside` cube) that no kept observed row occupies. */
function remaindersIn(cubes: Term[], tt: TruthTable, outside: Term[] = []): Counterfactuals {
  const taken = new Set(tt.rows.filter((r) => r.out !== '?').map((r) => r.id));
  const unique = [...new Map(cubes.map((c) => [termKey(c), c])).values()];
  const seen = new Set<number>();
  for (const cube of unique) {
    const free = cube.flatMap((v, j) => (v === DONT_CARE ? [j] : []));
    const total = free.reduce((a, j) => a * tt.levels[j]!, 1);
    const values = [...cube];
    for (let k = 0; k < total; k++) {
      let rest = k;
      for (const j of free) {
        values[j] = rest % tt.levels[j]!;
        rest = Math.floor(rest / tt.levels[j]!);
      }
      const id = rowNumber(values, tt.levels);
      if (taken.has(id) || seen.has(id) || outside.some((c) => covers(c, values))) continue;
      seen.add(id);
    }
  }
  const rows = [...seen].sort((a, b) => a - b);
  return { count: rows.length, rows: rows.slice(0, COUNTERFACTUAL_LIST) };
}

export function conservative(data: QcaData, tt: TruthTable): Solution {
  requirePositives(tt);
  const positives = observed(tt).positives.map((r) => r.values);
  const primes = primesInside(positives, positives, tt.levels);
  const { models, truncated } = solve(data, tt, primes);
  return { kind: 'conservative', models: models.map((m) => fitModel(data, tt, m)), truncated, primeImplicants: primes.sort(compareTerms).map((t) => formatTerm(t, tt.conditions, tt.levels)) };
}

export function parsimonious(data: QcaData, tt: TruthTable): Solution {
  requirePositives(tt);
  const { positives, forbidden } = observed(tt);
  const primes = primesAvoiding(positives.map((r) => r.values), forbidden.map((r) => r.values), tt.levels.length);
  const { models, truncated } = solve(data, tt, primes);
  const used = remaindersIn(models.flat(), tt);
  return {
    kind: 'parsimonious',
    models: models.map((m) => fitModel(data, tt, m)),
    truncated,
    primeImplicants: primes.sort(compareTerms).map((t) => formatTerm(t, tt.conditions, tt.levels)),
    simplifyingAssumptions: used,
  };
}

function expectationVector(tt: TruthTable, expectations: DirectionalExpectations): (number | null)[] {
  for (const [name, value] of Object.entries(expectations)) {
    const j = tt.conditions.indexOf(name);
    if (j < 0) throw localError('VALIDATION_FAILED', 'errorsQca.expectationNotCondition', { name, conditions: tt.conditions.join(', ') });
    if (!Number.isInteger(value) || value < 0 || value >= tt.levels[j]!) throw localError('VALIDATION_FAILED', 'errorsQca.expectationValue', { name, max: tt.levels[j]! - 1 });
  }
  return tt.conditions.map((c) => (Object.hasOwn(expectations, c) ? expectations[c]! : null));
}

function termsOf(model: Model, tt: TruthTable): Term[] {
  return model.terms.map((name) => parseCanonical(name, tt));
}

function parseCanonical(name: string, tt: TruthTable): Term {
  // Models hold formatted names; the conditions and levels of the table read them back unambiguously.
  const term: Term = tt.conditions.map(() => DONT_CARE);
  if (name === '1') return term;
  for (const lit of name.split('*')) {
    const m = /^(~?)(.+?)(?:\[(\d+)\])?$/.exec(lit);
    if (!m) continue;
    const j = tt.conditions.indexOf(m[2]!);
    term[j] = m[3] !== undefined ? Number(m[3]) : m[1] ? 0 : 1;
  }
  return term;
}

export function intermediate(data: QcaData, tt: TruthTable, expectations: DirectionalExpectations, cons = conservative(data, tt), pars = parsimonious(data, tt)): Solution[] {
  const expected = expectationVector(tt, expectations);
  const positives = observed(tt).positives.map((r) => r.values);
  const results: Solution[] = [];
  cons.models.forEach((cm, ci) => {
    pars.models.forEach((pm, pj) => {
      const cTerms = termsOf(cm, tt);
      const pTerms = termsOf(pm, tt);
      const cubes: Term[] = [];
      for (const c of cTerms) {
        const holders = pTerms.filter((p) => p.every((v, j) => v === DONT_CARE || c[j] === v));
        if (holders.length === 0) cubes.push(c);
        for (const p of holders) {
          cubes.push(c.map((v, j) => (p[j] !== DONT_CARE ? p[j]! : v !== DONT_CARE && expected[j] === v ? v : DONT_CARE)));
        }
      }
      const allowed = [...cubes, ...positives];
      const primes = primesInside(positives, allowed, tt.levels);
      const { models, truncated } = solve(data, tt, primes);
      const easy = remaindersIn(cubes, tt);
      const difficult = remaindersIn(pTerms, tt, cubes);
      results.push({
        kind: 'intermediate',
        from: `C${ci + 1}P${pj + 1}`,
        models: models.map((m) => fitModel(data, tt, m)),
        truncated,
        primeImplicants: primes.sort(compareTerms).map((t) => formatTerm(t, tt.conditions, tt.levels)),
        easyCounterfactuals: easy,
        difficultCounterfactuals: difficult,
      });
    });
  });
  return results;
}

/** For tests and the property check: the configuration values of R's row number. */
export function configuration(tt: TruthTable, id: number): number[] {
  return rowValues(id, tt.levels);
}

export function termKeyOf(term: Term): string {
  return termKey(term);
}
