/**
 * Where a search's time goes, query by query (issue 22): `npx tsx scripts/bench/search-probe.ts FILE` times each query of
 * queries.ts through search() and its JSON, then the raw candidates (each index's first SEARCH_CANDIDATES matches,
 * ranked) and the top 100's snippets asked row by row (as the search did before issue 22), with the candidates found
 * per index (pages/excerpts/cells/memos/records) and the indexes of the hits kept. Read-only.
 */
import os from 'node:os';
import { search, toFtsQuery } from '../../electron/core/search';
import { Project } from '../../electron/core/project';
import { SEARCH_QUERIES } from './queries';

const file = process.argv[2]!;
const p = Project.open(file, { readonly: true });
const db = p.db;
const T = ['fts_pages', 'fts_excerpts', 'fts_cells', 'fts_memos', 'fts_records'];
const cand = T.map((t) => db.prepare(`SELECT rowid, rank FROM ${t} WHERE ${t} MATCH ? LIMIT 1000`));
const O = "'\u0002'", C = "'\u0003'";
const snip = (t: string, col: number) => db.prepare(`SELECT snippet(${t}, ${col}, ${O}, ${C}, '…', 24) AS s FROM ${t} WHERE ${t} MATCH ? AND rowid >= ? AND rowid <= ?`);
const snips = [snip('fts_pages', 0), snip('fts_excerpts', 0), snip('fts_cells', 0), snip('fts_memos', 0), snip('fts_records', 1)];
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]!; };
const res: Record<string, { prod: number[]; cand: number[]; snip: number[]; json: number[]; counts: string; kinds: string; size: number }> = {};
for (let run = 0; run < 4; run++) {
  for (const q of SEARCH_QUERIES) {
    const fts = toFtsQuery(q)!;
    const t0 = performance.now();
    const r = search(p, { q });
    const t1 = performance.now();
    const js = JSON.stringify(r);
    const t2 = performance.now();
    const rows: { t: number; rowid: number; rank: number }[] = [];
    const counts: number[] = [];
    cand.forEach((s, t) => { const got = s.all(fts) as { rowid: number; rank: number }[]; counts.push(got.length); for (const g of got) rows.push({ t, ...g }); });
    rows.sort((a, b) => a.rank - b.rank);
    const top = rows.slice(0, 100);
    const t3 = performance.now();
    for (const h of top) { snips[h.t]!.get(fts, h.rowid, h.rowid); }
    const t4 = performance.now();
    const e = (res[q] ??= { prod: [], cand: [], snip: [], json: [], counts: '', kinds: '', size: 0 });
    if (run === 0) continue;
    e.prod.push(t1 - t0); e.json.push(t2 - t1); e.cand.push(t3 - t2); e.snip.push(t4 - t3);
    e.counts = counts.join('/');
    const k: Record<number, number> = {}; for (const h of top) k[h.t] = (k[h.t] ?? 0) + 1;
    e.kinds = Object.entries(k).map(([t, n]) => `${T[+t]!.slice(4, 7)}${n}`).join(' ');
    e.size = js.length;
  }
}
console.log('load', os.loadavg().map((x) => x.toFixed(2)).join(' '));
const all = Object.entries(res).sort((a, b) => med(b[1].prod) - med(a[1].prod));
for (const [q, e] of all) console.log(`${med(e.prod).toFixed(1).padStart(6)} cand ${med(e.cand).toFixed(1).padStart(5)} snip ${med(e.snip).toFixed(1).padStart(5)} json ${med(e.json).toFixed(1).padStart(4)} ${String(e.size).padStart(6)}B ${e.counts.padEnd(22)} ${e.kinds.padEnd(24)} ${q}`);
const allProd = Object.values(res).flatMap((e) => e.prod).sort((a, b) => a - b);
console.log('p50', allProd[Math.floor(allProd.length * 0.5)]!.toFixed(1), 'p95', allProd[Math.floor(allProd.length * 0.95)]!.toFixed(1));
p.close();
