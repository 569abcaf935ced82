/**
 * The document as one self-contained HTML page for Chromium to print (Playwright here, `webContents.printToPDF` in
 * Electron): bundled fonts inlined, no scripts, no external requests (a CSP forbids them), CSS paged media for the
 * page size and orientation, running head and page numbers (`@page` margin boxes), header rows repeated on every
 * page, rows kept whole where they fit.
 *
 * Footnotes of note styles (Chicago): Chromium has no CSS footnotes (`float: footnote` is not implemented), and
 * positioning notes at the foot of each page by script is unreliable across page breaks of a table. Notes are
 * therefore numbered in the text (superscript, linked) and collected at the end of the table or section they belong
 * to — the convention for table notes in journals — and print reliably.
 */
import type { Notice } from '../../contract/errors';
import { localText } from '../../contract/i18n/format';
import { fitColumns, type FitMetrics } from './columns';
import { codePointsOf, fontFaceCss, SANS_FAMILY, sansFontMissing, SERIF_FAMILY, uncoveredCharacters } from './fonts';
import { hyphenate, languageSpans, namesIn } from './hyphenate';
import { isBreak, isCite, plain, type Cite, type Inline, type TextRun } from './inline';
import { messagesFor, type ExportMessages } from './i18n';
import { contentWithCite, markOf, noteMarksOf, tableLabel, type Block, type CellModel, type EvidenceItem, type ExportDocument, type NoteMarks, type StatusMark, type TableModel } from './model';
import type { PageOrientation, PaperSize } from './types';

export interface HtmlOptions {
  paper: PaperSize;
  /** Default letters. */
  noteMarks?: NoteMarks | undefined;
}

/** What rendering a block needs besides the block: the page it is set on and the marks of the notes. */
interface Page {
  paper: PaperSize;
  orientation: PageOrientation;
  marks: ReadonlyMap<string, string>;
  /** The names of the document, which are never hyphenated (see hyphenate.ts). */
  names: ReadonlySet<string>;
  /** The document's words (i18n/). */
  m: ExportMessages;
}

/** The text width of a page in points (the `@page` margins are 15 mm left and right). */
const USABLE_PT: Record<PaperSize, Record<PageOrientation, number>> = {
  a4: { portrait: ((210 - 30) / 25.4) * 72, landscape: ((297 - 30) / 25.4) * 72 },
  letter: { portrait: ((215.9 - 30) / 25.4) * 72, landscape: ((279.4 - 30) / 25.4) * 72 },
};

/** The sizes of the stylesheet below, in points. */
function htmlMetrics(orientation: PageOrientation): FitMetrics {
  return { body: orientation === 'portrait' ? 9.5 : 9, label: 8.5, status: 8, meta: 7.5, padding: 12, mark: 12 };
}

export interface RenderedHtml {
  html: string;
  /** The visible text, for the pre-export check and the font coverage check. */
  text: string;
  warnings: Notice[];
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** Lets long compounds with a slash ("officials/commentators") break after it in narrow columns, not mid-word. */
function breakableSlashes(html: string): string {
  // Most text has no slash at all: then there is nothing to scan for.
  if (!html.includes('/')) return html;
  return html.replace(/[^\s<>]{16,}/g, (word) => word.replace(/(?<=[\p{L}\d]{3})\/(?=[\p{L}\d]{3})/gu, '/<wbr>'));
}

/**
 * Text with soft hyphens in its language, and Cyrillic stretches marked `lang="ru"` or `lang="kk"` (the page is
 * English), so that hyphenation, quotation and screen readers follow the language of each stretch.
 */
function languageHtml(value: string, names?: ReadonlySet<string>, whole = false): string {
  return languageSpans(value)
    .map((span) => {
      const body = breakableSlashes(escapeHtml(whole ? span.text : hyphenate(span.text, span.lang, names))).replace(/\n/g, '<br>');
      return span.lang === 'en' ? body : `<span lang="${span.lang}">${body}</span>`;
    })
    .join('');
}

function runHtml(run: TextRun, names?: ReadonlySet<string>): string {
  let out = languageHtml(run.text, names);
  if (run.smallCaps) out = `<span class="sc">${out}</span>`;
  if (run.sup) out = `<sup>${out}</sup>`;
  if (run.sub) out = `<sub>${out}</sub>`;
  if (run.bold) out = `<b>${out}</b>`;
  if (run.italic) out = `<i>${out}</i>`;
  return out;
}

export function runsHtml(runs: readonly TextRun[], names?: ReadonlySet<string>): string {
  return runs.map((run) => runHtml(run, names)).join('');
}

function citeHtml(cite: Cite, page: Page): string {
  if (cite.noteNumber !== null) return `<sup class="noteref"><a href="#note-${cite.noteNumber}" id="ref-${cite.noteNumber}">${escapeHtml(markOf(page.marks, cite))}</a></sup>`;
  return ` <span class="cite">${runsHtml(cite.runs, page.names)}</span>`;
}

function inlineHtml(content: readonly Inline[], page: Page): string {
  return content.map((x) => (isCite(x) ? citeHtml(x.cite, page) : isBreak(x) ? '<br>' : runHtml(x, page.names))).join('');
}

function swatch(status: StatusMark): string {
  return `<span class="swatch" style="background:${status.colour}" aria-hidden="true"></span>`;
}

function statusHtml(status: StatusMark, meta: string | undefined, names?: ReadonlySet<string>): string {
  return `<div class="status${status.noData ? ' nodata' : ''}">${swatch(status)}<span class="status-label">${languageHtml(status.label, names)}</span></div>${meta ? `<div class="meta">${languageHtml(meta, names)}</div>` : ''}`;
}

function cellHtml(cell: CellModel, page: Page): string {
  const attrs: string[] = [];
  const classes: string[] = [];
  const style: string[] = [];
  if (cell.status && !cell.header) {
    classes.push('assessed');
    style.push(`background:${cell.status.noData ? '#F4F4F4' : cell.status.tint}`, `border-left:2.5pt solid ${cell.status.colour}`);
  }
  if (cell.align === 'right') classes.push('right');
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
  if (style.length) attrs.push(`style="${style.join(';')}"`);
  const body = [
    cell.status ? statusHtml(cell.status, cell.meta, page.names) : '',
    cell.content.length || cell.cite ? `<div class="summary">${inlineHtml(contentWithCite(cell.content, cell.cite), page)}</div>` : '',
  ].join('');
  const tag = cell.header ? 'th scope="row"' : 'td';
  return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${body}</${cell.header ? 'th' : 'td'}>`;
}

function tableHtml(table: TableModel, page: Page): string {
  const usable = USABLE_PT[page.paper][page.orientation];
  const widths = fitColumns(table, usable, htmlMetrics(page.orientation), { names: page.names });
  const cols = widths.map((w) => `<col style="width:${((w / usable) * 100).toFixed(2)}%">`).join('');
  const head = table.columns.map((c) => `<th scope="col">${languageHtml(c.label, page.names)}${c.note ? `<span class="colnote">${languageHtml(c.note, page.names)}</span>` : ''}</th>`).join('');
  const rows = table.rows
    .map((row) => ('group' in row ? `<tr class="group"><th scope="rowgroup" colspan="${table.columns.length}">${escapeHtml(row.group)}</th></tr>` : `<tr${row.breakable ? ' class="breakable"' : ''}>${row.cells.map((cell) => cellHtml(cell, page)).join('')}</tr>`))
    .join('\n');
  // The caption is a heading (so that it is in the PDF outline) that labels the table for assistive technology.
  // Each table after the first starts a page, as journals want tables for typesetting.
  const id = `table-${table.number}${table.part ? `-${table.part.index}` : ''}`;
  const newPage = table.number > 1 || (table.part?.index ?? 1) > 1;
  return `<h2 class="caption${newPage ? ' new-page' : ''}" id="${id}-caption"><span class="caption-label">${escapeHtml(tableLabel(table, page.m))}.</span> ${escapeHtml(table.caption)}</h2>
<table class="data" id="${id}" aria-labelledby="${id}-caption">
<colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function legendHtml(legend: StatusMark[], m: ExportMessages, label = m.statusScale): string {
  return `<p class="legend"><i>${escapeHtml(label)} (${escapeHtml(m.colourAndLabel)}):</i> ${legend
    .map((s) => `<span class="legend-item">${swatch(s)}${escapeHtml(s.label)}</span>`)
    .join(' ')}</p>`;
}

function quoted(text: string, kind: EvidenceItem['textKind'], m: ExportMessages): string {
  const body = languageHtml(text.trim());
  return kind === 'quote' ? `“${body}”` : `${body} <span class="kind">(${escapeHtml(m.paraphrase)})</span>`;
}

function languageName(code: string): string {
  return code ? ` (${escapeHtml(code)})` : '';
}

function evidenceHtml(items: EvidenceItem[], page: Page): string {
  const lis = items.map((item) => {
    // A note style's reference follows the excerpt, as a footnote mark follows a quotation.
    const noteRef = item.cite && item.cite.noteNumber !== null ? citeHtml(item.cite, page) : '';
    const excerpt = item.translation.trim()
      ? `<div class="bilingual"><div><span class="lang">${escapeHtml(page.m.original)}${languageName(item.language)}</span>${quoted(item.text, item.textKind, page.m)}</div><div><span class="lang">${escapeHtml(page.m.translation)}${languageName(item.translationLanguage)}</span>${quoted(item.translation, item.textKind, page.m)}${noteRef}</div></div>`
      : `<div class="excerpt ${item.textKind}">${quoted(item.text, item.textKind, page.m)}${noteRef}</div>`;
    const who = item.attribution ? `<span class="who">${escapeHtml(item.attribution)}</span>` : '';
    const cite = item.cite && item.cite.noteNumber === null ? `<span class="cite">${runsHtml(item.cite.runs)}</span>` : '';
    const locator = item.locator && !item.cite ? `<span class="locator">${escapeHtml(item.locator)}</span>` : '';
    const parts = [who, cite, locator].filter(Boolean).join('<span class="sep"> · </span>');
    return `<li>${excerpt}${parts ? `<div class="attribution">${parts}</div>` : ''}</li>`;
  });
  return `<ol class="evidence">${lis.join('\n')}</ol>`;
}

function notesHtml(cites: Cite[], page: Page): string {
  const items = cites.map((c) => `<li id="note-${c.noteNumber}"><sup class="mark">${escapeHtml(markOf(page.marks, c))}</sup> ${runsHtml(c.runs)}</li>`).join('\n');
  return `<div class="notes"><div class="notes-title">${escapeHtml(page.m.notes)}</div><ol>${items}</ol></div>`;
}

/**
 * Entries beyond which a landscape bibliography fills its two columns in turn in print instead of balancing them
 * (about ten pages). Chromium balances the columns of every printed page as if it were the last, laying out all the
 * entries still to come each time: a 95-page bibliography (5,300 entries) took 2.8 s of layout balanced and 0.4 s
 * filled in turn. The pages are the same but for the last, whose left column is filled first (as LaTeX's two-column
 * pages are); a shorter bibliography stays balanced, so that a few entries never stand in one column.
 */
export const LONG_BIBLIOGRAPHY = 500;

function blockHtml(block: Block, page: Page): string {
  switch (block.type) {
    case 'title':
      return `<header class="doc-title"><h1>${escapeHtml(block.text)}</h1>${block.subtitle ? `<p class="subtitle">${escapeHtml(block.subtitle)}</p>` : ''}</header>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.small ? ' class="small"' : ''}>${inlineHtml(block.content, page)}</p>`;
    case 'status':
      return `<div class="status-line" style="background:${block.status.noData ? '#F4F4F4' : block.status.tint};border-left:2.5pt solid ${block.status.colour}">${statusHtml(block.status, block.meta)}</div>`;
    case 'table':
      return tableHtml(block.table, page);
    case 'tableNotes':
      return `<div class="table-notes">${block.legend ? legendHtml(block.legend, page.m, block.legendLabel) : ''}${block.paragraphs.map((p) => `<p>${inlineHtml(p, page)}</p>`).join('')}</div>`;
    case 'fields':
      return `<dl class="fields">${block.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'evidence':
      return evidenceHtml(block.items, page);
    case 'notes':
      return notesHtml(block.cites, page);
    case 'bibliography':
      return `<section class="bibliography${block.entries.length > LONG_BIBLIOGRAPHY ? ' long' : ''}"><h2>${escapeHtml(block.heading)}</h2><div class="entries">${block.entries.map((e) => `<p class="bib-entry">${runsHtml(e)}</p>`).join('\n')}</div></section>`;
  }
}

/** All the visible text of a document (for checks). */
export function documentText(doc: ExportDocument): string {
  const parts: string[] = [doc.title, doc.subject, doc.author, doc.runningHead];
  const cites = (c: Cite | null | undefined) => (c ? plain(c.runs) : '');
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      switch (block.type) {
        case 'title':
          parts.push(block.text, block.subtitle ?? '');
          break;
        case 'heading':
          parts.push(block.text);
          break;
        case 'paragraph':
          parts.push(plain(block.content));
          break;
        case 'status':
          parts.push(block.status.label, block.meta);
          break;
        case 'table':
          parts.push(block.table.caption, ...block.table.columns.flatMap((c) => [c.label, c.note ?? '']));
          for (const row of block.table.rows) {
            if ('group' in row) parts.push(row.group);
            else for (const cell of row.cells) parts.push(cell.status?.label ?? '', cell.meta ?? '', plain(cell.content), cites(cell.cite));
          }
          break;
        case 'tableNotes':
          parts.push(block.legendLabel ?? '', ...(block.legend ?? []).map((s) => s.label), ...block.paragraphs.map(plain));
          break;
        case 'fields':
          parts.push(...block.items.flatMap((f) => [f.label, f.value]));
          break;
        case 'evidence':
          parts.push(...block.items.flatMap((i) => [i.text, i.translation, i.attribution, i.locator, cites(i.cite)]));
          break;
        case 'notes':
          parts.push(...block.cites.map((c) => plain(c.runs)));
          break;
        case 'bibliography':
          parts.push(block.heading, ...block.entries.map(plain));
          break;
      }
    }
  }
  return parts.filter(Boolean).join('\n');
}

const PAPER_CSS: Record<PaperSize, string> = { a4: 'A4', letter: 'letter' };

function stylesheet(doc: ExportDocument, options: HtmlOptions, characters: ReadonlySet<number>): string {
  const paper = PAPER_CSS[options.paper];
  const first = doc.sections[0]?.orientation ?? 'landscape';
  const orientations = new Set(doc.sections.map((s) => s.orientation));
  const named = [...orientations].map((o) => `@page ${o} { size: ${paper} ${o}; }`).join('\n');
  const sans = `'${SANS_FAMILY}', '${SERIF_FAMILY}'`;
  const serif = `'${SERIF_FAMILY}'`;
  return `${fontFaceCss(characters)}
@page {
  size: ${paper} ${first};
  margin: 17mm 15mm 16mm 15mm;
  @top-left { content: ${cssString(doc.runningHead)}; font-family: ${sans}; font-size: 7.5pt; color: #555; vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(shortTitle(doc))}; font-family: ${sans}; font-size: 7.5pt; color: #555; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { content: counter(page) " / " counter(pages); font-family: ${sans}; font-size: 8pt; color: #333; vertical-align: top; padding-top: 4mm; }
}
${named}
${[...orientations].map((o) => `section.page-${o} { page: ${o}; }`).join('\n')}
section.page + section.page { break-before: page; }
* { box-sizing: border-box; }
html { font-synthesis: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${serif}; font-size: 9pt; line-height: 1.36; color: #111; font-kerning: normal; font-variant-ligatures: common-ligatures; hyphens: manual; overflow-wrap: break-word; }
section.page-portrait { font-size: 9.5pt; }
h1, h2, h3, thead th, .status, .meta, .colnote, .notes-title, .lang, .subtitle { font-family: ${sans}; }
h1 { font-size: 15pt; font-weight: 700; margin: 0 0 2pt; line-height: 1.2; }
h2 { font-size: 11pt; font-weight: 700; margin: 14pt 0 5pt; break-after: avoid; }
h3 { font-size: 9.5pt; font-weight: 700; margin: 11pt 0 3pt; break-after: avoid; }
.doc-title { margin-bottom: 8pt; }
.subtitle { margin: 0; color: #444; font-size: 9pt; }
p { margin: 0 0 5pt; }
p.small { font-size: 8.5pt; }
i .kind, i i { font-style: normal; }
sup { font-size: 0.72em; line-height: 0; vertical-align: 0.5em; }
sub { font-size: 0.72em; line-height: 0; vertical-align: -0.2em; }
.sc { font-variant: small-caps; }
a { color: inherit; text-decoration: none; }
table.data { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 5pt; border-top: 1.1pt solid #111; border-bottom: 1.1pt solid #111; }
h2.caption { font-size: 10pt; font-weight: 400; margin: 0; padding: 0 0 6pt; line-height: 1.3; break-after: avoid; page-break-after: avoid; }
* + h2.caption { margin-top: 12pt; }
h2.caption.new-page { break-before: page; margin-top: 0; }
.caption-label { font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.breakable { break-inside: auto; page-break-inside: auto; }
tr.breakable td, tr.breakable th { orphans: 3; widows: 3; }
tr.group { break-after: avoid; page-break-after: avoid; }
thead th { text-align: left; vertical-align: bottom; font-size: 8.5pt; font-weight: 700; padding: 4pt 6pt 4pt; border-bottom: 0.8pt solid #111; }
.colnote { display: block; font-weight: 400; font-style: italic; font-size: 7.5pt; color: #444; }
tbody th, tbody td { text-align: left; vertical-align: top; padding: 5pt 6pt 6pt; border-bottom: 0.4pt solid #9a9a9a; font-weight: 400; }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: none; }
tbody th { font-size: 8.5pt; }
tbody th b { font-family: ${sans}; }
tr.group th { font-family: ${sans}; font-weight: 700; font-size: 8.5pt; background: #ECECEC; padding: 3pt 6pt; border-bottom: 0.6pt solid #555; }
td.right { text-align: right; }
.status { display: flex; align-items: center; gap: 4pt; font-size: 8pt; font-weight: 700; line-height: 1.2; }
.status.nodata .status-label { color: #555; font-style: italic; font-weight: 400; }
.swatch { display: inline-block; flex: none; width: 7pt; height: 7pt; border: 0.5pt solid #222; border-radius: 1pt; }
.meta { font-size: 7.5pt; color: #333; margin-top: 1.5pt; line-height: 1.25; }
.summary { margin-top: 3pt; }
.noteref { font-family: ${sans}; font-weight: 700; }
.noteref a { padding-left: 0.5pt; }
.table-notes { font-size: 7.6pt; line-height: 1.32; color: #222; margin: 4pt 0 8pt; }
.table-notes p { margin: 0 0 2.5pt; }
.legend-item { display: inline-flex; align-items: center; gap: 3pt; margin-right: 8pt; white-space: nowrap; }
.legend-item .swatch { width: 6.5pt; height: 6.5pt; }
.notes { font-size: 7.6pt; line-height: 1.3; margin: 4pt 0 10pt; }
.notes-title { font-weight: 700; font-size: 7.6pt; margin-bottom: 1.5pt; }
.notes ol { margin: 0; padding-left: 1.4em; list-style: none; }
.notes li { margin: 0 0 1.5pt; text-indent: -1.4em; break-inside: avoid; }
.notes .mark { display: inline-block; min-width: 1.4em; text-indent: 0; font-family: ${sans}; font-weight: 700; }
.status-line { padding: 3pt 6pt; margin: 0 0 4pt; break-inside: avoid; break-after: avoid; }
.status-line .meta { display: inline; margin-left: 6pt; }
.status-line .status { display: inline-flex; }
ol.evidence { margin: 3pt 0 6pt; padding-left: 1.9em; }
ol.evidence > li { margin: 0 0 5pt; break-inside: avoid; }
.excerpt.quote { }
.kind { font-style: italic; color: #333; white-space: nowrap; }
.bilingual { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
.lang { display: block; font-size: 7pt; color: #555; text-transform: uppercase; letter-spacing: 0.04em; }
.attribution { font-size: 8.2pt; color: #333; margin-top: 1.5pt; }
.attribution .who { font-style: italic; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0 0 6pt; }
dl.fields dt { font-family: ${sans}; font-size: 8.5pt; font-weight: 700; }
dl.fields dd { margin: 0; }
section.bibliography h2 { margin-top: 12pt; }
.bib-entry { padding-left: 1.6em; text-indent: -1.6em; margin: 0 0 3pt; font-size: 8.3pt; line-height: 1.32; break-inside: avoid; }
section.page-landscape section.bibliography .entries { columns: 2; column-gap: 10mm; }
@media print { section.page-landscape section.bibliography.long .entries { column-fill: auto; } }
`;
}

function shortTitle(doc: ExportDocument): string {
  const m = messagesFor(doc.language);
  if (doc.kind === 'claims') return doc.title.startsWith(m.comparisonCard) ? m.comparisonCard : m.claimsRegister;
  if (doc.kind === 'observation') return m.observationRecord;
  if (doc.kind === 'qca') return doc.title;
  return doc.kind === 'appendix' ? m.evidenceAppendix : doc.kind === 'case' ? doc.title : doc.tables.length === 1 ? `${m.tableLabel(1)}: ${doc.tables[0]!.norm.shortLabel || doc.tables[0]!.norm.label}` : m.matrices;
}

function sectionHtml(blocks: Block[], page: Page): string {
  return `<section class="page page-${page.orientation}">\n${blocks.map((b) => blockHtml(b, page)).join('\n')}\n</section>`;
}

/** The HTML of a document (a pure function of the document and the paper size). */
export function renderHtml(doc: ExportDocument, options: HtmlOptions): RenderedHtml {
  const text = documentText(doc);
  const warnings: Notice[] = [];
  const characters = codePointsOf(text);
  const missing = uncoveredCharacters(characters);
  if (missing.length > 0) {
    const chars = missing
      .slice(0, 12)
      .map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
      .join(', ');
    warnings.push(localText({ id: 'exportWarnings.glyphsMissing', values: { chars, more: Math.max(0, missing.length - 12) } }));
  }
  if (sansFontMissing()) warnings.push(localText({ id: 'exportWarnings.sansMissing', values: { pkg: '@fontsource/noto-sans', serif: 'Noto Serif' } }));
  const marks = noteMarksOf(doc, options.noteMarks ?? 'letters');
  const names = namesIn(text);
  const body = doc.sections.map((s) => sectionHtml(s.blocks, { paper: options.paper, orientation: s.orientation, marks, names, m: messagesFor(doc.language) })).join('\n');
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(doc.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(doc.title)}</title>
<meta name="author" content="${escapeHtml(doc.author)}">
<meta name="subject" content="${escapeHtml(doc.subject)}">
<meta name="description" content="${escapeHtml(doc.subject)}">
<meta name="generator" content="Comparanda">
<style>
${stylesheet(doc, options, characters)}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  return { html, text, warnings };
}

