/**
 * How a case, norm, framework or view named on the command line (or in an export's options) is found: one rule for
 * every command, so that a script's `--cases RUS` means the same in `matrix`, `export` and `case update`.
 *
 * 1. an exact key: id, name or label, ISO code or short label (case-insensitive, NFKC);
 * 2. else the one name that starts with what was typed ("Kyrg" finds Kyrgyzstan);
 * 3. else the one name with a word that starts with it ("observation" finds "International election observation").
 * Never a substring inside a word: "RUS" must not find Belarus. Two or more candidates at the first step that has
 * any is an error that lists them; nothing at all lists what the project has.
 */
import type { CaseDto, NormDto } from '../contract/api';
import { ApiError } from '../contract/errors';
import { localError } from '../contract/i18n/format';

export const foldName = (s: string) => s.normalize('NFKC').trim().toLocaleLowerCase();

export interface NameKeys {
  /** Matched whole only: ids, ISO codes. */
  exact: string[];
  /** Matched whole, then by prefix: names, labels, short labels. */
  names: string[];
}

const wordStarts = (name: string, q: string) => name.split(/[\s/,;:()\-–—]+/u).some((word) => word !== '' && word.startsWith(q));

export function matchName<T>(kind: string, query: string, items: readonly T[], keys: (item: T) => NameKeys, describe: (item: T) => string): T {
  const q = foldName(query);
  // The catalogue words each kind in every language; "framework template" is one word there.
  const which = kind === 'framework template' ? 'template' : kind;
  if (q === '') throw localError('VALIDATION_FAILED', 'errorsInput.nameEmpty', { kind: which });
  const folded = items.map((item) => {
    const k = keys(item);
    return { item, exact: [...k.exact, ...k.names].filter(Boolean).map(foldName), names: k.names.filter(Boolean).map(foldName) };
  });
  const steps = [
    folded.filter((f) => f.exact.includes(q)),
    folded.filter((f) => f.names.some((n) => n.startsWith(q))),
    folded.filter((f) => f.names.some((n) => wordStarts(n, q))),
  ];
  const found = steps.find((step) => step.length > 0);
  if (found?.length === 1) return found[0]!.item;
  if (found) {
    const candidates = found.map((f) => describe(f.item)).join('; ');
    throw localError('VALIDATION_FAILED', 'errorsInput.nameMatchesMany', { query, count: found.length, kind: which, candidates });
  }
  // Semicolons between them: a norm's label may hold commas.
  const known = items.map(describe).join('; ');
  throw localError('NOT_FOUND', 'errorsInput.nameMatchesNone', { kind: which, query, any: known ? 'yes' : 'no', known });
}

export function matchCase(query: string, cases: readonly CaseDto[]): CaseDto {
  return matchName('case', query, cases, (c) => ({ exact: [c.id, c.isoCode ?? ''], names: [c.name] }), (c) => (c.isoCode ? `${c.name} (${c.isoCode})` : c.name));
}

export function matchNorm(query: string, norms: readonly NormDto[]): NormDto {
  return matchName('norm', query, norms, (n) => ({ exact: [n.id], names: [n.label, n.shortLabel] }), (n) => n.shortLabel || n.label);
}

/**
 * A list given on the command line: repeated flags, each of which may hold several names separated by "|" (a
 * character no label needs). Never split on commas: a norm's label holds them.
 */
export function splitList(values: readonly string[] | string | undefined): string[] {
  if (values === undefined) return [];
  return (typeof values === 'string' ? [values] : values)
    .flatMap((v) => v.split('|'))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Cases given on the command line, as ids. Besides repeated flags and "|", "KAZ,BLR" still works as it always did:
 * a piece that is not itself a case's exact name or ISO code, and holds commas, is split on them ("Korea, Republic of"
 * stays one case when the project has it).
 */
export function caseList(values: readonly string[] | string | undefined, cases: readonly CaseDto[]): string[] {
  const exact = (piece: string) => cases.find((c) => [c.id, c.name, c.isoCode ?? ''].some((k) => k !== '' && foldName(k) === foldName(piece)));
  const ids = splitList(values).flatMap((piece) => {
    const whole = exact(piece);
    if (whole) return [whole.id];
    const parts = piece.includes(',') ? piece.split(',').map((x) => x.trim()).filter(Boolean) : [piece];
    return parts.map((part) => matchCase(part, cases).id);
  });
  return [...new Set(ids)];
}

/** Norms given on the command line, as ids; "all" (alone) means every live norm, returned as undefined. */
export function normList(values: readonly string[] | string | undefined, norms: readonly NormDto[]): string[] | undefined {
  const pieces = splitList(values);
  if (pieces.length === 0 || pieces.some((n) => n.toLowerCase() === 'all')) return undefined;
  const ids = pieces.map((piece) => {
    try {
      return matchNorm(piece, norms).id;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NOT_FOUND' && piece.includes(',')) {
        throw localError('NOT_FOUND', 'errorsInput.normsSeparator', { ...error.text?.values, option: '--norm' });
      }
      throw error;
    }
  });
  return [...new Set(ids)];
}
