/**
 * DOCX with the `docx` package: an editable Word document with the same content as the PDF. Tables are real Word
 * tables (header row repeated on every page, rows not split, status as bold text with a coloured mark and a tinted
 * cell), captions are Word captions ("Table {SEQ Table}"), citations of note styles are real Word footnotes and
 * those of author-date styles are text, and the bibliography closes the document. Fonts are named (Noto Serif /
 * Noto Sans), not embedded: Word substitutes them where they are not installed.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation as DocxOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { isBreak, isCite, type Cite, type Inline, type TextRun as Run } from './inline';
import { tableLabel, type Block, type CellModel, type EvidenceItem, type ExportDocument, type StatusMark, type TableModel } from './model';
import type { PageOrientation, PaperSize } from './types';

const SERIF = 'Noto Serif';
const SANS = 'Noto Sans';
/** Page sizes in twips (portrait). */
const PAGE: Record<PaperSize, { width: number; height: number }> = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } };
const MARGIN = { top: 1080, bottom: 1000, left: 850, right: 850, header: 500, footer: 500 };

const hex = (colour: string) => colour.replace('#', '').toUpperCase();
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

interface Context {
  footnotes: Record<string, { children: Paragraph[] }>;
  listInstance: number;
}

function runOf(run: Run, base: { size?: number; font?: string; color?: string } = {}): TextRun {
  return new TextRun({
    text: run.text,
    italics: run.italic ?? false,
    bold: run.bold ?? false,
    superScript: run.sup ?? false,
    subScript: run.sub ?? false,
    smallCaps: run.smallCaps ?? false,
    ...(base.size ? { size: base.size } : {}),
    ...(base.font ? { font: base.font } : {}),
    ...(base.color ? { color: base.color } : {}),
  });
}

function citeRuns(ctx: Context, cite: Cite, size?: number): ParagraphChild[] {
  if (cite.noteNumber !== null) {
    const key = String(cite.noteNumber);
    ctx.footnotes[key] ??= { children: [new Paragraph({ style: 'FootnoteText', children: cite.runs.map((r) => runOf(r)) })] };
    return [new FootnoteReferenceRun(cite.noteNumber)];
  }
  return [new TextRun({ text: ' ', ...(size ? { size } : {}) }), ...cite.runs.map((r) => runOf(r, size ? { size } : {}))];
}

function inlineRuns(ctx: Context, content: readonly Inline[], size?: number): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const x of content) {
    if (isCite(x)) out.push(...citeRuns(ctx, x.cite, size));
    else if (isBreak(x)) out.push(new TextRun({ text: '', break: 1 }));
    else out.push(runOf(x, size ? { size } : {}));
  }
  return out;
}

function statusRuns(status: StatusMark, meta: string | undefined, size = 16): ParagraphChild[] {
  return [
    new TextRun({ text: '■ ', color: hex(status.colour), font: SANS, size }),
    new TextRun({ text: status.label, bold: !status.noData, italics: status.noData, font: SANS, size }),
    ...(meta ? [new TextRun({ text: `  ${meta}`, font: SANS, size: size - 2, color: '333333' })] : []),
  ];
}

function cellParagraphs(ctx: Context, cell: CellModel): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const alignment = cell.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  if (cell.status) {
    paragraphs.push(new Paragraph({ spacing: { after: 20 }, keepNext: true, children: statusRuns(cell.status, undefined) }));
    if (cell.meta) paragraphs.push(new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: cell.meta, font: SANS, size: 14, color: '333333' })] }));
  }
  if (cell.content.length > 0 || cell.cite) {
    const runs = inlineRuns(ctx, cell.content, cell.header ? 17 : 18);
    if (cell.cite) runs.push(...citeRuns(ctx, cell.cite, 18));
    paragraphs.push(new Paragraph({ alignment, children: runs, style: cell.header ? 'RowHeader' : undefined }));
  }
  if (paragraphs.length === 0) paragraphs.push(new Paragraph({ children: [] }));
  return paragraphs;
}

function tableOf(ctx: Context, table: TableModel, usableWidth: number): (Paragraph | Table)[] {
  const total = table.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = table.columns.map((c) => Math.floor((c.width / total) * usableWidth));
  const margins = { top: 70, bottom: 90, left: 100, right: 100 };
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          margins,
          verticalAlign: VerticalAlign.BOTTOM,
          borders: { top: { style: BorderStyle.SINGLE, size: 10, color: '000000' }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000' }, left: NONE, right: NONE },
          children: [
            new Paragraph({
              style: 'TableHeading',
              children: [new TextRun({ text: c.label }), ...(c.note ? [new TextRun({ text: c.note, break: 1, italics: true, bold: false, size: 14 })] : [])],
            }),
          ],
        }),
    ),
  });
  const rows = table.rows.map((row, r) => {
    const last = r === table.rows.length - 1;
    const bottom: IBorderOptions = last ? { style: BorderStyle.SINGLE, size: 10, color: '000000' } : { style: BorderStyle.SINGLE, size: 3, color: '9A9A9A' };
    if ('group' in row) {
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: table.columns.length,
            margins,
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'ECECEC' },
            borders: { top: NONE, bottom: { style: BorderStyle.SINGLE, size: 4, color: '555555' }, left: NONE, right: NONE },
            children: [new Paragraph({ style: 'TableHeading', keepNext: true, children: [new TextRun({ text: row.group })] })],
          }),
        ],
      });
    }
    return new TableRow({
      cantSplit: !row.breakable,
      children: row.cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            margins,
            ...(cell.status && !cell.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: cell.status.noData ? 'F4F4F4' : hex(cell.status.tint) } } : {}),
            borders: {
              top: NONE,
              bottom,
              right: NONE,
              left: cell.status && !cell.header ? { style: BorderStyle.SINGLE, size: 18, color: hex(cell.status.colour) } : NONE,
            },
            children: cellParagraphs(ctx, cell),
          }),
      ),
    });
  });
  const caption = new Paragraph({
    style: 'Caption',
    keepNext: true,
    // Plain text in Word's Caption style (a SEQ field's value is invisible to some readers, e.g. mammoth); Word's
    // "Insert Table of Figures" still finds it by its style.
    children: [new TextRun({ text: `${tableLabel(table)}. `, bold: true }), new TextRun({ text: table.caption })],
  });
  return [
    caption,
    new Table({
      rows: [headerRow, ...rows],
      width: { size: usableWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    }),
  ];
}

function quotedRuns(item: EvidenceItem, value: string): ParagraphChild[] {
  const body = value.trim();
  return item.textKind === 'quote' ? [new TextRun({ text: `“${body}”` })] : [new TextRun({ text: body }), new TextRun({ text: ' (paraphrase)', italics: true })];
}

function evidenceParagraphs(ctx: Context, items: EvidenceItem[], usableWidth: number): (Paragraph | Table)[] {
  const instance = ++ctx.listInstance;
  const out: (Paragraph | Table)[] = [];
  for (const item of items) {
    const cite = item.cite ? (item.cite.noteNumber !== null ? citeRuns(ctx, item.cite) : []) : [];
    const meta: ParagraphChild[] = [];
    if (item.attribution) meta.push(new TextRun({ text: item.attribution, italics: true, size: 17 }));
    if (item.cite && item.cite.noteNumber === null) {
      if (meta.length) meta.push(new TextRun({ text: ' · ', size: 17 }));
      meta.push(...item.cite.runs.map((r) => runOf(r, { size: 17 })));
    } else if (!item.cite && item.locator) {
      if (meta.length) meta.push(new TextRun({ text: ' · ', size: 17 }));
      meta.push(new TextRun({ text: item.locator, size: 17 }));
    }
    if (item.translation.trim()) {
      out.push(new Paragraph({ numbering: { reference: 'evidence', level: 0, instance }, keepNext: true, children: [new TextRun({ text: `Original${item.language ? ` (${item.language})` : ''} and translation${item.translationLanguage ? ` (${item.translationLanguage})` : ''}:`, italics: true, size: 16 }), ...cite] }));
      const half = Math.floor((usableWidth - 360) / 2);
      out.push(
        new Table({
          width: { size: half * 2, type: WidthType.DXA },
          columnWidths: [half, half],
          indent: { size: 360, type: WidthType.DXA },
          borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
          rows: [
            new TableRow({
              cantSplit: true,
              children: [item.text, item.translation].map((v) => new TableCell({ width: { size: half, type: WidthType.DXA }, margins: { left: 0, right: 160 }, children: [new Paragraph({ children: quotedRuns(item, v) })] })),
            }),
          ],
        }),
      );
      if (meta.length) out.push(new Paragraph({ indent: { left: 360 }, spacing: { after: 120 }, children: meta }));
    } else {
      out.push(new Paragraph({ numbering: { reference: 'evidence', level: 0, instance }, keepNext: meta.length > 0, spacing: { after: meta.length ? 20 : 120 }, children: [...quotedRuns(item, item.text), ...cite] }));
      if (meta.length) out.push(new Paragraph({ indent: { left: 360 }, spacing: { after: 120 }, children: meta }));
    }
  }
  return out;
}

function blockParagraphs(ctx: Context, block: Block, usableWidth: number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text })] }), ...(block.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun({ text: block.subtitle })] })] : [])];
    case 'heading':
      return [new Paragraph({ heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun({ text: block.text })] })];
    case 'paragraph':
      return [new Paragraph({ children: inlineRuns(ctx, block.content, block.small ? 17 : undefined) })];
    case 'status':
      return [
        new Paragraph({
          keepNext: true,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: block.status.noData ? 'F4F4F4' : hex(block.status.tint) },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: hex(block.status.colour), space: 4 } },
          children: statusRuns(block.status, block.meta),
        }),
      ];
    case 'table':
      return tableOf(ctx, block.table, usableWidth);
    case 'tableNotes': {
      const out: Paragraph[] = [];
      if (block.legend) {
        out.push(
          new Paragraph({
            style: 'TableNote',
            spacing: { before: 80 },
            children: [new TextRun({ text: `${block.legendLabel ?? 'Status scale'} (colour and label): `, italics: true }), ...block.legend.flatMap((s) => [new TextRun({ text: '■ ', color: hex(s.colour) }), new TextRun({ text: `${s.label}    ` })])],
          }),
        );
      }
      for (const p of block.paragraphs) out.push(new Paragraph({ style: 'TableNote', children: inlineRuns(ctx, p) }));
      return out;
    }
    case 'fields':
      return block.items.map((f) => new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true, font: SANS, size: 17 }), new TextRun({ text: f.value })] }));
    case 'evidence':
      return evidenceParagraphs(ctx, block.items, usableWidth);
    case 'notes':
      // Word has real footnotes: the notes are at the foot of each page.
      return [];
    case 'bibliography':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: block.heading })] }), ...block.entries.map((e) => new Paragraph({ style: 'Bibliography', children: e.map((r) => runOf(r)) }))];
  }
}

export interface DocxOptions {
  paper: PaperSize;
}

/** The page as docx wants it: portrait width and height (docx swaps them for landscape) and the usable width. */
function pageOf(paper: PaperSize, orientation: PageOrientation) {
  const size = PAGE[paper];
  const landscape = orientation === 'landscape';
  return {
    size: { width: size.width, height: size.height, orientation: landscape ? DocxOrientation.LANDSCAPE : DocxOrientation.PORTRAIT },
    usable: (landscape ? size.height : size.width) - MARGIN.left - MARGIN.right,
  };
}

export async function renderDocx(doc: ExportDocument, options: DocxOptions): Promise<Buffer> {
  const ctx: Context = { footnotes: {}, listInstance: 0 };
  const sections = doc.sections.map((section) => {
    const page = pageOf(options.paper, section.orientation);
    const usable = page.usable;
    return {
      properties: { page: { size: page.size, margin: MARGIN } },
      headers: {
        default: new Header({ children: [new Paragraph({ style: 'RunningHead', children: [new TextRun({ text: doc.runningHead })] })] }),
      },
      footers: {
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, style: 'RunningHead', children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })] }),
      },
      children: section.blocks.flatMap((b) => blockParagraphs(ctx, b, usable)),
    };
  });
  const document = new Document({
    creator: doc.author,
    lastModifiedBy: doc.author,
    title: doc.title,
    subject: doc.subject,
    description: doc.subject,
    keywords: doc.kind,
    footnotes: ctx.footnotes,
    numbering: {
      config: [
        {
          reference: 'evidence',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
      ],
    },
    styles: {
      default: {
        document: { run: { font: SERIF, size: 19 }, paragraph: { spacing: { after: 100, line: 264 } } },
        title: { run: { font: SANS, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 60 } } },
        heading2: { run: { font: SANS, size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
        heading3: { run: { font: SANS, size: 19, bold: true, color: '000000' }, paragraph: { spacing: { before: 220, after: 60 }, keepNext: true } },
        footnoteText: { run: { font: SERIF, size: 16 }, paragraph: { spacing: { after: 40 } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { font: SANS, size: 18, color: '444444' }, paragraph: { spacing: { after: 200 } } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { font: SANS, size: 20, color: '000000' }, paragraph: { spacing: { before: 120, after: 120 }, keepNext: true } },
        { id: 'TableHeading', name: 'Table Heading', basedOn: 'Normal', run: { font: SANS, size: 17, bold: true }, paragraph: { spacing: { after: 0 } } },
        { id: 'RowHeader', name: 'Row Header', basedOn: 'Normal', run: { font: SANS, size: 17, bold: true }, paragraph: { spacing: { after: 0 } } },
        { id: 'TableNote', name: 'Table Note', basedOn: 'Normal', run: { size: 15 }, paragraph: { spacing: { after: 40, line: 240 } } },
        { id: 'Bibliography', name: 'Bibliography', basedOn: 'Normal', run: { size: 17 }, paragraph: { indent: { left: 480, hanging: 480 }, spacing: { after: 60 } } },
        { id: 'RunningHead', name: 'Running Head', basedOn: 'Normal', run: { font: SANS, size: 15, color: '555555' }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
