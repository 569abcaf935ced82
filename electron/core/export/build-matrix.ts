/** The matrix as publication tables: caption, header row, status by colour and text, notes, citations. */
import type { CellDto } from '../../contract/api';
import type { MatrixTable } from '../matrix';
import { markdownToInline, text, type Inline, type TextRun } from './inline';
import { en } from './i18n/en';
import type { ExportMessages } from './i18n';
import { cellMeta, citesIn, listNames, markTallRows, notesLabel, stageText, statusMark, type Block, type BuildContext, type CellModel, type RowModel, type TableModel } from './model';
import type { MatrixLayout, PageOrientation } from './types';

export function matrixCaption(table: MatrixTable, m: ExportMessages = en): string {
  return m.matrixCaption(table.norm.label, listNames(table.cases.map((c) => c.name), m));
}

function assessmentCell(ctx: BuildContext, table: MatrixTable, cell: CellDto | null, cited = true): CellModel {
  const status = statusMark(table.framework, cell?.status ?? null, ctx.m);
  const content: Inline[] = cell?.summary ? markdownToInline(cell.summary) : [];
  const cite = cell && cited ? ctx.citations.cite(ctx.evidence.citeRefs(cell.id)) : null;
  return { status, meta: cellMeta(cell, ctx.m), content, cite };
}

/** Case columns a page takes beside the stage column before the matrix is set in parts. */
export const MAX_CASE_COLUMNS: Record<PageOrientation, number> = { landscape: 7, portrait: 4 };

/**
 * A matrix with more cases than fit on the page, as consecutive parts of at most `max` case columns (balanced: 39
 * comparison cases in six columns per part make seven parts of five or six). The focal case is repeated as the first
 * column of every part, so each part still reads as "the focal case next to these". Cases as columns only: with
 * stages as columns, more cases make more rows, which run on over pages with the header repeated.
 */
export function splitByCases(table: MatrixTable, max: number): MatrixTable[] {
  if (table.cases.length <= max) return [table];
  const focal = table.cases.findIndex((c) => c.role === 'focal');
  const others = table.cases.map((_, i) => i).filter((i) => i !== focal);
  const perPart = Math.max(1, focal >= 0 ? max - 1 : max);
  const count = Math.ceil(others.length / perPart);
  const base = Math.floor(others.length / count);
  const extra = others.length % count;
  const parts: MatrixTable[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    const size = base + (k < extra ? 1 : 0);
    const indexes = [...(focal >= 0 ? [focal] : []), ...others.slice(at, at + size)];
    at += size;
    parts.push({ ...table, cases: indexes.map((i) => table.cases[i]!), rows: table.rows.map((r) => ({ ...r, cells: indexes.map((i) => r.cells[i] ?? null) })) });
  }
  return parts;
}

function stageLabel(m: ExportMessages, position: number, label: string): string {
  return `${position}. ${stageText(m, label)}`;
}

/**
 * One table (or one part of it) per norm. `repeated`: a later part, where the focal case's column repeats the first
 * part's and its cells are not cited again (their notes are in the first part).
 */
export function matrixTableModel(ctx: BuildContext, table: MatrixTable, number: number, layout: MatrixLayout, part?: { index: number; count: number }): TableModel {
  const repeated = (part?.index ?? 1) > 1;
  const m = ctx.m;
  const caseColumns = table.cases.map((c) => ({ label: c.name, note: c.role === 'focal' ? (repeated ? m.focalCaseRepeated : m.focalCase) : undefined }));
  let columns: TableModel['columns'];
  let rows: RowModel[];
  if (layout === 'stages-as-columns') {
    columns = [{ label: m.case, width: 14 }, ...table.rows.map((r) => ({ label: stageLabel(m, r.stage.position, r.stage.label), width: 86 / Math.max(1, table.rows.length) }))];
    rows = table.cases.map((c, i) => ({
      cells: [
        { header: true, content: [text(c.name, { bold: true }), ...(c.role === 'focal' ? [{ br: true } as const, text(m.focalCase, { italic: true })] : [])] },
        ...table.rows.map((r) => assessmentCell(ctx, table, r.cells[i] ?? null)),
      ],
    }));
  } else {
    const stageWidth = table.cases.length > 3 ? 12 : 16;
    columns = [{ label: m.stage, width: stageWidth }, ...caseColumns.map((c) => ({ ...c, width: (100 - stageWidth) / Math.max(1, table.cases.length) }))];
    rows = table.rows.map((r) => ({
      cells: [
        { header: true, content: [text(stageLabel(m, r.stage.position, r.stage.label), { bold: true })] },
        ...r.cells.map((cell, i) => assessmentCell(ctx, table, cell, !(repeated && table.cases[i]?.role === 'focal'))),
      ],
    }));
  }
  const model: TableModel = { number, caption: matrixCaption(table, m), columns, rows, matrix: { table, layout }, part };
  markTallRows(model, ctx.options.orientation ?? 'landscape', ctx.citations.note);
  return model;
}

/** The notes under a matrix: legend, how to read a cell, "no data", the stages, the norm, the sources. */
export function matrixNotes(ctx: BuildContext, table: MatrixTable, models: TableModel[], where: 'appendix-below' | 'separate'): Block {
  const m = ctx.m;
  const legend = table.framework.statuses.map((s) => statusMark(table.framework, s.key, m));
  const anyCite = models.some((model) => model.rows.some((r) => 'cells' in r && r.cells.some((c) => c.cite)));
  const norm = table.norm;
  const instrument = [norm.instrument, norm.paragraph].filter(Boolean).join(', ');
  const paragraphs: Inline[][] = [
    [text(m.eachCellLabel, { italic: true }), text(m.eachCell)],
    [text(`${m.noData}: `, { italic: true }), text(m.noDataNote)],
    [
      text(m.stagesLabel(stageText(m, table.framework.name)), { italic: true }),
      text(table.rows.map((r) => `${stageLabel(m, r.stage.position, r.stage.label)}${r.stage.description ? `: ${stageText(m, r.stage.description).replace(/\.$/, '')}` : ''}`).join('. ') + '.'),
    ],
  ];
  if (instrument || norm.diffusingAgent) {
    paragraphs.push([text(m.normLabel, { italic: true }), text(`${norm.label}${instrument ? ` (${instrument})` : ''}${norm.diffusingAgent ? `; ${m.diffusingAgent}: ${norm.diffusingAgent}` : ''}.`)]);
  }
  if (models.length > 1) {
    paragraphs.push([text(m.partsLabel, { italic: true }), text(m.parts(table.cases.length, models.length, table.cases.find((c) => c.role === 'focal')?.name ?? null))]);
  }
  const evidence = where === 'appendix-below' ? m.evidenceBelow : m.evidenceSeparate;
  paragraphs.push([
    text(m.sourcesLabel, { italic: true }),
    text(anyCite ? m.matrixSources(ctx.citations.note ? notesLabel(ctx.options, m) : m.inParentheses, ctx.citations.note ? m.inTheBibliography : m.inTheReferenceList, evidence) : m.matrixNoSources),
  ]);
  return { type: 'tableNotes', legend, legendLabel: m.statusScale, paragraphs };
}

/** Blocks for the tables (each followed by its notes and, for note styles, its collected notes). */
export function matrixBlocks(ctx: BuildContext, tables: MatrixTable[], layout: MatrixLayout, where: 'appendix-below' | 'separate'): Block[] {
  const blocks: Block[] = [];
  // Only what the cells cite: the appendix and the data tables load the excerpts themselves.
  ctx.evidence.prefetchRefs(tables);
  // Paged formats set a matrix wider than the page in parts; Markdown, CSV and XLSX keep one table.
  const paged = ['pdf', 'docx', 'tex'].includes(ctx.options.format);
  const max = MAX_CASE_COLUMNS[ctx.options.orientation ?? 'landscape'];
  tables.forEach((table, i) => {
    const parts = paged && layout === 'cases-as-columns' ? splitByCases(table, max) : [table];
    const models = parts.map((part, k) => matrixTableModel(ctx, part, i + 1, layout, parts.length > 1 ? { index: k + 1, count: parts.length } : undefined));
    const tableBlocks: Block[] = models.map((model) => ({ type: 'table', table: model }));
    blocks.push(...tableBlocks, matrixNotes(ctx, table, models, where));
    if (ctx.citations.note) {
      const cites = citesIn(tableBlocks);
      if (cites.length > 0) blocks.push({ type: 'notes', cites });
    }
  });
  return blocks;
}

export function bibliographyBlock(ctx: BuildContext, entries: { runs: TextRun[] }[]): Block | null {
  if (entries.length === 0) return null;
  return { type: 'bibliography', heading: ctx.citations.note ? ctx.m.bibliography : ctx.m.references, entries: entries.map((e) => e.runs) };
}
