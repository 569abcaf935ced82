/**
 * `tsx scripts/bench/markdown.ts OUT.json`: the Markdown table of a run written with `--json` (for the README), and
 * the line describing the machine and the run.
 */
import fs from 'node:fs';
import { markdownTable, type Figure } from './report';

interface Run {
  size: { name: string };
  runs: number;
  machine: { date: string; cpu: string; cores: number; ramGiB: number; node: string; chromium: string; sqlite: string; commit: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  figures: Figure[];
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: tsx scripts/bench/markdown.ts RUN.json\n');
  process.exit(2);
}
const run = JSON.parse(fs.readFileSync(file, 'utf8')) as Run;
const m = run.machine;
process.stdout.write(
  `Size ${run.size.name}, ${run.runs} runs, ${m.date.slice(0, 10)}, commit ${m.commit.slice(0, 7)}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node.replace(/^v/, '')}, ${m.chromium}, SQLite ${m.sqlite}; load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end.\n\n${markdownTable(run.figures)}\n`,
);
