/**
 * Calibrated data, terms and their fit. The definitions follow Dusa's QCA package for R (the reference
 * implementation) and Ragin (2008); docs/qca.md cites each formula. A term is one value or "don't care" per
 * condition, so that crisp, multi-value and fuzzy sets share one representation.
 */
import { localError } from '../../contract/i18n/format';

/** Memberships per case. A crisp or multi-value column holds whole numbers 0..levels-1, a fuzzy one scores in [0, 1]. */
export interface QcaData {
  cases: string[];
  conditions: string[];
  /** One column per condition, in the order of `conditions`. */
  values: number[][];
  /** Levels per condition: 2 for crisp and fuzzy sets, more for a multi-value condition. */
  levels: number[];
  fuzzy: boolean[];
  outcome: string;
  /** Membership in the outcome (already negated when the outcome was asked for as ~Y). */
  y: number[];
}

/** -1 is "don't care"; any other number is the value the condition must take. */
export type Term = number[];

export const DONT_CARE = -1;

export interface Fit {
  inclS: number;
  PRI: number;
  covS: number;
}

const EPS = 1e-12;

/** Whole numbers from 0 (crisp or multi-value), or scores in [0, 1] with at least one fraction (fuzzy). */
export function describeColumn(name: string, column: number[]): { levels: number; fuzzy: boolean } {
  if (column.some((v) => !Number.isFinite(v))) throw localError('VALIDATION_FAILED', 'errorsQca.columnEmpty', { name });
  const whole = column.every((v) => Number.isInteger(v));
  if (whole) {
    if (column.some((v) => v < 0)) throw localError('VALIDATION_FAILED', 'errorsQca.columnNegative', { name });
    return { levels: Math.max(2, ...column.map((v) => v + 1)), fuzzy: false };
  }
  if (column.some((v) => v < 0 || v > 1)) throw localError('VALIDATION_FAILED', 'errorsQca.columnMixed', { name });
  return { levels: 2, fuzzy: true };
}

/** A case's membership in one literal: the score (or its negation) of a two-level set, 0/1 for a multi-value one. */
export function literalMembership(data: QcaData, condition: number, value: number, caseIndex: number): number {
  const x = data.values[condition]![caseIndex]!;
  if (data.levels[condition]! > 2) return x === value ? 1 : 0;
  return value === 1 ? x : 1 - x;
}

/** Fuzzy AND over the literals (minimum); a term with no literal is the universe (1). */
export function termMembership(data: QcaData, term: Term): number[] {
  return data.cases.map((_, c) => {
    let m = 1;
    for (let j = 0; j < term.length; j++) if (term[j] !== DONT_CARE) m = Math.min(m, literalMembership(data, j, term[j]!, c));
    return m;
  });
}

/** Fuzzy OR over terms (maximum). */
export function unionMembership(data: QcaData, terms: Term[]): number[] {
  const out = new Array<number>(data.cases.length).fill(0);
  for (const t of terms) termMembership(data, t).forEach((m, i) => (out[i] = Math.max(out[i]!, m)));
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Sufficiency of X for Y: inclS = Σmin(X,Y)/ΣX; PRI = (Σmin(X,Y) − Σmin(X,Y,1−Y)) / (ΣX − Σmin(X,Y,1−Y));
 * covS = Σmin(X,Y)/ΣY. A set nobody is in has no defined inclusion: it is reported as 0 (R prints "-").
 */
export function sufficiency(x: number[], y: number[]): Fit {
  const sx = sum(x);
  const sxy = sum(x.map((v, i) => Math.min(v, y[i]!)));
  const sxyny = sum(x.map((v, i) => Math.min(v, y[i]!, 1 - y[i]!)));
  const sy = sum(y);
  return {
    inclS: sx > EPS ? sxy / sx : 0,
    PRI: sx - sxyny > EPS ? (sxy - sxyny) / (sx - sxyny) : 0,
    covS: sy > EPS ? sxy / sy : 0,
  };
}

/** Necessity of X for Y: inclN = Σmin(X,Y)/ΣY, covN = Σmin(X,Y)/ΣX, RoN = Σ(1−X)/Σ(1−min(X,Y)). */
export function necessity(x: number[], y: number[]): { inclN: number; RoN: number; covN: number } {
  const sxy = sum(x.map((v, i) => Math.min(v, y[i]!)));
  const sx = sum(x);
  const sy = sum(y);
  const notX = sum(x.map((v) => 1 - v));
  const notXY = sum(x.map((v, i) => 1 - Math.min(v, y[i]!)));
  return { inclN: sy > EPS ? sxy / sy : 0, RoN: notXY > EPS ? notX / notXY : 0, covN: sx > EPS ? sxy / sx : 0 };
}

/** Bracket notation (DEV[2]) as soon as one condition has more than two levels, as the R package prints it. */
export function usesBrackets(levels: number[]): boolean {
  return levels.some((l) => l > 2);
}

export function formatLiteral(name: string, value: number, brackets: boolean): string {
  if (brackets) return `${name}[${value}]`;
  return value === 1 ? name : `~${name}`;
}

export function formatTerm(term: Term, conditions: string[], levels: number[]): string {
  const brackets = usesBrackets(levels);
  const parts = term.flatMap((v, j) => (v === DONT_CARE ? [] : [formatLiteral(conditions[j]!, v, brackets)]));
  return parts.length ? parts.join('*') : '1';
}

/** Reads DEV*~IND, DEV[2]*URB[0] or dev*URB (a lower-case name is a negation, as in older QCA notation). */
export function parseTerm(text: string, conditions: string[], levels: number[]): Term {
  const term: Term = conditions.map(() => DONT_CARE);
  for (const raw of text.split('*').map((s) => s.trim())) {
    if (!raw) throw localError('VALIDATION_FAILED', 'errorsQca.emptyLiteral', { text, example: 'DEV*~IND' });
    const bracket = /^(~?)([^[\]~]+)\[(\d+)\]$/.exec(raw);
    const negated = raw.startsWith('~');
    const name = bracket ? bracket[2]! : negated ? raw.slice(1) : raw;
    let index = conditions.indexOf(name);
    let value = bracket ? Number(bracket[3]) : negated ? 0 : 1;
    if (index < 0 && !bracket) {
      index = conditions.findIndex((c) => c.toLowerCase() === name.toLowerCase() && name === name.toLowerCase() && c !== name);
      if (index >= 0) value = negated ? 1 : 0;
    }
    if (index < 0) throw localError('VALIDATION_FAILED', 'errorsQca.literalNotCondition', { name, text, conditions: conditions.join(', ') });
    if (bracket && negated) throw localError('VALIDATION_FAILED', 'errorsQca.literalTilde', { literal: raw });
    if (value >= levels[index]!) throw localError('VALIDATION_FAILED', 'errorsQca.literalValue', { condition: conditions[index]!, max: levels[index]! - 1, literal: raw, value });
    if (levels[index]! > 2 && !bracket) throw localError('VALIDATION_FAILED', 'errorsQca.literalMultiValue', { condition: conditions[index]! });
    if (term[index] !== DONT_CARE && term[index] !== value) throw localError('VALIDATION_FAILED', 'errorsQca.literalTwoValues', { text, condition: conditions[index]! });
    term[index] = value;
  }
  return term;
}

export function literalCount(term: Term): number {
  return term.reduce((n, v) => n + (v === DONT_CARE ? 0 : 1), 0);
}

/** The R package's order: fewer literals first, then by the conditions' values (present before absent before don't care). */
export function compareTerms(a: Term, b: Term): number {
  const d = literalCount(a) - literalCount(b);
  if (d !== 0) return d;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return b[j]! - a[j]!;
  return 0;
}

/** Does the term cover the configuration (one value per condition)? */
export function covers(term: Term, row: number[]): boolean {
  for (let j = 0; j < term.length; j++) if (term[j] !== DONT_CARE && term[j] !== row[j]) return false;
  return true;
}

export function termKey(term: Term): string {
  return term.join(',');
}
