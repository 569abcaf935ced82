/**
 * `tsx scripts/bench/readme-table.ts RUN.json [README.md]`: writes a run's table (from `--json`) into the README
 * between the markers `<!-- bench-table:start -->` and `<!-- bench-table:end -->`, with the line that says which run
 * it is. The README's table is never edited by hand: it is this script's output for a committed JSON.
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

export function tableSection(run: Run, jsonPath: string): string {
  const m = run.machine;
  const load = `${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end`;
  return [
    `Size ${run.size.name}, ${run.runs} runs, ${m.date.slice(0, 10)}, commit ${m.commit.slice(0, 7)}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node.replace(/^v/, '')}, ${m.chromium}, SQLite ${m.sqlite}; load average ${load}${m.loadAverageAtStart[0]! > m.cores ? ' (the machine was shared with other work: compare ratios, not absolute times)' : ''}. Its JSON is \`${jsonPath}\`.`,
    '',
    markdownTable(run.figures),
  ].join('\n');
}

function main(): void {
  const [jsonFile, readmeFile = path.resolve(__dirname, '..', '..', 'README.md')] = process.argv.slice(2);
  if (!jsonFile) {
    process.stderr.write('Usage: tsx scripts/bench/readme-table.ts RUN.json [README.md]\n');
    process.exit(2);
  }
  const run = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Run;
  const readme = fs.readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${readmeFile} has no ${START} … ${END} section.`);
  const relative = path.relative(path.dirname(readmeFile), path.resolve(jsonFile)).split(path.sep).join('/');
  fs.writeFileSync(readmeFile, `${readme.slice(0, start + START.length)}\n${tableSection(run, relative)}\n${readme.slice(end)}`);
  process.stdout.write(`Wrote the table of ${jsonFile} into ${readmeFile}.\n`);
}

main();
