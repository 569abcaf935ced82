/**
 * The record of changes for a methods appendix: every audited change to cells, claims, excerpts and verifications
 * (when, what was done, to which record, which fields went from what to what). Participants' identities are never
 * in the audit trail, so they cannot reach an export from here.
 */
import type Database from 'better-sqlite3';
import { text } from './inline';
import type { Block, BuildContext, RowModel, SheetModel, TableModel } from './model';

/** More than this and the appendix shows the most recent changes, and says so; the CSV export has them all. */
export const AUDIT_ROWS_IN_APPENDIX = 1000;

interface AuditRow {
  at: string;
  action: string;
  table_name: string;
  before: string | null;
  after: string | null;
}

const TABLE_NAMES: Record<string, string> = {
  cells: 'cell',
  claims: 'claim',
  excerpts: 'excerpt',
  elections: 'election',
  missions: 'mission',
  indicator_values: 'indicator value',
  regional_norms: 'regional norm',
  instruments: 'instrument',
  memberships: 'membership',
  verification_flags: 'verification flag',
};

/** Fields that change on every edit and say nothing about the research. */
const HIDDEN = new Set(['updated_at', 'created_at', 'id', 'rowid']);

function shorten(value: unknown): string {
  const s = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  const flat = s.replace(/\s+/g, ' ').trim() || '—';
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** "status: reached → partial; summary: … → …", or "created" / "deleted". */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  if (!before) return 'created';
  if (!after) return 'deleted';
  const changed = Object.keys(after).filter((k) => !HIDDEN.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return 'no visible change';
  return changed.map((k) => `${k.replace(/_/g, ' ')}: ${shorten(before[k])} → ${shorten(after[k])}`).join('; ');
}

function readAudit(db: Database.Database): { rows: AuditRow[]; total: number } {
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const rows = (db.prepare('SELECT at, action, table_name, before, after FROM audit_log ORDER BY id DESC LIMIT ?').all(AUDIT_ROWS_IN_APPENDIX) as AuditRow[]).reverse();
  return { rows, total };
}

export function auditBlocks(ctx: BuildContext, tableNumber: number): { blocks: Block[]; sheet: SheetModel } {
  const { rows, total } = readAudit(ctx.project.db);
  const entries = rows.map((r) => ({
    when: `${r.at.slice(0, 10)} ${r.at.slice(11, 16)} UTC`,
    action: r.action,
    record: TABLE_NAMES[r.table_name] ?? r.table_name,
    change: describeChange(r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null, r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null),
  }));
  const blocks: Block[] = [{ type: 'heading', level: 2, text: 'B. Record of changes' }];
  if (entries.length === 0) {
    blocks.push({ type: 'paragraph', content: [text('No change to assessments, evidence, claims or verifications has been recorded in this project yet.', { italic: true })] });
  } else {
    const table: TableModel = {
      number: tableNumber,
      caption: 'Record of changes to assessments, evidence, claims and verifications',
      columns: [
        { label: 'When', width: 14 },
        { label: 'What was done', width: 26 },
        { label: 'Record', width: 10 },
        { label: 'Change', width: 50 },
      ],
      rows: entries.map((e): RowModel => ({ cells: [{ content: [text(e.when)] }, { content: [text(e.action)] }, { content: [text(e.record)] }, { content: [text(e.change)] }] })),
    };
    blocks.push({ type: 'table', table });
    blocks.push({
      type: 'tableNotes',
      legend: null,
      paragraphs: [
        [
          text(
            total > entries.length
              ? `The ${entries.length} most recent of ${total} recorded changes; the whole record is exported as CSV from the project.`
              : `All ${total} recorded change${total === 1 ? '' : 's'}, oldest first. Times are UTC.`,
          ),
        ],
      ],
    });
  }
  const sheet: SheetModel = {
    name: 'Record of changes',
    shape: 'long',
    columns: [
      { header: 'when', width: 18 },
      { header: 'action', width: 30 },
      { header: 'record', width: 14 },
      { header: 'change', width: 80 },
    ],
    rows: entries.map((e) => [e.when, e.action, e.record, e.change]),
  };
  return { blocks, sheet };
}
