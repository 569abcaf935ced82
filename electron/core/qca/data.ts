/**
 * Building the calibrated data an analysis runs on, from a table of memberships: a CSV whose first column names the
 * case (as `comparanda qca ... --data` reads it and as R's `read.csv(row.names = 1)` does), or columns a project holds.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { localError } from '../../contract/i18n/format';
import { describeColumn, type QcaData } from './sets';

export interface MembershipTable {
  cases: string[];
  columns: Record<string, number[]>;
}

function toNumber(text: string): number {
  const t = text.trim();
  if (t === '' || /^(na|nan|-)$/i.test(t)) return Number.NaN;
  // A decimal comma (0,75) is read as a decimal point: the CSV's separator has already split the cells.
  return Number(/^[-+]?\d*,\d+$/.test(t) ? t.replace(',', '.') : t);
}

export function readMembershipCsv(file: string): MembershipTable {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw localError('FILE_NOT_FOUND', 'errorsQca.dataUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  const [header, ...rows] = records;
  if (!header || header.length < 2 || rows.length === 0) {
    throw localError('VALIDATION_FAILED', 'errorsQca.dataShape');
  }
  const names = header.slice(1);
  const columns: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  rows.forEach((row, i) => {
    names.forEach((name, k) => {
      const value = toNumber(row[k + 1] ?? '');
      if (!Number.isFinite(value)) throw localError('VALIDATION_FAILED', 'errorsQca.dataNotNumber', { line: String(i + 2), name, value: row[k + 1] ?? '' });
      columns[name]!.push(value);
    });
  });
  return { cases: rows.map((r) => r[0] ?? ''), columns };
}

/**
 * The outcome may be negated ("~SURV"); conditions default to every other column. Names are matched exactly (case
 * matters: R's QCA reads a lower-case name as a negation).
 */
export function prepareData(table: MembershipTable, outcome: string, conditions?: string[]): QcaData {
  const negated = outcome.startsWith('~');
  const outcomeName = negated ? outcome.slice(1) : outcome;
  const available = Object.keys(table.columns);
  if (!Object.hasOwn(table.columns, outcomeName)) {
    throw localError('VALIDATION_FAILED', 'errorsQca.noOutcomeColumn', { name: outcomeName, columns: available.join(', ') });
  }
  const chosen = conditions && conditions.length > 0 ? conditions : available.filter((c) => c !== outcomeName);
  for (const c of chosen) {
    if (!Object.hasOwn(table.columns, c)) throw localError('VALIDATION_FAILED', 'errorsQca.noConditionColumn', { name: c, columns: available.join(', ') });
    if (c === outcomeName) throw localError('VALIDATION_FAILED', 'errorsQca.outcomeAsCondition', { name: c });
  }
  if (new Set(chosen).size !== chosen.length) throw localError('VALIDATION_FAILED', 'errorsQca.conditionTwice');
  if (chosen.length === 0) throw localError('VALIDATION_FAILED', 'errorsQca.nameCondition');
  const y = table.columns[outcomeName]!;
  const outcomeShape = describeColumn(outcomeName, y);
  if (outcomeShape.levels > 2) throw localError('VALIDATION_FAILED', 'errorsQca.outcomeMultiValue', { name: outcomeName });
  const shapes = chosen.map((c) => describeColumn(c, table.columns[c]!));
  return {
    cases: table.cases,
    conditions: chosen,
    values: chosen.map((c) => table.columns[c]!),
    levels: shapes.map((s) => s.levels),
    fuzzy: shapes.map((s) => s.fuzzy),
    outcome,
    y: negated ? y.map((v) => 1 - v) : y,
  };
}
