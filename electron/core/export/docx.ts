/**
 * DOCX: an editable Word document with the same content as the PDF. Tables are real Word tables (header row repeated
 * on every page, rows not split, status as bold text with a coloured mark and a tinted cell, column widths from
 * content), captions are Word captions ("Table {SEQ Table}"), and the bibliography closes the document. Notes of note
 * styles are lettered table notes under their table (Chicago 3.77), or real Word footnotes when numbers are asked
 * for; citations of author-date styles are text. Every run carries its language (en-GB, ru-RU, kk-KZ) for Word's
 * spelling and hyphenation. Fonts are named (Noto Serif / Noto Sans), not embedded, and declared in the font table
 * with their family and PANOSE numbers and a common alternative, so that Word substitutes a like face where they are
 * not installed.
 *
 * The `docx` package writes the document's shell (styles, numbering, settings, headers and footers, the footnotes
 * part, properties) around a placeholder paragraph per section; the body and the footnotes are written as XML
 * (docx-body.ts) and spliced in, and the package is zipped with Node's zlib (docx-zip.ts).
 */
import { unzipSync } from 'fflate';
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, PageOrientation as DocxOrientation, Paragraph, TextRun } from 'docx';
import { breakableSlashes, evidenceLists, sectionXml, SANS, SERIF, type BodyContext } from './docx-body';
import { writeZip } from './docx-zip';
import { languageSpans, WORD_LANGUAGE } from './hyphenate';
import { messagesFor } from './i18n';
import { noteMarksOf, type ExportDocument, type NoteMarks } from './model';
import type { PageOrientation, PaperSize } from './types';

/** Page sizes in twips (portrait). */
const PAGE: Record<PaperSize, { width: number; height: number }> = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } };
const MARGIN = { top: 1080, bottom: 1000, left: 850, right: 850, header: 500, footer: 500 };

/** The running head's runs, one per language stretch (the shell's only text besides the page numbers). */
function headRuns(value: string): TextRun[] {
  return languageSpans(breakableSlashes(value)).map((span) => new TextRun({ text: span.text, language: { value: WORD_LANGUAGE[span.lang] } }));
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

/** A paragraph of the shell that the body replaces; its text, `#S<section>` or `#N<list>`, is all the shell's body text. */
const PLACEHOLDER = /<w:p>(?:<w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr>)?<w:r><w:t xml:space="preserve">#([SN])(\d+)<\/w:t><\/w:r><\/w:p>/g;

export async function renderDocx(doc: ExportDocument, options: DocxOptions): Promise<Buffer> {
  const marks = options.noteMarks ?? 'letters';
  const m = messagesFor(doc.language);
  const pages = doc.sections.map((section) => pageOf(options.paper, section.orientation));
  // Each evidence list with items is a numbering instance of its own (its numbers start at 1); a placeholder paragraph
  // in the shell makes the package write it and tells its numId.
  let instance = 0;
  const sections = doc.sections.map((section, i) => {
    const lists = evidenceLists(section.blocks).map((hasItems) => ({ instance: ++instance, hasItems })).filter((l) => l.hasItems);
    return {
      properties: { page: { size: pages[i]!.size, margin: MARGIN } },
      headers: {
        default: new Header({ children: [new Paragraph({ style: 'RunningHead', children: headRuns(doc.runningHead) })] }),
      },
      footers: {
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, style: 'RunningHead', children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })] }),
      },
      children: [
        ...lists.map((l) => new Paragraph({ numbering: { reference: 'evidence', level: 0, instance: l.instance }, children: [new TextRun(`#N${l.instance}`)] })),
        new Paragraph({ children: [new TextRun(`#S${i}`)] }),
      ],
    };
  });
  const document = new Document({
    creator: doc.author,
    lastModifiedBy: doc.author,
    title: doc.title,
    subject: doc.subject,
    description: doc.subject,
    keywords: messagesFor(doc.language).kinds[doc.kind],
    footnotes: {},
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
  const shell = unzipSync(await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]));
  const part = (name: string) => Buffer.from(shell[name] ?? []).toString('utf8');

  const documentXml = part('word/document.xml');
  const bodyStart = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const numIds = new Map<number, number>();
  const sectPrs: (string | null)[] = [];
  let bodyEnd = bodyStart;
  for (const match of documentXml.slice(bodyStart).matchAll(PLACEHOLDER)) {
    const [, props = '', kind, n] = match;
    if (kind === 'N') numIds.set(Number(n), Number(/<w:numId w:val="(\d+)"\/>/.exec(props)?.[1]));
    else sectPrs.push(/<w:sectPr>.*<\/w:sectPr>/.exec(props)?.[0] ?? null);
    bodyEnd = bodyStart + match.index + match[0].length;
  }
  if (sectPrs.length !== doc.sections.length) throw new Error('the DOCX shell lacks a section placeholder');

  const ctx: BodyContext = { footnotes: new Map(), listInstance: 0, numIds, letters: marks === 'letters' ? noteMarksOf(doc, 'letters') : new Map(), m };
  const body = doc.sections.map((section, i) => sectionXml(ctx, section.blocks, pages[i]!.usable, i < doc.sections.length - 1 ? sectPrs[i]! : null)).join('');
  const footnotesXml = part('word/footnotes.xml');
  const notes = [...ctx.footnotes].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml).join('');
  const at = footnotesXml.lastIndexOf('</w:footnotes>');

  const replaced: Record<string, string> = {
    'word/document.xml': documentXml.slice(0, bodyStart) + body + documentXml.slice(bodyEnd),
    'word/footnotes.xml': footnotesXml.slice(0, at) + notes + footnotesXml.slice(at),
  };
  return writeZip(Object.entries(shell).map(([name, data]) => ({ name, data: name in replaced ? Buffer.from(replaced[name]!, 'utf8') : data })));
}
