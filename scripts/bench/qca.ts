/**
 * `npm run bench:qca`: time of the exact minimisation (issue 21) on generated data: 12 conditions and 50 cases
 * (crisp and fuzzy, all three solutions), and 20 conditions with 50 cases, where over a million configurations are
 * remainders (parsimonious solution). Prints the median and maximum of --runs runs (default 5) per figure.
 */
import { parseArgs } from 'node:util';
import { allSolutions } from '../../electron/core/qca/analysis';
import { prepareData } from '../../electron/core/qca/data';
import { conservative, parsimonious } from '../../electron/core/qca/minimize';
import { truthTable } from '../../electron/core/qca/truth-table';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Cases whose outcome follows two planted paths (C0*C1 + ~C2*C3) with one case in ten flipped. */
function generate(conditions: number, cases: number, fuzzy: boolean, seed: number) {
  const rnd = random(seed);
  const columns: Record<string, number[]> = {};
  for (let j = 0; j < conditions; j++) columns[`C${j}`] = Array.from({ length: cases }, () => (fuzzy ? Math.round(rnd() * 100) / 100 : rnd() < 0.5 ? 0 : 1));
  const x = (j: number, i: number) => columns[`C${j}`]![i]!;
  columns.Y = Array.from({ length: cases }, (_, i) => {
    const y = Math.max(Math.min(x(0, i), x(1, i)), Math.min(1 - x(2, i), x(3, i)));
    return rnd() < 0.1 ? 1 - y : y;
  });
  return prepareData({ cases: Array.from({ length: cases }, (_, i) => `case${i + 1}`), columns }, 'Y');
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Math.max(1, Number(values.runs));
  const figures: [string, () => unknown][] = [];
  const crisp12 = generate(12, 50, false, 21);
  const fuzzy12 = generate(12, 50, true, 21);
  const crisp20 = generate(20, 50, false, 21);
  const allPresent = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, j) => [`C${j}`, 1]));
  figures.push(['12 conditions, 50 crisp cases: truth table + conservative + parsimonious + intermediate', () => allSolutions(crisp12, { inclCut: 0.8 }, allPresent(12))]);
  figures.push(['12 conditions, 50 fuzzy cases: the same', () => allSolutions(fuzzy12, { inclCut: 0.8 }, allPresent(12))]);
  figures.push(['20 conditions, 50 crisp cases: truth table + conservative', () => conservative(crisp20, truthTable(crisp20, { inclCut: 0.8 }))]);
  figures.push(['20 conditions, 50 crisp cases (1,048,576 configurations): parsimonious with remainders', () => parsimonious(crisp20, truthTable(crisp20, { inclCut: 0.8 }))]);
  for (const [label, fn] of figures) {
    const samples = Array.from({ length: runs }, () => time(fn)).sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    process.stdout.write(`${label}\n  median ${median.toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms (${runs} runs)\n`);
  }
  const tt = truthTable(crisp20, { inclCut: 0.8 });
  const pars = parsimonious(crisp20, tt);
  process.stdout.write(
    `20 conditions: ${tt.rows.length} observed rows, ${tt.remainders} remainders, ${pars.primeImplicants.length} prime implicants, ${pars.models.length} model(s) of ${pars.models[0]?.terms.length ?? 0} terms; ${pars.simplifyingAssumptions?.count ?? 0} remainders used\n`,
  );
}

main();
