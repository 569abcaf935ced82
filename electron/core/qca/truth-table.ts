/**
 * The truth table (Ragin 2008, ch. 7; Dusa 2019, ch. 7): each case sits in the one configuration where its membership
 * is above 0.5 (a fuzzy score of exactly 0.5 places it nowhere); a row's inclusion and PRI are computed over all cases
 * with their membership in the row; rows with fewer than n.cut cases are remainders ("?"); an observed row is
 * positive (1) from the first inclusion cut (and the PRI cut), negative (0) below the second, a contradiction (C)
 * between the two. Only observed rows are listed: with 20 conditions the complete table has a million rows.
 */
import { localError } from '../../contract/i18n/format';
import { DONT_CARE, sufficiency, termMembership, type QcaData } from './sets';

export type RowOutput = '1' | '0' | 'C' | '?';

export interface TruthTableOptions {
  /** Inclusion cut for a positive row and (second value) below which a row is negative; default [1, 1]. */
  inclCut?: number | [number, number];
  nCut?: number;
  priCut?: number;
  /** Row numbers (as R numbers them) forced to be negative. */
  exclude?: number[];
}

export interface TruthTableRow {
  /** R's row number: 1 + the configuration read as a number in mixed radix (first condition most significant). */
  id: number;
  values: number[];
  out: RowOutput;
  n: number;
  incl: number;
  PRI: number;
  cases: string[];
}

export interface TruthTable {
  conditions: string[];
  outcome: string;
  levels: number[];
  options: Required<Omit<TruthTableOptions, 'inclCut'>> & { inclCut: [number, number] };
  /** Observed configurations (with at least one case), in row-number order. */
  rows: TruthTableRow[];
  /** Number of configurations with no case (logical remainders). */
  remainders: number;
  totalRows: number;
  /** Cases left out of every row (a fuzzy score of exactly 0.5 in some condition). */
  unassigned: string[];
}

/** 1e-9 slack, so that a row at 0.8 by arithmetic (0.7999999999) passes a cut of 0.8 as it does in R. */
const SLACK = 1e-9;

export function rowNumber(values: number[], levels: number[]): number {
  let index = 0;
  for (let j = 0; j < values.length; j++) index = index * levels[j]! + values[j]!;
  return index + 1;
}

export function rowValues(id: number, levels: number[]): number[] {
  let index = id - 1;
  const values = new Array<number>(levels.length);
  for (let j = levels.length - 1; j >= 0; j--) {
    values[j] = index % levels[j]!;
    index = Math.floor(index / levels[j]!);
  }
  return values;
}

/** The configuration a case belongs to, or null when a fuzzy score of exactly 0.5 leaves it in none. */
export function caseRow(data: QcaData, c: number): number[] | null {
  const row: number[] = [];
  for (let j = 0; j < data.conditions.length; j++) {
    const x = data.values[j]![c]!;
    if (data.fuzzy[j]) {
      if (x === 0.5) return null;
      row.push(x > 0.5 ? 1 : 0);
    } else row.push(x);
  }
  return row;
}

function cuts(inclCut: TruthTableOptions['inclCut']): [number, number] {
  const [ic1, ic0] = Array.isArray(inclCut) ? inclCut : [inclCut ?? 1, inclCut ?? 1];
  if (!(ic1 >= 0 && ic1 <= 1 && ic0 >= 0 && ic0 <= ic1)) {
    throw localError('VALIDATION_FAILED', 'errorsQca.inclusionCut');
  }
  return [ic1, ic0];
}

export function truthTable(data: QcaData, options: TruthTableOptions = {}): TruthTable {
  const inclCut = cuts(options.inclCut);
  const nCut = options.nCut ?? 1;
  const priCut = options.priCut ?? 0;
  if (!Number.isInteger(nCut) || nCut < 1) throw localError('VALIDATION_FAILED', 'errorsQca.frequencyCut', { option: 'n.cut' });
  const exclude = options.exclude ?? [];
  const byRow = new Map<number, string[]>();
  const unassigned: string[] = [];
  data.cases.forEach((name, c) => {
    const row = caseRow(data, c);
    if (!row) return unassigned.push(name);
    const id = rowNumber(row, data.levels);
    byRow.set(id, [...(byRow.get(id) ?? []), name]);
  });
  const rows: TruthTableRow[] = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, cases]) => {
      const values = rowValues(id, data.levels);
      const fit = sufficiency(termMembership(data, values), data.y);
      const n = cases.length;
      let out: RowOutput;
      if (n < nCut) out = '?';
      else if (exclude.includes(id)) out = '0';
      else if (fit.inclS + SLACK >= inclCut[0] && fit.PRI + SLACK >= priCut) out = '1';
      else if (fit.inclS + SLACK >= inclCut[1] && inclCut[1] < inclCut[0]) out = 'C';
      else out = '0';
      return { id, values, out, n, incl: fit.inclS, PRI: fit.PRI, cases };
    });
  const totalRows = data.levels.reduce((a, b) => a * b, 1);
  const observed = rows.filter((r) => r.out !== '?').length;
  return {
    conditions: data.conditions,
    outcome: data.outcome,
    levels: data.levels,
    options: { inclCut, nCut, priCut, exclude },
    rows,
    remainders: totalRows - observed,
    totalRows,
    unassigned,
  };
}

/** Every term as a list of values, for tests and exports: a configuration has no don't-care. */
export function isConfiguration(values: number[]): boolean {
  return values.every((v) => v !== DONT_CARE);
}
