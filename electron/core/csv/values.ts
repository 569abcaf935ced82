/** Reading one cell: the checks every importer shares, each failing with a RowError that names the column. */
import { dateProblemText } from '../../contract/dates';
import type { CatalogueText } from '../../contract/errors';
import { formatText, textOf } from '../../contract/i18n/format';

/** A row's problem: its English sentence, and the catalogue message it is made of where it has one. */
export class RowError extends Error {
  readonly text: CatalogueText | undefined;

  constructor(problem: string | CatalogueText) {
    super(typeof problem === 'string' ? problem : formatText('en', problem));
    this.text = typeof problem === 'string' ? undefined : problem;
  }
}

const foldedCache = new Map<string, string>();

/**
 * A name as names are matched: NFKC, trimmed, lower case. Remembered, since an import folds the same few case and
 * indicator names on every one of its rows (bounded: the memory of a file of distinct names is let go).
 */
export const fold = (s: string): string => {
  let folded = foldedCache.get(s);
  if (folded === undefined) {
    if (foldedCache.size >= 10_000) foldedCache.clear();
    folded = s.normalize('NFKC').trim().toLocaleLowerCase();
    foldedCache.set(s, folded);
  }
  return folded;
};

export const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export function oneOf<T extends string>(value: string, allowed: readonly T[], column: string, fallback?: T): T {
  const v = value.trim();
  if (v === '' && fallback !== undefined) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new RowError(textOf('errorsCore.csvOneOf', { column, allowed: allowed.join(', '), orEmpty: fallback !== undefined ? 'yes' : 'no', value: v }));
}

/** A date's problem without the sentence around it: it is one item of a list. */
function clauseOf(problem: CatalogueText): CatalogueText {
  const inner = problem.values?.problem;
  return problem.id === 'errorsSchema.dateSentence' && typeof inner === 'object' && !Array.isArray(inner) && 'id' in inner ? inner : problem;
}

export function date(value: string, column: string, required = false): string | null {
  const v = value.trim();
  if (v === '') {
    if (required) throw new RowError(textOf('errorsCore.csvRequired', { column }));
    return null;
  }
  const problem = dateProblemText(v);
  if (problem) {
    throw new RowError(problem.id === 'errorsSchema.dateForm' ? textOf('errorsCore.csvDateForm', { column, value: v }) : textOf('errorsCore.csvDateProblem', { column, problem: clauseOf(problem) }));
  }
  return v;
}

export function int(value: string, column: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^-?\d+$/.test(v)) throw new RowError(textOf('errorsCore.csvWhole', { column, value: v }));
  return Number(v);
}

export function num(value: string, column: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new RowError(textOf('errorsCore.csvNumber', { column, value: v }));
  return n;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/**
 * The known names closest to a typed one, best first. A name is also measured by its parts, so "ODHIR" finds
 * "OSCE/ODIHR" through "ODIHR".
 */
export function nearest(typed: string, known: Iterable<string>, count = 3): string[] {
  const t = fold(typed);
  const score = (name: string) => Math.min(distance(t, fold(name)), ...fold(name).split(/[\s/,;()-]+/).filter(Boolean).map((part) => distance(t, part) + 1));
  return [...new Set(known)]
    .map((name) => ({ name, d: score(name) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((x) => x.name);
}
