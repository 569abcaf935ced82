/**
 * The documents of the three export kinds available now: the matrix, a case profile and the evidence appendix.
 * Each returns its sections in reading order; `exportDocument` (kinds.ts) formats the citations and appends the
 * bibliography.
 */
import type { AttributeDto, AttributeValue, CaseDto, CellDto, ExcerptDto } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { matrixTables, resolveCase, resolveNorm, resolveView, type MatrixTable } from '../matrix';
import { auditBlocks } from './build-audit';
import { bibliographyBlock, matrixBlocks, matrixCaption } from './build-matrix';
import { markdownToInline, text } from './inline';
import { joinHardBreaks } from '../../contract/quotation';
import { caseSheet, evidenceSheet, longSheet, wideSheets } from './build-sheets';
import { cellMeta, citesIn, listNames, notesLabel, statusMark, type Block, type BuildContext, type EvidenceItem, type RowModel, type Section, type SheetModel, type TableModel } from './model';
import type { MatrixLayout, PageOrientation } from './types';

export interface Draft {
  title: string;
  subject: string;
  sections: Section[];
  tables: MatrixTable[];
  sheets: SheetModel[];
}

function layoutOf(ctx: BuildContext): MatrixLayout {
  if (ctx.options.layout) return ctx.options.layout;
  if (ctx.options.view) return resolveView(ctx.project.overview().views, ctx.options.view).orientation;
  return 'cases-as-columns';
}

function selectedTables(ctx: BuildContext): MatrixTable[] {
  const tables = matrixTables(ctx.project, { norms: ctx.options.norms, cases: ctx.options.cases, view: ctx.options.view });
  if (tables.length === 0) throw new ApiError('NOT_FOUND', 'The project has no norms to export.');
  if (tables[0]!.cases.length === 0) throw new ApiError('NOT_FOUND', 'The project has no cases to export.');
  return tables;
}

function orientation(ctx: BuildContext, fallback: PageOrientation): PageOrientation {
  return ctx.options.orientation ?? fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// Matrix

export function buildMatrix(ctx: BuildContext): Draft {
  const tables = selectedTables(ctx);
  const layout = layoutOf(ctx);
  const blocks = matrixBlocks(ctx, tables, layout, 'separate');
  const title = tables.length === 1 ? matrixCaption(tables[0]!) : `${ctx.project.title}: ${tables.map((t) => t.norm.shortLabel || t.norm.label).join('; ')}`;
  const cases = listNames(tables[0]!.cases.map((c) => c.name));
  return {
    title,
    subject: `Comparative matrix of norm diffusion and contestation (${tables.map((t) => t.norm.label).join('; ')}) for ${cases}`,
    sections: [{ orientation: orientation(ctx, 'landscape'), blocks }],
    tables,
    sheets: [...wideSheets(ctx, tables), longSheet(ctx, tables)],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Case profile

function attributeValue(attribute: AttributeDto, value: AttributeValue): string {
  if (attribute.type === 'boolean') return value === true ? 'Yes' : 'No';
  return String(value);
}

export function buildCase(ctx: BuildContext): Draft {
  if (!ctx.options.case) throw new ApiError('VALIDATION_FAILED', 'Say which case to export (for example --case Kazakhstan).');
  const overview = ctx.project.overview();
  const kase: CaseDto = resolveCase(ctx.project, ctx.options.case, overview.cases);
  const norms = ctx.options.norms?.length ? ctx.options.norms.map((q) => resolveNorm(ctx.project, q, overview.norms)) : overview.norms.filter((n) => !n.archived);
  const tables = norms.length > 0 ? matrixTables(ctx.project, { norms: norms.map((n) => n.id), cases: [kase.id] }) : [];

  const blocks: Block[] = [
    { type: 'title', text: `Case profile: ${kase.name}`, subtitle: [kase.role === 'focal' ? 'Focal case' : 'Comparison case', kase.isoCode ? `ISO ${kase.isoCode}` : '', kase.archived ? 'archived' : '', ctx.project.title].filter(Boolean).join(' · ') },
  ];
  if (kase.notes.trim()) blocks.push({ type: 'heading', level: 2, text: 'Notes' }, { type: 'paragraph', content: markdownToInline(kase.notes) });

  blocks.push({ type: 'heading', level: 2, text: 'Attributes' });
  const attributes = overview.attributes.filter((a) => kase.attributes[a.id] !== undefined);
  if (attributes.length > 0) blocks.push({ type: 'fields', items: attributes.map((a) => ({ label: a.name, value: attributeValue(a, kase.attributes[a.id]!) })) });
  else blocks.push({ type: 'paragraph', content: [text('No attributes are recorded for this case.', { italic: true })] });

  blocks.push({ type: 'heading', level: 2, text: 'Assessments' });
  if (tables.length === 0) {
    blocks.push({ type: 'paragraph', content: [text('The project has no norms yet.', { italic: true })] });
  } else {
    const rows: RowModel[] = [];
    ctx.evidence.prefetch(tables);
    for (const table of tables) {
      rows.push({ group: table.norm.label });
      for (const row of table.rows) {
        const cell: CellDto | null = row.cells[0] ?? null;
        const evidence = cell ? ctx.evidence.excerpts(cell.id) : [];
        const cite = cell ? ctx.citations.cite(evidence.map((e) => ({ sourceId: e.sourceId, locator: e.locator }))) : null;
        const quotes = evidence.filter((e) => e.textKind === 'quote').length;
        rows.push({
          cells: [
            { header: true, content: [text(`${row.stage.position}. ${row.stage.label}`, { bold: true })] },
            { status: statusMark(table.framework, cell?.status ?? null), meta: cellMeta(cell), content: [] },
            { content: cell?.summary ? markdownToInline(cell.summary) : [], cite },
            {
              align: 'right',
              content: evidence.length
                ? [text(`${evidence.length} excerpt${evidence.length === 1 ? '' : 's'}`), { br: true }, text(`${quotes} quote${quotes === 1 ? '' : 's'}, ${evidence.length - quotes} paraphrase${evidence.length - quotes === 1 ? '' : 's'}`, { italic: true })]
                : [text('—')],
            },
          ],
        });
      }
    }
    const table: TableModel = {
      number: 1,
      caption: `${kase.name}: assessments across ${tables.length === 1 ? 'the norm' : `${tables.length} norms`}, stage by stage`,
      columns: [
        { label: 'Stage', width: 17 },
        { label: 'Status', width: 17 },
        { label: 'Assessment', width: 50 },
        { label: 'Evidence', width: 16 },
      ],
      rows,
    };
    const tableBlock: Block = { type: 'table', table };
    const framework = tables[0]!.framework;
    const anyCite = rows.some((r) => 'cells' in r && r.cells.some((c) => c.cite));
    blocks.push(tableBlock, {
      type: 'tableNotes',
      legend: framework.statuses.map((s) => statusMark(framework, s.key)),
      paragraphs: [
        [text('No data: ', { italic: true }), text('nothing has been recorded for this case at this stage. It does not mean that the stage was not reached.')],
        [text('Evidence: ', { italic: true }), text('the excerpts linked to the cell (quotations and paraphrases of sources); they are listed with their locators in the evidence appendix.')],
        [
          text('Sources: ', { italic: true }),
          text(anyCite ? `the researcher’s assessments, based on the sources cited (${ctx.citations.note ? notesLabel(ctx.options) : 'in parentheses'}); full references below.` : 'the researcher’s assessments; no evidence is linked yet.'),
        ],
      ],
    });
    if (ctx.citations.note) {
      const cites = citesIn([tableBlock]);
      if (cites.length > 0) blocks.push({ type: 'notes', cites });
    }
  }
  return {
    title: `Case profile: ${kase.name}`,
    subject: `Case profile of ${kase.name}: notes, attributes and assessments across norms (${ctx.project.title})`,
    sections: [{ orientation: orientation(ctx, 'portrait'), blocks }],
    tables,
    sheets: [caseSheet(ctx, kase, tables)],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence appendix

function evidenceItem(ctx: BuildContext, excerpt: ExcerptDto): EvidenceItem {
  return {
    textKind: excerpt.textKind,
    // Quotes taken from a page before quotations were joined still carry the page's line breaks.
    text: excerpt.textKind === 'quote' && excerpt.page !== null && excerpt.startOffset !== null ? joinHardBreaks(excerpt.text) : excerpt.text,
    language: excerpt.language,
    translation: excerpt.translation,
    translationLanguage: excerpt.translationLanguage,
    attribution: ctx.evidence.attribution(excerpt),
    locator: excerpt.locator,
    cite: ctx.citations.cite([{ sourceId: excerpt.sourceId, locator: excerpt.locator }]),
  };
}

export function buildAppendix(ctx: BuildContext): Draft {
  const tables = selectedTables(ctx);
  const layout = layoutOf(ctx);
  const cases = listNames(tables[0]!.cases.map((c) => c.name));
  const intro: Block[] = [
    { type: 'title', text: 'Evidence appendix', subtitle: `${ctx.project.title} · ${cases}` },
    {
      type: 'paragraph',
      content: [
        text(
          `${tables.length === 1 ? 'Table 1 gives' : `Tables 1–${tables.length} give`} the assessments; section A lists, cell by cell, the evidence each assessment rests on: quotations (in quotation marks) and paraphrases (marked as such), with translations where recorded, and their locators and citations; section B records how assessments, evidence, claims and verifications were changed. Interviewees are identified by pseudonym only.`,
        ),
      ],
    },
  ];
  const matrixSection: Section = { orientation: orientation(ctx, 'landscape'), blocks: [...intro, ...matrixBlocks(ctx, tables, layout, 'appendix-below')] };

  const evidenceBlocks: Block[] = [{ type: 'heading', level: 2, text: 'A. Evidence by cell' }];
  tables.forEach((table, t) => {
    evidenceBlocks.push({ type: 'heading', level: 2, text: `A.${t + 1} ${table.norm.label} (Table ${t + 1})` });
    let any = false;
    for (const row of table.rows) {
      table.cases.forEach((kase, i) => {
        const cell = row.cells[i];
        if (!cell) return;
        any = true;
        const cellBlocks: Block[] = [
          { type: 'heading', level: 3, text: `${kase.name} — ${row.stage.position}. ${row.stage.label}` },
          { type: 'status', status: statusMark(table.framework, cell.status), meta: cellMeta(cell) },
        ];
        if (cell.summary.trim()) cellBlocks.push({ type: 'paragraph', content: markdownToInline(cell.summary) });
        const excerpts = ctx.evidence.excerpts(cell.id);
        if (excerpts.length > 0) cellBlocks.push({ type: 'evidence', items: excerpts.map((e) => evidenceItem(ctx, e)) });
        else cellBlocks.push({ type: 'paragraph', small: true, content: [text('No evidence is linked to this cell.', { italic: true })] });
        if (ctx.citations.note) {
          const cites = citesIn(cellBlocks);
          if (cites.length > 0) cellBlocks.push({ type: 'notes', cites });
        }
        evidenceBlocks.push(...cellBlocks);
      });
    }
    if (!any) evidenceBlocks.push({ type: 'paragraph', content: [text('No cell of this table has been assessed yet.', { italic: true })] });
  });
  const contentOrientation: PageOrientation = orientation(ctx, 'portrait');
  // The methods record: every audited change, so that a reader can see how the assessments came to be.
  const audit = auditBlocks(ctx, tables.length + 1);
  return {
    title: `Evidence appendix: ${ctx.project.title}`,
    subject: `Assessments and the evidence behind them (${tables.map((t) => t.norm.label).join('; ')}) for ${cases}`,
    sections: [matrixSection, { orientation: contentOrientation, blocks: [...evidenceBlocks, ...audit.blocks] }],
    tables,
    sheets: [evidenceSheet(ctx, tables), ...wideSheets(ctx, tables), longSheet(ctx, tables), audit.sheet],
  };
}

export { bibliographyBlock };
