/**
 * The body of a DOCX (its paragraphs and tables) and its footnotes, written as WordprocessingML strings. Building a
 * `docx` package object for every run and cell and serialising them cost most of an export (issue 22: about 20 times
 * the package writing a plain table of the same text), so docx.ts keeps the package for the document's shell (styles,
 * numbering, settings, headers, the footnotes part) and splices these strings into it.
 *
 * The XML is what the `docx` package wrote for the same document, element for element and byte for byte (the writer
 * it replaces is kept as tests/helpers/docx-reference.ts and held equal by tests/unit/docx-equivalence.test.ts), so
 * every quality of the DOCX stays: real Word tables with header rows repeated, rows kept whole, captions with a SEQ
 * field, lettered table notes or real footnotes with a space after the number, and a `w:lang` on every run of text.
 */
import { fitColumns } from './columns';
import { languageSpans, WORD_LANGUAGE } from './hyphenate';
import type { ExportMessages } from './i18n';
import { isBreak, isCite, type Cite, type Inline, type TextRun as Run } from './inline';
import { contentWithCite, markOf, type Block, type CellModel, type EvidenceItem, type StatusMark, type TableModel } from './model';

export const SERIF = 'Noto Serif';
export const SANS = 'Noto Sans';

const hex = (colour: string) => colour.replace('#', '').toUpperCase();

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- the control characters are what XML 1.0 cannot hold
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;

/** Text for an element or attribute; characters XML 1.0 cannot hold (C0 controls but tab and line ends) are dropped. */
export function escapeXml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(TO_ESCAPE, (c) => ESCAPES[c] ?? '') : value;
}

/** Run properties, in the order of CT_RPr (the order the `docx` package writes them in). */
interface RunProps {
  style?: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  smallCaps?: boolean;
  color?: string;
  size?: number;
  sub?: boolean;
  sup?: boolean;
  lang?: string;
}

const onOff = (name: string, value: boolean) => (value ? `<${name}/>` : `<${name} w:val="false"/>`);

/** The properties but the language, which comes last (textRuns adds it per language stretch). */
function runPropsBody(p: RunProps): string {
  let x = '';
  if (p.style) x += `<w:rStyle w:val="${p.style}"/>`;
  if (p.font) x += `<w:rFonts w:ascii="${p.font}" w:cs="${p.font}" w:eastAsia="${p.font}" w:hAnsi="${p.font}"/>`;
  if (p.bold !== undefined) x += onOff('w:b', p.bold) + onOff('w:bCs', p.bold);
  if (p.italics !== undefined) x += onOff('w:i', p.italics) + onOff('w:iCs', p.italics);
  if (p.smallCaps !== undefined) x += onOff('w:smallCaps', p.smallCaps);
  if (p.color) x += `<w:color w:val="${p.color}"/>`;
  if (p.size) x += `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>`;
  if (p.sub) x += '<w:vertAlign w:val="subscript"/>';
  if (p.sup) x += '<w:vertAlign w:val="superscript"/>';
  return x;
}

function runProps(p: RunProps): string {
  const x = runPropsBody(p) + (p.lang ? `<w:lang w:val="${p.lang}"/>` : '');
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** One run of text (no language given: it takes the paragraph's or the document's). */
const run = (text: string, p: RunProps = {}) => `<w:r>${runProps(p)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const LINE_BREAK = '<w:r><w:br/><w:t xml:space="preserve"></w:t></w:r>';

/** Long compounds with a slash ("officials/commentators") may break after it (a zero-width space), as in the PDF. */
export function breakableSlashes(value: string): string {
  // Most runs have no slash: no scan of every run for long words.
  if (!value.includes('/')) return value;
  return value.replace(/[^\s]{16,}/g, (word) => word.replace(/(?<=[\p{L}\d]{3})\/(?=[\p{L}\d]{3})/gu, '/\u200b'));
}

/** Runs of text, one per language stretch, each marked with its language for Word's proofing tools. */
function textRuns(value: string, p: RunProps = {}): string {
  const body = runPropsBody(p);
  let x = '';
  for (const span of languageSpans(breakableSlashes(value))) x += `<w:r><w:rPr>${body}<w:lang w:val="${WORD_LANGUAGE[span.lang]}"/></w:rPr><w:t xml:space="preserve">${escapeXml(span.text)}</w:t></w:r>`;
  return x;
}

function runOf(r: Run, size?: number): string {
  return textRuns(r.text, { bold: r.bold ?? false, italics: r.italic ?? false, smallCaps: r.smallCaps ?? false, sub: r.sub ?? false, sup: r.sup ?? false, ...(size ? { size } : {}) });
}

const runsOf = (runs: readonly Run[], size?: number) => runs.map((r) => runOf(r, size)).join('');

/** Paragraph properties, in the order of CT_PPr. */
interface ParaProps {
  style?: string;
  keepNext?: boolean;
  numId?: number;
  /** A left rule: its colour. */
  rule?: string;
  fill?: string;
  spacing?: { after?: number; before?: number; line?: number };
  indent?: number;
  alignment?: 'left' | 'right' | 'center';
}

function paraProps(p: ParaProps): string {
  let x = '';
  if (p.numId !== undefined && !p.style) x += '<w:pStyle w:val="ListParagraph"/>';
  if (p.style) x += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext !== undefined) x += onOff('w:keepNext', p.keepNext);
  if (p.numId !== undefined) x += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.numId}"/></w:numPr>`;
  if (p.rule) x += `<w:pBdr><w:left w:val="single" w:color="${p.rule}" w:sz="18" w:space="4"/></w:pBdr>`;
  if (p.fill) x += `<w:shd w:fill="${p.fill}" w:color="auto" w:val="clear"/>`;
  if (p.spacing) {
    const s = p.spacing;
    x += `<w:spacing${s.after !== undefined ? ` w:after="${s.after}"` : ''}${s.before !== undefined ? ` w:before="${s.before}"` : ''}${s.line !== undefined ? ` w:line="${s.line}"` : ''}/>`;
  }
  if (p.indent !== undefined) x += `<w:ind w:left="${p.indent}"/>`;
  if (p.alignment) x += `<w:jc w:val="${p.alignment}"/>`;
  return x;
}

/** A paragraph (`<w:p/>` when it has neither properties nor runs, as the `docx` package writes an empty one). */
function paragraph(p: ParaProps, runs: string): string {
  const props = paraProps(p);
  return props || runs ? `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>` : '<w:p/>';
}

interface Border {
  style: 'single' | 'none';
  size: number;
  color: string;
}
const NONE: Border = { style: 'none', size: 0, color: 'FFFFFF' };
const border = (side: string, b: Border) => `<w:${side} w:val="${b.style}" w:color="${b.color}" w:sz="${b.size}"/>`;
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => border(s, NONE)).join('')}</w:tblBorders>`;

interface CellProps {
  width?: number;
  span?: number;
  borders?: { top: Border; left: Border; bottom: Border; right: Border };
  fill?: string;
  margins?: { top?: number; left?: number; bottom?: number; right?: number };
  bottomAligned?: boolean;
}

function cell(p: CellProps, content: string): string {
  let x = '';
  if (p.width !== undefined) x += `<w:tcW w:type="dxa" w:w="${p.width}"/>`;
  if (p.span) x += `<w:gridSpan w:val="${p.span}"/>`;
  if (p.borders) x += `<w:tcBorders>${border('top', p.borders.top)}${border('left', p.borders.left)}${border('bottom', p.borders.bottom)}${border('right', p.borders.right)}</w:tcBorders>`;
  if (p.fill) x += `<w:shd w:fill="${p.fill}" w:color="auto" w:val="clear"/>`;
  if (p.margins) {
    const m = p.margins;
    x += `<w:tcMar>${(['top', 'left', 'bottom', 'right'] as const).map((side) => (m[side] !== undefined ? `<w:${side} w:type="dxa" w:w="${m[side]}"/>` : '')).join('')}</w:tcMar>`;
  }
  if (p.bottomAligned) x += '<w:vAlign w:val="bottom"/>';
  return `<w:tc>${x ? `<w:tcPr>${x}</w:tcPr>` : ''}${content}</w:tc>`;
}

function row(props: { cantSplit: boolean; header?: boolean }, cells: string): string {
  return `<w:tr><w:trPr>${props.cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>'}${props.header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
}

function table(props: { width: number; columns: readonly number[]; indent?: number; fixed?: boolean }, rows: string): string {
  const indent = props.indent !== undefined ? `<w:tblInd w:type="dxa" w:w="${props.indent}"/>` : '';
  const layout = props.fixed ? '<w:tblLayout w:type="fixed"/>' : '';
  return `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${props.width}"/>${indent}${TABLE_BORDERS}${layout}</w:tblPr><w:tblGrid>${props.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`;
}

export interface BodyContext {
  /** Real footnotes by number: their XML (`<w:footnote>`), in the footnotes part. */
  footnotes: Map<number, string>;
  /** The numbering instance of each evidence list, in order (the `docx` package's numId for each, docx.ts). */
  listInstance: number;
  numIds: ReadonlyMap<number, number>;
  /** The letters of notes set under their table (absent: a real footnote). */
  letters: ReadonlyMap<string, string>;
  /** The document's words (i18n/). */
  m: ExportMessages;
}

/** A footnote as Word writes one: the number (the reference mark style), a space, the text. */
function footnote(id: number, runs: string): string {
  return `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(' ')}${runs}</w:p></w:footnote>`;
}

function citeRuns(ctx: BodyContext, cite: Cite, size?: number): string {
  if (cite.noteNumber !== null) {
    const letter = ctx.letters.get(cite.id);
    if (letter) return run(letter, { font: SANS, bold: true, ...(size ? { size } : {}), sup: true });
    if (!ctx.footnotes.has(cite.noteNumber)) ctx.footnotes.set(cite.noteNumber, footnote(cite.noteNumber, runsOf(cite.runs)));
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${cite.noteNumber}"/></w:r>`;
  }
  return run(' ', size ? { size } : {}) + runsOf(cite.runs, size);
}

function inlineRuns(ctx: BodyContext, content: readonly Inline[], size?: number): string {
  let x = '';
  for (const item of content) {
    if (isCite(item)) x += citeRuns(ctx, item.cite, size);
    else if (isBreak(item)) x += LINE_BREAK;
    else x += runOf(item, size);
  }
  return x;
}

function statusRuns(status: StatusMark, meta: string | undefined, size = 16): string {
  return (
    run('■ ', { font: SANS, color: hex(status.colour), size }) +
    textRuns(status.label, { font: SANS, bold: !status.noData, italics: status.noData, size }) +
    (meta ? textRuns(`  ${meta}`, { font: SANS, color: '333333', size: size - 2 }) : '')
  );
}

function cellParagraphs(ctx: BodyContext, c: CellModel): string {
  let x = '';
  if (c.status) {
    x += paragraph({ keepNext: true, spacing: { after: 20 } }, statusRuns(c.status, undefined));
    if (c.meta) x += paragraph({ spacing: { after: 40 } }, textRuns(c.meta, { font: SANS, color: '333333', size: 14 }));
  }
  if (c.content.length > 0 || c.cite) {
    const runs = inlineRuns(ctx, contentWithCite(c.content, c.cite), c.header ? 17 : 18);
    x += paragraph({ ...(c.header ? { style: 'RowHeader' } : {}), alignment: c.align === 'right' ? 'right' : 'left' }, runs);
  }
  return x || '<w:p/>';
}

const RULE_TOP: Border = { style: 'single', size: 10, color: '000000' };
const CELL_MARGINS = { top: 70, bottom: 90, left: 100, right: 100 };

function tableBlock(ctx: BodyContext, t: TableModel, usableWidth: number): string {
  // Words are sized whole: Word hyphenates (automatic hyphenation is on) but other readers may not.
  const widths = fitColumns(t, usableWidth, { body: 9, label: 8.5, status: 8, meta: 7, padding: 10, mark: 9 }, { whole: true }, 20).map(Math.floor);
  const headerCells = t.columns
    .map((c, i) =>
      cell(
        { width: widths[i]!, borders: { top: RULE_TOP, left: NONE, bottom: { style: 'single', size: 6, color: '000000' }, right: NONE }, margins: CELL_MARGINS, bottomAligned: true },
        paragraph({ style: 'TableHeading' }, textRuns(c.label) + (c.note ? LINE_BREAK + textRuns(c.note, { bold: false, italics: true, size: 14 }) : '')),
      ),
    )
    .join('');
  let rows = row({ cantSplit: true, header: true }, headerCells);
  // A group heading spans the table: the `docx` package gave it the table's width (not the floored columns' sum).
  t.rows.forEach((r, index) => {
    const bottom: Border = index === t.rows.length - 1 ? RULE_TOP : { style: 'single', size: 3, color: '9A9A9A' };
    if ('group' in r) {
      rows += row(
        { cantSplit: true },
        cell(
          { width: usableWidth, span: t.columns.length, borders: { top: NONE, left: NONE, bottom: { style: 'single', size: 4, color: '555555' }, right: NONE }, fill: 'ECECEC', margins: CELL_MARGINS },
          paragraph({ style: 'TableHeading', keepNext: true }, textRuns(r.group)),
        ),
      );
      return;
    }
    let cells = '';
    r.cells.forEach((c, i) => {
      const marked = c.status && !c.header ? c.status : undefined;
      cells += cell(
        {
          width: widths[i]!,
          borders: { top: NONE, left: marked ? { style: 'single', size: 18, color: hex(marked.colour) } : NONE, bottom, right: NONE },
          ...(marked ? { fill: marked.noData ? 'F4F4F4' : hex(marked.tint) } : {}),
          margins: CELL_MARGINS,
        },
        cellParagraphs(ctx, c),
      );
    });
    rows += row({ cantSplit: !r.breakable }, cells);
  });
  return paragraph({ style: 'Caption', keepNext: true }, captionLabel(ctx.m, t) + textRuns(t.caption)) + table({ width: usableWidth, columns: widths, fixed: true }, rows);
}

/**
 * A SEQ field as Word's Insert Caption writes it (begin, instruction, separate, its value, end), in bold: Word
 * renumbers it when the table is moved into an article, and readers that do not compute fields show the value.
 */
function seqField(identifier: string, value: number): string {
  const bold = (inner: string) => `<w:r><w:rPr><w:b/><w:bCs/></w:rPr>${inner}</w:r>`;
  return (
    bold('<w:fldChar w:fldCharType="begin"/>') +
    bold(`<w:instrText xml:space="preserve"> SEQ ${identifier} \\* ARABIC </w:instrText>`) +
    bold('<w:fldChar w:fldCharType="separate"/>') +
    bold(`<w:t>${value}</w:t>`) +
    bold('<w:fldChar w:fldCharType="end"/>')
  );
}

/**
 * "Table {SEQ}. " in the document's language, the number a field wherever the language puts it ("1-кесте" in Kazakh).
 * The field's identifier stays "Table", as Word's own caption label for tables is named whatever the UI language.
 */
function captionLabel(m: ExportMessages, t: TableModel): string {
  const label = m.tableLabel(t.number);
  const at = label.indexOf(String(t.number));
  const before = label.slice(0, at);
  const after = label.slice(at + String(t.number).length);
  return (before ? run(before, { bold: true }) : '') + seqField('Table', t.number) + run(`${after}${t.part ? ` (${m.partOf(t.part.index, t.part.count)})` : ''}. `, { bold: true });
}

function quotedRuns(item: EvidenceItem, value: string, m: ExportMessages): string {
  const body = value.trim();
  return item.textKind === 'quote' ? textRuns(`“${body}”`) : textRuns(body) + textRuns(` (${m.paraphrase})`, { italics: true });
}

function evidenceParagraphs(ctx: BodyContext, items: EvidenceItem[], usableWidth: number): string {
  const numId = ctx.numIds.get(++ctx.listInstance);
  let x = '';
  for (const item of items) {
    if (numId === undefined) throw new Error('an evidence list without its numbering');
    const cite = item.cite?.noteNumber != null ? citeRuns(ctx, item.cite) : '';
    let meta = '';
    if (item.attribution) meta += textRuns(item.attribution, { italics: true, size: 17 });
    if (item.cite && item.cite.noteNumber === null) {
      if (meta) meta += run(' · ', { size: 17 });
      meta += runsOf(item.cite.runs, 17);
    } else if (!item.cite && item.locator) {
      if (meta) meta += run(' · ', { size: 17 });
      meta += textRuns(item.locator, { size: 17 });
    }
    if (item.translation.trim()) {
      x += paragraph({ keepNext: true, numId }, run(`${ctx.m.originalAndTranslation(item.language, item.translationLanguage)}:`, { italics: true, size: 16 }) + cite);
      const half = Math.floor((usableWidth - 360) / 2);
      const sides = [item.text, item.translation].map((v) => cell({ width: half, margins: { left: 0, right: 160 } }, paragraph({}, quotedRuns(item, v, ctx.m)))).join('');
      x += table({ width: half * 2, columns: [half, half], indent: 360 }, row({ cantSplit: true }, sides));
      if (meta) x += paragraph({ spacing: { after: 120 }, indent: 360 }, meta);
    } else {
      x += paragraph({ keepNext: meta.length > 0, numId, spacing: { after: meta ? 20 : 120 } }, quotedRuns(item, item.text, ctx.m) + cite);
      if (meta) x += paragraph({ spacing: { after: 120 }, indent: 360 }, meta);
    }
  }
  return x;
}

/** How many evidence lists (numbering instances) the blocks hold, and which of them have items. */
export function evidenceLists(blocks: readonly Block[]): boolean[] {
  return blocks.filter((b) => b.type === 'evidence').map((b) => b.items.length > 0);
}

/** The XML of a block (nothing for an empty one, e.g. notes that are all real footnotes). */
export function blockXml(ctx: BodyContext, block: Block, usableWidth: number): string {
  switch (block.type) {
    case 'title':
      return paragraph({ style: 'Title' }, textRuns(block.text)) + (block.subtitle ? paragraph({ style: 'Subtitle' }, textRuns(block.subtitle)) : '');
    case 'heading':
      return paragraph({ style: block.level === 2 ? 'Heading2' : 'Heading3' }, textRuns(block.text));
    case 'paragraph':
      return paragraph({}, inlineRuns(ctx, block.content, block.small ? 17 : undefined));
    case 'status':
      return paragraph({ keepNext: true, rule: hex(block.status.colour), fill: block.status.noData ? 'F4F4F4' : hex(block.status.tint) }, statusRuns(block.status, block.meta));
    case 'table':
      return tableBlock(ctx, block.table, usableWidth);
    case 'tableNotes': {
      let x = '';
      if (block.legend) {
        const legend = block.legend.map((s) => run('■ ', { color: hex(s.colour) }) + textRuns(`${s.label}    `)).join('');
        x += paragraph({ style: 'TableNote', spacing: { before: 80 } }, run(`${block.legendLabel ?? ctx.m.statusScale} (${ctx.m.colourAndLabel}): `, { italics: true }) + legend);
      }
      for (const p of block.paragraphs) x += paragraph({ style: 'TableNote' }, inlineRuns(ctx, p));
      return x;
    }
    case 'fields':
      return block.items.map((f) => paragraph({}, textRuns(`${f.label}: `, { font: SANS, bold: true, size: 17 }) + textRuns(f.value))).join('');
    case 'evidence':
      return evidenceParagraphs(ctx, block.items, usableWidth);
    case 'notes':
      // Lettered notes are set under their table; numbered ones are real footnotes at the foot of the page.
      return block.cites
        .filter((c) => ctx.letters.has(c.id))
        .map((c, i) => paragraph({ style: 'TableNote', spacing: { after: 40, before: i === 0 ? 80 : 0 } }, run(markOf(ctx.letters, c), { font: SANS, bold: true, sup: true }) + run(' ') + runsOf(c.runs)))
        .join('');
    case 'bibliography':
      return paragraph({ style: 'Heading2' }, textRuns(block.heading)) + block.entries.map((e) => paragraph({ style: 'Bibliography' }, runsOf(e))).join('');
  }
}

/**
 * A section's blocks; the properties of a section that is not the last go in its final paragraph (an empty one is
 * added when it ends with a table or has nothing), as the `docx` package and Word place them.
 */
export function sectionXml(ctx: BodyContext, blocks: readonly Block[], usableWidth: number, sectPr: string | null): string {
  let x = '';
  let endsWithParagraph = false;
  for (const block of blocks) {
    const xml = blockXml(ctx, block, usableWidth);
    if (!xml) continue;
    x += xml;
    endsWithParagraph = xml.endsWith('</w:p>') || xml.endsWith('<w:p/>');
  }
  if (sectPr === null) return x;
  if (!endsWithParagraph) return `${x}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  if (x.endsWith('<w:p/>')) return `${x.slice(0, -'<w:p/>'.length)}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  // The last paragraph: its properties end before its first run, or it has none yet.
  const start = x.lastIndexOf('<w:p>');
  const rest = x.slice(start + '<w:p>'.length);
  return rest.startsWith('<w:pPr>') ? `${x.slice(0, start)}<w:p>${rest.replace('</w:pPr>', `${sectPr}</w:pPr>`)}` : `${x.slice(0, start)}<w:p><w:pPr>${sectPr}</w:pPr>${rest}`;
}
