/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a
 * formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`). Every CSV Comparanda writes goes through `stringifyCsv`, which
 * prefixes such cells with a single quote, as OWASP advises; plain numbers ("-5", "+3.2") are left as they are.
 * The importer takes one quote off again (`restoreFormulaCell`), so an export re-imports exactly — a value that itself
 * starts with quotes before such a character gets one more quote on the way out, so that too comes back unchanged.
 */
import { stringify, type Options } from 'csv-stringify/sync';

const ESCAPED = /^'*[=+\-@\t\r]/;
const RESTORE = /^'+[=+\-@\t\r]/;
const NUMBER = /^[-+]?(\d+([.,]\d+)*|[.,]\d+)([eE][-+]?\d+)?$/;

export function neutraliseFormulaCell(value: string): string {
  return ESCAPED.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

export function restoreFormulaCell(value: string): string {
  // Most cells do not start with a quote: no regular expression for them (every cell of every row comes through here).
  if (value.charCodeAt(0) !== 39) return value;
  return RESTORE.test(value) && !NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

/** csv-stringify with formula cells neutralised. */
export function stringifyCsv(rows: unknown[][], options: Options = {}): string {
  return stringify(rows, { ...options, cast: { ...options.cast, string: (value) => neutraliseFormulaCell(value) } });
}
