/**
 * The documents of the three export kinds available now: the matrix, a case profile and the evidence appendix.
 * Each returns its sections in reading order; `exportDocument` (kinds.ts) formats the citations and appends the
 * bibliography.
 */
import type { AttributeDto, AttributeValue, CaseDto, CellDto, ExcerptDto } from '../../contract/api';
import { localError } from '../../contract/i18n/format';
import { matrixTables, resolveCase, resolveNorm, resolveView, type MatrixTable } from '../matrix';
import { auditBlocks } from './build-audit';
import { bibliographyBlock, matrixBlocks, matrixCaption } from './build-matrix';
import { markdownToInline, text } from './inline';
import { joinHardBreaks } from '../../contract/quotation';
import { caseSheet, evidenceSheet, longSheet, wideSheets } from './build-sheets';
import { cellMeta, citesIn, listNames, notesLabel, stageText, statusMark, type Block, type BuildContext, type EvidenceItem, type RowModel, type Section, type SheetModel, type TableModel } from './model';
import type { MatrixLayout, PageOrientation } from './types';

export interface Draft {
  title: string;
  subject: string;
  sections: Section[];
  tables: MatrixTable[];
  /** The data tables (CSV/XLSX), or how to build them: a matrix's are built only for the formats that write them. */
  sheets: SheetModel[] | (() => SheetModel[]);
}

function layoutOf(ctx: BuildContext): MatrixLayout {
  if (ctx.options.layout) return ctx.options.layout;
  if (ctx.options.view) return resolveView(ctx.project.overview().views, ctx.options.view).orientation;
  return 'cases-as-columns';
}

function selectedTables(ctx: BuildContext): MatrixTable[] {
  const tables = matrixTables(ctx.project, { norms: ctx.options.norms, cases: ctx.options.cases, view: ctx.options.view });
  if (tables.length === 0) throw localError('NOT_FOUND', 'errorsExport.noNorms');
  if (tables[0]!.cases.length === 0) throw localError('NOT_FOUND', 'errorsExport.noCases');
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
  // The data tables of a CSV or XLSX list every excerpt: read whole once, for them and the citations.
  if (ctx.options.format === 'csv' || ctx.options.format === 'xlsx') ctx.evidence.prefetch(tables);
  const blocks = matrixBlocks(ctx, tables, layout, 'separate');
  const title = tables.length === 1 ? matrixCaption(tables[0]!, ctx.m) : `${ctx.project.title}: ${tables.map((t) => t.norm.shortLabel || t.norm.label).join('; ')}`;
  const cases = listNames(tables[0]!.cases.map((c) => c.name), ctx.m);
  return {
    title,
    subject: ctx.m.matrixSubject(tables.map((t) => t.norm.label).join('; '), cases),
    sections: [{ orientation: orientation(ctx, 'landscape'), blocks }],
    tables,
    sheets: () => [...wideSheets(ctx, tables), longSheet(ctx, tables)],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Case profile

function attributeValue(ctx: BuildContext, attribute: AttributeDto, value: AttributeValue): string {
  if (attribute.type === 'boolean') return value === true ? ctx.m.yes : ctx.m.no;
  return String(value);
}

export function buildCase(ctx: BuildContext): Draft {
  if (!ctx.options.case) throw localError('VALIDATION_FAILED', 'errorsExport.sayWhichCase', { example: '--case Kazakhstan' });
  const overview = ctx.project.overview();
  const kase: CaseDto = resolveCase(ctx.project, ctx.options.case, overview.cases);
  const norms = ctx.options.norms?.length ? ctx.options.norms.map((q) => resolveNorm(ctx.project, q, overview.norms)) : overview.norms.filter((n) => !n.archived);
  const tables = norms.length > 0 ? matrixTables(ctx.project, { norms: norms.map((n) => n.id), cases: [kase.id] }) : [];

  const m = ctx.m;
  const role = kase.role === 'focal' ? m.focalCase : m.comparisonCase;
  const blocks: Block[] = [
    { type: 'title', text: m.caseProfile(kase.name), subtitle: [role[0]!.toLocaleUpperCase(m.tag) + role.slice(1), kase.isoCode ? `ISO ${kase.isoCode}` : '', kase.archived ? m.archived : '', ctx.project.title].filter(Boolean).join(' · ') },
  ];
  if (kase.notes.trim()) blocks.push({ type: 'heading', level: 2, text: m.notesHeading }, { type: 'paragraph', content: markdownToInline(kase.notes) });

  blocks.push({ type: 'heading', level: 2, text: m.attributes });
  const attributes = overview.attributes.filter((a) => kase.attributes[a.id] !== undefined);
  if (attributes.length > 0) blocks.push({ type: 'fields', items: attributes.map((a) => ({ label: a.name, value: attributeValue(ctx, a, kase.attributes[a.id]!) })) });
  else blocks.push({ type: 'paragraph', content: [text(m.noAttributes, { italic: true })] });

  blocks.push({ type: 'heading', level: 2, text: m.assessments });
  if (tables.length === 0) {
    blocks.push({ type: 'paragraph', content: [text(m.noNorms, { italic: true })] });
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
            { header: true, content: [text(`${row.stage.position}. ${stageText(m, row.stage.label)}`, { bold: true })] },
            { status: statusMark(table.framework, cell?.status ?? null, m), meta: cellMeta(cell, m), content: [] },
            { content: cell?.summary ? markdownToInline(cell.summary) : [], cite },
            {
              align: 'right',
              content: evidence.length
                ? [text(m.excerpts(evidence.length)), { br: true }, text(m.quotesAndParaphrases(quotes, evidence.length - quotes), { italic: true })]
                : [text('—')],
            },
          ],
        });
      }
    }
    const table: TableModel = {
      number: 1,
      caption: m.caseCaption(kase.name, tables.length),
      columns: [
        { label: m.stage, width: 17 },
        { label: m.status, width: 17 },
        { label: m.assessment, width: 50 },
        { label: m.evidence, width: 16 },
      ],
      rows,
    };
    const tableBlock: Block = { type: 'table', table };
    const framework = tables[0]!.framework;
    const anyCite = rows.some((r) => 'cells' in r && r.cells.some((c) => c.cite));
    blocks.push(tableBlock, {
      type: 'tableNotes',
      legend: framework.statuses.map((s) => statusMark(framework, s.key, m)),
      legendLabel: m.statusScale,
      paragraphs: [
        [text(`${m.noData}: `, { italic: true }), text(m.noDataNote)],
        [text(`${m.evidence}: `, { italic: true }), text(m.evidenceNote)],
        [text(m.sourcesLabel, { italic: true }), text(anyCite ? m.caseSources(ctx.citations.note ? notesLabel(ctx.options, m) : m.inParentheses) : m.caseNoSources)],
      ],
    });
    if (ctx.citations.note) {
      const cites = citesIn([tableBlock]);
      if (cites.length > 0) blocks.push({ type: 'notes', cites });
    }
  }
  return {
    title: m.caseProfile(kase.name),
    subject: m.caseSubject(kase.name, ctx.project.title),
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
    attribution: ctx.evidence.attribution(excerpt, ctx.m),
    locator: excerpt.locator,
    cite: ctx.citations.cite([{ sourceId: excerpt.sourceId, locator: excerpt.locator }]),
  };
}

export function buildAppendix(ctx: BuildContext): Draft {
  const tables = selectedTables(ctx);
  const layout = layoutOf(ctx);
  const m = ctx.m;
  const cases = listNames(tables[0]!.cases.map((c) => c.name), m);
  const intro: Block[] = [
    { type: 'title', text: m.evidenceAppendix, subtitle: `${ctx.project.title} · ${cases}` },
    { type: 'paragraph', content: [text(m.appendixIntro(tables.length))] },
  ];
  // The appendix prints every excerpt: loaded whole once, for the matrix's citations and the evidence below it.
  ctx.evidence.prefetch(tables);
  const matrixSection: Section = { orientation: orientation(ctx, 'landscape'), blocks: [...intro, ...matrixBlocks(ctx, tables, layout, 'appendix-below')] };

  const evidenceBlocks: Block[] = [{ type: 'heading', level: 2, text: m.evidenceByCell }];
  tables.forEach((table, t) => {
    evidenceBlocks.push({ type: 'heading', level: 2, text: `A.${t + 1} ${table.norm.label} (${m.tableLabel(t + 1)})` });
    let any = false;
    for (const row of table.rows) {
      table.cases.forEach((kase, i) => {
        const cell = row.cells[i];
        if (!cell) return;
        any = true;
        const cellBlocks: Block[] = [
          { type: 'heading', level: 3, text: `${kase.name} — ${row.stage.position}. ${stageText(m, row.stage.label)}` },
          { type: 'status', status: statusMark(table.framework, cell.status, m), meta: cellMeta(cell, m) },
        ];
        if (cell.summary.trim()) cellBlocks.push({ type: 'paragraph', content: markdownToInline(cell.summary) });
        const excerpts = ctx.evidence.excerpts(cell.id);
        if (excerpts.length > 0) cellBlocks.push({ type: 'evidence', items: excerpts.map((e) => evidenceItem(ctx, e)) });
        else cellBlocks.push({ type: 'paragraph', small: true, content: [text(m.noEvidence, { italic: true })] });
        if (ctx.citations.note) {
          const cites = citesIn(cellBlocks);
          if (cites.length > 0) cellBlocks.push({ type: 'notes', cites });
        }
        evidenceBlocks.push(...cellBlocks);
      });
    }
    if (!any) evidenceBlocks.push({ type: 'paragraph', content: [text(m.noCellAssessed, { italic: true })] });
  });
  const contentOrientation: PageOrientation = orientation(ctx, 'portrait');
  // The methods record: every audited change, so that a reader can see how the assessments came to be.
  const audit = auditBlocks(ctx, tables.length + 1);
  return {
    title: m.evidenceAppendixOf(ctx.project.title),
    subject: m.appendixSubject(tables.map((t) => t.norm.label).join('; '), cases),
    sections: [matrixSection, { orientation: contentOrientation, blocks: [...evidenceBlocks, ...audit.blocks] }],
    tables,
    sheets: () => [evidenceSheet(ctx, tables), ...wideSheets(ctx, tables), longSheet(ctx, tables), audit.sheet],
  };
}

export { bibliographyBlock };
