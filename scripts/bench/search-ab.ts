/**
 * A/B of two search implementations on one project, interleaved query by query in one process (the machine is
 * shared, so only ratios mean much): `npx tsx scripts/bench/search-ab.ts FILE [runs]`. A is electron/core/search-base.ts,
 * a copy of the search to compare with, made for the occasion and never committed (`git show REV:electron/core/search.ts
 * > electron/core/search-base.ts`); B is the current search. Also says whether both answered the same, hit for hit.
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Project } from '../../electron/core/project';
import { search as b } from '../../electron/core/search';
import { SEARCH_QUERIES } from './queries';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const a = (require('../../electron/core/search-base') as { search: typeof b }).search;
const file = process.argv[2]!;
const runs = Number(process.argv[3] ?? 4);
const p = Project.open(file, { readonly: true });
const times = { a: [] as number[], b: [] as number[] };
const perQuery = new Map<string, { a: number[]; b: number[] }>();
const differ = new Set<string>();
console.log('load at start', os.loadavg().map((x) => x.toFixed(2)).join(' '));
for (let run = 0; run <= runs; run++) {
  for (const q of SEARCH_QUERIES) {
    const order = (run + q.length) % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    const out: Record<string, unknown> = {};
    for (const which of order) {
      const t0 = performance.now();
      out[which] = JSON.parse(JSON.stringify((which === 'a' ? a : b)(p, { q })));
      const ms = performance.now() - t0;
      if (run === 0) continue;
      times[which].push(ms);
      const e = perQuery.get(q) ?? { a: [], b: [] };
      e[which].push(ms);
      perQuery.set(q, e);
    }
    if (!isDeepStrictEqual(out.a, out.b)) differ.add(q);
  }
}
const pct = (v: number[], f: number) => [...v].sort((x, y) => x - y)[Math.min(v.length - 1, Math.floor(v.length * f))]!;
console.log('load at end', os.loadavg().map((x) => x.toFixed(2)).join(' '));
for (const [q, e] of [...perQuery].sort((x, y) => pct(y[1].a, 0.5) - pct(x[1].a, 0.5)).slice(0, 12)) console.log(`${pct(e.a, 0.5).toFixed(1).padStart(6)} -> ${pct(e.b, 0.5).toFixed(1).padStart(6)}  ${q}`);
console.log(`A p50 ${pct(times.a, 0.5).toFixed(1)} p95 ${pct(times.a, 0.95).toFixed(1)} | B p50 ${pct(times.b, 0.5).toFixed(1)} p95 ${pct(times.b, 0.95).toFixed(1)} | ratio B/A p50 ${(pct(times.b, 0.5) / pct(times.a, 0.5)).toFixed(2)} p95 ${(pct(times.b, 0.95) / pct(times.a, 0.95)).toFixed(2)}`);
console.log(differ.size === 0 ? 'same answers' : `DIFFERENT answers: ${[...differ].join(' | ')}`);
p.close();
