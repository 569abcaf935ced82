/** Plain-text renderings of matrix tables, for the CLI and for scripts that rebuild a paper's tables. */
import { stringifyCsv } from './csv/formulas';
import type { CellDto } from '../contract/api';
import { statusLabel, type MatrixTable } from './matrix';
import { markdownToPlainText } from './text';

export interface CellText {
  status: string;
  statusLabel: string;
  mode: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  summary: string;
  confidence: string | null;
}

const NO_DATA = 'no-data';

function cellText(table: MatrixTable, cell: CellDto | null): CellText {
  if (!cell) {
    return { status: NO_DATA, statusLabel: statusLabel(table.framework, NO_DATA), mode: null, periodFrom: null, periodTo: null, summary: '', confidence: null };
  }
  return {
    status: cell.status,
    statusLabel: statusLabel(table.framework, cell.status),
    mode: cell.mode,
    periodFrom: cell.periodFrom,
    periodTo: cell.periodTo,
    summary: markdownToPlainText(cell.summary),
    confidence: cell.confidence,
  };
}

export function period(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === to || to === null) return String(from);
  if (from === null) return `–${to}`;
  return `${from}–${to}`;
}

export function matrixToJson(tables: MatrixTable[]): unknown {
  return {
    norms: tables.map((t) => ({
      id: t.norm.id,
      label: t.norm.label,
      shortLabel: t.norm.shortLabel,
      framework: t.framework.name,
      cases: t.cases.map((c) => ({ id: c.id, name: c.name, isoCode: c.isoCode, role: c.role })),
      stages: t.rows.map((r) => ({
        id: r.stage.id,
        position: r.stage.position,
        label: r.stage.label,
        cells: Object.fromEntries(t.cases.map((c, i) => [c.name, cellText(t, r.cells[i] ?? null)])),
      })),
    })),
  };
}

/** Long format: one row per norm x stage x case, the shape statistics tools and spreadsheets want. */
export function matrixToCsv(tables: MatrixTable[]): string {
  const header = ['norm', 'stage_position', 'stage', 'case', 'iso_code', 'role', 'status', 'status_label', 'mode', 'period_from', 'period_to', 'confidence', 'summary'];
  const rows = tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      t.cases.map((c, i) => {
        const cell = cellText(t, r.cells[i] ?? null);
        return [t.norm.label, r.stage.position, r.stage.label, c.name, c.isoCode ?? '', c.role, cell.status, cell.statusLabel, cell.mode ?? '', cell.periodFrom ?? '', cell.periodTo ?? '', cell.confidence ?? '', cell.summary];
      }),
    ),
  );
  return stringifyCsv([header, ...rows]);
}

function mdEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** One Markdown table per norm: stages as rows, cases as columns. */
export function matrixToMarkdown(tables: MatrixTable[]): string {
  return tables
    .map((t) => {
      const head = ['Stage', ...t.cases.map((c) => (c.role === 'focal' ? `${c.name} (focal)` : c.name))];
      const lines = [`### ${mdEscape(t.norm.label)}`, '', `| ${head.map(mdEscape).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
      for (const r of t.rows) {
        const cells = t.cases.map((_, i) => {
          const cell = cellText(t, r.cells[i] ?? null);
          const meta = [cell.mode, period(cell.periodFrom, cell.periodTo)].filter(Boolean).join(', ');
          const head = `**${cell.statusLabel}**${meta ? ` (${meta})` : ''}`;
          return mdEscape(cell.summary ? `${head}: ${cell.summary}` : head);
        });
        lines.push(`| ${r.stage.position}. ${mdEscape(r.stage.label)} | ${cells.join(' | ')} |`);
      }
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
