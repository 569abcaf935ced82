/**
 * `tsx scripts/bench/readme-table.ts RUN.json [MORE.json ...] [--readme README.md]`: writes the table of one or more
 * runs (from `--json`) into the README between the markers `<!-- bench-table:start -->` and
 * `<!-- bench-table:end -->`, with a line per run saying which it is. Several runs of a size: a later run's figure
 * replaces an earlier one's of the same id (a phase measured again after a fix); each size has its own table. The README's table is never edited by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { markdownTable, type Figure } from './report';

interface Run {
  size: { name: string };
  runs: number;
  machine: { date: string; cpu: string; cores: number; ramGiB: number; node: string; chromium: string; sqlite: string; commit: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  figures: Figure[];
}

const START = '<!-- bench-table:start -->';
const END = '<!-- bench-table:end -->';

function runLine(run: Run, jsonPath: string): string {
  const m = run.machine;
  const load = `${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end`;
  const ids = run.figures.map((f) => f.id.split('.')[0]!);
  return `Size ${run.size.name}, ${run.runs} run${run.runs === 1 ? '' : 's'} (${[...new Set(ids)].join(', ')}), ${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit.slice(0, 7)}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node.replace(/^v/, '')}, ${m.chromium}, SQLite ${m.sqlite}; load average ${load}${m.loadAverageAtStart[0]! > m.cores ? ' (the machine was shared with other work: compare ratios, not absolute times)' : ''}. JSON: \`${jsonPath}\`.`;
}

/** One table per size (in the order the sizes first appear), each from the runs of that size. */
export function tableSection(runs: { run: Run; jsonPath: string }[]): string {
  const sizes = [...new Set(runs.map(({ run }) => run.size.name))];
  return sizes
    .map((size) => {
      const ofSize = runs.filter(({ run }) => run.size.name === size);
      const figures = new Map<string, Figure>();
      for (const { run } of ofSize) for (const f of run.figures) figures.set(f.id, f);
      const heading = sizes.length > 1 ? [`**Size ${size}**`, ''] : [];
      return [...heading, ...ofSize.map(({ run, jsonPath }) => `- ${runLine(run, jsonPath)}`), '', markdownTable([...figures.values()])].join('\n');
    })
    .join('\n\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--readme');
  const readmeFile = at >= 0 ? args.splice(at, 2)[1]! : path.resolve(__dirname, '..', '..', 'README.md');
  if (args.length === 0) {
    process.stderr.write('Usage: tsx scripts/bench/readme-table.ts RUN.json [MORE.json ...] [--readme README.md]\n');
    process.exit(2);
  }
  const readme = fs.readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${readmeFile} has no ${START} … ${END} section.`);
  const runs = args.map((jsonFile) => ({
    run: JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Run,
    jsonPath: path.relative(path.dirname(readmeFile), path.resolve(jsonFile)).split(path.sep).join('/'),
  }));
  fs.writeFileSync(readmeFile, `${readme.slice(0, start + START.length)}\n${tableSection(runs)}\n${readme.slice(end)}`);
  process.stdout.write(`Wrote the table of ${args.join(', ')} into ${readmeFile}.\n`);
}

main();
