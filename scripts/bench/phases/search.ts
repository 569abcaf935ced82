/**
 * Full-text search: the 50 queries of queries.ts through search.query (dispatcher + JSON, no limit given: what the
 * UI asks), p50 and p95 over every query of every run, against the raw FTS5 MATCH queries that find the same hits:
 * each index's first SEARCH_CANDIDATES matches with their bm25 rank, merged and cut to the top N (N being the
 * product's default limit as observed), without snippets, joins or grouping. Also measured, as the search was before
 * issue 22: every match ranked (ORDER BY rank LIMIT N per index), the figure `search.p95.fullrank`.
 */
import Database from 'better-sqlite3';
import { SEARCH_CANDIDATES, type SearchResultDto } from '../../../electron/contract/api';
import { search, toFtsQuery } from '../../../electron/core/search';
import { result, type BenchContext, type OpenSession } from '../context';
import { profile } from '../profiler';
import { SEARCH_QUERIES } from '../queries';
import { figure } from '../report';
import { median } from '../stats';

const TABLES = ['fts_pages', 'fts_excerpts', 'fts_cells', 'fts_memos', 'fts_records'] as const;

export async function benchSearch(ctx: BenchContext, open: OpenSession): Promise<void> {
  const raw = new Database(ctx.workFile, { readonly: true });
  try {
    const queries = SEARCH_QUERIES.map((q) => ({ q, fts: toFtsQuery(q)! }));
    // The product's default number of hits: the most any query answers (every frequent word fills it).
    let limit = 0;
    for (const { q } of queries.slice(0, 3)) limit = Math.max(limit, result<SearchResultDto>(await open.dispatch('search.query', { q }), 'search.query').total);
    limit ||= 200;
    ctx.info.searchDefaultLimit = limit;
    const bounded = TABLES.map((t) => raw.prepare(`SELECT rowid, rank FROM ${t} WHERE ${t} MATCH ? LIMIT ${SEARCH_CANDIDATES}`));
    const fullRank = TABLES.map((t) => raw.prepare(`SELECT rowid, rank FROM ${t} WHERE ${t} MATCH ? ORDER BY rank LIMIT ${limit}`));
    const merged = (statements: typeof bounded, fts: string) => {
      const rows: { rowid: number; rank: number }[] = [];
      for (const s of statements) rows.push(...(s.all(fts) as { rowid: number; rank: number }[]));
      rows.sort((a, b) => a.rank - b.rank);
      return rows.slice(0, limit);
    };
    const baselineQuery = (fts: string) => merged(bounded, fts);
    const perQuery = new Map<string, { product: number[]; baseline: number[]; fullRank: number[]; hits: number; baseHits: number }>();
    for (const { q } of queries) perQuery.set(q, { product: [], baseline: [], fullRank: [], hits: 0, baseHits: 0 });

    const pass = async (record: boolean) => {
      for (const { q, fts } of queries) {
        const t0 = performance.now();
        const envelope = await open.dispatch('search.query', { q });
        JSON.stringify(envelope);
        const t1 = performance.now();
        const rows = baselineQuery(fts);
        const t2 = performance.now();
        merged(fullRank, fts);
        const t3 = performance.now();
        if (!record) continue;
        const entry = perQuery.get(q)!;
        entry.product.push(t1 - t0);
        entry.baseline.push(t2 - t1);
        entry.fullRank.push(t3 - t2);
        entry.hits = result<SearchResultDto>(envelope, 'search.query').total;
        entry.baseHits = rows.length;
      }
    };
    // Warm-up (skipped by a single-run smoke test): FTS pages into SQLite's cache, statements prepared.
    if (ctx.runs > 1) await pass(false);
    for (let r = 0; r < ctx.runs; r++) await pass(true);

    const product = [...perQuery.values()].flatMap((e) => e.product);
    const baseline = [...perQuery.values()].flatMap((e) => e.baseline);
    const fullRanked = [...perQuery.values()].flatMap((e) => e.fullRank);
    const mismatched = [...perQuery.entries()].filter(([, e]) => e.hits !== e.baseHits).map(([q, e]) => `${q}: ${e.hits} vs ${e.baseHits}`);
    const slowest = [...perQuery.entries()]
      .map(([q, e]) => ({ q, productMs: median(e.product), baselineMs: median(e.baseline), hits: e.hits }))
      .sort((a, b) => b.productMs - a.productMs);
    ctx.info.searchQueries = slowest.map((s) => ({ ...s, productMs: Math.round(s.productMs * 100) / 100, baselineMs: Math.round(s.baselineMs * 100) / 100 }));
    if (mismatched.length > 0) ctx.info.searchHitMismatches = mismatched;
    const notes = `${queries.length} queries x ${ctx.runs} runs; slowest: ${slowest
      .slice(0, 3)
      .map((s) => `${s.q} ${s.productMs.toFixed(0)} ms (${s.hits} hits)`)
      .join('; ')}`;
    ctx.figures.push(
      figure({ id: 'search.p50', label: 'Search (search.query), p50 over 50 queries', samples: product, baseline: { label: 'raw FTS5 MATCH, same candidates', samples: baseline }, notes }),
      figure({
        id: 'search.p95',
        label: 'Search (search.query), p95 over 50 queries',
        samples: product,
        baseline: { label: 'raw FTS5 MATCH, same candidates', samples: baseline },
        target: { max: ctx.size.targets.searchP95Ms, on: 'p95', ratioMax: 3 },
      }),
      figure({
        id: 'search.p95.fullrank',
        label: 'Raw FTS5, every match ranked (the search before issue 22), p95',
        samples: fullRanked,
        target: { max: ctx.size.targets.searchP95Ms, on: 'p95' },
        notes: 'ORDER BY rank LIMIT n of each index: what ranking all matches of a common word costs',
      }),
    );

    // Where the time goes: a CPU profile of one pass over the slowest queries, straight through search().
    if (ctx.profileDir) {
      const project = open.session.requireProject();
      const { summary } = await profile(ctx.profileDir, `search-${ctx.size.name}`, async () => {
        for (const s of slowest.slice(0, 10)) for (let i = 0; i < 3; i++) search(project, { q: s.q });
      });
      ctx.profiles.push(summary);
    }
  } finally {
    raw.close();
  }
}
