/**
 * The DOCX writer as it was before issue 22 (electron/core/export/docx.ts at e478cfd): every paragraph, run and table
 * built as a `docx` package object. Kept as the reference the direct WordprocessingML writer is held to
 * (tests/unit/docx-equivalence.test.ts): for the same document the two write the same document.xml and footnotes.xml.
 * Not used by the product.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImportedXmlComponent,
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
import { fitColumns } from '../../electron/core/export/columns';
import { languageSpans, WORD_LANGUAGE } from '../../electron/core/export/hyphenate';
import { messagesFor, type ExportMessages } from '../../electron/core/export/i18n';
import { isBreak, isCite, type Cite, type Inline, type TextRun as Run } from '../../electron/core/export/inline';
import { contentWithCite, markOf, noteMarksOf, type Block, type CellModel, type EvidenceItem, type ExportDocument, type NoteMarks, type StatusMark, type TableModel } from '../../electron/core/export/model';
import type { PageOrientation, PaperSize } from '../../electron/core/export/types';

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
  /** The letters of notes set under their table (absent: a real footnote). */
  letters: ReadonlyMap<string, string>;
  /** The document's words (i18n/). */
  m: ExportMessages;
}

type RunOptions = Omit<ConstructorParameters<typeof TextRun>[0] & object, 'text' | 'language' | 'children'>;

/** Long compounds with a slash ("officials/commentators") may break after it (a zero-width space), as in the PDF. */
function breakableSlashes(value: string): string {
  // Most runs have no slash: no scan of every run for long words.
  if (!value.includes('/')) return value;
  return value.replace(/[^\s]{16,}/g, (word) => word.replace(/(?<=[\p{L}\d]{3})\/(?=[\p{L}\d]{3})/gu, '/\u200b'));
}

/** Runs of text, one per language stretch, each marked with its language for Word's proofing tools. */
function textRuns(value: string, options: RunOptions = {}): TextRun[] {
  return languageSpans(breakableSlashes(value)).map((span) => new TextRun({ ...options, text: span.text, language: { value: WORD_LANGUAGE[span.lang] } }));
}

function runOf(run: Run, base: { size?: number; font?: string; color?: string } = {}): TextRun[] {
  return textRuns(run.text, {
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

const runsOf = (runs: readonly Run[], base: { size?: number } = {}) => runs.flatMap((r) => runOf(r, base));

function citeRuns(ctx: Context, cite: Cite, size?: number): ParagraphChild[] {
  if (cite.noteNumber !== null) {
    const letter = ctx.letters.get(cite.id);
    if (letter) return [new TextRun({ text: letter, superScript: true, bold: true, font: SANS, ...(size ? { size } : {}) })];
    const key = String(cite.noteNumber);
    // Word puts the number and the text together; a space keeps them apart, as in print.
    ctx.footnotes[key] ??= { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun({ text: ' ' }), ...runsOf(cite.runs)] })] };
    return [new FootnoteReferenceRun(cite.noteNumber)];
  }
  return [new TextRun({ text: ' ', ...(size ? { size } : {}) }), ...runsOf(cite.runs, size ? { size } : {})];
}

function inlineRuns(ctx: Context, content: readonly Inline[], size?: number): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const x of content) {
    if (isCite(x)) out.push(...citeRuns(ctx, x.cite, size));
    else if (isBreak(x)) out.push(new TextRun({ text: '', break: 1 }));
    else out.push(...runOf(x, size ? { size } : {}));
  }
  return out;
}

function statusRuns(status: StatusMark, meta: string | undefined, size = 16): ParagraphChild[] {
  return [
    new TextRun({ text: '■ ', color: hex(status.colour), font: SANS, size }),
    ...textRuns(status.label, { bold: !status.noData, italics: status.noData, font: SANS, size }),
    ...(meta ? textRuns(`  ${meta}`, { font: SANS, size: size - 2, color: '333333' }) : []),
  ];
}

function cellParagraphs(ctx: Context, cell: CellModel): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const alignment = cell.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  if (cell.status) {
    paragraphs.push(new Paragraph({ spacing: { after: 20 }, keepNext: true, children: statusRuns(cell.status, undefined) }));
    if (cell.meta) paragraphs.push(new Paragraph({ spacing: { after: 40 }, children: textRuns(cell.meta, { font: SANS, size: 14, color: '333333' }) }));
  }
  if (cell.content.length > 0 || cell.cite) {
    const runs = inlineRuns(ctx, contentWithCite(cell.content, cell.cite), cell.header ? 17 : 18);
    paragraphs.push(new Paragraph({ alignment, children: runs, style: cell.header ? 'RowHeader' : undefined }));
  }
  if (paragraphs.length === 0) paragraphs.push(new Paragraph({ children: [] }));
  return paragraphs;
}

function tableOf(ctx: Context, table: TableModel, usableWidth: number): (Paragraph | Table)[] {
  // Words are sized whole: Word hyphenates (automatic hyphenation is on) but other readers may not.
  const widths = fitColumns(table, usableWidth, { body: 9, label: 8.5, status: 8, meta: 7, padding: 10, mark: 9 }, { whole: true }, 20).map(Math.floor);
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
              children: [...textRuns(c.label), ...(c.note ? [new TextRun({ text: '', break: 1 }), ...textRuns(c.note, { italics: true, bold: false, size: 14 })] : [])],
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
            children: [new Paragraph({ style: 'TableHeading', keepNext: true, children: textRuns(row.group) })],
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
  // The number is a SEQ Table field with its value stored, as Word's Insert Caption makes it: Word renumbers it when
  // the table is moved into an article, and readers that do not compute fields (mammoth, converters) show the value.
  const caption = new Paragraph({
    style: 'Caption',
    keepNext: true,
    children: [
      ...captionLabel(ctx.m, table),
      ...textRuns(table.caption),
    ],
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

/**
 * A SEQ field as Word's Insert Caption writes it (begin, instruction, separate, its value, end), in bold. The `docx`
 * package's SequentialIdentifier stores no value and its SimpleField (w:fldSimple) is not read by some readers.
 */
function seqField(identifier: string, value: number): ParagraphChild[] {
  const run = (inner: string) => ImportedXmlComponent.fromXmlString(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr>${inner}</w:r>`) as unknown as TextRun;
  return [
    run('<w:fldChar w:fldCharType="begin"/>'),
    run(`<w:instrText xml:space="preserve"> SEQ ${identifier} \\* ARABIC </w:instrText>`),
    run('<w:fldChar w:fldCharType="separate"/>'),
    run(`<w:t>${value}</w:t>`),
    run('<w:fldChar w:fldCharType="end"/>'),
  ];
}

/**
 * "Table {SEQ}. " in the document's language, the number a field wherever the language puts it ("1-кесте" in Kazakh).
 * The field's identifier stays "Table", as Word's own caption label for tables is named whatever the UI language.
 */
function captionLabel(m: ExportMessages, table: TableModel): ParagraphChild[] {
  const label = m.tableLabel(table.number);
  const at = label.indexOf(String(table.number));
  const before = label.slice(0, at);
  const after = label.slice(at + String(table.number).length);
  return [
    ...(before ? [new TextRun({ text: before, bold: true })] : []),
    ...seqField('Table', table.number),
    new TextRun({ text: `${after}${table.part ? ` (${m.partOf(table.part.index, table.part.count)})` : ''}. `, bold: true }),
  ];
}

function quotedRuns(item: EvidenceItem, value: string, m: ExportMessages): ParagraphChild[] {
  const body = value.trim();
  return item.textKind === 'quote' ? textRuns(`“${body}”`) : [...textRuns(body), ...textRuns(` (${m.paraphrase})`, { italics: true })];
}

function evidenceParagraphs(ctx: Context, items: EvidenceItem[], usableWidth: number): (Paragraph | Table)[] {
  const instance = ++ctx.listInstance;
  const out: (Paragraph | Table)[] = [];
  for (const item of items) {
    const cite = item.cite ? (item.cite.noteNumber !== null ? citeRuns(ctx, item.cite) : []) : [];
    const meta: ParagraphChild[] = [];
    if (item.attribution) meta.push(...textRuns(item.attribution, { italics: true, size: 17 }));
    if (item.cite && item.cite.noteNumber === null) {
      if (meta.length) meta.push(new TextRun({ text: ' · ', size: 17 }));
      meta.push(...runsOf(item.cite.runs, { size: 17 }));
    } else if (!item.cite && item.locator) {
      if (meta.length) meta.push(new TextRun({ text: ' · ', size: 17 }));
      meta.push(...textRuns(item.locator, { size: 17 }));
    }
    if (item.translation.trim()) {
      out.push(new Paragraph({ numbering: { reference: 'evidence', level: 0, instance }, keepNext: true, children: [new TextRun({ text: `${ctx.m.originalAndTranslation(item.language, item.translationLanguage)}:`, italics: true, size: 16 }), ...cite] }));
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
              children: [item.text, item.translation].map((v) => new TableCell({ width: { size: half, type: WidthType.DXA }, margins: { left: 0, right: 160 }, children: [new Paragraph({ children: quotedRuns(item, v, ctx.m) })] })),
            }),
          ],
        }),
      );
      if (meta.length) out.push(new Paragraph({ indent: { left: 360 }, spacing: { after: 120 }, children: meta }));
    } else {
      out.push(new Paragraph({ numbering: { reference: 'evidence', level: 0, instance }, keepNext: meta.length > 0, spacing: { after: meta.length ? 20 : 120 }, children: [...quotedRuns(item, item.text, ctx.m), ...cite] }));
      if (meta.length) out.push(new Paragraph({ indent: { left: 360 }, spacing: { after: 120 }, children: meta }));
    }
  }
  return out;
}

function blockParagraphs(ctx: Context, block: Block, usableWidth: number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(block.text) }), ...(block.subtitle ? [new Paragraph({ style: 'Subtitle', children: textRuns(block.subtitle) })] : [])];
    case 'heading':
      return [new Paragraph({ heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: textRuns(block.text) })];
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
            children: [new TextRun({ text: `${block.legendLabel ?? ctx.m.statusScale} (${ctx.m.colourAndLabel}): `, italics: true }), ...block.legend.flatMap((s) => [new TextRun({ text: '■ ', color: hex(s.colour) }), ...textRuns(`${s.label}    `)])],
          }),
        );
      }
      for (const p of block.paragraphs) out.push(new Paragraph({ style: 'TableNote', children: inlineRuns(ctx, p) }));
      return out;
    }
    case 'fields':
      return block.items.map((f) => new Paragraph({ children: [...textRuns(`${f.label}: `, { bold: true, font: SANS, size: 17 }), ...textRuns(f.value)] }));
    case 'evidence':
      return evidenceParagraphs(ctx, block.items, usableWidth);
    case 'notes': {
      // Lettered notes are set under their table; numbered ones are real footnotes at the foot of the page.
      const lettered = block.cites.filter((c) => ctx.letters.has(c.id));
      return lettered.map(
        (c, i) =>
          new Paragraph({
            style: 'TableNote',
            spacing: { before: i === 0 ? 80 : 0, after: 40 },
            children: [new TextRun({ text: markOf(ctx.letters, c), superScript: true, bold: true, font: SANS }), new TextRun({ text: ' ' }), ...runsOf(c.runs)],
          }),
      );
    }
    case 'bibliography':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(block.heading) }), ...block.entries.map((e) => new Paragraph({ style: 'Bibliography', children: runsOf(e) }))];
  }
}

export interface DocxOptions {
  paper: PaperSize;
  /** Default letters. */
  noteMarks?: NoteMarks | undefined;
}

/**
 * The font table: the two faces with their family, pitch and PANOSE numbers and a common alternative, from which
 * Word and LibreOffice choose a like face when Noto is not installed (the `docx` package writes an empty table).
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${SERIF}"><w:altName w:val="Cambria"/><w:panose1 w:val="02020600060500020200"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="${SANS}"><w:altName w:val="Arial"/><w:panose1 w:val="020B0502040504020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Cambria"><w:panose1 w:val="02040503050406030204"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

/** The page as docx wants it: portrait width and height (docx swaps them for landscape) and the usable width. */
function pageOf(paper: PaperSize, orientation: PageOrientation) {
  const size = PAGE[paper];
  const landscape = orientation === 'landscape';
  return {
    size: { width: size.width, height: size.height, orientation: landscape ? DocxOrientation.LANDSCAPE : DocxOrientation.PORTRAIT },
    usable: (landscape ? size.height : size.width) - MARGIN.left - MARGIN.right,
  };
}

export async function renderDocxReference(doc: ExportDocument, options: DocxOptions): Promise<Buffer> {
  const marks = options.noteMarks ?? 'letters';
  const ctx: Context = { footnotes: {}, listInstance: 0, letters: marks === 'letters' ? noteMarksOf(doc, 'letters') : new Map(), m: messagesFor(doc.language) };
  const sections = doc.sections.map((section) => {
    const page = pageOf(options.paper, section.orientation);
    const usable = page.usable;
    return {
      properties: { page: { size: page.size, margin: MARGIN } },
      headers: {
        default: new Header({ children: [new Paragraph({ style: 'RunningHead', children: textRuns(doc.runningHead) })] }),
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
    keywords: messagesFor(doc.language).kinds[doc.kind],
    footnotes: ctx.footnotes,
    hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true },
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
        document: { run: { font: SERIF, size: 19, language: { value: WORD_LANGUAGE[doc.language] } }, paragraph: { spacing: { after: 100, line: 264 } } },
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
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
