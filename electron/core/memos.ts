/**
 * Every memo of the project in one list: the memo rows (on the project, cases, norms, cells, sources and excerpts)
 * and the memo field of each live cell's assessment, each with what it is written on, so that the overview can name
 * it and lead to it.
 */
import type { ApiOutput, MemoOverviewItem, MemoTarget } from '../contract/api';
import { stmt } from './db/statements';
import type { Project } from './project';

interface Row {
  key: string;
  kind: MemoTarget;
  memo_id: string | null;
  target_id: string;
  text: string;
  updated_at: string;
  case_id: string | null;
  norm_id: string | null;
  stage_id: string | null;
  case_name: string | null;
  norm_label: string | null;
  stage_label: string | null;
  source_id: string | null;
  source_title: string | null;
  excerpt_text: string | null;
  excerpt_locator: string | null;
}

const CELL_COLUMNS = `cl.case_id, cl.norm_id, cl.stage_id, cs.name AS case_name, coalesce(nullif(n.short_label, ''), n.label) AS norm_label, st.label AS stage_label`;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function labelOf(r: Row, projectTitle: string): string {
  switch (r.kind) {
    case 'project':
      return projectTitle;
    case 'case':
      return r.case_name ?? '(a removed case)';
    case 'norm':
      return r.norm_label ?? '(a removed norm)';
    case 'cell':
      return r.case_name ? `${r.case_name} · ${r.norm_label} · ${r.stage_label}` : '(an archived cell)';
    case 'source':
      return r.source_title ?? '(a removed source)';
    case 'excerpt':
      return r.excerpt_text !== null
        ? `“${shorten(r.excerpt_text, 60)}”${r.source_title ? ` — ${shorten(r.source_title, 40)}` : ''}${r.excerpt_locator ? `, ${r.excerpt_locator}` : ''}`
        : '(a removed excerpt)';
  }
}

export function memoOverview(p: Project): ApiOutput<'memos.overview'> {
  const rows = stmt(
    p.db,
    `SELECT m.id AS key, m.target_type AS kind, m.id AS memo_id, m.target_id AS target_id, m.text AS text, m.updated_at AS updated_at, ${CELL_COLUMNS},
        coalesce(s.id, es.id) AS source_id, coalesce(s.title, es.title) AS source_title, e.text AS excerpt_text, e.locator AS excerpt_locator,
        coalesce(mc.name, cs.name) AS case_name_any, mn.label AS norm_label_any
      FROM memos m
        LEFT JOIN cells cl ON m.target_type = 'cell' AND cl.id = m.target_id AND cl.archived_at IS NULL
        LEFT JOIN cases cs ON cs.id = cl.case_id
        LEFT JOIN norms n ON n.id = cl.norm_id
        LEFT JOIN stages st ON st.id = cl.stage_id
        LEFT JOIN cases mc ON m.target_type = 'case' AND mc.id = m.target_id
        LEFT JOIN norms mn ON m.target_type = 'norm' AND mn.id = m.target_id
        LEFT JOIN sources s ON m.target_type = 'source' AND s.id = m.target_id
        LEFT JOIN excerpts e ON m.target_type = 'excerpt' AND e.id = m.target_id
        LEFT JOIN sources es ON es.id = e.source_id
     UNION ALL
     SELECT 'cell:' || cl.id, 'cell', NULL, cl.id, cl.memo, cl.updated_at, ${CELL_COLUMNS}, NULL, NULL, NULL, NULL, NULL, NULL
      FROM cells cl JOIN cases cs ON cs.id = cl.case_id JOIN norms n ON n.id = cl.norm_id JOIN stages st ON st.id = cl.stage_id
      WHERE cl.archived_at IS NULL AND trim(cl.memo) <> ''
     ORDER BY updated_at DESC`,
  ).all() as (Row & { case_name_any: string | null; norm_label_any: string | null })[];
  const title = (stmt(p.db, 'SELECT title FROM project LIMIT 1').get() as { title: string } | undefined)?.title ?? 'This project';
  return rows.map((r): MemoOverviewItem => {
    const row = { ...r, case_name: r.kind === 'case' ? r.case_name_any : r.case_name, norm_label: r.kind === 'norm' ? r.norm_label_any : r.norm_label };
    return {
      key: r.key,
      kind: r.kind,
      memoId: r.memo_id,
      targetId: r.target_id,
      label: labelOf(row, title),
      text: r.text,
      cell: r.kind === 'cell' && r.case_id && r.norm_id && r.stage_id ? { caseId: r.case_id, normId: r.norm_id, stageId: r.stage_id } : null,
      sourceId: r.source_id,
      updatedAt: r.updated_at,
    };
  });
}
