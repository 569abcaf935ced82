/**
 * The calibrated table for R (`read.csv(row.names = 1)`) and for fsQCA (case names as a plain column, which fsQCA's
 * "Open data" reads), and an R script that rebuilds the truth table and the solutions with the QCA package from it,
 * with the same parameters, and stops if R finds other solutions than Comparanda did.
 */
import { stringifyCsv } from '../csv/formulas';
import type { DirectionalExpectations } from './minimize';
import type { QcaData } from './sets';
import type { TruthTableOptions } from './truth-table';

export interface RExport {
  /** For R: the first column (headed "case") holds the row names. */
  csv: string;
  /** For fsQCA: the same scores, the case name as an ordinary variable. */
  fsqcaCsv: string;
  script: string;
}

const rString = (s: string) => JSON.stringify(s);

function columns(data: QcaData): { header: string[]; rows: (string | number)[][] } {
  const outcomeName = data.outcome.replace(/^~/, '');
  const y = data.outcome.startsWith('~') ? data.y.map((v) => 1 - v) : data.y;
  return {
    header: [...data.conditions, outcomeName],
    rows: data.cases.map((c, i) => [c, ...data.values.map((col) => col[i]!), y[i]!]),
  };
}

export function exportForR(data: QcaData, options: TruthTableOptions & { dirExp?: DirectionalExpectations; expected?: { conservative?: string[][]; parsimonious?: string[][]; intermediate?: string[][] } }, csvName = 'qca-data.csv'): RExport {
  const { header, rows } = columns(data);
  const csv = stringifyCsv([['case', ...header], ...rows]);
  const fsqcaCsv = stringifyCsv([['CASEID', ...header], ...rows]);
  const [ic1, ic0] = Array.isArray(options.inclCut) ? options.inclCut : [options.inclCut ?? 1, options.inclCut ?? 1];
  const dirExp = options.dirExp ? Object.entries(options.dirExp).map(([c, v]) => (data.levels[data.conditions.indexOf(c)]! > 2 ? `${c}[${v}]` : v === 1 ? c : `~${c}`)) : [];
  const expected = (name: string, models: string[][] | undefined) =>
    models ? `expected_${name} <- list(${models.map((m) => `c(${m.map(rString).join(', ')})`).join(', ')})\n` : '';
  const lines = [
    '# Written by Comparanda: rebuilds the truth table and the solutions with the R package QCA (Dusa).',
    '# install.packages("QCA") once; then run this script from the folder that holds the CSV file.',
    'library(QCA)',
    `data <- read.csv(${rString(csvName)}, row.names = 1, check.names = FALSE)`,
    '',
    `tt <- truthTable(data, outcome = ${rString(data.outcome)}, conditions = ${rString(data.conditions.join(', '))},`,
    `                 incl.cut = ${ic0 < ic1 ? `c(${ic1}, ${ic0})` : ic1}, n.cut = ${options.nCut ?? 1}, pri.cut = ${options.priCut ?? 0},`,
    '                 complete = FALSE, show.cases = TRUE)',
    'print(tt)',
    '',
    'conservative <- minimize(tt, details = TRUE, show.cases = TRUE)',
    'parsimonious <- minimize(tt, include = "?", details = TRUE, show.cases = TRUE)',
    'print(conservative)',
    'print(parsimonious)',
    ...(dirExp.length
      ? [`intermediate <- minimize(tt, include = "?", dir.exp = ${rString(dirExp.join(', '))}, details = TRUE, show.cases = TRUE)`, 'print(intermediate)']
      : []),
    '',
    '# What Comparanda found (each model a set of terms); R must find the same.',
    expected('conservative', options.expected?.conservative) + expected('parsimonious', options.expected?.parsimonious) + expected('intermediate', options.expected?.intermediate),
    'same <- function(found, wanted) {',
    '  key <- function(models) sort(vapply(models, function(m) paste(sort(m), collapse = " + "), ""))',
    '  identical(key(found), key(wanted))',
    '}',
    ...(options.expected?.conservative ? ['stopifnot(same(conservative$solution, expected_conservative))'] : []),
    ...(options.expected?.parsimonious ? ['stopifnot(same(parsimonious$solution, expected_parsimonious))'] : []),
    ...(options.expected?.intermediate && dirExp.length ? ['stopifnot(same(intermediate$i.sol[[1]]$solution, expected_intermediate))'] : []),
    'cat("The QCA package reproduces Comparanda\'s solutions.\\n")',
    '',
  ];
  return { csv, fsqcaCsv, script: lines.join('\n') };
}
