/**
 * Full-text search over document pages, excerpts (text, translation, locator), cell summaries and memos, with
 * SQLite FTS5 (unicode61, diacritics removed: case- and diacritic-insensitive for Latin and Cyrillic alike).
 * Participants' recorded identities are in no index, so no search can reveal them.
 */
import type { ApiInput, MemoTarget, SearchHitDto, SearchKind, SearchResultDto, SourceKind } from '../contract/api';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../contract/api';
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

interface Row {
  ref_id: string;
  source_id: string | null;
  document_id: string | null;
  page: number | null;
  snippet: string;
  rank: number;
  case_id?: string | null;
  norm_id?: string | null;
  stage_id?: string | null;
  page_text?: string;
  target_type?: MemoTarget;
  target_id?: string | null;
}

function inList(column: string, values: readonly string[] | undefined, params: unknown[]): string {
  if (!values || values.length === 0) return '';
  params.push(...values);
  return ` AND ${column} IN (${values.map(() => '?').join(',')})`;
}

export function search(p: Project, input: ApiInput<'search.query'>): SearchResultDto {
  const query = toFtsQuery(input.q);
  const empty: SearchResultDto = { query: input.q, total: 0, groups: [] };
  if (!query) return empty;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const kinds = new Set<SearchKind>(input.kinds && input.kinds.length > 0 ? input.kinds : ['page', 'excerpt', 'cell', 'memo']);
  const cellFilter = (input.caseIds?.length ?? 0) + (input.normIds?.length ?? 0) + (input.stageIds?.length ?? 0) > 0;
  const o = `'${SNIPPET_OPEN}'`;
  const c = `'${SNIPPET_CLOSE}'`;

  /** Rows linked to matching cells: the excerpt itself, or (for pages) any excerpt taken from the same document. */
  const linkedCells = (excerptCondition: string, params: unknown[]) => {
    if (!cellFilter) return '';
    const clause = `EXISTS (SELECT 1 FROM excerpts x JOIN excerpt_cells ec ON ec.excerpt_id = x.id JOIN cells cl ON cl.id = ec.cell_id
      WHERE ${excerptCondition} AND cl.archived_at IS NULL${inList('cl.case_id', input.caseIds, params)}${inList('cl.norm_id', input.normIds, params)}${inList('cl.stage_id', input.stageIds, params)})`;
    return ` AND ${clause}`;
  };

  const hits: (SearchHitDto & { rank: number })[] = [];
  const run = (kind: SearchKind, sql: string, params: unknown[], toHit: (row: Row) => SearchHitDto) => {
    try {
      for (const row of p.db.prepare(sql).all(...params) as Row[]) hits.push({ ...toHit(row), rank: row.rank });
    } catch (error) {
      // toFtsQuery only produces valid syntax; a failure here is a bug worth seeing, not a user error.
      throw new Error(`Search of ${kind}s failed for ${JSON.stringify(query)}: ${(error as Error).message}`);
    }
  };

  if (kinds.has('page')) {
    const params: unknown[] = [query];
    const sql = `SELECT dp.document_id AS ref_id, d.source_id, dp.document_id, dp.number AS page, dp.text AS page_text,
        snippet(fts_pages, 0, ${o}, ${c}, '…', 24) AS snippet, fts_pages.rank AS rank
      FROM fts_pages JOIN document_pages dp ON dp.rowid = fts_pages.rowid JOIN documents d ON d.id = dp.document_id JOIN sources s ON s.id = d.source_id
      WHERE fts_pages MATCH ?${inList('s.kind', input.sourceKinds, params)}${linkedCells('x.document_id = d.id', params)}
      ORDER BY rank LIMIT ${limit}`;
    let located = 0;
    run('page', sql, params, (r) => {
      // Locating the match folds the whole page: done for the best hits only (the reader finds the others itself).
      let offset: number | null = null;
      if (located++ < LOCATE_FIRST && r.page_text) {
        const term = new RegExp(`${SNIPPET_OPEN}([^${SNIPPET_CLOSE}]*)${SNIPPET_CLOSE}`).exec(r.snippet)?.[1] ?? '';
        const at = findFolded(r.page_text, term);
        offset = at >= 0 ? at : null;
      }
      return { kind: 'page', refId: r.ref_id, sourceId: r.source_id, documentId: r.document_id, page: r.page, snippet: r.snippet, cell: null, offset, memoTarget: null };
    });
  }

  if (kinds.has('excerpt')) {
    const params: unknown[] = [query];
    const sql = `SELECT e.id AS ref_id, e.source_id, e.document_id, e.page,
        CASE WHEN instr(highlight(fts_excerpts, 0, ${o}, ${c}), ${o}) > 0 THEN snippet(fts_excerpts, 0, ${o}, ${c}, '…', 24)
             WHEN instr(highlight(fts_excerpts, 1, ${o}, ${c}), ${o}) > 0 THEN snippet(fts_excerpts, 1, ${o}, ${c}, '…', 24)
             ELSE snippet(fts_excerpts, 2, ${o}, ${c}, '…', 24) END AS snippet,
        fts_excerpts.rank AS rank
      FROM fts_excerpts JOIN excerpts e ON e.rowid = fts_excerpts.rowid JOIN sources s ON s.id = e.source_id
      WHERE fts_excerpts MATCH ?${inList('s.kind', input.sourceKinds, params)}${linkedCells('x.id = e.id', params)}
      ORDER BY rank LIMIT ${limit}`;
    run('excerpt', sql, params, (r) => ({ kind: 'excerpt', refId: r.ref_id, sourceId: r.source_id, documentId: r.document_id, page: r.page, snippet: r.snippet, cell: null, offset: null, memoTarget: null }));
  }

  // Cells and memos belong to no source: a source-kind filter leaves them out.
  if (kinds.has('cell') && !input.sourceKinds?.length) {
    const params: unknown[] = [query];
    const sql = `SELECT cl.id AS ref_id, NULL AS source_id, NULL AS document_id, NULL AS page, cl.case_id, cl.norm_id, cl.stage_id,
        CASE WHEN instr(highlight(fts_cells, 0, ${o}, ${c}), ${o}) > 0 THEN snippet(fts_cells, 0, ${o}, ${c}, '…', 24)
             ELSE snippet(fts_cells, 1, ${o}, ${c}, '…', 24) END AS snippet,
        fts_cells.rank AS rank
      FROM fts_cells JOIN cells cl ON cl.rowid = fts_cells.rowid
      WHERE fts_cells MATCH ? AND cl.archived_at IS NULL${inList('cl.case_id', input.caseIds, params)}${inList('cl.norm_id', input.normIds, params)}${inList('cl.stage_id', input.stageIds, params)}
      ORDER BY rank LIMIT ${limit}`;
    run('cell', sql, params, (r) => ({
      kind: 'cell',
      refId: r.ref_id,
      sourceId: null,
      documentId: null,
      page: null,
      snippet: r.snippet,
      cell: { caseId: r.case_id!, normId: r.norm_id!, stageId: r.stage_id! },
      offset: null,
      memoTarget: null,
    }));
  }

  if (kinds.has('memo') && !input.sourceKinds?.length && !cellFilter) {
    // With what the memo is on, so that the hit opens it there (a memo on a cell: the cell's place in the matrix).
    const sql = `SELECT m.id AS ref_id, CASE WHEN m.target_type = 'source' THEN m.target_id END AS source_id, NULL AS document_id, NULL AS page,
        m.target_type, m.target_id, cl.case_id, cl.norm_id, cl.stage_id,
        snippet(fts_memos, 0, ${o}, ${c}, '…', 24) AS snippet, fts_memos.rank AS rank
      FROM fts_memos JOIN memos m ON m.rowid = fts_memos.rowid
        LEFT JOIN cells cl ON m.target_type = 'cell' AND cl.id = m.target_id AND cl.archived_at IS NULL
      WHERE fts_memos MATCH ? ORDER BY rank LIMIT ${limit}`;
    run('memo', sql, [query], (r) => ({
      kind: 'memo',
      refId: r.ref_id,
      sourceId: r.source_id,
      documentId: null,
      page: null,
      snippet: r.snippet,
      cell: r.case_id && r.norm_id && r.stage_id ? { caseId: r.case_id, normId: r.norm_id, stageId: r.stage_id } : null,
      offset: null,
      memoTarget: r.target_type ? { type: r.target_type, id: r.target_id ?? '' } : null,
    }));
  }

  hits.sort((a, b) => a.rank - b.rank);
  const kept = hits.slice(0, limit);
  // The sources of the hits kept, not every source of the project.
  const sourceIds = [...new Set(kept.map((h) => h.sourceId).filter((id): id is string => id !== null))];
  const sources = new Map(
    (p.db.prepare('SELECT id, title, kind FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(sourceIds)) as { id: string; title: string; kind: SourceKind }[]).map((s) => [s.id, s]),
  );
  const groups = new Map<string, SearchResultDto['groups'][number]>();
  for (const { rank: _rank, ...hit } of kept) {
    const key = hit.sourceId ?? '';
    let group = groups.get(key);
    if (!group) {
      const source = hit.sourceId ? sources.get(hit.sourceId) : undefined;
      group = { source: source ? { id: source.id, title: source.title, kind: source.kind } : null, hits: [] };
      groups.set(key, group);
    }
    group.hits.push(hit);
  }
  // Hits without a source (cells, memos) come last.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === '') - Number(b === '')).map(([, g]) => g);
  return { query: input.q, total: kept.length, groups: ordered };
}
