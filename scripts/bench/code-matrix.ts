/**
 * Times the code × case / code × stage query, a count's excerpts and the memo overview over 50,000 coded excerpts
 * (issue 19.5): `npx tsx scripts/bench/code-matrix.ts [--excerpts N] [--runs N]`. Standalone, not a phase of
 * `npm run bench`: it builds its own project (the sample, 20 codes, N excerpts with one or two codes each, 4 in 5
 * linked to a cell, 1,000 memos) and prints the median and the slowest of the runs for each call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeMatrix, codeMatrixExcerpts } from '../../electron/core/code-matrix';
import * as evidence from '../../electron/core/evidence';
import { memoOverview } from '../../electron/core/memos';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const EXCERPTS = arg('excerpts', 50_000);
const RUNS = arg('runs', 7);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-code-matrix-'));
try {
  const file = path.join(dir, 'bench.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const o = p.overview();
  const codes = Array.from({ length: 20 }, (_, i) => evidence.createCode(p, { name: `Code ${i}` }).id);
  const cells = o.norms.flatMap((n) => p.cells(n.id).map((c) => c.id));
  const source = evidence.listSources(p)[0]!.id;
  p.db.transaction(() => {
    const excerpt = p.db.prepare("INSERT INTO excerpts (id, source_id, text, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')");
    const coded = p.db.prepare('INSERT OR IGNORE INTO excerpt_codes (excerpt_id, code_id) VALUES (?, ?)');
    const linked = p.db.prepare('INSERT OR IGNORE INTO excerpt_cells (excerpt_id, cell_id) VALUES (?, ?)');
    const memo = p.db.prepare("INSERT INTO memos (id, target_type, target_id, text, created_at, updated_at) VALUES (?, 'excerpt', ?, ?, '2026-01-01', '2026-01-01')");
    for (let i = 0; i < EXCERPTS; i++) {
      const id = `bench-${i}`;
      excerpt.run(id, source, `Excerpt ${i}`);
      coded.run(id, codes[i % codes.length]);
      coded.run(id, codes[(i * 7 + 3) % codes.length]);
      if (i % 5 !== 0) linked.run(id, cells[i % cells.length]);
      if (i % 50 === 0) memo.run(`memo-${i}`, id, `A memo on excerpt ${i}`);
    }
  })();
  const kaz = o.cases[0]!.id;
  const obs = o.norms[0]!.id;
  const calls: [string, () => unknown][] = [
    ['codes.matrix by case', () => codeMatrix(p, { by: 'case' })],
    ['codes.matrix by stage, one norm', () => codeMatrix(p, { by: 'stage', normId: obs })],
    ['codes.matrixExcerpts (one count)', () => codeMatrixExcerpts(p, { by: 'case', codeId: codes[0]!, columnId: kaz })],
    ['codes.matrixExcerpts (no cell)', () => codeMatrixExcerpts(p, { by: 'case', codeId: codes[0]!, columnId: null })],
    ['memos.overview', () => memoOverview(p)],
  ];
  console.log(`${EXCERPTS.toLocaleString('en')} excerpts, ${RUNS} runs each (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
  for (const [label, call] of calls) {
    call();
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      call();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(36)} median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms`);
  }
  p.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
