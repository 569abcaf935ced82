/**
 * Codes against the matrix (NVivo's matrix coding query, MAXQDA's code matrix browser): how many excerpts coded with
 * each code are evidence for the live cells of each case, or of each stage, and which ones they are; and coding
 * every excerpt a search finds in one undoable step.
 *
 * An excerpt belongs to a case (or stage) through the cells it is linked to: that is the only tie between an excerpt
 * and a case the project records. Coded excerpts that are evidence for no cell are counted apart ("not linked"), so
 * that they can be found and linked.
 */
import type { ApiInput, ApiOutput, CodeMatrixBy, CodeMatrixDto } from '../contract/api';
import { localError } from '../contract/i18n/format';
import type { Method } from '../contract/methods';
import { stmt } from './db/statements';
import { excerptsWhere, listCodes } from './evidence';
import { notFound } from './not-found';
import type { Project } from './project';
import { listCases } from './repos/cases';
import { listFrameworks } from './repos/frameworks';
import { listNorms } from './repos/norms';
import { search } from './search';

type In<M extends Method> = ApiInput<M>;
type Out<M extends Method> = ApiOutput<M>;

/** Auto-coding codes at most this many hits of one search (a search that finds more is too broad to be meant). */
const AUTO_CODE_LIMIT = 100_000;

interface Column {
  id: string;
  label: string;
}

function columnsFor(p: Project, by: CodeMatrixBy, normId: string | null): Column[] {
  if (by === 'case') return listCases(p.db).filter((c) => !c.archived).map((c) => ({ id: c.id, label: c.name }));
  const frameworks = listFrameworks(p.db);
  const norms = listNorms(p.db).filter((n) => !n.archived);
  if (normId) {
    const norm = norms.find((n) => n.id === normId);
    const framework = frameworks.find((f) => f.id === norm?.frameworkId);
    return (framework?.stages ?? []).map((s) => ({ id: s.id, label: s.label }));
  }
  // Every framework a live norm uses, the default first; stage labels say their framework when there are several.
  const used = frameworks.filter((f) => norms.some((n) => n.frameworkId === f.id)).sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return used.flatMap((f) => f.stages.map((s) => ({ id: s.id, label: used.length > 1 ? `${f.name} · ${s.label}` : s.label })));
}

function requireNorm(p: Project, normId: string | undefined): string | null {
  if (!normId) return null;
  if (!listNorms(p.db).some((n) => n.id === normId && !n.archived)) throw notFound('norm');
  return normId;
}

/** The live cells an excerpt counts through, as SQL over `cl` (a norm narrows them). */
function cellCondition(normId: string | null): string {
  return `cl.archived_at IS NULL${normId ? ' AND cl.norm_id = @normId' : ''}`;
}

export function codeMatrix(p: Project, input: In<'codes.matrix'>): Out<'codes.matrix'> {
  const normId = requireNorm(p, input.normId);
  const columns = columnsFor(p, input.by, normId);
  const column = input.by === 'case' ? 'cl.case_id' : 'cl.stage_id';
  const params = normId ? { normId } : {};
  // Each excerpt with the columns it is evidence in, once per column, is the outer loop and its codes are found by
  // their primary key (CROSS JOIN keeps that order: the other way round SQLite scans the whole set once per coding).
  // Excerpts linked to no cell are the code's total less those linked somewhere.
  const linked = `SELECT DISTINCT ec.excerpt_id, ${column} AS col FROM excerpt_cells ec JOIN cells cl ON cl.id = ec.cell_id WHERE ${cellCondition(normId)}`;
  const counts = stmt(
    p.db,
    `WITH ex AS (${linked})
     SELECT xc.code_id AS code, ex.col, count(*) AS n FROM ex CROSS JOIN excerpt_codes xc ON xc.excerpt_id = ex.excerpt_id GROUP BY xc.code_id, ex.col`,
  ).all(params) as { code: string; col: string; n: number }[];
  const linkedPerCode = stmt(
    p.db,
    `WITH ex AS (${linked})
     SELECT xc.code_id AS code, count(DISTINCT ex.excerpt_id) AS n FROM ex CROSS JOIN excerpt_codes xc ON xc.excerpt_id = ex.excerpt_id GROUP BY xc.code_id`,
  ).all(params) as { code: string; n: number }[];
  const totals = stmt(
    p.db,
    `WITH ex AS (${linked}) SELECT col, count(*) AS n FROM ex WHERE EXISTS (SELECT 1 FROM excerpt_codes xc WHERE xc.excerpt_id = ex.excerpt_id) GROUP BY col`,
  ).all(params) as { col: string; n: number }[];
  const all = stmt(p.db, 'SELECT code_id AS code, count(*) AS n FROM excerpt_codes GROUP BY code_id').all() as { code: string; n: number }[];

  const index = new Map(columns.map((c, i) => [c.id, i]));
  const rows = new Map<string, CodeMatrixDto['rows'][number]>(
    listCodes(p).map((code) => [code.id, { codeId: code.id, counts: columns.map(() => 0), unlinked: 0, total: 0 }]),
  );
  for (const c of counts) {
    const i = index.get(c.col);
    const row = rows.get(c.code);
    if (row && i !== undefined) row.counts[i] = c.n;
  }
  for (const a of all) {
    const row = rows.get(a.code);
    if (row) row.total = row.unlinked = a.n;
  }
  for (const l of linkedPerCode) {
    const row = rows.get(l.code);
    if (row) row.unlinked = row.total - l.n;
  }
  const columnTotals = columns.map(() => 0);
  for (const t of totals) {
    const i = index.get(t.col);
    if (i !== undefined) columnTotals[i] = t.n;
  }
  return { by: input.by, normId, columns, rows: [...rows.values()], columnTotals };
}

export function codeMatrixExcerpts(p: Project, input: In<'codes.matrixExcerpts'>): Out<'codes.matrixExcerpts'> {
  const normId = requireNorm(p, input.normId);
  if (!listCodes(p).some((c) => c.id === input.codeId)) throw notFound('code');
  const norm = normId ? ' AND cl.norm_id = ?' : '';
  const normParams = normId ? [normId] : [];
  if (input.columnId === null) {
    return excerptsWhere(
      p,
      `WHERE e.id IN (SELECT excerpt_id FROM excerpt_codes WHERE code_id = ?)
         AND NOT EXISTS (SELECT 1 FROM excerpt_cells ec JOIN cells cl ON cl.id = ec.cell_id WHERE ec.excerpt_id = e.id AND cl.archived_at IS NULL${norm})
       ORDER BY e.created_at, e.rowid`,
      [input.codeId, ...normParams],
    );
  }
  const column = input.by === 'case' ? 'cl.case_id' : 'cl.stage_id';
  return excerptsWhere(
    p,
    `WHERE e.id IN (SELECT excerpt_id FROM excerpt_codes WHERE code_id = ?)
       AND EXISTS (SELECT 1 FROM excerpt_cells ec JOIN cells cl ON cl.id = ec.cell_id WHERE ec.excerpt_id = e.id AND cl.archived_at IS NULL AND ${column} = ?${norm})
     ORDER BY e.created_at, e.rowid`,
    [input.codeId, input.columnId, ...normParams],
  );
}

/**
 * Codes every excerpt the search finds (its text, translation or locator) with the code: one step, undone as one.
 * Pages of documents are not coded: a code belongs to an excerpt, and which words of a page to make one of is the
 * researcher's choice.
 */
export function autoCode(p: Project, input: In<'codes.autoCode'>): Out<'codes.autoCode'> {
  const code = listCodes(p).find((c) => c.id === input.codeId);
  if (!code) throw notFound('code');
  const found = search(p, { q: input.q, kinds: ['excerpt'], limit: AUTO_CODE_LIMIT });
  const ids = [...new Set(found.groups.flatMap((g) => g.hits.map((h) => h.refId)))];
  if (ids.length >= AUTO_CODE_LIMIT) {
    throw localError('VALIDATION_FAILED', 'errorsInput.tooManyHits', { query: input.q, limit: AUTO_CODE_LIMIT.toLocaleString('en') });
  }
  const already = new Set(
    (stmt(p.db, 'SELECT excerpt_id FROM excerpt_codes WHERE code_id = ? AND excerpt_id IN (SELECT value FROM json_each(?))').all(code.id, JSON.stringify(ids)) as { excerpt_id: string }[]).map(
      (r) => r.excerpt_id,
    ),
  );
  const fresh = ids.filter((id) => !already.has(id));
  if (fresh.length > 0) {
    p.history.edit(`Code ${fresh.length} excerpt${fresh.length === 1 ? '' : 's'} as ${code.name}`, (track) => {
      const add = stmt(p.db, 'INSERT INTO excerpt_codes (excerpt_id, code_id) VALUES (?, ?)');
      for (const id of fresh) {
        add.run(id, code.id);
        track('excerpt_codes', { excerpt_id: id, code_id: code.id }, 'inserted');
      }
    });
  }
  return { matched: ids.length, coded: fresh.length, alreadyCoded: already.size };
}
