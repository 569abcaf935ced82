/**
 * LaTeX, as a journal's production editor takes it: three UTF-8 files.
 * - OUT-body.tex (the fragment): the tables, notes and text with biblatex citations (`\footcites`/`\parencites`
 *   with the citation keys and locators), for a journal class to `\input`. It sets no page: no geometry, no page
 *   style, no fonts. It needs in the preamble: array, booktabs, longtable, xcolor (table option), babel with russian
 *   when it has Cyrillic (`\foreignlanguage`), url or xurl, pdflscape when it mixes orientations, and biblatex.
 * - OUT.tex (the wrapper): the page (geometry, running head, page numbers), the fonts, biblatex with the style that
 *   matches the export's CSL style (biblatex-chicago notes for Chicago, biblatex-apa, authoryear for Harvard),
 *   `\input` of the fragment and `\printbibliography`. Compile with latexmk (-xelatex when the text has Cyrillic).
 * - OUT.bib: the cited sources as biblatex entries (sources/biblatex.ts), keys as in the XLSX and CSL-JSON.
 *
 * Text in Cyrillic (Russian, Kazakh) needs a Unicode engine and a font that has it: the wrapper then requires
 * XeLaTeX or LuaLaTeX and Noto Serif/Sans, and stops with an error that says what to install when they are missing
 * (rather than printing blanks with "Missing character" warnings). Latin-only files also compile with pdfLaTeX.
 */
import { formatBiblatex } from '../sources/biblatex';
import { normaliseLocator, noteTermsOf, type CitationStyle, type NoteTerms } from './citations';
import { isBreak, isCite, type Cite, type Inline, type TextRun } from './inline';
import { documentText } from './html';
import { messagesFor, type ExportLanguage, type ExportMessages } from './i18n';
import { markOf, noteMarksOf, type Block, type CellModel, type EvidenceItem, type ExportDocument, type NoteMarks, type StatusMark, type TableModel } from './model';
import type { PaperSize } from './types';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '\u00a0': '~',
  // The marker of facts and claims not verified externally (build-record.ts): works with every engine.
  '†': '\\dag{}',
  // A line may break after a slash in a narrow column ("officials/commentators"), and the word after it hyphenate
  // (TeX hyphenates only words that follow glue: \\slash alone would not let "commentators" break).
  '/': '/\\hspace{0pt}',
  // Arrows (the change history's "before → after") are not in Noto Serif: the math font has them, in every engine.
  '→': '\\ensuremath{\\rightarrow}',
  '←': '\\ensuremath{\\leftarrow}',
  '↔': '\\ensuremath{\\leftrightarrow}',
};

/** A run of Cyrillic words with the spaces and punctuation between them (captured, for split). */
const CYRILLIC_SPAN = /([\u0400-\u04ff](?:[\u0400-\u04ff\s\d.,;:!?«»()/\-–—]*[\u0400-\u04ff])?)/;

function escapeText(value: string): string {
  return value.replace(/[\\{}$&#^_%~<>|\u00a0†/→←↔]/g, (ch) => SPECIALS[ch]!).replace(/\r?\n/g, ' ');
}

/**
 * Text escaped for LaTeX; Cyrillic words set in Russian (babel's \foreignlanguage), so that they hyphenate by
 * Russian patterns, not English ones (Kazakh has no patterns in TeX Live: Russian ones are the nearest).
 */
export function escapeLatex(value: string): string {
  return value
    .split(CYRILLIC_SPAN)
    .map((part, i) => (i % 2 === 1 ? `\\foreignlanguage{russian}{${escapeText(part)}}` : escapeText(part)))
    .join('');
}

function urlLatex(url: string): string {
  return `\\url{${url.replace(/[%#{}\\]/g, (ch) => `\\${ch}`)}}`;
}

/** Text with web addresses as \url{} (breakable, linked), the rest escaped. */
function textLatex(value: string): string {
  return value
    .split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/)
    .map((part, i) => (i % 2 === 1 ? urlLatex(part) : escapeLatex(part)))
    .join('');
}

function runLatex(run: TextRun): string {
  let out = textLatex(run.text);
  if (!out) return '';
  if (run.smallCaps) out = `\\textsc{${out}}`;
  if (run.sup) out = `\\textsuperscript{${out}}`;
  if (run.sub) out = `\\textsubscript{${out}}`;
  if (run.bold) out = `\\textbf{${out}}`;
  if (run.italic) out = `\\emph{${out}}`;
  return out;
}

const runsLatex = (runs: readonly TextRun[]) => runs.map(runLatex).join('');

/**
 * A locator as a biblatex postnote: a bare page number or range ("3", "3--5") lets the style add its own "p."; any
 * other locator is written as recorded, in braces ("Stage 3, nn. 53--54; seed line 493").
 */
export function postnoteLatex(locator: string, terms?: NoteTerms): string {
  const value = locator.trim();
  if (!value) return '';
  const page = /^pp?\.?\s*(\d+(?:\s*[-–]\s*\d+)?)$/i.exec(value);
  if (page) return `[${page[1]!.replace(/\s*[-–]\s*/, '--')}]`;
  return `[{${escapeLatex(normaliseLocator(value, terms)).replace(/–/g, '--')}}]`;
}

/** What the renderer needs besides a block: the document's words and the letters of lettered notes. */
interface LatexContext {
  m: ExportMessages;
  /** The letter of each note set under its table (empty: notes are numbered footnotes). */
  letters: ReadonlyMap<string, string>;
  /** The note term of locators written as text: biblatex prints a braced postnote as given, in the document's language. */
  noteTerms: NoteTerms;
}

/** A cite's biblatex command: `cite` in text, `footcite`, `parencite`; the formatted text where it has no keys. */
function citeCommand(cite: Cite, command: 'cite' | 'footcite' | 'parencite', ctx: LatexContext): string {
  const refs = cite.refs ?? [];
  if (refs.length === 0) return command === 'footcite' ? `\\footnote{${runsLatex(cite.runs)}}` : runsLatex(cite.runs);
  const items = refs.map((r) => `${postnoteLatex(r.locator, ctx.noteTerms)}{${r.key}}`);
  return `\\${command}${items.length > 1 ? 's' : ''}${items.join('')}`;
}

/**
 * biblatex citations: a note of a note style is a superscript letter whose note is set under the table (Chicago
 * 3.77; the `notes` block), or with numbered notes a footnote (\footcites); author-date styles cite in parentheses.
 */
function citeLatex(cite: Cite, ctx: LatexContext): string {
  if (cite.noteNumber === null) return ` ${citeCommand(cite, 'parencite', ctx)}`;
  const letter = ctx.letters.get(cite.id);
  if (letter) return `\\textsuperscript{\\textit{${letter}}}`;
  return citeCommand(cite, 'footcite', ctx);
}

/** The lettered notes of a table (or of an appendix's cell), under it: "a  Author, Title, 3." */
function letteredNotesLatex(cites: readonly Cite[], ctx: LatexContext): string {
  const lettered = cites.filter((c) => ctx.letters.has(c.id));
  if (lettered.length === 0) return '';
  const lines = lettered.map((c) => `\\noindent\\makebox[1.2em][l]{\\textsuperscript{\\textit{${markOf(ctx.letters, c)}}}}${citeCommand(c, 'cite', ctx)}.`);
  return `{\\footnotesize\\raggedright\n${lines.join('\\par\n')}\\par}\n\\bigskip`;
}

function inlineLatex(content: readonly Inline[], ctx: LatexContext): string {
  return content.map((x) => (isCite(x) ? citeLatex(x.cite, ctx) : isBreak(x) ? '\\newline ' : runLatex(x))).join('');
}

/**
 * Text and the citation of what it says: a note after the sentence's full stop; an author-date citation before it
 * (APA 8.10: "… in 1992 (Author, 2016)."), the full stop moved after the parentheses.
 */
function withCite(body: string, cite: Cite | null, ctx: LatexContext): string {
  if (!cite) return body;
  if (cite.noteNumber !== null) return body + citeLatex(cite, ctx);
  const stop = /\.(\s*)$/.exec(body);
  return stop && !/\.\.\.\s*$|…\s*$/.test(body) ? `${body.slice(0, stop.index)}${citeLatex(cite, ctx)}.` : body + citeLatex(cite, ctx);
}

function statusLatex(status: StatusMark): string {
  return `\\statusmark{${status.colour.slice(1)}}{${escapeLatex(status.label)}}`;
}

function cellLatex(cell: CellModel, ctx: LatexContext): string {
  const parts: string[] = [];
  if (cell.status && !cell.header) parts.push(`\\cellcolor[HTML]{${(cell.status.noData ? '#F4F4F4' : cell.status.tint).slice(1)}}`);
  if (cell.status) parts.push(`${statusLatex(cell.status)}${cell.meta ? `\\newline{\\scriptsize\\sffamily ${escapeLatex(cell.meta)}}` : ''}`);
  const body = withCite(inlineLatex(cell.content, ctx), cell.cite ?? null, ctx);
  if (body.trim()) parts.push(`${cell.status ? '\\newline ' : ''}${cell.header ? `{\\sffamily ${body}}` : body}`);
  const content = parts.join('');
  return cell.align === 'right' ? `\\raggedleft\\arraybackslash ${content}` : content;
}

function tableLatex(table: TableModel, ctx: LatexContext): string {
  const total = table.columns.reduce((s, c) => s + c.width, 0) || 1;
  // Column widths add up to exactly \\linewidth (each column's own padding included).
  // \\hspace{0pt}: TeX hyphenates no word that begins a paragraph, and every cell begins one.
  const spec = table.columns.map((c) => `>{\\raggedright\\arraybackslash\\hspace{0pt}}p{\\dimexpr ${((c.width / total) * 0.9995).toFixed(4)}\\linewidth-2\\tabcolsep\\relax}`).join('');
  const head = `${table.columns.map((c) => `\\textsf{\\textbf{${escapeLatex(c.label)}}}${c.note ? `\\newline{\\scriptsize\\emph{${escapeLatex(c.note)}}}` : ''}`).join(' & ')} \\\\`;
  const n = table.columns.length;
  const rows = table.rows.map((row, i) => {
    const rule = i < table.rows.length - 1 ? '\n\\arrayrulecolor{black!35}\\midrule\\arrayrulecolor{black}' : '';
    if ('group' in row) return `\\multicolumn{${n}}{l}{\\cellcolor[HTML]{ECECEC}\\textsf{\\textbf{${escapeLatex(row.group)}}}} \\\\${rule}`;
    return `${row.cells.map((cell) => cellLatex(cell, ctx)).join(' &\n')} \\\\${rule}`;
  });
  // longtable steps the table counter itself: a matrix set in parts steps it back, so that every part has the first
  // part's number; the first part is labelled and listed.
  // The label in the document's language with the counter where the number goes ("Table~3", "3-кесте").
  const sentinel = -7_777_777;
  const counter = (value: string) => escapeLatex(value).replace(String(sentinel), '\\thetable').replace(/ /g, '~').replace(/\\thetable~/, '\\thetable{}~');
  const label = counter(ctx.m.tableLabel(sentinel, table.part));
  const continued = counter(ctx.m.tableLabel(sentinel));
  const first = (table.part?.index ?? 1) === 1;
  const listed = first ? `\\label{tab:${table.number}}\\addcontentsline{lot}{table}{\\protect\\numberline{\\thetable}${escapeLatex(table.caption)}}` : '';
  // The caption is the first row of the first head, so that it goes to the page of the table's first row (a row
  // taller than what is left of a page moves to the next page, and a caption set before the table stayed behind).
  // Tables are set a size smaller than the text, as journals set them; wide ones (five columns or more) two sizes.
  const size = n >= 5 ? '\\footnotesize' : '\\small';
  return `\\par\\medskip\\noindent${first ? '' : '\\addtocounter{table}{-1}'}%
\\begingroup${size}
\\begin{longtable}{${spec}}
\\multicolumn{${n}}{@{}p{\\linewidth}@{}}{\\textbf{${label}.} ${escapeLatex(table.caption)}${listed}}\\\\[3pt]
\\toprule
${head}
\\midrule
\\endfirsthead
\\multicolumn{${n}}{l}{\\emph{${continued}\\ (${escapeLatex(ctx.m.continued)})}}\\\\
\\toprule
${head}
\\midrule
\\endhead
\\bottomrule
\\endlastfoot
${rows.join('\n')}
\\end{longtable}
\\endgroup`;
}

function quotedLatex(item: EvidenceItem, value: string, ctx: LatexContext): string {
  const body = escapeLatex(value.trim());
  return item.textKind === 'quote' ? `“${body}”` : `${body} \\emph{(${escapeLatex(ctx.m.paraphrase)})}`;
}

function evidenceLatex(items: EvidenceItem[], ctx: LatexContext): string {
  const lines = items.map((item) => {
    const note = item.cite && item.cite.noteNumber !== null ? citeLatex(item.cite, ctx) : '';
    const excerpt = item.translation.trim()
      ? `\\noindent\\begin{minipage}[t]{0.48\\linewidth}{\\scriptsize\\sffamily ${escapeLatex(ctx.m.original.toLocaleUpperCase(ctx.m.tag))}${item.language ? ` (${escapeLatex(item.language)})` : ''}}\\newline ${quotedLatex(item, item.text, ctx)}\\end{minipage}\\hfill` +
        `\\begin{minipage}[t]{0.48\\linewidth}{\\scriptsize\\sffamily ${escapeLatex(ctx.m.translation.toLocaleUpperCase(ctx.m.tag))}${item.translationLanguage ? ` (${escapeLatex(item.translationLanguage)})` : ''}}\\newline ${quotedLatex(item, item.translation, ctx)}\\end{minipage}${note}`
      : `${quotedLatex(item, item.text, ctx)}${note}`;
    const meta = [
      item.attribution ? `\\emph{${escapeLatex(item.attribution)}}` : '',
      item.cite && item.cite.noteNumber === null ? citeLatex(item.cite, ctx).trim() : '',
      !item.cite && item.locator ? escapeLatex(item.locator) : '',
    ].filter(Boolean);
    return `\\item ${excerpt}${meta.length ? `\\newline{\\small ${meta.join(' · ')}}` : ''}`;
  });
  return `\\begin{enumerate}\n${lines.join('\n')}\n\\end{enumerate}`;
}

function blockLatex(block: Block, ctx: LatexContext): string {
  switch (block.type) {
    case 'title':
      return `{\\sffamily\\bfseries\\LARGE ${escapeLatex(block.text)}\\par}${block.subtitle ? `\n{\\sffamily\\small ${escapeLatex(block.subtitle)}\\par}` : ''}\n\\medskip`;
    case 'heading':
      return `\\${block.level === 2 ? 'subsection' : 'subsubsection'}*{${escapeLatex(block.text)}}`;
    case 'paragraph':
      return `${block.small ? '{\\small ' : ''}${inlineLatex(block.content, ctx)}${block.small ? '}' : ''}\\par`;
    case 'status':
      return `\\noindent\\colorbox[HTML]{${(block.status.noData ? '#F4F4F4' : block.status.tint).slice(1)}}{\\parbox{\\dimexpr\\linewidth-2\\fboxsep\\relax}{${statusLatex(block.status)}${block.meta ? `\\quad{\\footnotesize\\sffamily ${escapeLatex(block.meta)}}` : ''}}}\\par\\smallskip`;
    case 'table':
      return tableLatex(block.table, ctx);
    case 'tableNotes':
      return `{\\footnotesize\\noindent ${block.legend ? `\\emph{${escapeLatex(block.legendLabel ?? ctx.m.statusScale)} (${escapeLatex(ctx.m.colourAndLabel)}):} ${block.legend.map((s) => statusLatex(s)).join('\\quad ')}\\par\n` : ''}${block.paragraphs.map((p) => inlineLatex(p, ctx)).join('\\par\n')}\\par}\n\\bigskip`;
    case 'fields':
      return `\\begin{description}\n${block.items.map((f) => `\\item[${escapeLatex(f.label)}] ${escapeLatex(f.value)}`).join('\n')}\n\\end{description}`;
    case 'evidence':
      return evidenceLatex(block.items, ctx);
    case 'notes':
      // Lettered notes are set here, under their table; numbered ones are real footnotes (\footcite).
      return letteredNotesLatex(block.cites, ctx);
    case 'bibliography':
      // biblatex prints it from the .bib (the wrapper's \\printbibliography, or the article's own).
      return '';
  }
}

export interface LatexOptions {
  paper: PaperSize;
  /** The file name of the .bib written beside the .tex. */
  bibFile: string;
  /** The file name of the fragment (the body) written beside the .tex, which the wrapper \input's. */
  bodyFile: string;
  /** Notes of note styles: lettered under each table (default) or numbered footnotes. */
  noteMarks?: NoteMarks | undefined;
}

export interface LatexFiles {
  /** The standalone wrapper. */
  tex: string;
  /** The fragment a journal class can \input. */
  body: string;
  bib: string;
}

/** Text for PDF metadata (hyperref): escaped, without language switches or typographic quotes. */
function hyper(value: string): string {
  return escapeText(value).replace(/\/\\hspace\{0pt\}/g, '/').replace(/[“”]/g, '"');
}

/** The biblatex package line for the export's citation style: the same conventions, formatted by biber. */
function biblatexPackage(style: CitationStyle, language: ExportLanguage): string {
  // biblatex has no Kazakh strings (no kazakh.lbx): a Kazakh export cites with Russian ones, as its CSL locale does.
  const lang = language === 'en' ? '' : ',language=russian';
  if (style.name === 'chicago-note') return `\\usepackage[notes,short,backend=biber${lang}]{biblatex-chicago}`;
  if (style.name === 'apa') return `\\usepackage[style=apa,backend=biber${lang}]{biblatex}`;
  if (style.name === 'harvard') return `\\usepackage[style=authoryear,backend=biber,maxcitenames=3,uniquename=false,dashed=false${lang}]{biblatex}`;
  return style.note ? `\\usepackage[style=verbose-note,backend=biber${lang}]{biblatex}` : `\\usepackage[style=authoryear,backend=biber${lang}]{biblatex}`;
}

/**
 * babel: the export language as the main language (its hyphenation, \today, biblatex strings); Russian for Cyrillic
 * stretches of an English document. Kazakh is set by babel's ini file; TeX Live has no Kazakh hyphenation patterns.
 */
function babelLines(language: ExportLanguage, cyrillic: boolean): string {
  if (language === 'ru') return '\\usepackage[english]{babel}\n\\babelprovide[import,main]{russian}';
  if (language === 'kk') return '\\usepackage[english]{babel}\n\\babelprovide[import]{russian}\n\\babelprovide[import,main]{kazakh}';
  return `\\usepackage[main=english]{babel}${cyrillic ? '\n\\babelprovide[import]{russian}' : ''}`;
}

/** A fontspec font or a compile error that says what to install (never blank Cyrillic with "Missing character"). */
function requireFont(command: string, font: string): string {
  return `\\IfFontExistsTF{${font}}{\\${command}{${font}}}{\\GenericError{}{Comparanda export: the font "${font}" is not installed}{This document has Cyrillic text and is set in ${font}. Install it (Debian/Ubuntu: apt-get install fonts-noto-core; elsewhere https://notofonts.github.io) or change \\string\\${command} to a font with Cyrillic letters.}{}}`;
}

export function renderLatex(doc: ExportDocument, options: LatexOptions): LatexFiles {
  const unicode = /[^\t\n\r\u0020-\u00ff–—‘’“”•·…†]/.test(documentText(doc));
  const cyrillic = /[\u0400-\u04ff]/.test(documentText(doc));
  const orientations = new Set(doc.sections.map((s) => s.orientation));
  const mixed = orientations.size > 1;
  const pageLandscape = !mixed && orientations.has('landscape');
  const paper = options.paper === 'letter' ? 'letterpaper' : 'a4paper';
  const m = messagesFor(doc.language);
  const ctx: LatexContext = {
    m,
    letters: (options.noteMarks ?? 'letters') === 'letters' ? noteMarksOf(doc, 'letters') : new Map(),
    // Russian and Kazakh exports cite with the ru-RU locale (i18n/index.ts).
    noteTerms: noteTermsOf(m.language === 'en' ? 'en-US' : 'ru-RU'),
  };
  const sections = doc.sections
    .map((section, i) => {
      const content = section.blocks.map((block) => blockLatex(block, ctx)).filter(Boolean).join('\n\n');
      const wrapped = mixed && section.orientation === 'landscape' ? `\\begin{landscape}\n${content}\n\\end{landscape}` : content;
      return i > 0 ? `\\clearpage\n${wrapped}` : wrapped;
    })
    .join('\n\n');
  const bodyBase = options.bodyFile.replace(/\.tex$/i, '');
  const requires = [
    'array, booktabs, longtable',
    'xcolor with the table option',
    cyrillic ? 'babel with russian (\\foreignlanguage{russian}), under XeLaTeX or LuaLaTeX with a font that has Cyrillic' : '',
    'url or xurl',
    mixed ? 'pdflscape (landscape sections)' : '',
    `biblatex with ${options.bibFile} added (\\addbibresource)`,
  ].filter(Boolean);
  const body = `% ${doc.title}: the tables and text (Comparanda, ${doc.kind}), to \\input in an article.
% It sets no page, font or style. Needs in the preamble: ${requires.join('; ')}.
% Citations are biblatex commands with the keys of ${options.bibFile}; print the references with \\printbibliography.
% A status: a square in the status colour and the label (the label carries the meaning in greyscale print).
\\providecommand{\\statusmark}[2]{{\\color[HTML]{#1}\\rule{0.65em}{0.65em}}\\hspace{0.3em}\\textsf{\\textbf{#2}}}%

${sections}
`;
  const bibliography = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'bibliography');
  const heading = bibliography && bibliography.type === 'bibliography' ? bibliography.heading : 'Bibliography';
  const tex = `% ${doc.title}
% Exported by Comparanda (${doc.kind}); citations in the style of ${doc.style.title}, formatted by biblatex and biber.
% The page: this file. The tables and text: ${options.bodyFile} (\\input below; a journal class can \\input it too).
% The references: ${options.bibFile} (biblatex). ${unicode ? 'Compile with XeLaTeX or LuaLaTeX (the text has Cyrillic letters): latexmk -xelatex' : 'Compile with pdfLaTeX, XeLaTeX or LuaLaTeX, e.g. latexmk -pdf'} (biber runs for the references).
\\documentclass[10pt]{article}
\\usepackage{iftex}
${
  unicode
    ? `\\RequireTUTeX
\\usepackage{fontspec}
${requireFont('setmainfont', 'Noto Serif')}
${requireFont('setsansfont', 'Noto Sans')}`
    : `\\ifPDFTeX
  \\usepackage[utf8]{inputenc}
  \\usepackage[T1]{fontenc}
  \\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}{}
\\else
  \\usepackage{fontspec}
  \\IfFontExistsTF{Noto Serif}{\\setmainfont{Noto Serif}}{}
  \\IfFontExistsTF{Noto Sans}{\\setsansfont{Noto Sans}}{}
\\fi`
}
${babelLines(doc.language, cyrillic)}
\\usepackage[${paper}${pageLandscape ? ',landscape' : ''},margin=15mm,top=18mm,bottom=18mm]{geometry}
${mixed ? '\\usepackage{pdflscape}\n' : ''}\\usepackage{array,booktabs,longtable}
\\usepackage[table]{xcolor}
\\usepackage{fancyhdr,lastpage}
\\usepackage{csquotes}
${biblatexPackage(doc.style, doc.language)}
\\addbibresource{${options.bibFile}}
\\IfFileExists{xurl.sty}{\\usepackage{xurl}}{\\usepackage{url}}
\\usepackage[hidelinks]{hyperref}
\\hypersetup{pdftitle={${hyper(doc.title)}},pdfauthor={${hyper(doc.author)}},pdfsubject={${hyper(doc.subject)}}}
\\pagestyle{fancy}
\\fancyhf{}
\\renewcommand{\\headrulewidth}{0pt}
\\fancyhead[L]{\\scriptsize\\sffamily ${escapeLatex(doc.runningHead)}}
\\fancyfoot[C]{\\footnotesize\\sffamily \\thepage\\ / \\pageref*{LastPage}}
\\setlength{\\LTleft}{0pt}
\\setlength{\\LTright}{0pt}
\\setlength{\\parindent}{0pt}
\\setlength{\\parskip}{3pt}
\\renewcommand{\\arraystretch}{1.15}
% References: ragged right, so that long titles and web addresses do not overfill the line.
\\renewcommand*{\\bibfont}{\\small\\raggedright}

\\begin{document}

\\input{${bodyBase}}

${doc.citedSources.length > 0 ? `\\printbibliography[title={${escapeLatex(heading)}}]\n` : ''}
\\end{document}
`;
  const bib = doc.citedSources.length > 0 ? formatBiblatex(doc.citedSources) : '';
  return { tex, body, bib };
}
