/**
 * The data tables of CSV/XLSX exports. Sources are given by citation key (stable, position-free), with the
 * formatted references in their own sheet; statuses are written as labels (and filled with their colour in XLSX).
 */
import type { CaseDto, CellDto } from '../../contract/api';
import type { MatrixTable } from '../matrix';
import { markdownToPlainText } from '../text';
import { matrixCaption } from './build-matrix';
import { cellMeta, statusMark, type BuildContext, type SheetModel, type SheetValue } from './model';

function sourceKeys(ctx: BuildContext, cell: CellDto | null): string {
  if (!cell) return '';
  const keys: string[] = [];
  for (const e of ctx.evidence.excerpts(cell.id)) {
    const key = ctx.evidence.sources.get(e.sourceId)?.citationKey;
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys.join('; ');
}

function assessment(ctx: BuildContext, cell: CellDto | null): string {
  if (!cell) return '';
  return [cellMeta(cell, ctx.m), markdownToPlainText(cell.summary)].filter(Boolean).join('\n');
}

/** Stages as rows x cases as columns, one sheet per norm. */
export function wideSheets(ctx: BuildContext, tables: MatrixTable[]): SheetModel[] {
  ctx.evidence.prefetch(tables);
  return tables.map((table, t) => ({
    name: ctx.m.tableLabel(t + 1),
    shape: 'wide',
    caption: `${ctx.m.tableLabel(t + 1)}. ${matrixCaption(table, ctx.m)}`,
    columns: [
      { header: 'norm', width: 22 },
      { header: 'stage', width: 22 },
      ...table.cases.flatMap((c) => [
        { header: `${c.name}: status`, width: 14 },
        { header: `${c.name}: assessment`, width: 60 },
        { header: `${c.name}: sources`, width: 24 },
      ]),
    ],
    rows: table.rows.map((r): SheetValue[] => [
      table.norm.label,
      `${r.stage.position}. ${r.stage.label}`,
      ...r.cells.flatMap((cell): SheetValue[] => [{ status: statusMark(table.framework, cell?.status ?? null, ctx.m) }, assessment(ctx, cell), sourceKeys(ctx, cell)]),
    ]),
  }));
}

/** One row per norm x stage x case: the columns of matrix-format's CSV, plus the evidence count and the sources. */
export function longSheet(ctx: BuildContext, tables: MatrixTable[]): SheetModel {
  ctx.evidence.prefetch(tables);
  const rows: SheetValue[][] = [];
  for (const t of tables) {
    for (const r of t.rows) {
      t.cases.forEach((c, i) => {
        const cell = r.cells[i] ?? null;
        const status = statusMark(t.framework, cell?.status ?? null, ctx.m);
        rows.push([
          t.norm.label,
          r.stage.position,
          r.stage.label,
          c.name,
          c.isoCode ?? '',
          c.role,
          status.key,
          { status },
          cell?.mode ?? '',
          cell?.periodFrom ?? null,
          cell?.periodTo ?? null,
          cell?.confidence ?? '',
          cell ? markdownToPlainText(cell.summary) : '',
          cell ? ctx.evidence.excerpts(cell.id).length : 0,
          sourceKeys(ctx, cell),
        ]);
      });
    }
  }
  const header = ['norm', 'stage_position', 'stage', 'case', 'iso_code', 'role', 'status', 'status_label', 'mode', 'period_from', 'period_to', 'confidence', 'summary', 'evidence', 'sources'];
  const widths = [28, 8, 20, 14, 8, 11, 12, 14, 10, 8, 8, 10, 70, 9, 30];
  return { name: ctx.m.sheets.data, shape: 'long', columns: header.map((h, i) => ({ header: h, width: widths[i]! })), rows };
}

/** A case's cells across norms. */
export function caseSheet(ctx: BuildContext, kase: CaseDto, tables: MatrixTable[]): SheetModel {
  ctx.evidence.prefetch(tables);
  const rows: SheetValue[][] = [];
  for (const t of tables) {
    for (const r of t.rows) {
      const cell = r.cells[0] ?? null;
      const evidence = cell ? ctx.evidence.excerpts(cell.id) : [];
      const status = statusMark(t.framework, cell?.status ?? null, ctx.m);
      const quotes = evidence.filter((e) => e.textKind === 'quote').length;
      rows.push([
        kase.name,
        t.norm.label,
        r.stage.position,
        r.stage.label,
        status.key,
        { status },
        cell?.mode ?? '',
        cell?.periodFrom ?? null,
        cell?.periodTo ?? null,
        cell?.confidence ?? '',
        cell ? markdownToPlainText(cell.summary) : '',
        evidence.length,
        quotes,
        evidence.length - quotes,
        sourceKeys(ctx, cell),
      ]);
    }
  }
  const header = ['case', 'norm', 'stage_position', 'stage', 'status', 'status_label', 'mode', 'period_from', 'period_to', 'confidence', 'summary', 'evidence', 'quotes', 'paraphrases', 'sources'];
  const widths = [14, 28, 8, 20, 12, 14, 10, 8, 8, 10, 70, 9, 8, 10, 30];
  return { name: ctx.m.sheets.assessments, shape: 'long', columns: header.map((h, i) => ({ header: h, width: widths[i]! })), rows };
}

/** One row per piece of evidence of each cell (the appendix as data). */
export function evidenceSheet(ctx: BuildContext, tables: MatrixTable[]): SheetModel {
  ctx.evidence.prefetch(tables);
  const rows: SheetValue[][] = [];
  for (const t of tables) {
    for (const r of t.rows) {
      t.cases.forEach((c, i) => {
        const cell = r.cells[i];
        if (!cell) return;
        const status = statusMark(t.framework, cell.status, ctx.m);
        for (const e of ctx.evidence.excerpts(cell.id)) {
          rows.push([
            t.norm.label,
            r.stage.position,
            r.stage.label,
            c.name,
            { status },
            e.textKind,
            e.text,
            e.language,
            e.translation,
            e.translationLanguage,
            ctx.evidence.attribution(e, ctx.m),
            e.locator,
            ctx.evidence.sources.get(e.sourceId)?.citationKey ?? '',
          ]);
        }
      });
    }
  }
  const header = ['norm', 'stage_position', 'stage', 'case', 'status_label', 'text_kind', 'text', 'language', 'translation', 'translation_language', 'attribution', 'locator', 'source'];
  const widths = [28, 8, 20, 14, 14, 11, 70, 9, 50, 9, 30, 30, 22];
  return { name: ctx.m.sheets.evidence, shape: 'long', columns: header.map((h, i) => ({ header: h, width: widths[i]! })), rows };
}
