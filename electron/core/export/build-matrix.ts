/** The matrix as publication tables: caption, header row, status by colour and text, notes, citations. */
import type { CellDto } from '../../contract/api';
import type { MatrixTable } from '../matrix';
import { markdownToInline, text, type Inline, type TextRun } from './inline';
import { cellMeta, citesIn, listNames, statusMark, type Block, type BuildContext, type CellModel, type RowModel, type TableModel } from './model';
import type { MatrixLayout } from './types';

export function matrixCaption(table: MatrixTable): string {
  return `${table.norm.label}: ${listNames(table.cases.map((c) => c.name))}, stage by stage`;
}

function assessmentCell(ctx: BuildContext, table: MatrixTable, cell: CellDto | null): CellModel {
  const status = statusMark(table.framework, cell?.status ?? null);
  const content: Inline[] = cell?.summary ? markdownToInline(cell.summary) : [];
  const cite = cell ? ctx.citations.cite(ctx.evidence.excerpts(cell.id).map((e) => ({ sourceId: e.sourceId }))) : null;
  return { status, meta: cellMeta(cell), content, cite };
}

function stageLabel(position: number, label: string): string {
  return `${position}. ${label}`;
}

/** One table per norm, numbered from `firstNumber`. */
export function matrixTableModel(ctx: BuildContext, table: MatrixTable, number: number, layout: MatrixLayout): TableModel {
  const caseColumns = table.cases.map((c) => ({ label: c.name, note: c.role === 'focal' ? 'focal case' : undefined }));
  let columns: TableModel['columns'];
  let rows: RowModel[];
  if (layout === 'stages-as-columns') {
    columns = [{ label: 'Case', width: 14 }, ...table.rows.map((r) => ({ label: stageLabel(r.stage.position, r.stage.label), width: 86 / Math.max(1, table.rows.length) }))];
    rows = table.cases.map((c, i) => ({
      cells: [
        { header: true, content: [text(c.name, { bold: true }), ...(c.role === 'focal' ? [{ br: true } as const, text('focal case', { italic: true })] : [])] },
        ...table.rows.map((r) => assessmentCell(ctx, table, r.cells[i] ?? null)),
      ],
    }));
  } else {
    const stageWidth = table.cases.length > 3 ? 12 : 16;
    columns = [{ label: 'Stage', width: stageWidth }, ...caseColumns.map((c) => ({ ...c, width: (100 - stageWidth) / Math.max(1, table.cases.length) }))];
    rows = table.rows.map((r) => ({
      cells: [{ header: true, content: [text(stageLabel(r.stage.position, r.stage.label), { bold: true })] }, ...r.cells.map((cell) => assessmentCell(ctx, table, cell))],
    }));
  }
  return { number, caption: matrixCaption(table), columns, rows, matrix: { table, layout } };
}

/** The notes under a matrix: legend, how to read a cell, "no data", the stages, the norm, the sources. */
export function matrixNotes(ctx: BuildContext, table: MatrixTable, model: TableModel, where: 'appendix-below' | 'separate'): Block {
  const legend = table.framework.statuses.map((s) => statusMark(table.framework, s.key));
  const anyCite = model.rows.some((r) => 'cells' in r && r.cells.some((c) => c.cite));
  const norm = table.norm;
  const instrument = [norm.instrument, norm.paragraph].filter(Boolean).join(', ');
  const paragraphs: Inline[][] = [
    [
      text('Each cell: ', { italic: true }),
      text(
        'the status of the stage for the case, in words and colour; then, where recorded, the mode of reconstitution (discourse, practice or both), the period covered and the researcher’s confidence; then a summary of the assessment.',
      ),
    ],
    [text('No data: ', { italic: true }), text('nothing has been recorded for this case at this stage. It does not mean that the stage was not reached.')],
    [
      text(`Stages (${table.framework.name}): `, { italic: true }),
      text(table.rows.map((r) => `${stageLabel(r.stage.position, r.stage.label)}${r.stage.description ? `: ${r.stage.description.replace(/\.$/, '')}` : ''}`).join('. ') + '.'),
    ],
  ];
  if (instrument || norm.diffusingAgent) {
    paragraphs.push([
      text('Norm: ', { italic: true }),
      text(`${norm.label}${instrument ? ` (${instrument})` : ''}${norm.diffusingAgent ? `; diffusing agent: ${norm.diffusingAgent}` : ''}.`),
    ]);
  }
  const evidence = where === 'appendix-below' ? 'The evidence for each cell (quotations, paraphrases and locators) is listed in the evidence appendix below.' : 'The evidence for each cell, with quotations and locators, is listed in the evidence appendix.';
  paragraphs.push([
    text('Sources: ', { italic: true }),
    text(
      anyCite
        ? `the researcher’s assessments, based on the evidence cited in each cell (${ctx.citations.note ? 'numbered notes' : 'in parentheses'}); full references in the ${ctx.citations.note ? 'bibliography' : 'reference list'}. ${evidence}`
        : 'the researcher’s assessments; no evidence is linked to these cells yet.',
    ),
  ]);
  return { type: 'tableNotes', legend, paragraphs };
}

/** Blocks for the tables (each followed by its notes and, for note styles, its collected notes). */
export function matrixBlocks(ctx: BuildContext, tables: MatrixTable[], layout: MatrixLayout, where: 'appendix-below' | 'separate'): Block[] {
  const blocks: Block[] = [];
  tables.forEach((table, i) => {
    const model = matrixTableModel(ctx, table, i + 1, layout);
    const tableBlock: Block = { type: 'table', table: model };
    blocks.push(tableBlock, matrixNotes(ctx, table, model, where));
    if (ctx.citations.note) {
      const cites = citesIn([tableBlock]);
      if (cites.length > 0) blocks.push({ type: 'notes', cites });
    }
  });
  return blocks;
}

export function bibliographyBlock(ctx: BuildContext, entries: { runs: TextRun[] }[]): Block | null {
  if (entries.length === 0) return null;
  return { type: 'bibliography', heading: ctx.citations.note ? 'Bibliography' : 'References', entries: entries.map((e) => e.runs) };
}
