/**
 * Building the calibrated data an analysis runs on, from a table of memberships: a CSV whose first column names the
 * case (as `comparanda qca ... --data` reads it and as R's `read.csv(row.names = 1)` does), or columns a project holds.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ApiError } from '../../contract/errors';
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
    throw new ApiError('FILE_NOT_FOUND', `The data file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  const [header, ...rows] = records;
  if (!header || header.length < 2 || rows.length === 0) {
    throw new ApiError('VALIDATION_FAILED', 'The data file needs a header row and at least one case: the first column names the case, the others hold membership scores.');
  }
  const names = header.slice(1);
  const columns: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  rows.forEach((row, i) => {
    names.forEach((name, k) => {
      const value = toNumber(row[k + 1] ?? '');
      if (!Number.isFinite(value)) throw new ApiError('VALIDATION_FAILED', `Line ${i + 2} of the data file has no number for ${name} ("${row[k + 1] ?? ''}").`);
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
    throw new ApiError('VALIDATION_FAILED', `There is no outcome column "${outcomeName}". The columns are: ${available.join(', ')}.`);
  }
  const chosen = conditions && conditions.length > 0 ? conditions : available.filter((c) => c !== outcomeName);
  for (const c of chosen) {
    if (!Object.hasOwn(table.columns, c)) throw new ApiError('VALIDATION_FAILED', `There is no condition column "${c}". The columns are: ${available.join(', ')}.`);
    if (c === outcomeName) throw new ApiError('VALIDATION_FAILED', `${c} is the outcome; it cannot also be a condition.`);
  }
  if (new Set(chosen).size !== chosen.length) throw new ApiError('VALIDATION_FAILED', 'A condition is named twice.');
  if (chosen.length === 0) throw new ApiError('VALIDATION_FAILED', 'Name at least one condition.');
  const y = table.columns[outcomeName]!;
  const outcomeShape = describeColumn(outcomeName, y);
  if (outcomeShape.levels > 2) throw new ApiError('VALIDATION_FAILED', `The outcome ${outcomeName} is multi-value; calibrate it to a crisp (0/1) or fuzzy set first.`);
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
