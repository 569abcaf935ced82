/**
 * Where a search's time goes, query by query (issue 22): `npx tsx scripts/bench/search-probe.ts FILE [runs]` times
 * each query of queries.ts through search() and its JSON, then with raw SQL: the candidates (each index's first
 * SEARCH_CANDIDATES matches, ranked: the benchmark's baseline) and the snippets of the best 100, asked row by row (as
 * the search did before issue 22: each asks the index to find its row again) and in one pass over each index (as it
 * does now). Also printed: the candidates per index (pages/excerpts/cells/memos/records), the indexes of the hits kept
 * and the JSON's size. Read-only; the machine is shared, so compare columns of one run, not runs.
 */
import os from 'node:os';
import { SEARCH_CANDIDATES, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../electron/contract/api';
import { Project } from '../../electron/core/project';
import { search, toFtsQuery } from '../../electron/core/search';
import { SEARCH_QUERIES } from './queries';

const file = process.argv[2];
if (!file) throw new Error('Usage: npx tsx scripts/bench/search-probe.ts PROJECT.comparanda [runs]');
const runs = Number(process.argv[3] ?? 3);
const p = Project.open(file, { readonly: true });
const db = p.db;
const INDEXES = [
  { table: 'fts_pages', column: 0 },
  { table: 'fts_excerpts', column: 0 },
  { table: 'fts_cells', column: 0 },
  { table: 'fts_memos', column: 0 },
  { table: 'fts_records', column: 1 },
];
const snippet = (table: string, column: number) => `snippet(${table}, ${column}, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24)`;
const statements = INDEXES.map(({ table, column }) => ({
  candidates: db.prepare(`SELECT rowid, rank FROM ${table} WHERE ${table} MATCH ? LIMIT ${SEARCH_CANDIDATES}`),
  byRow: db.prepare(`SELECT ${snippet(table, column)} FROM ${table} WHERE ${table} MATCH ? AND rowid >= ? AND rowid <= ?`),
  onePass: db.prepare(
    `SELECT rowid, ${snippet(table, column)} FROM ${table} WHERE ${table} MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN (SELECT value FROM json_each(?))`,
  ),
}));

interface Times {
  product: number[];
  json: number[];
  candidates: number[];
  byRow: number[];
  onePass: number[];
  counts: string;
  kinds: string;
  bytes: number;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results = new Map<string, Times>();
for (let run = 0; run <= runs; run++) {
  for (const q of SEARCH_QUERIES) {
    const fts = toFtsQuery(q)!;
    const t0 = performance.now();
    const answer = search(p, { q });
    const t1 = performance.now();
    const json = JSON.stringify(answer);
    const t2 = performance.now();
    const rows: { index: number; rowid: number; rank: number }[] = [];
    const counts = statements.map((s, index) => {
      const found = s.candidates.all(fts) as { rowid: number; rank: number }[];
      for (const row of found) rows.push({ index, ...row });
      return found.length;
    });
    rows.sort((a, b) => a.rank - b.rank);
    const top = rows.slice(0, 100);
    const t3 = performance.now();
    for (const hit of top) statements[hit.index]!.byRow.get(fts, hit.rowid, hit.rowid);
    const t4 = performance.now();
    for (const [index, s] of statements.entries()) {
      const rowids = top.filter((h) => h.index === index).map((h) => h.rowid);
      if (rowids.length > 0) s.onePass.all(fts, Math.min(...rowids), Math.max(...rowids), JSON.stringify(rowids));
    }
    const t5 = performance.now();
    if (run === 0) continue; // warm-up: statements prepared, pages read into the cache
    const entry = results.get(q) ?? { product: [], json: [], candidates: [], byRow: [], onePass: [], counts: '', kinds: '', bytes: 0 };
    entry.product.push(t1 - t0);
    entry.json.push(t2 - t1);
    entry.candidates.push(t3 - t2);
    entry.byRow.push(t4 - t3);
    entry.onePass.push(t5 - t4);
    entry.counts = counts.join('/');
    const perIndex = new Map<number, number>();
    for (const hit of top) perIndex.set(hit.index, (perIndex.get(hit.index) ?? 0) + 1);
    entry.kinds = [...perIndex].map(([index, n]) => `${INDEXES[index]!.table.slice(4, 7)}${n}`).join(' ');
    entry.bytes = json.length;
    results.set(q, entry);
  }
}
p.close();

console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; medians of ${runs} runs, ms`);
console.log('product  json  cand. byRow onePass   bytes candidates/index     hits/index               query');
const ms = (values: number[]) => median(values).toFixed(1).padStart(5);
for (const [q, e] of [...results].sort((a, b) => median(b[1].product) - median(a[1].product))) {
  console.log(`${ms(e.product)}  ${ms(e.json)} ${ms(e.candidates)} ${ms(e.byRow)} ${ms(e.onePass)} ${String(e.bytes).padStart(7)} ${e.counts.padEnd(22)} ${e.kinds.padEnd(24)} ${q}`);
}
const all = [...results.values()].flatMap((e) => e.product).sort((a, b) => a - b);
console.log(`search() p50 ${all[Math.floor(all.length * 0.5)]!.toFixed(1)} ms, p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(1)} ms`);
