/**
 * The record of changes for a methods appendix: every audited change to cells, claims, excerpts and verifications
 * (when, what was done, to which record, which fields went from what to what). Participants' identities are never
 * in the audit trail, so they cannot reach an export from here.
 */
import type Database from 'better-sqlite3';
import type { AuditEntryDto } from '../../contract/api';
import { auditChanges, type AuditRow } from '../audit';
import { statusLabelIn } from './i18n';
import { en } from './i18n/en';
import type { ChangeOperation, ExportMessages } from './i18n/messages';
import { text } from './inline';
import type { Block, BuildContext, RowModel, SheetModel, TableModel } from './model';

/** More than this and the appendix shows the most recent changes, and says so; the CSV export has them all. */
export const AUDIT_ROWS_IN_APPENDIX = 1000;


/** Fields that change on every edit and say nothing about the research. */
const HIDDEN = new Set(['updated_at', 'created_at', 'id', 'rowid']);

function shorten(value: unknown): string {
  const s = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  const flat = s.replace(/\s+/g, ' ').trim() || '—';
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** A status key as the export prints it: the label of the cell's own scale, where the change is to a cell. */
export type StatusWords = (key: string, row: Record<string, unknown>) => string;

/** The default scale's words for a status key, in the export's language; any other key as stored. */
function defaultStatusWords(m: ExportMessages): StatusWords {
  return (key) => (Object.hasOwn(m.defaultStatuses, key) ? m.defaultStatuses[key as keyof typeof m.defaultStatuses] : shorten(key));
}

/** "status: reached → partial; summary: … → …", or "created" / "deleted", in the export's language. */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null, m: ExportMessages = en, status: StatusWords = defaultStatusWords(m)): string {
  if (!before) return m.changes.created;
  if (!after) return m.changes.deleted;
  const changed = Object.keys(after).filter((k) => !HIDDEN.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return m.changes.noVisibleChange;
  // A status is stored as its key ("partial"): it reads as the label the scale gives it.
  const value = (k: string, v: unknown, row: Record<string, unknown>) => (k === 'status' && typeof v === 'string' ? status(v, row) : shorten(v));
  return changed.map((k) => `${m.changes.field(k)}: ${value(k, before[k], before)} → ${value(k, after[k], after)}`).join('; ');
}

/**
 * A cell's status words from its framework's scale as it is now (the labels the matrix prints): a label the
 * researcher gave is theirs in every language, one left at the English default is translated. A key the scale no
 * longer has, or a cell whose norm is gone, falls back to the default scale's words.
 */
function cellStatusWords(db: Database.Database, m: ExportMessages): StatusWords {
  const levels = new Map<string, Map<string, string>>();
  const rows = db.prepare('SELECT n.id AS norm, s.key, s.label FROM norms n JOIN status_levels s ON s.framework_id = n.framework_id').all() as { norm: string; key: string; label: string }[];
  for (const r of rows) {
    const scale = levels.get(r.norm) ?? new Map<string, string>();
    scale.set(r.key, r.label);
    levels.set(r.norm, scale);
  }
  const fallback = defaultStatusWords(m);
  return (key, row) => {
    const label = typeof row.norm_id === 'string' ? levels.get(row.norm_id)?.get(key) : undefined;
    return label === undefined ? fallback(key, row) : statusLabelIn(m, key, label);
  };
}

/** The most recent changes, oldest first, and how many there are (a batch audit row counts as its changes). */
function readAudit(db: Database.Database): { rows: AuditEntryDto[]; total: number } {
  const total = (db.prepare("SELECT coalesce(sum(CASE WHEN row_key LIKE '[%' THEN json_array_length(coalesce(after, before)) ELSE 1 END), 0) AS n FROM audit_log").get() as { n: number }).n;
  const rows = (db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(AUDIT_ROWS_IN_APPENDIX) as AuditRow[]).reverse();
  return { rows: rows.flatMap(auditChanges).slice(-AUDIT_ROWS_IN_APPENDIX), total };
}

export function auditBlocks(ctx: BuildContext, tableNumber: number): { blocks: Block[]; sheet: SheetModel } {
  const { rows, total } = readAudit(ctx.project.db);
  const m = ctx.m;
  const cellStatus = cellStatusWords(ctx.project.db, m);
  const entries = rows.map(({ before, after, ...r }) => {
    const operation: ChangeOperation = !before ? 'created' : !after ? 'deleted' : 'changed';
    return {
      when: `${r.at.slice(0, 10)} ${r.at.slice(11, 16)} ${m.changes.utc}`,
      action: r.action,
      done: m.changes.actionText(r.action, operation),
      record: m.changes.records[r.table] ?? r.table,
      change: describeChange(before, after, m, r.table === 'cells' ? cellStatus : undefined),
    };
  });
  const blocks: Block[] = [{ type: 'heading', level: 2, text: m.changes.heading }];
  if (entries.length === 0) {
    blocks.push({ type: 'paragraph', content: [text(m.changes.none, { italic: true })] });
  } else {
    const table: TableModel = {
      number: tableNumber,
      caption: m.changes.caption,
      columns: [
        { label: m.changes.when, width: 14 },
        { label: m.changes.action, width: 26 },
        { label: m.changes.record, width: 10 },
        { label: m.changes.change, width: 50 },
      ],
      rows: entries.map((e): RowModel => ({ cells: [{ content: [text(e.when)] }, { content: [text(e.done)] }, { content: [text(e.record)] }, { content: [text(e.change)] }] })),
    };
    blocks.push({ type: 'table', table });
    blocks.push({
      type: 'tableNotes',
      legend: null,
      paragraphs: [
        [text(total > entries.length ? m.changes.mostRecent(entries.length, total) : m.changes.all(total))],
      ],
    });
  }
  const sheet: SheetModel = {
    name: m.changes.sheetName,
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
