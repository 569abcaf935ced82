/**
 * Full-text search over document pages, excerpts (text, translation, locator), cell summaries, memos, and the
 * records: claims, elections, missions (verdicts and findings), sources' metadata and codes (issue 19.8), with
 * SQLite FTS5 (unicode61, diacritics removed: case- and diacritic-insensitive for Latin and Cyrillic alike).
 * Participants' recorded identities are in no index, so no search can reveal them.
 */
import type { ApiInput, MemoTarget, SearchHitDto, SearchKind, SearchResultDto, SourceKind } from '../contract/api';
import { SEARCH_CANDIDATES, SNIPPET_CLOSE, SNIPPET_OPEN } from '../contract/api';
import { stmt } from './db/statements';
import type { Project } from './project';

const DEFAULT_LIMIT = 100;
/** How many page hits get the exact offset of their first match. */
const LOCATE_FIRST = 20;

/**
 * Turns what a researcher types into an FTS5 query without ever producing a syntax error: "quoted phrases" stay
 * phrases, a trailing * makes a prefix query, OR between terms is kept, and everything else becomes a quoted term
 * (so punctuation and FTS5 operators in the input are just text).
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    if (match[1] !== undefined) {
      const words = match[1].match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = match[2]!;
    if (raw === 'OR' && parts.length > 0 && parts.at(-1) !== 'OR') {
      parts.push('OR');
      continue;
    }
    const prefix = raw.endsWith('*');
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    // "Copenhagen-Document" is two tokens to FTS5: keep them together as a phrase.
    parts.push(`"${words.join(' ')}"${prefix ? '*' : ''}`);
  }
  while (parts.at(-1) === 'OR') parts.pop();
  return parts.length > 0 ? parts.join(' ') : null;
}

const FOLDED = new Map<string, string>();

/**
 * Folds a character as unicode61 with remove_diacritics does (closely enough to find a match again). Remembered per
 * character: a page has a few dozen distinct letters and thousands of characters.
 */
function foldChar(ch: string): string {
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();
    if (FOLDED.size < 10_000) FOLDED.set(ch, folded);
  }
  return folded;
}

const WORD = /[\p{L}\p{N}]/u;

/** Where `term` first occurs in `text` as a whole word, ignoring case and diacritics; -1 if it does not. */
export function findFolded(text: string, term: string): number {
  const wanted = [...term].map(foldChar).join('');
  if (!wanted) return -1;
  // Fast path: a text with nothing to decompose (no accents, no й) folds by lower-casing alone, offset for offset.
  const lower = text.toLocaleLowerCase();
  if (lower.length === text.length && text.normalize('NFKD').length === text.length) {
    return wholeWordAt(lower, wanted);
  }
  const folded: string[] = [];
  const starts: number[] = [];
  let index = 0;
  for (const ch of text) {
    for (const c of foldChar(ch)) {
      folded.push(c);
      starts.push(index);
    }
    index += ch.length;
  }
  const at = wholeWordAt(folded.join(''), wanted);
  return at < 0 ? -1 : starts[at]!;
}

/** Where `word` first occurs in `haystack` with no letter or digit either side; -1 if it does not. */
function wholeWordAt(haystack: string, word: string): number {
  for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + word.length];
    if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after))) return at;
  }
  return -1;
}

/**
 * Markdown as plain text, for snippets of Markdown fields (cell summaries, memos, reasoning): emphasis, code and
 * heading marks go, a link keeps its text, a list or quote mark its line. Works on a snippet cut anywhere, with the
 * match markers in it, so it only removes marks and never needs a whole document.
 */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(^|\n)[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/g, '$1')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[^\p{L}\p{N}])[*_](?=[^\s*_])/gu, '$1')
    .replace(/([^\s*_])[*_](?=[^\p{L}\p{N}]|$)/gu, '$1');
}

interface Candidate {
  kind: SearchKind;
  rowid: number;
  rank: number;
}

interface Detail {
  rowid: number;
  ref_id: string;
  source_id: string | null;
  document_id: string | null;
  page: number | null;
  label?: string | null;
  case_id?: string | null;
  norm_id?: string | null;
  stage_id?: string | null;
  target_type?: MemoTarget;
  target_id?: string | null;
}

const RECORD_KINDS = ['claim', 'election', 'mission', 'source', 'code'] as const satisfies readonly SearchKind[];
type RecordKind = (typeof RECORD_KINDS)[number];
const ALL_KINDS: readonly SearchKind[] = ['page', 'excerpt', 'cell', 'memo', ...RECORD_KINDS];

function inList(column: string, values: readonly string[] | undefined, params: unknown[]): string {
  if (!values || values.length === 0) return '';
  params.push(...values);
  return ` AND ${column} IN (${values.map(() => '?').join(',')})`;
}

const O = `'${SNIPPET_OPEN}'`;
const C = `'${SNIPPET_CLOSE}'`;

/**
 * The snippets of one column for the hits of one index, in one pass over its matches from the first hit's rowid to
 * the last's (@lo, @hi; @ids the hits' rowids, @q the query). Asked row by row, the index evaluates the query again
 * for every hit (at L, up to 2 ms a page for a three-word query): a hundred hits cost far more than the pass that
 * found them (issue 22). The one pass reads the matches once, and only the hits pay for a snippet. SQLite 3.53's FTS5
 * ignores `rowid = ?` beside MATCH (it answers the first match, or every match), while a rowid range works: hence
 * `>= AND <=`; the unary + keeps the IN a filter on that pass, never offered to the index as rowids to find one by one.
 */
const snippetSql = (table: string, column: number) =>
  `SELECT ${table}.rowid AS rowid, snippet(${table}, ${column}, ${O}, ${C}, '…', 24) AS snippet FROM ${table}
    WHERE ${table} MATCH @q AND ${table}.rowid >= @lo AND ${table}.rowid <= @hi AND +${table}.rowid IN (SELECT value FROM json_each(@ids))`;

type Index = 'page' | 'excerpt' | 'cell' | 'memo' | 'record';

/** Each index's table and the columns whose snippet a hit shows: the first of them that holds a match. */
const SNIPPET_COLUMNS: Record<Index, { table: string; columns: number[] }> = {
  page: { table: 'fts_pages', columns: [0] },
  excerpt: { table: 'fts_excerpts', columns: [0, 1, 2] },
  cell: { table: 'fts_cells', columns: [0, 1] },
  memo: { table: 'fts_memos', columns: [0] },
  record: { table: 'fts_records', columns: [1, 0] },
};

/**
 * The details of the hits of one index, read from its table by rowid (@ids: their rowids, as JSON): one query per
 * index, not one per hit. No query here reads an index: joined, SQLite may hand it a rowid to look up (above).
 */
const DETAIL_SQL: Record<Index, string> = {
  page: `SELECT dp.rowid, dp.document_id AS ref_id, d.source_id, dp.document_id, dp.number AS page
    FROM document_pages dp JOIN documents d ON d.id = dp.document_id WHERE dp.rowid IN (SELECT value FROM json_each(@ids))`,
  excerpt: 'SELECT e.rowid, e.id AS ref_id, e.source_id, e.document_id, e.page FROM excerpts e WHERE e.rowid IN (SELECT value FROM json_each(@ids))',
  cell: `SELECT cl.rowid, cl.id AS ref_id, NULL AS source_id, NULL AS document_id, NULL AS page, cl.case_id, cl.norm_id, cl.stage_id
    FROM cells cl WHERE cl.rowid IN (SELECT value FROM json_each(@ids))`,
  // With what the memo is on, so that the hit opens it there (a memo on a cell: the cell's place in the matrix).
  memo: `SELECT m.rowid, m.id AS ref_id, CASE WHEN m.target_type = 'source' THEN m.target_id END AS source_id, NULL AS document_id, NULL AS page,
      m.target_type, m.target_id, cl.case_id, cl.norm_id, cl.stage_id
    FROM memos m LEFT JOIN cells cl ON m.target_type = 'cell' AND cl.id = m.target_id AND cl.archived_at IS NULL WHERE m.rowid IN (SELECT value FROM json_each(@ids))`,
  record: `SELECT r.rowid, r.ref_id, CASE WHEN r.kind = 'source' THEN r.ref_id END AS source_id, NULL AS document_id, NULL AS page, r.title AS label
    FROM fts_records_text r WHERE r.rowid IN (SELECT value FROM json_each(@ids))`,
};

const indexOf = (kind: SearchKind): Index => ((RECORD_KINDS as readonly SearchKind[]).includes(kind) ? 'record' : (kind as Index));

/**
 * The snippets of the hits shown, by index and rowid. A column without a match gives a snippet without a marker: the
 * hits whose first column has none go on to the next column (few do: most matches are in an excerpt's text).
 */
function snippets(p: Project, query: string, byIndex: ReadonlyMap<Index, number[]>): Map<Index, Map<number, string>> {
  const found = new Map<Index, Map<number, string>>();
  for (const [index, all] of byIndex) {
    const { table, columns } = SNIPPET_COLUMNS[index];
    const snippetOf = new Map<number, string>();
    let rowids = all;
    for (const [i, column] of columns.entries()) {
      const last = i === columns.length - 1;
      const rows = stmt(p.db, snippetSql(table, column)).all({
        q: query,
        lo: rowids.reduce((x, y) => Math.min(x, y)),
        hi: rowids.reduce((x, y) => Math.max(x, y)),
        ids: JSON.stringify(rowids),
      }) as { rowid: number; snippet: string }[];
      for (const row of rows) if (last || row.snippet.includes(SNIPPET_OPEN)) snippetOf.set(row.rowid, row.snippet);
      rowids = rowids.filter((rowid) => !snippetOf.has(rowid));
      if (rowids.length === 0) break;
    }
    found.set(index, snippetOf);
  }
  return found;
}

/** The hits' rowids by the index that found them. */
function byIndexOf(hits: readonly Candidate[]): Map<Index, number[]> {
  const byIndex = new Map<Index, number[]>();
  for (const hit of hits) {
    const index = indexOf(hit.kind);
    let rowids = byIndex.get(index);
    if (!rowids) byIndex.set(index, (rowids = []));
    rowids.push(hit.rowid);
  }
  return byIndex;
}

export function search(p: Project, input: ApiInput<'search.query'>): SearchResultDto {
  const query = toFtsQuery(input.q);
  const empty: SearchResultDto = { query: input.q, total: 0, bounded: [], groups: [] };
  if (!query) return empty;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const kinds = new Set<SearchKind>(input.kinds && input.kinds.length > 0 ? input.kinds : ALL_KINDS);
  const cellFilter = (input.caseIds?.length ?? 0) + (input.normIds?.length ?? 0) + (input.stageIds?.length ?? 0) > 0;
  const sourceFilter = (input.sourceKinds?.length ?? 0) > 0;

  /** Rows linked to matching cells: the excerpt itself, or (for pages) any excerpt taken from the same document. */
  const linkedCells = (excerptCondition: string, params: unknown[]) => {
    if (!cellFilter) return '';
    const clause = `EXISTS (SELECT 1 FROM excerpts x JOIN excerpt_cells ec ON ec.excerpt_id = x.id JOIN cells cl ON cl.id = ec.cell_id
      WHERE ${excerptCondition} AND cl.archived_at IS NULL${inList('cl.case_id', input.caseIds, params)}${inList('cl.norm_id', input.normIds, params)}${inList('cl.stage_id', input.stageIds, params)})`;
    return ` AND ${clause}`;
  };

  // Ranking every match of a common word costs as much as reading all of them (bm25 needs each row's counts): each
  // index gives its first SEARCH_CANDIDATES matches, unranked, and those are ranked. A rarer word is ranked in full.
  const candidates: Candidate[] = [];
  const bounded = new Set<SearchKind>();
  const collect = (kind: SearchKind | 'record', sql: string, params: unknown[]) => {
    let rows: { rowid: number; rank: number; kind?: RecordKind }[];
    try {
      rows = stmt(p.db, `${sql} LIMIT ${SEARCH_CANDIDATES}`).all(query, ...params) as typeof rows;
    } catch (error) {
      // toFtsQuery only produces valid syntax; a failure here is a bug worth seeing, not a user error.
      throw new Error(`Search of ${kind}s failed for ${JSON.stringify(query)}: ${(error as Error).message}`);
    }
    for (const row of rows) candidates.push({ kind: row.kind ?? (kind as SearchKind), rowid: row.rowid, rank: row.rank });
    if (rows.length === SEARCH_CANDIDATES) for (const row of rows) bounded.add(row.kind ?? (kind as SearchKind));
  };

  if (kinds.has('page')) {
    const params: unknown[] = [];
    const joins = sourceFilter || cellFilter ? ' CROSS JOIN document_pages dp ON dp.rowid = fts_pages.rowid JOIN documents d ON d.id = dp.document_id JOIN sources s ON s.id = d.source_id' : '';
    const where = `${inList('s.kind', input.sourceKinds, params)}${linkedCells('x.document_id = d.id', params)}`;
    collect('page', `SELECT fts_pages.rowid AS rowid, fts_pages.rank AS rank FROM fts_pages${joins} WHERE fts_pages MATCH ?${where}`, params);
  }
  if (kinds.has('excerpt')) {
    const params: unknown[] = [];
    const joins = sourceFilter || cellFilter ? ' CROSS JOIN excerpts e ON e.rowid = fts_excerpts.rowid JOIN sources s ON s.id = e.source_id' : '';
    const where = `${inList('s.kind', input.sourceKinds, params)}${linkedCells('x.id = e.id', params)}`;
    collect('excerpt', `SELECT fts_excerpts.rowid AS rowid, fts_excerpts.rank AS rank FROM fts_excerpts${joins} WHERE fts_excerpts MATCH ?${where}`, params);
  }
  // Cells, memos and the records other than sources belong to no source: a source-kind filter leaves them out.
  if (kinds.has('cell') && !sourceFilter) {
    const params: unknown[] = [];
    const where = `${inList('cl.case_id', input.caseIds, params)}${inList('cl.norm_id', input.normIds, params)}${inList('cl.stage_id', input.stageIds, params)}`;
    collect('cell', `SELECT fts_cells.rowid AS rowid, fts_cells.rank AS rank FROM fts_cells CROSS JOIN cells cl ON cl.rowid = fts_cells.rowid WHERE fts_cells MATCH ? AND cl.archived_at IS NULL${where}`, params);
  }
  if (kinds.has('memo') && !sourceFilter && !cellFilter) collect('memo', 'SELECT rowid, rank FROM fts_memos WHERE fts_memos MATCH ?', []);
  const records = RECORD_KINDS.filter((k) => kinds.has(k) && !cellFilter && (!sourceFilter || k === 'source'));
  if (records.length > 0) {
    const params: unknown[] = [...records];
    const sourceKinds = sourceFilter ? ` AND EXISTS (SELECT 1 FROM sources s WHERE s.id = r.ref_id${inList('s.kind', input.sourceKinds, params)})` : '';
    collect(
      'record',
      `SELECT fts_records.rowid AS rowid, fts_records.rank AS rank, r.kind FROM fts_records CROSS JOIN fts_records_text r ON r.rowid = fts_records.rowid
        WHERE fts_records MATCH ? AND r.kind IN (${records.map(() => '?').join(',')})${sourceKinds}`,
      params,
    );
  }

  candidates.sort((a, b) => a.rank - b.rank);
  const shown = candidates.slice(0, limit);
  const byIndex = byIndexOf(shown);
  const snippetByRow = snippets(p, query, byIndex);
  const details = new Map(
    [...byIndex].map(([index, rowids]) => [index, new Map((stmt(p.db, DETAIL_SQL[index]).all({ ids: JSON.stringify(rowids) }) as Detail[]).map((d) => [d.rowid, d]))]),
  );
  const kept: SearchHitDto[] = [];
  let located = 0;
  for (const candidate of shown) {
    const kind = candidate.kind;
    const index = indexOf(kind);
    const r = details.get(index)?.get(candidate.rowid);
    if (!r) continue;
    const snippet = snippetByRow.get(index)?.get(candidate.rowid) ?? '';
    let offset: number | null = null;
    // Locating the match folds the whole page: done for the best hits only (the reader finds the others itself).
    if (kind === 'page' && located++ < LOCATE_FIRST) {
      const text = (stmt(p.db, 'SELECT text FROM document_pages WHERE rowid = ?').get(candidate.rowid) as { text: string } | undefined)?.text;
      const term = new RegExp(`${SNIPPET_OPEN}([^${SNIPPET_CLOSE}]*)${SNIPPET_CLOSE}`).exec(snippet)?.[1] ?? '';
      const at = text ? findFolded(text, term) : -1;
      offset = at >= 0 ? at : null;
    }
    kept.push({
      kind,
      refId: r.ref_id,
      label: r.label ?? null,
      sourceId: r.source_id,
      documentId: r.document_id,
      page: r.page,
      // Page text is as extracted; everything else may be Markdown, shown as the plain text it reads as.
      snippet: kind === 'page' ? snippet : plainSnippet(snippet),
      cell: r.case_id && r.norm_id && r.stage_id ? { caseId: r.case_id, normId: r.norm_id, stageId: r.stage_id } : null,
      offset,
      memoTarget: kind === 'memo' && r.target_type ? { type: r.target_type, id: r.target_id ?? '' } : null,
    });
  }

  // The sources of the hits kept, not every source of the project.
  const sourceIds = [...new Set(kept.map((h) => h.sourceId).filter((id): id is string => id !== null))];
  const sources = new Map(
    (stmt(p.db, 'SELECT id, title, kind FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(sourceIds)) as { id: string; title: string; kind: SourceKind }[]).map((s) => [s.id, s]),
  );
  const groups = new Map<string, SearchResultDto['groups'][number]>();
  for (const hit of kept) {
    const key = hit.sourceId ?? '';
    let group = groups.get(key);
    if (!group) {
      const source = hit.sourceId ? sources.get(hit.sourceId) : undefined;
      group = { source: source ? { id: source.id, title: source.title, kind: source.kind } : null, hits: [] };
      groups.set(key, group);
    }
    group.hits.push(hit);
  }
  // Hits without a source (cells, memos, claims, elections, missions, codes) come last.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === '') - Number(b === '')).map(([, g]) => g);
  return { query: input.q, total: kept.length, bounded: ALL_KINDS.filter((k) => bounded.has(k)), groups: ordered };
}
